import { err, type Result } from '../../src-core/host/contract';
import { callMethod, METHOD_ENTRIES, parseRequest, type IpcChannel } from '../../src-core/host/methods';
import { isTrustedSender, type SenderFacts, type TrustedSender } from './ipc-guard';
import type { MainHostApi } from '../node/main-host';
import { errnoCode } from '../node/workspace/fs-errors';

/** One IPC handler, free of Electron: the glue in ipc.ts passes the sender's facts and the raw arguments. */
export type IpcHandler = (sender: SenderFacts, ...args: unknown[]) => Promise<Result<unknown>>;

/**
 * One handler per channel of the host table (src-core/host/methods.ts). Each re-checks who is
 * asking (the preload only forwards known channels, but a compromised renderer could call
 * ipcRenderer itself), validates its arguments against the table, and answers with a Result. It
 * never throws: IPC would flatten an exception to a bare string, and details such as paths must not
 * reach the page, so an unexpected failure is reported as the table's failure for the method.
 */
export function createHandlers(api: MainHostApi, trusted: () => TrustedSender): Record<IpcChannel, IpcHandler> {
  const handlers = {} as Record<IpcChannel, IpcHandler>;
  for (const [method, { channel, failure }] of METHOD_ENTRIES) {
    handlers[channel] = async (sender, ...args) => {
      if (!isTrustedSender(sender, trusted())) return err('forbidden', 'This window may not use the workspace API.');
      const parsed = parseRequest(channel, args);
      if (!parsed.ok) return parsed;
      try {
        return await callMethod(api, method, parsed.value);
      } catch (e) {
        console.error(`peel-workbench: ${channel} failed`, e);
        const errno = errnoCode(e);
        return err(failure.code, `${failure.action} failed unexpectedly${errno ? ` (${errno})` : ''}. Nothing was lost.`);
      }
    };
  }
  return handlers;
}
