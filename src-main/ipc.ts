import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { err, IPC_CHANNELS, type Result } from '../src-core/host/contract';
import { readDefaultWorkspace } from './default-workspace';
import { isTrustedSender, type SenderFacts } from './ipc-guard';

export interface IpcOptions {
  mainWindow: () => BrowserWindow | null;
  origins: readonly string[];
  defaultWorkspace: string;
}

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isTopFrame: frame !== null && frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId,
  };
}

/** Handlers re-check the sender even though the preload only forwards known channels. */
export function registerIpc({ mainWindow, origins, defaultWorkspace }: IpcOptions): void {
  ipcMain.handle(IPC_CHANNELS.openDefaultWorkspace, async (event): Promise<Result<Uint8Array>> => {
    const win = mainWindow();
    const trusted = { webContentsId: win && !win.isDestroyed() ? win.webContents.id : null, origins };
    if (!isTrustedSender(senderFacts(event), trusted)) return err('forbidden', 'This window may not open workspaces');
    return readDefaultWorkspace(defaultWorkspace);
  });
}
