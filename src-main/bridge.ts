import {
  err,
  IPC_CHANNELS,
  MENU_EVENT,
  type ExportFile,
  type IpcChannel,
  type MenuCommand,
  type WorkbenchBridge,
  type WorkspaceHostApi,
} from '../src-core/host/contract';
import { menuCommandSchema, parseReply } from '../src-core/host/ipc-schema';

/** ipcRenderer.invoke, narrowed to the contract's channels. */
export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to the one main → renderer event; returns the unsubscribe function. */
export type Subscribe = (channel: typeof MENU_EVENT, listener: (payload: unknown) => void) => () => void;

/**
 * window.workbench, built over an invoke and a subscribe so it can be tested without Electron.
 * The page can only call these methods: it never names a channel, and every reply is checked
 * against the contract before the page sees it, so a confused or compromised main cannot hand
 * the page something of the wrong shape.
 */
export function createBridge(version: string, invoke: Invoke, subscribe: Subscribe): WorkbenchBridge {
  const call = <C extends IpcChannel>(channel: C, ...args: unknown[]) =>
    invoke(channel, ...args).then(
      (reply) => parseReply(channel, reply),
      (e: unknown) => err('unavailable', `The application host did not answer ${channel}: ${e instanceof Error ? e.message : String(e)}`),
    );
  const workspace: WorkspaceHostApi = {
    openLast: () => call(IPC_CHANNELS.openLast),
    create: () => call(IPC_CHANNELS.create),
    open: () => call(IPC_CHANNELS.open),
    openRecent: (handle) => call(IPC_CHANNELS.openRecent, handle),
    recent: () => call(IPC_CHANNELS.recent),
    appendJournal: (handle, line) => call(IPC_CHANNELS.appendJournal, handle, line),
    checkpoint: (handle, snapshot, lastSeq, seal) => call(IPC_CHANNELS.checkpoint, handle, snapshot, lastSeq, seal),
    recordSeal: (handle, seal) => call(IPC_CHANNELS.recordSeal, handle, seal),
    backups: (handle) => call(IPC_CHANNELS.backups, handle),
    restoreBackup: (handle, backupId) => call(IPC_CHANNELS.restoreBackup, handle, backupId),
    saveCopy: (handle, snapshot) => call(IPC_CHANNELS.saveCopy, handle, snapshot),
  };
  return Object.freeze({
    version,
    workspace: Object.freeze(workspace),
    pickReports: () => call(IPC_CHANNELS.pickReports),
    about: () => call(IPC_CHANNELS.about),
    author: () => call(IPC_CHANNELS.author),
    setAuthor: (name: string) => call(IPC_CHANNELS.setAuthor, name),
    saveExport: (file: ExportFile) => call(IPC_CHANNELS.saveExport, file),
    onMenuCommand: (listener: (command: MenuCommand) => void) =>
      subscribe(MENU_EVENT, (payload) => {
        // Main is trusted, but the page should act only on commands it knows.
        const parsed = menuCommandSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      }),
  });
}
