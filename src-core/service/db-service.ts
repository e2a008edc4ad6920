import type { Migration } from '../db/migrate';
import { WorkspaceError } from '../db/errors';
import { all, type SqlEngine } from '../db/sql-db';
import { ReplaceError } from '../db/reimport';
import { ExtractError } from '../extract/errors';
import { extractReport } from '../extract/extract';
import type { PdfPageText } from '../extract/pdf-lines';
import { compileFindingsCount, readFindingsPage } from '../query/sql/findings';
import { readFacets } from '../query/sql/facets';
import { readFindingDetail, readTagSuggestions } from '../query/sql/finding-detail';
import { readReportSource } from '../query/sql/report-source';
import { readSavedViews } from '../query/sql/saved-views';
import { readHistory } from '../query/sql/history';
import { readMetrics } from '../query/sql/metrics';
import { readCoverage } from '../query/sql/coverage';
import { readOverview } from '../query/sql/overview';
import { readPacks } from '../query/sql/packs';
import { readSamples } from '../samples/queries';
import { readReconciliation } from '../samples/reconcile';
import { readSampleTable } from '../samples/sample-file';
import { readAgreement, readSampleSummary } from '../samples/stats';
import { SampleFileError } from '../samples/table';
import { suggestMapping, validateSamples } from '../samples/validate';
import type { InflateStream } from '../samples/xlsx';
import { EditError } from '../workspace/edits';
import { release } from '../workspace/release';
import { WorkspaceSession } from '../workspace/session';
import { StorageError } from '../workspace/storage';
import { Sequencer } from '../sequencer';
import type { ExportLibraries } from './export-libraries';
import {
  parseToWorker,
  PREVIEW_ROWS,
  type DbError,
  type DbRequest,
  type DbResponses,
  type DbResult,
  type FromWorker,
  type ExportProgress,
  type ImportProgress,
  type StorageReply,
  type StorageRequest,
  type UndoOutcome,
  type UndoState,
} from './protocol';
import { StorageProxy } from './storage-proxy';
import { forScreen, mappingFromScreen } from './screen-text';

/**
 * What the service needs from the runtime it runs in, handed in by its host: the DB worker
 * (src-renderer/db/worker.ts, with the browser adapters in src-renderer/db/adapters/) or Node
 * (src-main/node/service-deps.ts: the CLI, the bench).
 */
export interface ServiceDeps {
  /** sql.js and the known migrations, loaded once (in the worker, the wasm is fetched from the app's own origin). */
  loadEngine(): Promise<{ engine: SqlEngine; migrations: Migration[] }>;
  /** pdf.js, in this thread: the text runs of every page, reporting pages as they are read. */
  readPdf(bytes: Uint8Array, onPage: (page: number, pages: number) => void): Promise<PdfPageText[]>;
  /** Inflates the parts of an XLSX sample file, a chunk at a time (src-core/samples/xlsx.ts). */
  inflate: InflateStream;
  /** Posts to whoever drives the service (the UI thread, or ./local-client.ts), transferring the listed buffers. */
  post(message: FromWorker, transfer?: ArrayBuffer[]): void;
  /** pdfkit, exceljs and the chart drawer for briefing packs and grid exports; without them exports are refused. */
  exports?: ExportLibraries;
}

/** Resolves after the messages already posted to this thread have been received. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Handler<T extends DbRequest['type']> = (request: Extract<DbRequest, { type: T }>, id: number) => Promise<DbResponses[T]>;

/** A failure the analyst can act on, carried to the UI as a value. */
class Refusal extends Error {
  constructor(
    readonly code: DbError['code'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * The workspace service: the one open workspace session, the queries, edits, imports and exports,
 * and the storage questions to its driver, answering the requests of ./protocol.ts. The DB worker
 * runs it for the app (src-renderer/db/worker.ts), the CLI and the bench in process
 * (./local-client.ts); it uses no runtime's globals, only what ServiceDeps hands it, so it is
 * tested in Node with the real sql.js and migrations.
 *
 * Database work runs one request at a time, in arrival order. An edit holds its SQL transaction
 * open until the host has stored its journal record; a query slipped in meanwhile would read the
 * unacknowledged change. Extraction touches no database and runs outside that queue.
 */
export class DbService {
  private session: WorkspaceSession | null = null;
  private storage: StorageProxy | null = null;
  private readonly sequence = new Sequencer();
  private nextStorageId = 1;
  private readonly waiting = new Map<number, (reply: StorageReply) => void>();
  private engine: Promise<{ engine: SqlEngine; migrations: Migration[] }> | null = null;

  constructor(private readonly deps: ServiceDeps) {}

  /** Entry point for every message from the driver (the UI thread, or ./local-client.ts). Never throws. */
  receive(data: unknown): void {
    const parsed = parseToWorker(data);
    if (!parsed.ok) {
      if (parsed.id !== null) this.deps.post({ kind: 'response', id: parsed.id, result: { ok: false, error: parsed.error } });
      else console.error(parsed.error.message);
      return;
    }
    const { message } = parsed;
    if (message.kind === 'storage-reply') {
      const resolve = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      resolve?.(message.reply);
      return;
    }
    void this.run(message.id, message.request);
  }

  private async run(id: number, request: DbRequest): Promise<void> {
    let result: DbResult<unknown>;
    try {
      const handler = this.handlers[request.type] as Handler<DbRequest['type']>;
      result = { ok: true, value: await handler(request, id) };
    } catch (e) {
      result = { ok: false, error: asDbError(e) };
    }
    // The snapshot goes to the UI thread without a copy; nothing here keeps a reference to it.
    // Every reply is on its way to the screen: invisible characters shown as code points (screen-text.ts).
    const shown = forScreen(request.type, result);
    const transfer = shown.ok ? transferOf(shown.value) : [];
    this.deps.post({ kind: 'response', id, result: shown }, transfer);
  }

  /**
   * Closes the open workspace once the requests before have run: for a caller in this thread that
   * is done with it (./local-client.ts). The DB worker is ended instead, which frees everything.
   */
  close(): Promise<void> {
    return this.serial(() => {
      this.session?.close();
      this.session = null;
      this.storage = null;
    });
  }

  private serial<T>(task: () => Promise<T> | T): Promise<T> {
    return this.sequence.run(task);
  }

  private open(): WorkspaceSession {
    if (!this.session) throw new Refusal('no-workspace', 'No workspace is open');
    return this.session;
  }

  /**
   * Starts loading sql.js (fetching and compiling its wasm) before the first open asks for it, so
   * that this overlaps the UI thread's start-up and its reading of the workspace. A failure here
   * is not reported: the open tries again and reports its own.
   */
  warmUp(): void {
    this.loadEngine().catch(() => undefined);
  }

  private loadEngine() {
    this.engine ??= this.deps.loadEngine().catch((e: unknown) => {
      // Not cached: a later attempt may succeed.
      this.engine = null;
      throw e;
    });
    return this.engine;
  }

  private askHost(request: StorageRequest, transfer: ArrayBuffer[]): Promise<StorageReply> {
    const id = this.nextStorageId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.deps.post({ kind: 'storage', id, request }, transfer);
    });
  }

  /**
   * The session's storage, asking the driver. Made here rather than in the open handler: a closure
   * made there would keep the request, and with it the snapshot's bytes, for as long as the
   * workspace is open (where the runtime cannot release them, as Node 20 cannot: ../workspace/release.ts).
   */
  private storageFor(handle: string): StorageProxy {
    return new StorageProxy(handle, (request, transfer) => this.askHost(request, transfer));
  }

  private exportLibraries(): ExportLibraries {
    if (!this.deps.exports) throw new Refusal('export-failed', 'Exports are not available in this build');
    return this.deps.exports;
  }

  /** The pack builder and writers (docx among them), loaded on first use so that opening a workspace does not wait for them. */
  private brief() {
    return import('./brief-service');
  }

  private progress(id: number, progress: ImportProgress | ExportProgress): void {
    this.deps.post({ kind: 'progress', id, progress });
  }

  private undoState(): UndoState {
    const session = this.session;
    return { canUndo: session?.canUndo ?? false, canRedo: session?.canRedo ?? false };
  }

  private undoOutcome(step: { seq: number; op: string } | null): UndoOutcome {
    return { step, ...this.undoState() };
  }

  private readonly handlers: { [T in DbRequest['type']]: Handler<T> } = {
    open: (r) =>
      this.serial(async () => {
        const { engine, migrations } = await this.loadEngine();
        const storage = this.storageFor(r.handle);
        // The previous session stays open until the new one is: a refused file changes nothing.
        const loaded = {
          name: r.name,
          snapshot: r.snapshot,
          journal: r.journal,
          journalCut: r.journalCut,
          seal: r.seal,
          sealKey: r.sealKey,
        };
        let opened: Awaited<ReturnType<typeof WorkspaceSession.open>>;
        try {
          opened = await WorkspaceSession.open(engine, migrations, loaded, storage);
        } finally {
          // sql.js has its own copy now (and the seal, if one was kept, is taken).
          release(r.snapshot);
        }
        this.session?.close();
        this.session = opened.session;
        this.storage = storage;
        return {
          created: opened.created,
          replayed: opened.replayed,
          discarded: opened.discarded,
          journalStop: opened.journalStop,
          check: opened.check,
          ...this.undoState(),
        };
      }),
    'findings.page': (r) => this.serial(() => readFindingsPage(this.open().db, r.query, r.offset, r.limit)),
    'findings.count': (r) =>
      this.serial(() => {
        const q = compileFindingsCount(r.query);
        return Number(all(this.open().db, q.sql, q.params)[0]?.n ?? 0);
      }),
    // The facet counts for a new search can take longer than its rows (tens of ms for a frequent
    // word on a thousand reports): queued a turn later, so that the grid's page and count, posted
    // with them, go first and the results are on screen before the counts are.
    'findings.facets': (r) => nextTurn().then(() => this.serial(() => readFacets(this.open().db, r.query))),
    'findings.detail': (r) => this.serial(() => readFindingDetail(this.open().db, r.id)),
    'report.source': (r) => this.serial(() => readReportSource(this.open().db, r.reportId)),
    'tags.suggest': (r) => this.serial(() => readTagSuggestions(this.open().db, r.prefix, r.limit)),
    'views.list': (r) => this.serial(() => readSavedViews(this.open().db, r.view)),
    undo: (r) => this.serial(async () => this.undoOutcome(await this.open().undo({ author: r.author, at: r.at }))),
    redo: (r) => this.serial(async () => this.undoOutcome(await this.open().redo({ author: r.author, at: r.at }))),
    'undo.state': () => this.serial(() => this.undoState()),
    'reports.overview': () => this.serial(() => readOverview(this.open().db)),
    'metrics.list': (r) => this.serial(() => readMetrics(this.open().db, r.query)),
    'metrics.history': (r) => this.serial(() => readHistory(this.open().db, 'metric', r.metricId)),
    history: (r) => this.serial(() => readHistory(this.open().db, r.target, r.id)),
    coverage: (r) => this.serial(() => readCoverage(this.open().db, r.reportIds)),
    // With the undo state as it is once the edit is in, so that the client needs no second request for it.
    edit: (r) => this.serial(async () => ({ ...(await this.open().edit(r.op, r.params)), ...this.undoState() })),
    checkpoint: () => this.serial(async () => ({ lastSeq: (await this.open().checkpoint()).lastSeq })),
    snapshot: () => this.serial(() => this.open().snapshot()),
    import: async (r, id) => {
      const target = this.open();
      this.progress(id, { stage: 'reading' });
      const extraction = await extractReport(r.name, r.bytes, {
        readPdf: async (bytes) => {
          const pages = await this.deps.readPdf(bytes, (page, total) => this.progress(id, { stage: 'reading', page, pages: total }));
          this.progress(id, { stage: 'extracting' });
          return pages;
        },
      });
      return this.serial(async () => {
        const session = this.open();
        if (session !== target)
          throw new Refusal('no-workspace', `Another workspace was opened while ${r.name} was being read; import it again`);
        const storage = this.storage;
        this.progress(id, { stage: 'importing' });
        if (storage) storage.onCheckpoint = () => this.progress(id, { stage: 'saving' });
        try {
          const source = { name: r.name, bytes: r.bytes };
          if (r.replace)
            return await session.replaceReport(extraction, source, { author: r.author ?? 'PEEL Workbench', at: new Date().toISOString() });
          return await session.importReport(extraction, source);
        } finally {
          if (storage) storage.onCheckpoint = null;
        }
      });
    },
    'samples.list': (r) => this.serial(() => readSamples(this.open().db, { offset: r.offset, limit: r.limit, sort: r.sort })),
    'samples.summary': (r) => this.serial(() => readSampleSummary(this.open().db, { force: r.force })),
    'samples.agreement': () => this.serial(() => readAgreement(this.open().db)),
    'samples.reconcile': (r) => this.serial(() => readReconciliation(this.open().db, r.reportId)),
    'samples.history': (r) => this.serial(() => readHistory(this.open().db, 'review_sample', r.id)),
    // Reading a file touches no database: outside the queue, like a report's extraction.
    'samples.preview': async (r) => {
      const { format, table } = await readSampleTable(r.name, r.bytes, this.deps.inflate);
      return {
        format,
        headers: table.headers,
        mapping: suggestMapping(table.headers),
        rows: table.rows.slice(0, PREVIEW_ROWS),
        rowCount: table.rows.length,
      };
    },
    'packs.list': () => this.serial(() => readPacks(this.open().db)),
    // The pack is read inside the queue; writing it (the slow part for PDF) is done outside, as extraction is.
    'brief.preview': async (r) => {
      const [brief, libs] = [await this.brief(), this.exportLibraries()];
      return brief.previewOf(await this.serial(() => brief.packFrom(this.open().db, r.definition, libs)));
    },
    'brief.export': async (r, id) => {
      const [brief, libs] = [await this.brief(), this.exportLibraries()];
      this.progress(id, { stage: 'building' });
      // For its format: a pack past that format's limit is refused before any finding is read.
      const pack = await this.serial(() => brief.packFrom(this.open().db, r.definition, libs, r.format));
      return brief.writePack(pack, r.format, libs, (p) => this.progress(id, p));
    },
    'grid.export': async (r) => {
      const [brief, libs] = [await this.brief(), this.exportLibraries()];
      const table = await this.serial(() => brief.gridTable(this.open().db, r));
      return brief.writeGridTable(table, r.format, libs);
    },
    'samples.import': async (r) => {
      const target = this.open();
      const { table } = await readSampleTable(r.name, r.bytes, this.deps.inflate);
      const checked = validateSamples(table, { force: r.force, mapping: mappingFromScreen(table.headers, r.mapping) });
      if (!checked.ok) return checked;
      return this.serial(async () => {
        const session = this.open();
        if (session !== target)
          throw new Refusal('no-workspace', `Another workspace was opened while ${r.name} was being read; import it again`);
        return session.importSamples(checked.rows, { sourceName: r.name, synthetic: false, reportId: r.reportId });
      });
    },
  };
}

/**
 * Errors of the lazily loaded export code (brief-service.ts, grid-rows.ts, the core's pack
 * builder), known by name: importing their classes here would load that code with the service.
 */
const EXPORT_ERRORS = new Set(['ExportFailure', 'PackBuildError', 'UnknownColumnError']);

/** The bytes of a snapshot or an export go to the UI thread without a copy; nothing here keeps them. */
function transferOf(value: unknown): ArrayBuffer[] {
  if (value instanceof Uint8Array) return [value.buffer as ArrayBuffer];
  const parts = typeof value === 'object' && value !== null && 'parts' in value && Array.isArray(value.parts) ? value.parts : [];
  const buffers = new Set<ArrayBuffer>();
  for (const part of parts) {
    // Only a view of a whole buffer, each buffer once: a slice may share its buffer with other data.
    if (part instanceof Uint8Array && part.byteOffset === 0 && part.byteLength === part.buffer.byteLength)
      buffers.add(part.buffer as ArrayBuffer);
  }
  return [...buffers];
}

function asDbError(e: unknown): DbError {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof Refusal) return { code: e.code, message };
  if (e instanceof WorkspaceError) return { code: 'workspace-refused', message, reason: e.code };
  if (e instanceof ExtractError) return { code: 'report-refused', message, reason: e.code };
  if (e instanceof ReplaceError) return { code: 'report-refused', message, reason: 'replace' };
  if (e instanceof EditError) return { code: 'invalid-edit', message };
  if (e instanceof SampleFileError) return { code: 'sample-refused', message, reason: e.code };
  if (e instanceof StorageError) return { code: 'storage-failed', message };
  if (e instanceof Error && EXPORT_ERRORS.has(e.name)) return { code: 'export-failed', message };
  return { code: 'internal', message: `The database worker failed: ${message}` };
}
