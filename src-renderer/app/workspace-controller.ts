import type { Host, OpenedWorkspace, Result, WorkspaceInfo } from '../../src-core/host/contract';
import type { DbClient, WorkerRestart } from '../db/db-client';
import type { OpenSummary } from '../../src-core/service/protocol';
import { Sequencer } from '../../src-core/sequencer';

export type WorkspaceState =
  | { phase: 'opening' }
  | { phase: 'failed'; message: string; /** Why, as WorkspaceError's code: said in the analyst's words (shared/errors). */ reason?: string }
  | {
      phase: 'ready';
      info: WorkspaceInfo;
      summary: OpenSummary;
      /** New whenever the workspace's content changes under the views (opened, restored, a report imported), so they reload. */
      revision: number;
      /** The last thing that went wrong with a workspace command; the open workspace is unchanged. */
      problem: string | null;
      /** The last thing that went right and is worth saying ("Saved a copy as …"). */
      notice: string | null;
    };

/**
 * Which workspace is open, outside React so that opening happens once however often components
 * mount. Every command goes host → worker; a refusal at either step leaves the open workspace as
 * it was and says why.
 */
export class WorkspaceController {
  private state: WorkspaceState = { phase: 'opening' };
  private readonly listeners = new Set<() => void>();
  private started = false;
  private readonly opens = new Sequencer();
  private revisions = 0;

  constructor(
    private readonly host: Host,
    private readonly client: DbClient,
  ) {
    client.onRestart((restart) => this.restarted(restart));
  }

  getState = (): WorkspaceState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Opens the last workspace (the bundled default on first start). Idempotent. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.openWith(() => this.host.workspace.openLast());
  }

  /** A new workspace under the name typed (the desktop then asks where); cancelling the dialog changes nothing. */
  create = (name: string) => this.openWith(() => this.host.workspace.create(name));
  open = () => this.openWith(() => this.host.workspace.open());
  openRecent = (handle: string) => this.openWith(() => this.host.workspace.openRecent(handle));

  /**
   * Makes a backup the open workspace's content. Pending edits are checkpointed first, so the
   * state being replaced is itself kept as a backup and the restore can be undone.
   */
  restoreBackup = (backupId: string) => {
    const current = this.state;
    if (current.phase !== 'ready') return Promise.resolve();
    return this.openWith(async () => {
      await this.client.flushCheckpoint();
      return this.host.workspace.restoreBackup(current.info.handle, backupId);
    });
  };

  async saveCopy(): Promise<void> {
    const current = this.state;
    if (current.phase !== 'ready') return;
    const bytes = await this.client.snapshot();
    if (!bytes.ok) return this.say({ problem: `A copy could not be made: ${bytes.error.message}` });
    const saved = await this.host.workspace.saveCopy(current.info.handle, bytes.value);
    if (!saved.ok) return this.say({ problem: `The copy was not saved: ${saved.error.message}` });
    if (saved.value) this.say({ notice: `Saved a copy as ${saved.value.name}` });
  }

  /** The workspace's content changed (a report was imported): views reload. */
  changed(): void {
    if (this.state.phase === 'ready') this.set({ ...this.state, revision: ++this.revisions });
  }

  /**
   * A database step ran past its budget and the worker was replaced: the views reload (the
   * workspace is as last saved) and the analyst is told what happened, until they dismiss it.
   */
  private restarted({ message }: WorkerRestart): void {
    if (this.state.phase === 'ready') this.set({ ...this.state, revision: ++this.revisions, problem: message, notice: null });
    else this.set({ phase: 'failed', message });
  }

  dismiss(): void {
    if (this.state.phase === 'ready') this.set({ ...this.state, problem: null, notice: null });
  }

  private say(message: { problem?: string; notice?: string }): void {
    if (this.state.phase === 'ready') this.set({ ...this.state, problem: message.problem ?? null, notice: message.notice ?? null });
  }

  private openWith(ask: () => Promise<Result<OpenedWorkspace | null>>): Promise<void> {
    // One command at a time: two dialogs or two opens racing would leave it unclear which won.
    return this.opens.run(() => this.doOpen(ask));
  }

  private async doOpen(ask: () => Promise<Result<OpenedWorkspace | null>>): Promise<void> {
    const previous = this.state;
    // The dialog first, while the click that asked for it still counts as a user gesture.
    const opened = await ask();
    if (!opened.ok) return this.refuse(previous, opened.error.message, opened.error.reason);
    if (!opened.value) return; // cancelled
    // Whatever is pending goes to the old workspace before another replaces it.
    if (previous.phase === 'ready') await this.client.flushCheckpoint();
    else this.set({ phase: 'opening' });
    const { info, orphansRemoved } = opened.value;
    const result = await this.client.open(opened.value);
    if (!result.ok) return this.refuse(previous, result.error.message, result.error.reason);
    const notices = [
      result.value.discarded > 0 &&
        `${result.value.discarded} damaged journal record(s) at the end could not be applied; every edit before them was recovered.`,
      orphansRemoved > 0 && `Removed ${orphansRemoved} temporary file(s) left by an interrupted save.`,
    ].filter((n): n is string => typeof n === 'string');
    this.set({ phase: 'ready', info, summary: result.value, revision: ++this.revisions, problem: null, notice: notices.join(' ') || null });
  }

  private refuse(previous: WorkspaceState, message: string, reason?: string): void {
    if (previous.phase === 'ready') this.set({ ...previous, problem: message, notice: null });
    else this.set({ phase: 'failed', message, ...(reason !== undefined && { reason }) });
  }

  private set(next: WorkspaceState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
