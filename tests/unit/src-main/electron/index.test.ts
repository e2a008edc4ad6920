import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../../src-core/host/methods';
import { APP_ENTRY_URL } from '../../../../src-main/electron/app-origin';
import { contentSecurityPolicy } from '../../../../src-main/electron/security-policy';
import { mainWindowOptions } from '../../../../src-main/electron/window-options';
import { createFakeElectron, FakeWebContents, type FakeElectron, type FakeElectronOptions } from '../../../helpers/fake-electron';
import { ROOT } from '../../../helpers/seed';

// The assembled main process (src-main/electron/index.ts), run against a stand-in for Electron's API at the
// module boundary (tests/helpers/fake-electron.ts): what it wires on the real default session, on
// every window and WebContents, on the app:// scheme and on IPC. The pieces have their own tests
// (security.test.ts, ipc-handlers.test.ts, …); this one fails when index.ts stops applying one.

// vitest keeps a mock factory's result across vi.resetModules(), so 'electron' is one module whose
// exports read through to the fake of the current test.
const holder = vi.hoisted(() => ({ electron: null as unknown }));
vi.mock('electron', () => {
  const current = () => (holder.electron as FakeElectron).module;
  const names = ['app', 'BrowserWindow', 'session', 'protocol', 'ipcMain', 'Menu', 'dialog'] as const;
  const module: Record<string, unknown> = {};
  for (const n of names) Object.defineProperty(module, n, { get: () => current()[n], enumerable: true });
  return Object.defineProperty(module, 'default', { value: module, enumerable: true });
});

/** Imports a fresh copy of index.ts against a fresh fake Electron, as the app's start does. */
async function start(opts: Partial<FakeElectronOptions> = {}): Promise<FakeElectron> {
  const electron = createFakeElectron({ userData: mkdtempSync(path.join(tmpdir(), 'peel-index-')), ...opts });
  holder.electron = electron;
  vi.resetModules();
  await import('../../../../src-main/electron/index');
  return electron;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

// Run from its source, the main script's folder is src-main/electron: the preload is looked for in
// ../preload, as out/main/index.js looks for out/preload/preload.cjs.
const PRELOAD = path.join(ROOT, 'src-main/preload/preload.cjs');

/** Whether the session lets a request for `url` through. */
function allowed(e: FakeElectron, url: string): boolean {
  let response: Record<string, unknown> | undefined;
  e.sessionHandlers.beforeRequest?.({ url }, (r) => (response = r));
  expect(response, url).toBeDefined();
  return response?.cancel === false;
}

/** What a WebContents' navigation, redirect, webview and window-open attempts come to. */
function refusals(contents: FakeWebContents) {
  return {
    navigate: contents.attempt('will-navigate', 'https://evil.example/').defaultPrevented,
    redirect: contents.attempt('will-redirect', 'https://evil.example/').defaultPrevented,
    webview: contents.attempt('will-attach-webview', {}, {}).defaultPrevented,
    open: contents.windowOpenHandler?.({ url: 'https://evil.example/' }) ?? null,
  };
}
const ALL_REFUSED = { navigate: true, redirect: true, webview: true, open: { action: 'deny' } };

async function ask(e: FakeElectron, channel: string, event: unknown, ...args: unknown[]) {
  const handler = e.ipcHandlers.get(channel);
  expect(handler, channel).toBeDefined();
  return (await handler?.(event, ...args)) as { ok: boolean; value?: unknown; error?: { code: string } };
}

describe('the main process (src-main/electron/index.ts) as assembled', () => {
  it('before ready: registers app:// as privileged (no CSP bypass), enables the sandbox and takes the single-instance lock', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    expect(e.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(e.log).toEqual(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock']);
    expect(e.windows).toHaveLength(0);
  });

  it('on ready: hardens the default session before the first page loads (requests, CSP, permissions)', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    await e.ready();
    const firstLoad = e.log.findIndex((l) => l.startsWith('window.loadURL'));
    for (const step of [
      'session.onBeforeRequest',
      'session.onHeadersReceived',
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'protocol.handle app',
    ]) {
      expect(e.log.indexOf(step), step).toBeGreaterThan(e.log.indexOf('ready'));
      expect(e.log.indexOf(step), step).toBeLessThan(firstLoad);
    }
    expect(allowed(e, 'app://app/index.html')).toBe(true);
    expect(allowed(e, 'data:image/png;base64,AAAA')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://other/index.html']) {
      expect(allowed(e, url), url).toBe(false);
    }
    // Development (not packaged): DevTools may load its own pages.
    expect(allowed(e, 'devtools://devtools/bundled/inspector.html')).toBe(true);

    let headers: Record<string, unknown> | undefined;
    e.sessionHandlers.headersReceived?.({ responseHeaders: { 'Content-Security-Policy': ['default-src *'], 'X-Other': ['1'] } }, (r) => {
      headers = r;
    });
    expect(headers).toEqual({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy({ dev: false })], 'X-Other': ['1'] } });

    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      e.sessionHandlers.permissionRequest?.({}, permission, (g) => granted.push(g));
    }
    expect(granted).toEqual([false, false, false, false]);
    expect(e.sessionHandlers.permissionCheck?.({}, 'media', 'app://app')).toBe(false);
  });

  it('serves app:// by GET only, nothing outside the renderer folder', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    await e.ready();
    const serve = e.protocolHandlers.get('app');
    expect(serve).toBeDefined();
    expect((await serve?.(new Request('app://app/index.html', { method: 'POST', body: 'x' })))?.status).toBe(405);
    const escape = await serve?.(new Request('app://app/%2e%2e/package.json'));
    expect(escape?.status).not.toBe(200);
  });

  it('creates the main window with exactly mainWindowOptions(), hardened, loading the app', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    await e.ready();
    expect(e.windows).toHaveLength(1);
    const [win] = e.windows;
    expect(win?.options).toEqual(mainWindowOptions({ preload: PRELOAD, devTools: true }));
    expect(win?.loaded).toEqual([APP_ENTRY_URL]);
    expect(refusals(win!.webContents)).toEqual(ALL_REFUSED);
    // Shown once painted, not before (no white flash, and no half-built page).
    expect(win?.shown).toBe(false);
    win?.emit('ready-to-show');
    expect(win?.shown).toBe(true);
  });

  it('hardens every other WebContents too (a webview, DevTools, a window made later)', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    await e.ready();
    const other = new FakeWebContents();
    e.app.emit('web-contents-created', {}, other);
    expect(refusals(other)).toEqual(ALL_REFUSED);
    // macOS: the dock icon reopens a window when none is left; it is hardened and loads the app like the first.
    e.windows[0]?.close();
    e.app.emit('activate');
    expect(e.windows).toHaveLength(2);
    expect(e.windows[1]?.options).toEqual(mainWindowOptions({ preload: PRELOAD, devTools: true }));
    expect(refusals(e.windows[1]!.webContents)).toEqual(ALL_REFUSED);
  });

  it("binds every IPC channel to the main window's top frame on the app's own origin", async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    await e.ready();
    expect([...e.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    const main = e.windows[0]!.webContents;
    const about = await ask(e, IPC_CHANNELS.about, main.invokeEvent(APP_ENTRY_URL));
    expect(about).toMatchObject({ ok: true, value: { name: 'PEEL Workbench', version: '9.9.9-test' } });

    const forbidden = { ok: false, error: { code: 'forbidden' } };
    // Another WebContents (a second window, a webview), an iframe of the main window, the main frame navigated away.
    expect(await ask(e, IPC_CHANNELS.about, new FakeWebContents().invokeEvent(APP_ENTRY_URL))).toMatchObject(forbidden);
    expect(await ask(e, IPC_CHANNELS.about, main.invokeEvent(APP_ENTRY_URL, 'child'))).toMatchObject(forbidden);
    expect(await ask(e, IPC_CHANNELS.about, main.invokeEvent('https://evil.example/'))).toMatchObject(forbidden);
    expect(await ask(e, IPC_CHANNELS.recent, main.invokeEvent('file:///tmp/x.html'))).toMatchObject(forbidden);

    // Once the window has gone nothing is trusted; a new main window is, and the old one's id never again.
    e.windows[0]?.close();
    expect(await ask(e, IPC_CHANNELS.about, main.invokeEvent(APP_ENTRY_URL))).toMatchObject(forbidden);
    e.app.emit('activate');
    const next = e.windows[1]!.webContents;
    expect(await ask(e, IPC_CHANNELS.about, next.invokeEvent(APP_ENTRY_URL))).toMatchObject({ ok: true });
    expect(await ask(e, IPC_CHANNELS.about, main.invokeEvent(APP_ENTRY_URL))).toMatchObject(forbidden);
  });

  it('installs the application menu, and quits when the last window closes (not on macOS)', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start();
    await e.ready();
    expect(e.menus.length).toBeGreaterThan(0);
    expect(e.menus.at(-1)?.template.length).toBeGreaterThan(0);
    e.app.emit('second-instance');
    expect(e.log).toContain('window.focus');
    e.app.emit('window-all-closed');
    expect(e.log.includes('app.quit')).toBe(process.platform !== 'darwin');
  });

  it('a second copy quits at once: no window, no IPC, no session changes', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    const e = await start({ singleInstance: false });
    await e.ready();
    expect(e.log).toContain('app.quit');
    expect(e.windows).toHaveLength(0);
    expect(e.ipcHandlers.size).toBe(0);
    expect(e.sessionHandlers).toEqual({});
  });

  it('in development, loads the dev server and lets only its origin through, with the dev CSP', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const e = await start();
    await e.ready();
    expect(e.windows[0]?.loaded).toEqual(['http://localhost:5173/']);
    expect(allowed(e, 'http://localhost:5173/src/main.tsx')).toBe(true);
    expect(allowed(e, 'ws://localhost:5173/')).toBe(true);
    expect(allowed(e, 'http://localhost:5174/')).toBe(false);
    let headers: Record<string, unknown> | undefined;
    e.sessionHandlers.headersReceived?.({ responseHeaders: {} }, (r) => (headers = r));
    expect(headers).toEqual({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy({ dev: true })] } });
    const ipc = await ask(e, IPC_CHANNELS.about, e.windows[0]!.webContents.invokeEvent('http://localhost:5173/'));
    expect(ipc).toMatchObject({ ok: true });
  });

  it('packaged, ignores ELECTRON_RENDERER_URL and DevTools: app:// only, the build CSP, no devtools:// pages', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
    const resources = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/peel/resources', configurable: true });
    try {
      const e = await start({ isPackaged: true });
      await e.ready();
      expect(e.windows[0]?.loaded).toEqual([APP_ENTRY_URL]);
      expect(e.windows[0]?.options).toEqual(mainWindowOptions({ preload: PRELOAD, devTools: false }));
      expect(allowed(e, 'http://localhost:5173/')).toBe(false);
      expect(allowed(e, 'devtools://devtools/bundled/inspector.html')).toBe(false);
      let headers: Record<string, unknown> | undefined;
      e.sessionHandlers.headersReceived?.({ responseHeaders: {} }, (r) => (headers = r));
      expect(headers).toEqual({ responseHeaders: { 'Content-Security-Policy': [contentSecurityPolicy({ dev: false })] } });
      const ipc = await ask(e, IPC_CHANNELS.about, e.windows[0]!.webContents.invokeEvent('http://localhost:5173/'));
      expect(ipc).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      if (resources) Object.defineProperty(process, 'resourcesPath', resources);
      else delete (process as { resourcesPath?: string }).resourcesPath;
    }
  });
});
