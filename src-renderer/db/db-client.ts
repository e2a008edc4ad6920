import type { Host, OpenedWorkspace, Result } from '../../src-core/host/contract';
import type { FindingsQuery } from '../../src-core/query/findings';
import type { MetricsQuery } from '../../src-core/query/metrics';
import type { SampleField } from '../../src-core/samples/fields';
import type { PackDefinition } from '../../src-core/brief/model';
import { CheckpointScheduler } from './checkpoint-scheduler';
import type {
  DbRequest,
  DbRequestType,
  DbResponses,
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
} from './protocol';

export type SaveState = { status: 'saved' } | { status: 'saving' } | { status: 'error'; message: string };

/** The workspace's data changed under the views: an acknowledged edit, or an undo or redo step. */
/** What the Undo and Redo buttons need: whether they can act, and why the last attempt failed. */
export interface UndoStatus extends UndoState {
  problem: string | null;
}

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
  resolve: (result: DbResult<unknown>) => void;
  onProgress?: (progress: WorkerProgress) => void;
}

function startWorker(): WorkerLike {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'peel-db' }) as WorkerLike;
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
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Handles of workspaces the host opened for us: the only ones the worker may write to. */
  private readonly handles = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private saveState: SaveState = { status: 'saved' };
  private undoState: UndoStatus = { canUndo: false, canRedo: false, problem: null };
  private readonly undoListeners = new Set<() => void>();
  private readonly changeListeners = new Set<(change: DataChange) => void>();
  private writes = 0;
  private failure: string | null = null;
  private broken: string | null = null;
  private readonly checkpoints = new CheckpointScheduler(async () => {
    const r = await this.checkpoint();
    if (!r.ok) throw new Error(r.error.message);
  });

  constructor(
    private readonly host: Host,
    private readonly worker: WorkerLike = startWorker(),
  ) {
    worker.addEventListener('message', (event) => this.receive(event.data));
    const stop = (event: Event) => {
      // An ErrorEvent when the worker's script failed; read by shape, so the client also runs where ErrorEvent is not a global.
      const message = 'message' in event && typeof event.message === 'string' ? event.message : '';
      const detail = message ? `: ${message}` : '';
      this.fail(`The database worker stopped${detail}. Reload the page; every saved change is kept.`);
    };
    worker.addEventListener('error', stop);
    worker.addEventListener('messageerror', stop);
  }

  /** Opens a workspace the host handed over; the one open so far stays open if this one is refused. */
  async open(opened: OpenedWorkspace) {
    this.handles.add(opened.info.handle);
    const { info, snapshot, journal, seal } = opened;
    // A new workspace is written as it opens; read before the transfer empties the array.
    const writes = snapshot.length === 0;
    const result = await this.tracked(
      this.request({ type: 'open', handle: info.handle, name: info.name, snapshot, journal, seal }, transferable(snapshot)),
      writes,
    );
    // Pending checkpoints belonged to the previous workspace (the caller flushed them first).
    if (result.ok) this.checkpoints.cancel();
    // A new session starts with empty undo stacks; asked rather than assumed.
    if (result.ok) void this.refreshUndoState();
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

  /** Resolves once the edit's journal record is durable (or with the reason it is not). */
  async edit(op: string, params: unknown) {
    const result = await this.tracked(this.request({ type: 'edit', op, params }));
    if (result.ok) {
      this.checkpoints.touch();
      this.changed({ cause: 'edit', op });
      void this.refreshUndoState();
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

  tagSuggestions(prefix: string, limit?: number) {
    return this.request({ type: 'tags.suggest', prefix, limit });
  }

  savedViews(view?: 'findings' | 'metrics') {
    return this.request({ type: 'views.list', view });
  }

  /** Undoes the session's last edit (itself a journaled, audited edit); step is null when there was nothing to undo. */
  undo(author: string, at = new Date()) {
    return this.step('undo', author, at);
  }

  redo(author: string, at = new Date()) {
    return this.step('redo', author, at);
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

  /** Extracts and imports a report in the worker; the bytes are handed over, not copied. */
  importReport(name: string, bytes: Uint8Array, onProgress?: (progress: ImportProgress) => void) {
    const progress = onProgress && ((p: WorkerProgress) => onProgress(p as ImportProgress));
    return this.tracked(this.request({ type: 'import', name, bytes }, transferable(bytes), progress));
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
  exportPack(definition: PackDefinition, format: PackFormat, onProgress?: (progress: ExportProgress) => void) {
    const progress = onProgress && ((p: WorkerProgress) => onProgress(p as ExportProgress));
    return this.request({ type: 'brief.export', definition, format }, [], progress);
  }

  /** Every row a grid's filter selects (not only the loaded blocks), in its sort and columns, as CSV or XLSX. */
  exportGrid(request: Omit<Extract<DbRequest, { type: 'grid.export' }>, 'type'>) {
    return this.request({ type: 'grid.export', ...request });
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
    this.worker.terminate();
    this.fail('The database worker was closed');
  }

  private async step(which: 'undo' | 'redo', author: string, at: Date) {
    const result = await this.tracked(this.request({ type: which, author, at: at.toISOString() }));
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

  private async refreshUndoState(): Promise<void> {
    const result = await this.request({ type: 'undo.state' });
    // After a new edit (or another workspace), a failed undo before it is no longer the news.
    if (result.ok) this.setUndoState(result.value, null);
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
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve: resolve as Pending['resolve'], onProgress });
      this.worker.postMessage({ kind: 'request', id, request }, transfer);
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
    switch (message.kind) {
      case 'response': {
        const pending = this.pending.get(message.id);
        this.pending.delete(message.id);
        pending?.resolve(message.result);
        break;
      }
      case 'progress':
        this.pending.get(message.id)?.onProgress?.(message.progress);
        break;
      case 'storage':
        void this.store(message.request).then((reply) =>
          this.worker.postMessage({ kind: 'storage-reply', id: message.id, reply } satisfies ToWorker, []),
        );
        break;
    }
  }

  /** Answers the worker's storage question through the host; failures go back as values. */
  private async store(request: StorageRequest): Promise<StorageReply> {
    if (!this.handles.has(request.handle)) return { ok: false, message: 'That workspace is not open in this window' };
    let result: Result<void>;
    try {
      result =
        request.op === 'append'
          ? await this.host.workspace.appendJournal(request.handle, request.line)
          : request.op === 'checkpoint'
            ? await this.host.workspace.checkpoint(request.handle, request.snapshot, request.lastSeq, request.seal)
            : await this.host.workspace.recordSeal(request.handle, request.seal);
    } catch (e) {
      // The host API answers with values; a throw is a bug or a dead bridge, and still not saved.
      result = { ok: false, error: { code: 'unavailable', message: e instanceof Error ? e.message : String(e) } };
    }
    return result.ok ? { ok: true } : { ok: false, message: result.error.message };
  }

  private fail(message: string): void {
    this.broken = message;
    this.failure = message;
    for (const [, pending] of this.pending) pending.resolve({ ok: false, error: { code: 'internal', message } });
    this.pending.clear();
    this.update();
  }
}
