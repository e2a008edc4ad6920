import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import { createBridge } from './bridge';

// zod probes for eval with `new Function` on first use; under the page's CSP (no 'unsafe-eval')
// that probe is reported as a violation even though zod catches it. The JIT is not needed here.
z.config({ jitless: true });

// Sandboxed preload: bundled to one CommonJS file (zod included), so only 'electron' is required
// at run time. The page gets window.workbench and never ipcRenderer itself, so it cannot pick a
// channel, and listeners never see the IPC event (whose sender would leak ipcRenderer).
const bridge = createBridge(
  __APP_VERSION__,
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
);

contextBridge.exposeInMainWorld('workbench', bridge);
