import type { Host, OpenedWorkspace, Result } from '../../src-core/host/contract';
import { callMethod, isStorageCall } from '../../src-core/host/methods';
import type { FindingsQuery } from '../../src-core/query/model/findings';
import type { MetricsQuery } from '../../src-core/query/model/metrics';
import type { HistoryTarget } from '../../src-core/query/model/history';
import type { SampleField } from '../../src-core/samples/fields';
import type { PackDefinition } from '../../src-core/brief/definition';
import { budgetInWords, STATEMENT_BUDGET_MS, statementBudgetFor } from '../../src-core/db/statement-watch';
import type { EditInput, EditOp, EditStamp } from '../../src-core/workspace/edits';
import { currentAuthor } from '../ui/author';
import { Replies } from '../../src-core/service/replies';
import { Sequencer } from '../../src-core/sequencer';
import { CheckpointScheduler } from './checkpoint-scheduler';
import { lostChangeMessage, restartMessage, stoppedRequestMessage, StuckStatementTimer, type RestartOutcome } from './stuck-statement';
import type {
  DbRequest,
  DbRequestType,
  DbResponses,
  DbError,
  DbResult,
  ExportProgress,
  FromWorker,
  ImportProgress,
  StorageReply,
  StorageRequest,
  PackFormat,
  ToWorker,
  SampleSortColumn,
  UndoState,
  EditOutcome,
  ExportedFile,
} from '../../src-core/service/protocol';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'error'; message: string };

/** The workspace's data changed under the views: an acknowledged edit, or an undo or redo step. */
/** What the Undo and Redo buttons need: whether they can act, and why the last attempt failed. */
export interface UndoStatus extends UndoState {
  problem: string | null;
}

/** An edit made durable: its journal record, the undo state after it, and who and when it was recorded under. */
export type EditReceipt = EditOutcome & EditStamp;

export interface DataChange {
  cause: 'edit' | 'undo' | 'redo';
  op: string;
}

/** The part of Worker the client uses, so tests and other hosts can stand in for it. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

type WorkerProgress = ImportProgress | ExportProgress;

interface Pending {
  type: DbRequestType;
  /** For an open: the workspace's name, to say it was not opened if the worker is ended meanwhile. */
  name?: string;
  resolve: (result: DbResult<unknown>) => void;
  onProgress?: (progress: WorkerProgress) => void;
}

function startWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'peel-db' }) as WorkerLike;
}

export interface DbClientOptions {
  /** How long one database step may run before the worker is ended, at the least (statement-watch.ts); shorter in tests. */
  budgetMs?: number;
}

/** A worker was ended for a step past the budget and a new one started: what the analyst is told. */
export interface WorkerRestart {
  message: string;
  /** The workspace open before is open again, as last saved. */
  reopened: boolean;
}

/** Requests that change the workspace: one stopped on its way may not have been saved. */
const CHANGES = new Set<DbRequestType>(['edit', 'undo', 'redo', 'import', 'samples.import']);

/** A request held while the worker is replaced, sent once the workspace is open in the new one. */
interface Held {
  id: number;
  request: DbRequest;
  transfer: ArrayBuffer[];
}

/** An export as the host saves it: its pieces (src-core/service/protocol.ts, ExportedFile) as one array of bytes. */
export interface SavableFile {
  suggestedName: string;
  mime: ExportedFile['mime'];
  bytes: Uint8Array;
  /** Data rows in a grid export. */
  rows?: number;
}

function savable(result: DbResult<ExportedFile>): DbResult<SavableFile> {
  if (!result.ok) return result;
  const { suggestedName, mime, parts, rows } = result.value;
  const first = parts[0];
  let bytes: Uint8Array;
  if (parts.length === 1 && first) bytes = first;
  else {
    bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
  }
  return { ok: true, value: rows === undefined ? { suggestedName, mime, bytes } : { suggestedName, mime, bytes, rows } };
}

/** Hands a Uint8Array's buffer over without a copy when the array is the whole of it. */
function transferable(bytes: Uint8Array): ArrayBuffer[] {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer
    ? [bytes.buffer]
    : [];
}

/**
 * The UI thread's only way to the database: typed requests to the DB worker, answered as values.
 * It also answers the worker's storage questions through the host (so the UI thread, which holds
 * the host API, never runs SQL and the worker never touches storage), schedules checkpoints, and
 * keeps the save state the status bar shows.
 */
export class DbClient {
  private readonly pending = new Replies<Pending>();
  /** Handles of workspaces the host opened for us: the only ones the worker may write to. */
  private readonly handles = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private saveState: SaveState = { status: 'saved' };
  private undoState: UndoStatus = { canUndo: false, canRedo: false, problem: null };
  /** Edits are stamped one after another (see stamp()). */
  private readonly stamps = new Sequencer();
  private readonly undoListeners = new Set<() => void>();
  private readonly changeListeners = new Set<(change: DataChange) => void>();
  private writes = 0;
  private failure: string | null = null;
  private broken: string | null = null;
  private readonly checkpoints = new CheckpointScheduler(async () => {
    const r = await this.checkpoint();
    if (!r.ok) throw new Error(r.error.message);
  });
  private worker: WorkerLike;
  private readonly baseBudgetMs: number;
  /** Sizes of the workspace open and of one being opened: a very large one is given more time. */
  private workspaceBytes = 0;
  private openingBytes = 0;
  private readonly stuck: StuckStatementTimer;
  /** The workspace last opened: the one reopened after a worker is replaced. */
  private current: OpenedWorkspace['info'] | null = null;
  /** Requests made while the worker is being replaced (null when it is not). */
  private held: Held[] | null = null;
  private replacing = false;
  /** Host writes (journal appends, checkpoints, seals) still on their way to disk. */
  private readonly storing = new Set<Promise<unknown>>();
  private readonly restartListeners = new Set<(restart: WorkerRestart) => void>();

  constructor(
    private readonly host: Host,
    private readonly start: () => WorkerLike = startWorker,
    options: DbClientOptions = {},
  ) {
    this.baseBudgetMs = options.budgetMs ?? STATEMENT_BUDGET_MS;
    this.stuck = new StuckStatementTimer(this.budget, () => void this.replaceWorker());
    this.worker = this.attach(start());
  }

  /** How long one step may run now: the base budget, more for a very large workspace. */
  private readonly budget = (): number => statementBudgetFor(Math.max(this.workspaceBytes, this.openingBytes), this.baseBudgetMs);

  /** Listens to a new worker; what an ended one still sends is ignored. */
  private attach(worker: WorkerLike): WorkerLike {
    worker.addEventListener('message', (event) => {
      if (worker === this.worker) this.receive(event.data);
    });
    const stop = (event: Event) => {
      if (worker !== this.worker) return;
      // An ErrorEvent when the worker's script failed; read by shape, so the client also runs where ErrorEvent is not a global.
      const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
      const detail = message ? `: ${message}` : '';
      this.fail(`The database worker stopped${detail}. Reload the page; every saved change is kept.`);
    };
    worker.addEventListener('error', stop);
    worker.addEventListener('messageerror', stop);
    return worker;
  }

  /** Told after a database step ran past the budget, its worker was ended and the workspace reopened (or not). */
  onRestart(listener: (restart: WorkerRestart) => void): () => void {
    this.restartListeners.add(listener);
    return () => this.restartListeners.delete(listener);
  }

  /** Opens a workspace the host handed over; the one open so far stays open if this one is refused. */
  async open(opened: OpenedWorkspace) {
    this.handles.add(opened.info.handle);
    const { info, snapshot, journal, journalCut, seal, sealKey } = opened;
    // A new workspace is written as it opens; read before the transfer empties the array.
    const writes = snapshot.length === 0;
    const size = snapshot.length;
    this.openingBytes = size;
    const result = await this.tracked(
      this.request(
        { type: 'open', handle: info.handle, name: info.name, snapshot, journal, journalCut, seal, sealKey },
        transferable(snapshot),
      ),
      writes,
    );
    this.openingBytes = 0;
    if (result.ok) this.current = info;
    if (result.ok) this.workspaceBytes = size;
    // Pending checkpoints belonged to the previous workspace (the caller flushed them first).
    if (result.ok) this.checkpoints.cancel();
    // A new session's undo stacks, as the service says them (asked rather than assumed, in the same reply).
    if (result.ok) this.setUndoState(result.value, null);
    return result;
  }

  findingsPage(query: FindingsQuery, offset: number, limit: number) {
    return this.request({ type: 'findings.page', query, offset, limit });
  }

  findingsCount(query: FindingsQuery) {
    return this.request({ type: 'findings.count', query });
  }

  reportsOverview() {
    return this.request({ type: 'reports.overview' });
  }

  /** Every metric the query selects, with its comparison worked out (metrics are few enough to load whole). */
  metricsList(query: MetricsQuery) {
    return this.request({ type: 'metrics.list', query });
  }

  /** A metric's audit trail, newest first. */
  metricHistory(metricId: number) {
    return this.request({ type: 'metrics.history', metricId });
  }

  /** Any item's audit trail, newest first (a grade's, a report's, an area for improvement's), corrections included. */
  history(target: HistoryTarget, id: number) {
    return this.request({ type: 'history', target, id });
  }

  /** How far the check against the source has gone, per report (every report when none are named). */
  coverage(reportIds?: number[]) {
    return this.request({ type: 'coverage', reportIds });
  }

  /**
   * Resolves once the edit's journal record is durable (or with the reason it is not), with who
   * and when it was recorded under: the client stamps every edit, so its callers never do.
   */
  async edit<O extends EditOp>(op: O, params: EditInput<O>): Promise<DbResult<EditReceipt>> {
    const stamp = this.stamp();
    const result = await this.tracked(
      stamp.then(async (s): Promise<DbResult<EditReceipt>> => {
        const r = await this.request({ type: 'edit', op, params: { ...params, ...s } });
        return r.ok ? { ok: true, value: { ...r.value, ...s } } : r;
      }),
    );
    if (result.ok) {
      this.checkpoints.touch();
      // The reply says what can be undone now: no second request for it.
      this.setUndoState(result.value, null);
      this.changed({ cause: 'edit', op });
    }
    return result;
  }

  facets(query: FindingsQuery) {
    return this.request({ type: 'findings.facets', query });
  }

  /** One finding with its footnotes, neighbours and audit history; null when it is not there. */
  findingDetail(id: number) {
    return this.request({ type: 'findings.detail', id });
  }

  /** Where a report's original file is kept (its hash), its name and format, for the Source panel; null when there is no such report. */
  reportSource(reportId: number) {
    return this.request({ type: 'report.source', reportId });
  }

  tagSuggestions(prefix: string, limit?: number) {
    return this.request({ type: 'tags.suggest', prefix, limit });
  }

  savedViews(view?: 'findings' | 'metrics') {
    return this.request({ type: 'views.list', view });
  }

  /**
   * Undoes the session's last edit (itself a journaled, audited edit, stamped here with who undid it
   * and when, as every edit is); step is null when there was nothing to undo.
   */
  undo() {
    return this.step('undo');
  }

  redo() {
    return this.step('redo');
  }

  getUndoState = (): UndoStatus => this.undoState;

  subscribeUndo = (listener: () => void): (() => void) => {
    this.undoListeners.add(listener);
    return () => this.undoListeners.delete(listener);
  };

  /** Tells views to re-read what they show after an edit, undo or redo, wherever it was made. */
  onDataChange(listener: (change: DataChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  checkpoint() {
    return this.tracked(this.request({ type: 'checkpoint' }));
  }

  /** Writes any pending checkpoint now (before the page goes away or another workspace opens). */
  flushCheckpoint(): Promise<void> {
    return this.checkpoints.flush();
  }

  /**
   * Extracts and imports a report in the worker; the bytes are handed over, not copied. With
   * `replace`, the report it is a new reading of is replaced, keeping the analyst's checks.
   */
  importReport(name: string, bytes: Uint8Array, onProgress?: (progress: ImportProgress) => void, opts: { replace?: boolean } = {}) {
    const progress = onProgress && ((p: WorkerProgress) => onProgress(p as ImportProgress));
    if (!opts.replace) return this.tracked(this.request({ type: 'import', name, bytes }, transferable(bytes), progress));
    return this.tracked(
      this.stamp().then(({ author }) =>
        this.request({ type: 'import', name, bytes, replace: true, author }, transferable(bytes), progress),
      ),
    );
  }

  /** A page of case-file review samples with their annotations, for the File review grid. */
  samplesPage(offset: number, limit: number, sort?: { column: SampleSortColumn; direction: 'asc' | 'desc' }) {
    return this.request({ type: 'samples.list', offset, limit, sort });
  }

  /** Per criterion and per crime type: counts, proportions and 95 % Wilson intervals (one force, or all). */
  samplesSummary(force?: string) {
    return this.request({ type: 'samples.summary', force });
  }

  /** Cohen's kappa per criterion where two reviewers scored the same file, with the files they disagree on. */
  samplesAgreement() {
    return this.request({ type: 'samples.agreement' });
  }

  /** Each figure the report states about its file review against the same figure from the sample. */
  samplesReconcile(reportId?: number) {
    return this.request({ type: 'samples.reconcile', reportId });
  }

  /** A case file's audit trail, newest first. */
  sampleHistory(id: number) {
    return this.request({ type: 'samples.history', id });
  }

  /** Reads a sample file in the worker: its columns, suggested fields and first rows. The caller keeps its bytes. */
  previewSample(name: string, bytes: Uint8Array) {
    const copy = bytes.slice();
    return this.request({ type: 'samples.preview', name, bytes: copy }, transferable(copy));
  }

  /**
   * Validates a whole sample file and imports it, all or nothing, then writes a checkpoint. The
   * caller keeps its bytes, so that a file refused for its mapping can be mapped again.
   */
  importSample(name: string, bytes: Uint8Array, mapping: Record<string, SampleField | null>, force: string, reportId: number | null) {
    const copy = bytes.slice();
    return this.tracked(this.request({ type: 'samples.import', name, bytes: copy, mapping, force, reportId }, transferable(copy)));
  }

  /** The workspace's saved briefing packs, most recently changed first. */
  packs() {
    return this.request({ type: 'packs.list' });
  }

  /** The pack the definition describes, built from the workspace now and rendered as the preview's HTML. */
  previewPack(definition: PackDefinition) {
    return this.request({ type: 'brief.preview', definition });
  }

  /** The pack as a file (DOCX, PDF, HTML or Markdown), made in the worker; progress as it goes. */
  async exportPack(
    definition: PackDefinition,
    format: PackFormat,
    onProgress?: (progress: ExportProgress) => void,
  ): Promise<DbResult<SavableFile>> {
    const progress = onProgress && ((p: WorkerProgress) => onProgress(p as ExportProgress));
    return savable(await this.request({ type: 'brief.export', definition, format }, [], progress));
  }

  /** Every row a grid's filter selects (not only the loaded blocks), in its sort and columns, as CSV or XLSX. */
  async exportGrid(request: Omit<Extract<DbRequest, { type: 'grid.export' }>, 'type'>): Promise<DbResult<SavableFile>> {
    return savable(await this.request({ type: 'grid.export', ...request }));
  }

  /** The database as bytes, for "Save a copy". */
  snapshot() {
    return this.request({ type: 'snapshot' });
  }

  getSaveState = (): SaveState => this.saveState;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.checkpoints.cancel();
    this.stuck.stop();
    this.worker.terminate();
    this.fail('The database worker was closed');
  }

  private async step(which: 'undo' | 'redo') {
    // Stamped in the same queue as edits: an undo asked right after an edit is sent after it.
    const result = await this.tracked(this.stamp().then((s) => this.request({ type: which, ...s })));
    if (!result.ok) {
      this.setUndoState(this.undoState, `Could not ${which} the last change: ${result.error.message}`);
      return result;
    }
    this.setUndoState(result.value, null);
    if (result.value.step) {
      this.checkpoints.touch();
      this.changed({ cause: which, op: result.value.step.op });
    }
    return result;
  }

  /**
   * Who is making an edit and when, asked of the host at each edit (a name changed in preferences
   * applies at once). Chained, so that edits made one after another are sent in that order even
   * when the host's answers arrive out of order.
   */
  private stamp(): Promise<EditStamp> {
    return this.stamps.run(async () => ({ author: await currentAuthor(this.host), at: new Date().toISOString() }));
  }

  private setUndoState({ canUndo, canRedo }: UndoState, problem = this.undoState.problem): void {
    const was = this.undoState;
    if (canUndo === was.canUndo && canRedo === was.canRedo && problem === was.problem) return;
    this.undoState = { canUndo, canRedo, problem };
    for (const listener of this.undoListeners) listener();
  }

  private changed(change: DataChange): void {
    for (const listener of this.changeListeners) listener(change);
  }

  private request<T extends DbRequestType>(
    request: Extract<DbRequest, { type: T }>,
    transfer: ArrayBuffer[] = [],
    onProgress?: (progress: WorkerProgress) => void,
  ): Promise<DbResult<DbResponses[T]>> {
    if (this.broken) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.broken } });
    return new Promise((resolve) => {
      const asked: DbRequest = request;
      const name = asked.type === 'open' ? asked.name : undefined;
      const id = this.pending.add({ type: request.type, name, resolve: resolve as Pending['resolve'], onProgress });
      if (this.held) this.held.push({ id, request, transfer });
      else this.worker.postMessage({ kind: 'request', id, request }, transfer);
    });
  }

  /** Counts a write for the save state: "Saving…" until it settles, then saved or the error. */
  private async tracked<T>(work: Promise<DbResult<T>>, writes = true): Promise<DbResult<T>> {
    if (!writes) return work;
    this.writes++;
    this.update();
    const result = await work;
    this.writes--;
    if (result.ok) this.failure = null;
    else if (result.error.code === 'storage-failed' || result.error.code === 'internal') this.failure = result.error.message;
    this.update();
    return result;
  }

  private update(): void {
    // A write under way (perhaps a retry) says so; the last failure shows until a write succeeds.
    const next: SaveState =
      this.writes > 0 ? { status: 'saving' } : this.failure ? { status: 'error', message: this.failure } : { status: 'saved' };
    if (JSON.stringify(next) === JSON.stringify(this.saveState)) return;
    this.saveState = next;
    for (const listener of this.listeners) listener();
  }

  private receive(message: FromWorker): void {
    this.stuck.heard(message);
    if (this.pending.take(message)) return;
    switch (message.kind) {
      case 'storage': {
        // To the worker that asked: after a replacement, the new one never asked.
        const asker = this.worker;
        const stored = this.store(message.request).then((reply) =>
          asker.postMessage({ kind: 'storage-reply', id: message.id, reply } satisfies ToWorker, []),
        );
        this.storing.add(stored);
        void stored.finally(() => this.storing.delete(stored));
        break;
      }
    }
  }

  /**
   * A database step ran past the budget (stuck-statement.ts): the worker cannot be interrupted,
   * so it is ended and a new one reopens the workspace from what the host holds, the last
   * checkpoint plus every journal record acknowledged since, which is every change shown as saved.
   * What was asked of the old worker fails; what is asked meanwhile waits for the reopened workspace.
   * A workspace that was being opened (perhaps the very one whose check ran too long) is not tried
   * again: the one open before it is reopened.
   */
  private async replaceWorker(): Promise<void> {
    this.worker.terminate();
    const budget = this.budget();
    if (this.replacing) {
      this.fail(
        `A database step ran for more than ${budgetInWords(budget)} again while the workspace was being reopened, and was stopped. Reload the page; every saved change is kept.`,
      );
      return;
    }
    this.replacing = true;
    this.held = [];
    // At once, so that nothing the ended worker still sends is heard, and sql.js loads meanwhile.
    this.worker = this.attach(this.start());
    const stopped = this.pending.pending();
    const lostWrite = stopped.some((p) => CHANGES.has(p.type));
    const notOpened = stopped.find((p) => p.type === 'open')?.name;
    this.settleAll({ code: 'stopped', message: stoppedRequestMessage(budget) });
    // The status bar says so until a later change is saved (a stopped checkpoint loses nothing: the journal has it all).
    if (lostWrite) this.failure = lostChangeMessage(budget);
    this.update();
    let outcome: Pick<RestartOutcome, 'reopened' | 'problem'> = { reopened: false };
    try {
      // A journal record or checkpoint the old worker handed over may still be on its way to disk;
      // reading the journal before it lands would lose it, and the new session would reuse its seq.
      while (this.storing.size > 0) await Promise.allSettled([...this.storing]);
      const current = this.current;
      const opened = current ? await this.reread(current.handle) : null;
      if (this.broken) return;
      if (opened && !opened.ok) outcome = { reopened: false, problem: opened.error.message };
      const waiting = this.held ?? [];
      this.held = null;
      // The open is posted now (open() sends before it awaits), then what waited, which so runs on the reopened workspace.
      const opening = opened?.ok ? this.open(opened.value) : null;
      this.send(waiting);
      const result = opening ? await opening : null;
      if (result) outcome = result.ok ? { reopened: true } : { reopened: false, problem: result.error.message };
    } finally {
      this.replacing = false;
      // Whatever happened above, nothing may wait for ever.
      const waiting = this.held ?? [];
      this.held = null;
      this.send(waiting);
    }
    if (this.broken) return;
    const restart: WorkerRestart = {
      message: restartMessage(budget, { ...outcome, lostWrite, notOpened }),
      reopened: outcome.reopened,
    };
    if (outcome.problem) this.fail(restart.message);
    for (const listener of this.restartListeners) listener(restart);
  }

  private send(requests: Held[]): void {
    for (const h of requests) this.worker.postMessage({ kind: 'request', id: h.id, request: h.request }, h.transfer);
  }

  /** The workspace as the host holds it now, read again; a throw is a dead bridge, answered as a value. */
  private async reread(handle: string): Promise<Result<OpenedWorkspace>> {
    try {
      return await this.host.workspace.openRecent(handle);
    } catch (e) {
      return { ok: false, error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) } };
    }
  }

  /** Answers the worker's storage question through the host; failures go back as values. */
  private async store(request: StorageRequest): Promise<StorageReply> {
    // Only the per-workspace storage methods of the host table, never a dialog or an export.
    if (!isStorageCall(request)) return { ok: false, message: 'The database worker asked the host for something it may not' };
    if (!this.handles.has(request.args[0])) return { ok: false, message: 'That workspace is not open in this window' };
    // A checkpoint carries the workspace as it now is (an import makes it larger): the budget follows its size.
    const snapshot = (request.args as readonly unknown[]).find((arg): arg is Uint8Array => arg instanceof Uint8Array);
    if (snapshot) this.workspaceBytes = snapshot.length;
    let result: Result<unknown>;
    try {
      result = await callMethod(this.host.workspace, request.method, request.args);
    } catch (e) {
      // The host API answers with values; a throw is a bug or a dead bridge, and still not saved.
      result = { ok: false, error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) } };
    }
    return result.ok ? { ok: true } : { ok: false, message: result.error.message };
  }

  private fail(message: string): void {
    this.broken = message;
    this.failure = message;
    this.stuck.stop();
    this.held = null;
    this.settleAll({ code: 'internal', message });
    this.update();
  }

  /** Answers every request still waiting, with this error. */
  private settleAll(error: DbError): void {
    for (const pending of this.pending.drain()) pending.resolve({ ok: false, error });
  }
}
