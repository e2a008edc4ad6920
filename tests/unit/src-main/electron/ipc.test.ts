import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src-core/host/contract';
import { IPC_CHANNELS, type IpcChannel } from '../../../../src-core/host/methods';
import type { SenderFacts } from '../../../../src-main/electron/ipc-guard';
import type { IpcHandler } from '../../../../src-main/electron/ipc-handlers';

type Registered = (event: unknown, ...args: unknown[]) => unknown;
const registered = new Map<string, Registered>();
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: Registered) => registered.set(channel, fn) } }));

const { registerIpc } = await import('../../../../src-main/electron/ipc');

const mainFrame = { frameTreeNodeId: 1, parent: null, url: 'app://app/index.html' };
const event = (senderFrame: unknown) => ({ sender: { id: 7, mainFrame }, senderFrame });

describe('registerIpc (the Electron glue)', () => {
  it("registers every channel and passes the sender frame's facts and the arguments through", async () => {
    const seen: [SenderFacts, unknown[]][] = [];
    const handler: IpcHandler = async (sender, ...args) => {
      seen.push([sender, args]);
      return ok(null);
    };
    const handlers = Object.fromEntries(Object.values(IPC_CHANNELS).map((c) => [c, handler])) as Record<IpcChannel, IpcHandler>;
    registerIpc(handlers);
    expect([...registered.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const call = registered.get(IPC_CHANNELS.openRecent);
    await call?.(event(mainFrame), 'h1');
    await call?.(event({ frameTreeNodeId: 2, parent: mainFrame, url: 'app://app/frame.html' }), 'h2');
    await call?.(event(null), 'h3');
    expect(seen).toEqual([
      [{ webContentsId: 7, frameUrl: 'app://app/index.html', isTopFrame: true }, ['h1']],
      [{ webContentsId: 7, frameUrl: 'app://app/frame.html', isTopFrame: false }, ['h2']],
      [{ webContentsId: 7, frameUrl: null, isTopFrame: false }, ['h3']],
    ]);
  });
});
