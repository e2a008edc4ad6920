import type { Host } from '../../src-core/host/contract';
import { browserHost } from './browser-host';
import { electronHost } from './electron-host';

/** The preload bridge exists only inside Electron; everywhere else the page is its own host. */
export function pickHost(): Host {
  return window.workbench ? electronHost(window.workbench) : browserHost();
}
