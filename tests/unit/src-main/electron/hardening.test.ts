import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_HOST, APP_SCHEME } from '../../../../src-main/electron/app-origin';
import { resolveAppRequest } from '../../../../src-main/electron/protocol-path';
import { contentSecurityPolicy, metaPolicy } from '../../../../src-main/electron/security-policy';
import { buildPreload } from '../../../helpers/build-preload';
import { ROOT } from '../../../helpers/seed';

// Issue 8's checklist items Electronegativity does not check (npm run scan:electron covers the
// window options, navigation limits, the permission handler and the CSP's presence). The sender
// check of every IPC handler, channel by channel, is in ./ipc-handlers.test.ts; the fuses in
// ../../build/electron-builder.test.ts.

const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

function sourcesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|js|mjs)$/.test(f))
    .map((f) => path.join(dir, f));
}

describe('IPC reaches main only through the sender check', () => {
  it('registers handlers in one place (ipc.ts), each wrapped with the facts the guard checks', () => {
    const users = sourcesUnder('src-main').filter((f) => /\bipcMain\b/.test(read(f).replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(users).toEqual(['src-main/electron/ipc.ts']);
    const ipc = read('src-main/electron/ipc.ts');
    // One registration, for the handler map only, always with senderFacts(event) first.
    expect(ipc.match(/ipcMain\.\w+\(/g)).toEqual(['ipcMain.handle(']);
    expect(ipc).toMatch(/ipcMain\.handle\(channel, \(event, \.\.\.args: unknown\[\]\) => handle\(senderFacts\(event\), \.\.\.args\)\)/);
    // Never ipcMain.on / sendSync: a synchronous or fire-and-forget channel would bypass the Result contract.
    expect(sourcesUnder('src-renderer').some((f) => /sendSync|ipcRenderer/.test(read(f)))).toBe(false);
  });
});

describe('the app:// protocol', () => {
  const root = path.join(ROOT, 'out/renderer');
  const segment = fc.oneof(
    fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2E',
      '..%2f',
      '%2f',
      '%5c',
      '..\\',
      '\\',
      '%00',
      'index.html',
      'assets',
      'etc',
      'passwd',
      '~',
      '',
    ),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  it('never resolves a path outside the renderer folder, however the URL is spelled (10,000 random URLs)', () => {
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), fc.constantFrom('.js', '.html', '.wasm', ''), (parts, ext) => {
        const url = `${APP_SCHEME}://${APP_HOST}/${parts.join('/')}${ext}`;
        const target = resolveAppRequest(root, url);
        if (target.ok) {
          const rel = path.relative(root, target.file);
          expect(rel.startsWith('..') || path.isAbsolute(rel) || rel === '').toBe(false);
        } else expect([400, 403, 404]).toContain(target.status);
      }),
      { numRuns: 10_000 },
    );
  });

  it('refuses every other host, scheme and credential', () => {
    fc.assert(
      fc.property(fc.domain(), fc.constantFrom('app', 'http', 'https', 'file', 'ftp'), (host, scheme) => {
        fc.pre(!(scheme === APP_SCHEME && host === APP_HOST));
        const r = resolveAppRequest(root, `${scheme}://${host}/index.html`);
        expect(r.ok).toBe(false);
      }),
      { numRuns: 2_000 },
    );
    expect(resolveAppRequest(root, `${APP_SCHEME}://user:pw@${APP_HOST}/index.html`)).toEqual({ ok: false, status: 403 });
  });
});

describe('the preload never exposes raw ipcRenderer', () => {
  it('in its source: one exposeInMainWorld, of the bridge, and ipcRenderer used only inside closures', () => {
    const src = read('src-main/preload/preload.ts').replace(/\/\/.*$/gm, '');
    expect(src.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(src).toMatch(/contextBridge\.exposeInMainWorld\('workbench', bridge\);/);
    // ipcRenderer appears only as a call (ipcRenderer.invoke(…), .on(…), .removeListener(…)), never as a value handed on.
    const uses = src.match(/ipcRenderer[^\n;]*/g) ?? [];
    for (const u of uses.slice(1)) expect(u).toMatch(/^ipcRenderer\.(invoke|on|removeListener)\(/);
    expect(src).not.toMatch(/\b(send|sendSync|sendTo|postMessage)\(/);
  });

  describe('in the bundle the app ships (built from the sources now, as `npm run build` does)', () => {
    let built = { file: '', code: '' };
    beforeAll(async () => {
      built = await buildPreload();
    }, 60_000);

    it('is one CommonJS file that requires only electron, with one exposeInMainWorld, not of ipcRenderer', () => {
      expect(built.file).toBe('preload.cjs');
      // A sandboxed preload can require nothing else: zod and the bridge must be inside.
      expect([...new Set(built.code.match(/\brequire\(\s*["'][^"']+["']\s*\)/g))]).toEqual(['require("electron")']);
      expect(built.code.match(/exposeInMainWorld\(/g)).toHaveLength(1);
      expect(built.code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    });

    it('run against a stand-in for Electron, hands the page only the frozen bridge, and invokes only contract channels', async () => {
      const { ipcRenderer, exposed, electron } = fakePreloadElectron();
      const module = { exports: {} };
      const required: string[] = [];
      const requireFn = (name: string) => (required.push(name), name === 'electron' ? electron : undefined);
      // Runs our own freshly built bundle as Electron would: a CommonJS module given a require.
      new Function('require', 'module', 'exports', built.code)(requireFn, module, module.exports);
      expect(required).toEqual(['electron']);
      expectOnlyTheBridge(exposed, ipcRenderer);
      await expectContractChannelsOnly(exposed, ipcRenderer);
    });
  });

  describe('in behaviour', () => {
    const { ipcRenderer, exposed, electron } = fakePreloadElectron();
    beforeAll(async () => {
      vi.doMock('electron', () => electron);
      vi.stubGlobal('__APP_VERSION__', '0.0.0');
      vi.resetModules();
      await import('../../../../src-main/preload/preload');
    });

    it('hands the page a frozen object in which nothing is ipcRenderer or one of its methods', () => {
      expectOnlyTheBridge(exposed, ipcRenderer);
    });

    it('offers no way to name a channel: every method invokes its own contract channel', async () => {
      await expectContractChannelsOnly(exposed, ipcRenderer);
    });
  });
});

/** What a sandboxed preload may use of Electron, recording what it exposes and what it sends. */
function fakePreloadElectron() {
  const ipcRenderer = {
    invoke: vi.fn(async () => ({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const exposed = new Map<string, unknown>();
  const electron = { contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) }, ipcRenderer };
  return { ipcRenderer, exposed, electron };
}

function expectOnlyTheBridge(exposed: Map<string, unknown>, ipcRenderer: object): void {
  expect([...exposed.keys()]).toEqual(['workbench']);
  const forbidden = new Set<unknown>([ipcRenderer, ...Object.values(ipcRenderer)]);
  const seen = new Set<unknown>();
  const walk = (v: unknown, at: string) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
    seen.add(v);
    expect(forbidden.has(v), at).toBe(false);
    if (typeof v === 'object') {
      expect(Object.isFrozen(v), at).toBe(true);
      for (const [k, child] of Object.entries(v)) walk(child, `${at}.${k}`);
    }
  };
  walk(exposed.get('workbench'), 'workbench');
}

async function expectContractChannelsOnly(
  exposed: Map<string, unknown>,
  ipcRenderer: ReturnType<typeof fakePreloadElectron>['ipcRenderer'],
) {
  const bridge = exposed.get('workbench') as { workspace: Record<string, (...a: unknown[]) => Promise<unknown>> };
  await bridge.workspace.recent?.('app:evil-channel');
  expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('workspace.recent');
  expect(ipcRenderer.send).not.toHaveBeenCalled();
  expect(ipcRenderer.sendSync).not.toHaveBeenCalled();
}

describe('the Content-Security-Policy', () => {
  const scriptSrc = (policy: string) => policy.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  it.each([
    ['the response header', contentSecurityPolicy()],
    ['the <meta> in src-renderer/index.html', metaPolicy(read('src-renderer/index.html')) ?? ''],
  ])('%s allows no unsafe-eval or unsafe-inline script', (_where, policy) => {
    expect(scriptSrc(policy)).toMatch(/^\s*script-src 'self'/);
    expect(scriptSrc(policy)).not.toMatch(/'unsafe-eval'|'unsafe-inline'|'unsafe-hashes'|\*|data:|blob:/);
    expect(policy).toMatch(/default-src 'none'/);
  });

  it('is met by the page itself: no inline script and no inline event handlers in index.html', () => {
    const html = read('src-renderer/index.html');
    for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
      expect(m[0]).toMatch(/\bsrc=/);
      expect((m[1] ?? '').trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });
});
