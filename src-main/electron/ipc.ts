import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { IpcChannel } from '../../src-core/host/methods';
import type { SenderFacts } from './ipc-guard';
import type { IpcHandler } from './ipc-handlers';

/** Lifts what the guard needs out of Electron's event; the frame is null once it has navigated away or gone. */
function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId,
  };
}

/** Electron glue only: every decision is in the handlers (ipc-handlers.ts), which are unit-tested. */
export function registerIpc(handlers: Record<IpcChannel, IpcHandler>): void {
  for (const [channel, handle] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => handle(senderFacts(event), ...args));
  }
}
