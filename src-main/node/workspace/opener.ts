import path from 'node:path';
import { err, ok, type OpenedWorkspace, type Result, type WorkspaceInfo } from '../../../src-core/host/contract';
import { defaultCopyPath, ensureDefaultCopy } from './default-copy';
import { FileWorkspaceStore } from './file-store';
import { copyOriginals } from './originals';
import type { HandleRegistry } from './handles';
import { forget, RecentFile, remember } from './recent';
import { fromStorage, plainBytes } from './results';
import type { SealKey } from '../../../src-core/workspace/seal';
import { installationSealKey } from './seal-key';
import { inspectWorkspaceFile } from './sqlite-file';
import { Sequencer } from '../../../src-core/sequencer';

export interface OpenerOptions {
  /** app.getPath('userData'): recent.json, the private copy of the default workspace and the seal key. */
  userData: string;
  /** The bundled default workspace: read, never written. */
  bundledDefault: string;
  /** Called after the recent list changes, e.g. to rebuild the Open Recent menu. */
  onRecentChanged?: () => void;
}

/** Opening and creating workspace files by path, and remembering them. Dialogs live elsewhere. */
export class WorkspaceOpener {
  private readonly recentFile: RecentFile;
  readonly defaultCopy: string;
  private readonly sequence = new Sequencer();
  /** Read (or made) once per run, so that every workspace opened in it is sealed with the same key. */
  private sealKey: Promise<SealKey> | null = null;

  constructor(
    private readonly registry: HandleRegistry,
    private readonly opts: OpenerOptions,
  ) {
    this.recentFile = new RecentFile(path.join(opts.userData, 'recent.json'), opts.onRecentChanged);
    this.defaultCopy = defaultCopyPath(opts.userData);
  }

  /** The last workspace; if it has gone, the private copy of the default (made on first start). */
  openLast(): Promise<Result<OpenedWorkspace>> {
    return this.serial(() => this.lastOrDefault());
  }

  openExisting(file: string): Promise<Result<OpenedWorkspace>> {
    return this.serial(() => this.existing(file));
  }

  /** A new workspace at a path that must not exist yet: nothing is ever created over a file. */
  create(file: string): Promise<Result<OpenedWorkspace>> {
    return this.serial(async () => {
      const state = await inspectWorkspaceFile(file);
      if (!state.ok || state.value !== 'missing') {
        return err('refused', `"${path.basename(file)}" already exists. Choose a new name; nothing was overwritten.`);
      }
      return this.attach(file);
    });
  }

  /**
   * One open at a time: the renderer may ask twice at start-up (React's StrictMode does), and two
   * first-start copies of the default workspace would race for the same file.
   */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.sequence.run(task);
  }

  private async lastOrDefault(): Promise<Result<OpenedWorkspace>> {
    const { last } = await this.recentFile.load();
    if (last !== null) {
      const opened = await this.existing(last);
      // A damaged last workspace is reported rather than silently swapped for the default.
      if (opened.ok || opened.error.code !== 'not-found') return opened;
    }
    const made = await ensureDefaultCopy(this.opts.bundledDefault, this.defaultCopy);
    return made.ok ? this.existing(this.defaultCopy) : made;
  }

  private async existing(file: string): Promise<Result<OpenedWorkspace>> {
    const state = await inspectWorkspaceFile(file);
    if (!state.ok) return state;
    if (state.value === 'missing') {
      await this.recentFile.tryUpdate((s) => forget(s, path.resolve(file)));
      return err('not-found', `"${path.basename(file)}" is no longer there; it may have been moved or deleted.`);
    }
    return this.attach(file);
  }

  async recent(): Promise<WorkspaceInfo[]> {
    const files = await this.recentFile.present();
    return files.map((f) => this.registry.info(this.registry.handleFor(f, f === this.defaultCopy)));
  }

  /** Adds a file (e.g. a saved copy) to the recent list without making it the one reopened on start. */
  async addRecent(file: string): Promise<void> {
    await this.recentFile.tryUpdate((s) => remember(s, path.resolve(file), false));
  }

  private async attach(file: string): Promise<Result<OpenedWorkspace>> {
    const isDefault = path.resolve(file) === this.defaultCopy;
    const { handle, entry } = this.registry.entryFor(file, isDefault);
    // The bundled report's original beside the private copy, for a copy made before originals were
    // kept or whose folder was lost: idempotent, and best effort (the workspace opens without it,
    // and the Source panel says what is missing).
    if (isDefault) await copyOriginals(this.opts.bundledDefault, this.defaultCopy).catch(() => undefined);
    this.sealKey ??= installationSealKey(this.opts.userData);
    const sealKey = await this.sealKey;
    const opened = await fromStorage('read-failed', () => FileWorkspaceStore.open(entry.file, { sealKey }));
    if (!opened.ok) return opened;
    const { store, snapshot, journal, journalCut, orphansRemoved, seal } = opened.value;
    entry.store = store;
    await this.recentFile.tryUpdate((s) => remember(s, entry.file, true));
    // The key goes to the renderer's worker with the bytes (our own code: it checks the seal and
    // seals checkpoints), never anywhere beside the workspace.
    return ok({ info: this.registry.info(handle), snapshot: plainBytes(snapshot), journal, journalCut, orphansRemoved, seal, sealKey });
  }
}
