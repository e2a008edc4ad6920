import { z } from 'zod';
import type { ImportResult } from '../db/import-report';
import type { ReplaceResult } from '../db/reimport';
import { MAX_REPORT_BYTES, MAX_SAMPLE_BYTES } from '../limits';
import { handleSchema, journalCutSchema, journalTextSchema, sealKeySchema, sealSchema } from '../host/ipc-schema';
import { findingsQuerySchema, type FindingRow } from '../query/model/findings';
import type { FacetCount, FacetName } from '../query/model/facets';
import type { FindingDetail } from '../query/model/finding-detail';
import type { ReportSource } from '../query/model/report-source';
import type { SavedView } from '../query/model/saved-views';
import { HISTORY_TARGETS, type HistoryEntry } from '../query/model/history';
import type { ReportCoverage } from '../query/model/coverage';
import { metricsQuerySchema, type MetricRow } from '../query/model/metrics';
import { FIELDS, type SampleField } from '../samples/fields';
import type { SampleListRow } from '../samples/queries';
import type { Reconciliation } from '../samples/reconcile';
import type { Agreement, SampleSummary } from '../samples/stats';
import type { SampleError } from '../samples/validate';
import type { ReportOverview } from '../query/model/overview';
import { MARKINGS, packDefinitionSchema } from '../brief/definition';
import type { SavedPack } from '../query/model/packs';
import type { ExportMime } from '../host/contract';
import type { StorageCall } from '../host/methods';
import type { JournalStop } from '../workspace/journal';
import type { OpenCheck } from '../workspace/session';

/**
 * The workspace service's API (./db-service.ts): the messages between it and whoever drives it, the
 * UI thread through the DB worker (src-renderer/db/db-client.ts) or a caller in the same thread
 * (./local-client.ts: the CLI, the bench). Requests are data, checked with zod in the service
 * before anything touches the database; answers are values ({ok, value} or {ok, error}), because an
 * exception thrown in a worker reaches the page as a bare string without its type.
 *
 * Three conversations share the one channel, each keyed by its own id:
 *  - UI → worker `request`, answered by a worker → UI `response` (with `progress` in between for imports);
 *  - worker → UI `storage` (the session asking for a journal append, a checkpoint or to keep the seal of a
 *    snapshot it checked in full), answered by UI → worker `storage-reply`.
 * Besides them, worker → UI `sql` says whether statements are running, for the statement budget.
 */

/** Rows per page: the grid asks for blocks of 100; anything far larger is a bug, not a request. */
export const MAX_PAGE_ROWS = 1000;
/**
 * The extractor's and the sample readers' limits (src-core/limits.ts, which imports nothing, so the
 * UI thread can check a file's size without loading a parser), checked again here so that no larger
 * file reaches them.
 */
export { MAX_REPORT_BYTES, MAX_SAMPLE_BYTES };
/** Rows of a sample file shown beside its columns while they are mapped to fields. */
export const PREVIEW_ROWS = 5;

// z.custom rather than z.instanceof: the latter infers Uint8Array<ArrayBuffer>, narrower than the host API's arrays.
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');

const sampleSortColumn = z.enum(['caseRef', 'crimeType', 'dateRecorded', 'reviewer', 'force']);
const sampleFile = {
  name: z.string().min(1).max(1000),
  bytes: bytes.refine((b) => b.length <= MAX_SAMPLE_BYTES, 'sample file larger than 50 MB'),
};

/** A grid column as the grid shows it: its id (which value) and its header (what the file calls it). */
const exportColumns = z
  .array(z.object({ colId: z.string().min(1).max(100), header: z.string().max(200) }))
  .min(1)
  .max(60);

/** Which grid's rows, selected and sorted exactly as the grid has them. */
export const gridExportSchema = z.discriminatedUnion('grid', [
  z.object({ grid: z.literal('findings'), query: findingsQuerySchema }),
  z.object({
    grid: z.literal('metrics'),
    query: metricsQuerySchema,
    sort: z
      .array(z.object({ colId: z.string().min(1).max(100), direction: z.enum(['asc', 'desc']) }))
      .max(5)
      .optional(),
  }),
  z.object({ grid: z.literal('samples'), sort: z.object({ column: sampleSortColumn, direction: z.enum(['asc', 'desc']) }).optional() }),
]);
export type GridExportSource = z.infer<typeof gridExportSchema>;

export const PACK_FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export const dbRequestSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('open'),
    handle: handleSchema,
    name: z.string().min(1).max(500),
    snapshot: bytes,
    journal: journalTextSchema,
    /** Where the host stopped reading the journal (too long a record, past its limit); replay stops there. */
    journalCut: journalCutSchema.nullable().optional(),
    /** The seal the host recorded with the snapshot; the worker checks it against the bytes itself. */
    seal: sealSchema.nullable(),
    /**
     * This installation's seal key, which the seal is checked and checkpoints are sealed with. A
     * reader that writes nothing (the CLI) may give the keys of the app's builds on this machine:
     * a seal made with any of them is trusted (src-core/workspace/session.ts).
     */
    sealKey: z.union([sealKeySchema, z.array(sealKeySchema).min(1).max(16)]),
  }),
  z.object({
    type: z.literal('findings.page'),
    query: findingsQuerySchema,
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
  }),
  z.object({ type: z.literal('findings.count'), query: findingsQuerySchema }),
  z.object({ type: z.literal('findings.facets'), query: findingsQuerySchema }),
  z.object({ type: z.literal('findings.detail'), id: z.number().int().positive() }),
  // The Source panel: where a report's original file is kept and what it is (src-renderer/shared/source/).
  z.object({ type: z.literal('report.source'), reportId: z.number().int().positive() }),
  z.object({ type: z.literal('tags.suggest'), prefix: z.string().max(100), limit: z.number().int().min(1).max(100).optional() }),
  z.object({ type: z.literal('views.list'), view: z.enum(['findings', 'metrics']).optional() }),
  // Undo and redo are edits too (journaled and audited), stamped with who did them and when.
  z.object({ type: z.literal('undo'), author: z.string().min(1).max(200), at: z.iso.datetime() }),
  z.object({ type: z.literal('redo'), author: z.string().min(1).max(200), at: z.iso.datetime() }),
  z.object({ type: z.literal('undo.state') }),
  z.object({ type: z.literal('reports.overview') }),
  z.object({ type: z.literal('metrics.list'), query: metricsQuerySchema }),
  z.object({ type: z.literal('metrics.history'), metricId: z.number().int().positive() }),
  // Any item's audit trail (a grade's, a report's, an area for improvement's), corrections included.
  z.object({ type: z.literal('history'), target: z.enum(HISTORY_TARGETS), id: z.number().int().positive() }),
  // How far the check against the source has gone, by report (all reports when none are named).
  z.object({ type: z.literal('coverage'), reportIds: z.array(z.number().int().positive()).max(2000).optional() }),
  // The op and its params (stamped with author and time by the client) are checked by the session
  // against the edit schemas (src-core/workspace/edits.ts), the journal's contract.
  z.object({ type: z.literal('edit'), op: z.string().min(1).max(100), params: z.unknown() }),
  z.object({ type: z.literal('checkpoint') }),
  z.object({
    type: z.literal('import'),
    name: z.string().min(1).max(1000),
    bytes: bytes.refine((b) => b.length <= MAX_REPORT_BYTES, 'report larger than 50 MB'),
    // Replace the report this file is a new reading of, keeping the analyst's checks (src-core/db/reimport.ts).
    replace: z.literal(true).optional(),
    // Who replaced it, for the report's history (an import alone records no author).
    author: z.string().min(1).max(200).optional(),
  }),
  z.object({ type: z.literal('snapshot') }),
  // Case-file review samples (the File review view).
  z.object({
    type: z.literal('samples.list'),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(MAX_PAGE_ROWS),
    sort: z.object({ column: sampleSortColumn, direction: z.enum(['asc', 'desc']) }).optional(),
  }),
  z.object({ type: z.literal('samples.summary'), force: z.string().min(1).max(200).optional() }),
  z.object({ type: z.literal('samples.agreement') }),
  z.object({ type: z.literal('samples.reconcile'), reportId: z.number().int().positive().optional() }),
  z.object({ type: z.literal('samples.history'), id: z.number().int().positive() }),
  z.object({ type: z.literal('samples.preview'), ...sampleFile }),
  z.object({
    type: z.literal('samples.import'),
    ...sampleFile,
    // The file's header → the field it holds (null: not imported); a file has a few dozen columns at most.
    mapping: z.record(z.string().max(1000), z.enum(FIELDS).nullable()).refine((m) => Object.keys(m).length <= 500, 'too many columns'),
    /** The force the sample is of, for files without a Force column. */
    force: z.string().trim().min(1).max(200),
    reportId: z.number().int().positive().nullable(),
  }),
  // Briefing packs (the Briefing view) and grid exports: built from the workspace here, in the worker.
  z.object({ type: z.literal('packs.list') }),
  z.object({ type: z.literal('brief.preview'), definition: packDefinitionSchema }),
  z.object({ type: z.literal('brief.export'), definition: packDefinitionSchema, format: z.enum(PACK_FORMATS) }),
  z.object({
    type: z.literal('grid.export'),
    source: gridExportSchema,
    columns: exportColumns,
    format: z.enum(['csv', 'xlsx']),
    marking: z.enum(MARKINGS),
    /** The grid's filter in words ("Search: county lines; Kind: Concern"), stated in the file. */
    filter: z.string().max(2000),
    title: z.string().min(1).max(200),
  }),
]);

export type DbRequest = z.infer<typeof dbRequestSchema>;
export type DbRequestType = DbRequest['type'];

/** What opening a workspace did, and (as an edit's reply does) its undo state, so that no second request asks it. */
export interface OpenSummary extends UndoState {
  /** The workspace was empty and has just been created (and written). */
  created: boolean;
  /** Journal records applied on top of the snapshot. */
  replayed: number;
  /** Journal lines not applied (a torn last write, or anything after a damaged record). */
  discarded: number;
  /** Where and why replay stopped, when it did (discarded > 0): journal.ts's describeJournalStop says it in words. */
  journalStop: JournalStop | null;
  /** Whether the snapshot matched its seal and skipped the integrity check, had it in full, or was just created. */
  check: OpenCheck;
}

/** Whether the open session has edits to undo or redo (the stacks live in the worker's session). */
export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

/** What undo or redo did: the step (null when there was nothing to do) and what is left. */
export interface UndoOutcome extends UndoState {
  step: { seq: number; op: string } | null;
}

/** An edit made durable: its journal record, and what undo and redo can do now (so the buttons need no second request). */
export interface EditOutcome extends UndoState {
  seq: number;
}

export type SampleSortColumn = z.infer<typeof sampleSortColumn>;

/** A sample file as read, before it is imported: its columns, the fields they seem to hold, its first rows. */
export interface SamplePreview {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** The file's header → the field suggested for it (null: nothing fits). */
  mapping: Record<string, SampleField | null>;
  /** The first rows, cells as text, for the mapping step. */
  rows: string[][];
  /** Data rows in the file (the header row is not counted). */
  rowCount: number;
}

/** All or nothing: the rows imported, or every problem found (and nothing imported). */
export type SampleImportOutcome = { ok: true; imported: number } | { ok: false; errors: SampleError[] };

/** The live preview: the pack as HTML, and what the form should warn about. */
export interface PackPreview {
  html: string;
  markingLine: string;
  /** Findings in the pack (marked include-in-brief within its feed). */
  findings: number;
  /** From the pack: e.g. no finding is marked include-in-brief; figures from a synthetic sample. */
  notices: string[];
}

/**
 * A file made by the service, ready to be saved: its bytes as the pieces they were written in, in
 * order. A text pack is encoded a megabyte at a time (src-core/brief/sink.ts) and never joined here,
 * so a caller that writes the pieces one after another (the CLI) never holds the file twice; the
 * DB client joins them for the host.
 */
export interface ExportedFile {
  suggestedName: string;
  mime: ExportMime;
  parts: Uint8Array[];
  /** Data rows in a grid export (the grid's row count). */
  rows?: number;
}

/** What a pack written to a file holds, for a caller to say so (the CLI's "wrote" line and its notes). */
export interface PackSummary {
  markingLine: string;
  /** Findings in the pack (marked include-in-brief within its feed). */
  findings: number;
  metrics: number;
  sources: number;
  /** From the pack: e.g. no finding is marked include-in-brief; figures from a synthetic sample. */
  notices: string[];
}

/** A briefing pack as a file, and what it holds. */
export interface ExportedPack extends ExportedFile {
  summary: PackSummary;
}

export type ExportStage = 'building' | 'chart' | 'writing';

/** Where an export has got to: reading the workspace, drawing the chart, writing the file. */
export interface ExportProgress {
  stage: ExportStage;
}

/** What each request answers with. */
export interface DbResponses {
  open: OpenSummary;
  'findings.page': FindingRow[];
  'findings.count': number;
  'findings.facets': Record<FacetName, FacetCount[]>;
  'findings.detail': FindingDetail | null;
  'report.source': ReportSource | null;
  'tags.suggest': string[];
  'views.list': SavedView[];
  undo: UndoOutcome;
  redo: UndoOutcome;
  'undo.state': UndoState;
  'reports.overview': ReportOverview[];
  'metrics.list': MetricRow[];
  'metrics.history': HistoryEntry[];
  history: HistoryEntry[];
  coverage: ReportCoverage[];
  edit: EditOutcome;
  checkpoint: { lastSeq: number };
  import: ImportResult | ReplaceResult;
  snapshot: Uint8Array;
  'samples.list': SampleListRow[];
  'samples.summary': SampleSummary;
  'samples.agreement': Agreement[];
  'samples.reconcile': Reconciliation[];
  'samples.history': HistoryEntry[];
  'samples.preview': SamplePreview;
  'samples.import': SampleImportOutcome;
  'packs.list': SavedPack[];
  'brief.preview': PackPreview;
  'brief.export': ExportedPack;
  'grid.export': ExportedFile;
}

export type DbErrorCode =
  /** The request did not match the protocol. */
  | 'invalid-request'
  /** A query or edit arrived before a workspace was opened. */
  | 'no-workspace'
  /** The workspace is not SQLite, damaged, foreign or from a newer version; nothing was changed. */
  | 'workspace-refused'
  /** The edit is not valid or names something that is not there; nothing was changed. */
  | 'invalid-edit'
  /** The report file could not be read as a PEEL report; nothing was changed. */
  | 'report-refused'
  /** The sample file could not be read as a table (too large, a zip bomb, not CSV or XLSX); nothing was changed. */
  | 'sample-refused'
  /** A briefing pack or grid export could not be made (a writer or its library failed); nothing was saved. */
  | 'export-failed'
  /** The host could not store a journal record or a snapshot; the change was not kept. */
  | 'storage-failed'
  /**
   * A database statement ran past its time budget: the worker was ended and the workspace reopened
   * from its last saved state (db-client.ts). What was asked was not done; nothing saved was lost.
   */
  | 'stopped'
  /** Anything else: a bug. */
  | 'internal';

export interface DbError {
  code: DbErrorCode;
  message: string;
  /**
   * Why a file or workspace was refused, as the thrower's own code (ExtractError, SampleFileError,
   * WorkspaceError): the page says it in the analyst's words from this, never by reading the message.
   */
  reason?: string;
}

export type DbResult<T> = { ok: true; value: T } | { ok: false; error: DbError };

export type ImportStage = 'reading' | 'extracting' | 'importing' | 'saving';

export interface ImportProgress {
  stage: ImportStage;
  /** While reading a PDF: pages read so far and in all. */
  page?: number;
  pages?: number;
}

/**
 * A journal append, a checkpoint, or keeping the seal of a snapshot checked in full: one of the host
 * methods the host table marks as per-workspace storage (src-core/host/methods.ts), with its
 * arguments, the workspace's handle first. The UI thread calls the host with it as it is.
 */
export type StorageRequest = StorageCall;

export type StorageReply = { ok: true } | { ok: false; message: string };

/** UI thread → worker. */
export type ToWorker = { kind: 'request'; id: number; request: DbRequest } | { kind: 'storage-reply'; id: number; reply: StorageReply };

/** Worker → UI thread. */
export type FromWorker =
  | { kind: 'response'; id: number; result: DbResult<unknown> }
  /** Statements are running (true), or have stopped (false): the UI thread times the silence after true (statement-beat.ts). */
  | { kind: 'sql'; running: boolean }
  | { kind: 'progress'; id: number; progress: ImportProgress | ExportProgress }
  | { kind: 'storage'; id: number; request: StorageRequest };

const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const toWorkerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('request'), id, request: dbRequestSchema }),
  z.object({
    kind: z.literal('storage-reply'),
    id,
    reply: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true) }),
      z.object({ ok: z.literal(false), message: z.string().max(10_000) }),
    ]),
  }),
]);

export type ParsedMessage = { ok: true; message: ToWorker } | { ok: false; id: number | null; error: DbError };

/**
 * Checks a message that arrived at the worker. The error names the field and never echoes the
 * data (which may be a whole report); the id is returned when it can be read, so that the sender
 * still gets an answer.
 */
export function parseToWorker(data: unknown): ParsedMessage {
  const parsed = toWorkerSchema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data as ToWorker };
  const rawId = typeof data === 'object' && data !== null && 'id' in data ? data.id : null;
  const issue = parsed.error.issues[0];
  const where = issue?.path.filter((p) => p !== 'request').join('.') || 'message';
  return {
    ok: false,
    id: id.safeParse(rawId).success ? (rawId as number) : null,
    error: { code: 'invalid-request', message: `The database worker refused a request: ${where} ${issue?.message ?? 'is invalid'}` },
  };
}
