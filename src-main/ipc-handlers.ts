import type { z } from 'zod';
import { err, IPC_CHANNELS, type HostErrorCode, type IpcChannel, type Result } from '../src-core/host/contract';
import { parseRequest, type requestSchemas } from '../src-core/host/ipc-schema';
import { isTrustedSender, type SenderFacts, type TrustedSender } from './ipc-guard';
import type { MainHostApi } from './main-host';
import { errnoCode } from './workspace/fs-errors';

type Method = keyof typeof IPC_CHANNELS;
type Args<M extends Method> = z.infer<(typeof requestSchemas)[(typeof IPC_CHANNELS)[M]]>;

/** One IPC handler, free of Electron: the glue in ipc.ts passes the sender's facts and the raw arguments. */
export type IpcHandler = (sender: SenderFacts, ...args: unknown[]) => Promise<Result<unknown>>;

/** What an unexpected failure on each channel is called; writes say nothing was lost. */
const FAILURE: Record<Method, { code: HostErrorCode; action: string }> = {
  openLast: { code: 'read-failed', action: 'Opening the workspace' },
  create: { code: 'write-failed', action: 'Creating the workspace' },
  open: { code: 'read-failed', action: 'Opening the workspace' },
  openRecent: { code: 'read-failed', action: 'Opening the workspace' },
  recent: { code: 'read-failed', action: 'Listing recent workspaces' },
  appendJournal: { code: 'write-failed', action: 'Saving the edit' },
  checkpoint: { code: 'write-failed', action: 'Saving the workspace' },
  recordSeal: { code: 'write-failed', action: "Keeping the workspace's seal" },
  backups: { code: 'read-failed', action: 'Listing backups' },
  restoreBackup: { code: 'write-failed', action: 'Restoring the backup' },
  saveCopy: { code: 'write-failed', action: 'Saving a copy' },
  pickReports: { code: 'read-failed', action: 'Reading the reports' },
  about: { code: 'read-failed', action: 'Reading the version' },
  author: { code: 'read-failed', action: 'Reading the preferences' },
  setAuthor: { code: 'write-failed', action: 'Saving the preferences' },
  saveExport: { code: 'write-failed', action: 'Saving the export' },
};

/** Spreads each channel's validated tuple into its method; typed per channel, so no casts. */
function routes(api: MainHostApi): { [M in Method]: (args: Args<M>) => Promise<Result<unknown>> } {
  return {
    openLast: () => api.openLast(),
    create: () => api.create(),
    open: () => api.open(),
    openRecent: ([handle]) => api.openRecent(handle),
    recent: () => api.recent(),
    appendJournal: ([handle, line]) => api.appendJournal(handle, line),
    checkpoint: ([handle, snapshot, lastSeq, seal]) => api.checkpoint(handle, snapshot, lastSeq, seal),
    recordSeal: ([handle, seal]) => api.recordSeal(handle, seal),
    backups: ([handle]) => api.backups(handle),
    restoreBackup: ([handle, id]) => api.restoreBackup(handle, id),
    saveCopy: ([handle, snapshot]) => api.saveCopy(handle, snapshot),
    pickReports: () => api.pickReports(),
    about: () => api.about(),
    author: () => api.author(),
    setAuthor: ([name]) => api.setAuthor(name),
    saveExport: ([file]) => api.saveExport(file),
  };
}

/**
 * One handler per channel. Each re-checks who is asking (the preload only forwards known channels,
 * but a compromised renderer could call ipcRenderer itself), validates its arguments against the
 * contract, and answers with a Result. It never throws: IPC would flatten an exception to a bare
 * string, and details such as paths must not reach the page.
 */
export function createHandlers(api: MainHostApi, trusted: () => TrustedSender): Record<IpcChannel, IpcHandler> {
  const table = routes(api);
  function handler<M extends Method>(method: M): IpcHandler {
    const channel = IPC_CHANNELS[method];
    return async (sender, ...args) => {
      if (!isTrustedSender(sender, trusted())) return err('forbidden', 'This window may not use the workspace API.');
      const parsed = parseRequest(channel, args);
      if (!parsed.ok) return parsed;
      try {
        return await table[method](parsed.value);
      } catch (e) {
        console.error(`peel-workbench: ${channel} failed`, e);
        const { code, action } = FAILURE[method];
        const errno = errnoCode(e);
        return err(code, `${action} failed unexpectedly${errno ? ` (${errno})` : ''}. Nothing was lost.`);
      }
    };
  }
  const out = {} as Record<IpcChannel, IpcHandler>;
  for (const method of Object.keys(IPC_CHANNELS) as Method[]) out[IPC_CHANNELS[method]] = handler(method);
  return out;
}
