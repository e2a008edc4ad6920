import type { Host, WorkbenchBridge } from '../../src-core/host/contract';

declare global {
  interface Window {
    /** Present only inside the Electron app, put there by src-main/preload.ts. */
    readonly workbench?: WorkbenchBridge;
  }
}

/**
 * The bridge already is the host API (the preload validates every reply against the contract);
 * this only adds which kind of host it is. Methods are wrapped rather than spread, because a
 * context-bridge object's properties are not guaranteed to survive a spread.
 */
export function electronHost(bridge: WorkbenchBridge): Host {
  return {
    kind: 'electron',
    version: bridge.version,
    workspace: bridge.workspace,
    pickReports: () => bridge.pickReports(),
    about: () => bridge.about(),
    author: () => bridge.author(),
    setAuthor: (name) => bridge.setAuthor(name),
    saveExport: (file) => bridge.saveExport(file),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
