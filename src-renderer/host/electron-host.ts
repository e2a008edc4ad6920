import type { Host, WorkbenchBridge } from '../../src-core/host/contract';

declare global {
  interface Window {
    /** Present only inside the Electron app, put there by src-main/preload.ts. */
    readonly workbench?: WorkbenchBridge;
  }
}

export function electronHost(bridge: WorkbenchBridge): Host {
  return {
    kind: 'electron',
    version: bridge.version,
    openDefaultWorkspace: () => bridge.openDefaultWorkspace(),
  };
}
