import { contextBridge, ipcRenderer } from 'electron';
import { err, IPC_CHANNELS, parseBytesResult, type WorkbenchBridge } from '../src-core/host/contract';

// Sandboxed preload: bundled to one CommonJS file, so only 'electron' is required at run time.
// The page gets these two members and never ipcRenderer itself, so it cannot pick a channel.
const bridge: WorkbenchBridge = {
  version: __APP_VERSION__,
  openDefaultWorkspace: () =>
    ipcRenderer
      .invoke(IPC_CHANNELS.openDefaultWorkspace)
      .then(parseBytesResult, (e: unknown) =>
        err('unavailable', `The application host did not answer: ${e instanceof Error ? e.message : String(e)}`),
      ),
};

contextBridge.exposeInMainWorld('workbench', Object.freeze(bridge));
