import { err, MENU_EVENT, type MenuCommand, type WorkbenchBridge } from '../../src-core/host/contract';
import { menuCommandSchema } from '../../src-core/host/ipc-schema';
import { buildApi, parseReply, type DeclaredMethod, type IpcChannel } from '../../src-core/host/methods';

/** ipcRenderer.invoke, narrowed to the contract's channels. */
export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;
/** Subscribes to the one main → renderer event; returns the unsubscribe function. */
export type Subscribe = (channel: typeof MENU_EVENT, listener: (payload: unknown) => void) => () => void;

/**
 * window.workbench, built over an invoke and a subscribe so it can be tested without Electron, one
 * method per entry of the host table (src-core/host/methods.ts). The page can only call these
 * methods: it never names a channel, and every reply is checked against the table before the page
 * sees it, so a confused or compromised main cannot hand the page something of the wrong shape.
 */
export function createBridge(version: string, invoke: Invoke, subscribe: Subscribe): WorkbenchBridge {
  const forward =
    (_method: string, { channel }: DeclaredMethod) =>
    (...args: unknown[]) =>
      invoke(channel, ...args).then(
        (reply) => parseReply(channel, reply),
        (e: unknown) => err('unavailable', `The application host did not answer ${channel}: ${e instanceof Error ? e.message : String(e)}`),
      );
  return Object.freeze({
    version,
    workspace: Object.freeze(buildApi('workspace', forward)),
    ...buildApi('app', forward),
    onMenuCommand: (listener: (command: MenuCommand) => void) =>
      subscribe(MENU_EVENT, (payload) => {
        // Main is trusted, but the page should act only on commands it knows.
        const parsed = menuCommandSchema.safeParse(payload);
        if (parsed.success) listener(parsed.data);
      }),
  });
}
