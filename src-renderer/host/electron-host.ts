import type { Host, WorkbenchBridge } from '../../src-core/host/contract';
import { buildApi, callMethod, type AnyCall, type HostMethod } from '../../src-core/host/methods';

declare global {
  interface Window {
    /** Present only inside the Electron app, put there by src-main/preload/preload.ts. */
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
    ...buildApi('app', (method): AnyCall => forward(bridge, method)),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
  };
}

function forward(bridge: WorkbenchBridge, method: HostMethod): AnyCall {
  return (...args) => callMethod(bridge, method, args);
}
