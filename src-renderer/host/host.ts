import type { Host } from '../../src-core/host/contract';
import { browserHost } from './browser-host';
import { electronHost } from './electron-host';
import { screenHost } from './screen-host';

/**
 * The preload bridge exists only inside Electron; everywhere else the page is its own host. Either
 * way its answers reach the page with invisible characters shown (screen-host.ts).
 */
export function pickHost(): Host {
  return screenHost(window.workbench ? electronHost(window.workbench) : browserHost());
}
