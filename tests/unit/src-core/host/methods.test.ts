import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ok, type Host } from '../../../../src-core/host/contract';
import { HOST_METHODS, IPC_CHANNELS, METHOD_ENTRIES, type HostMethod } from '../../../../src-core/host/methods';
import { createBridge } from '../../../../src-main/preload/bridge';
import { createHandlers } from '../../../../src-main/electron/ipc-handlers';
import type { MainHostApi } from '../../../../src-main/node/main-host';
import { electronHost } from '../../../../src-renderer/host/electron-host';
import { screenHost } from '../../../../src-renderer/host/screen-host';
import { MAIN_FRAME, TRUSTED } from '../../../helpers/main-host';
import { HANDLE, OPENED } from '../../../helpers/host-fixtures';

/**
 * The host table (src-core/host/methods.ts) is the one place a method is declared: the preload
 * bridge, main's IPC handlers and both renderer hosts are built from it, so they must agree with it
 * and with each other, method for method, and offer nothing it does not declare.
 */

const METHODS = METHOD_ENTRIES.map(([method]) => method);
const arity = (m: HostMethod) => HOST_METHODS[m].args.def.items.length;
const inScope = (scope: 'workspace' | 'app') => METHOD_ENTRIES.filter(([, spec]) => spec.scope === scope).map(([m]) => m);
/** What the bridge carries besides the table's methods (the menu event and the version stay as they are). */
const BRIDGE_EXTRAS = ['onMenuCommand', 'version', 'workspace'];

const SEAL = `hmac-sha256-16m:${'5e'.repeat(32)}:1`;
/** A first argument every method that takes one must refuse: a path-like object where a handle, a name or a file belongs. */
const MALFORMED = [{ path: '/home/analyst/secret.sqlite' }];
/** More arguments than any method takes. */
const MANY = ['a', 'b', 'c', 'd', 'e', 'f'];

function spyApi(calls: string[]): MainHostApi {
  return Object.fromEntries(
    METHODS.map((m) => [
      m,
      async () => {
        calls.push(m);
        return ok(null);
      },
    ]),
  ) as unknown as MainHostApi;
}

function fakeBridge(sent: [string, unknown[]][]) {
  return createBridge(
    '1.0.0',
    async (channel, ...args) => {
      sent.push([channel, args]);
      return { ok: false, error: { code: 'refused', message: 'no' } };
    },
    () => () => undefined,
  );
}

/** The method `m` of a host or bridge, wherever its scope puts it. */
function methodOn(host: Pick<Host, 'workspace'>, m: HostMethod): ((...args: unknown[]) => Promise<unknown>) | undefined {
  const holder = (HOST_METHODS[m].scope === 'workspace' ? host.workspace : host) as unknown as Record<string, unknown>;
  const fn = holder[m];
  return typeof fn === 'function' ? (fn as (...args: unknown[]) => Promise<unknown>) : undefined;
}

let browserHost: () => Host;
beforeAll(async () => {
  vi.stubGlobal('__APP_VERSION__', '1.0.0');
  ({ browserHost } = await import('../../../../src-renderer/host/browser-host'));
});

describe('the host table', () => {
  it('gives every method a channel of its own, named domain.verb', () => {
    const channels = Object.values(IPC_CHANNELS);
    expect(new Set(channels).size).toBe(METHODS.length);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+\.[a-z][A-Za-z]+$/);
  });

  it('has exactly one IPC handler per method, and none for a channel it does not declare', async () => {
    const calls: string[] = [];
    const handlers = createHandlers(spyApi(calls), () => TRUSTED);
    expect(Object.keys(handlers).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    for (const [, spec] of METHOD_ENTRIES) expect(typeof handlers[spec.channel], spec.channel).toBe('function');
    for (const unknown of ['workspace.delete', 'shell.openExternal', 'constructor', '__proto__', 'toString']) {
      expect(Object.hasOwn(handlers, unknown), unknown).toBe(false);
    }
    expect(calls).toEqual([]);
  });

  it('has exactly one bridge method per method, in its scope, each forwarding to its own channel only the arguments it takes', async () => {
    const sent: [string, unknown[]][] = [];
    const bridge = fakeBridge(sent);
    expect(Object.keys(bridge.workspace).sort()).toEqual(inScope('workspace').sort());
    expect(Object.keys(bridge).sort()).toEqual([...inScope('app'), ...BRIDGE_EXTRAS].sort());
    for (const m of METHODS) {
      await methodOn(bridge, m)?.(...MANY);
      expect(sent.at(-1), m).toEqual([HOST_METHODS[m].channel, MANY.slice(0, arity(m))]);
    }
    expect(sent).toHaveLength(METHODS.length);
  });

  it('gives the renderer the same methods from either host, and screen-host passes each one on', async () => {
    const sent: [string, unknown[]][] = [];
    const hosts = { electron: electronHost(fakeBridge(sent)), browser: browserHost() };
    for (const [kind, host] of Object.entries(hosts)) {
      const shown = screenHost(host);
      for (const h of [host, shown]) {
        expect(Object.keys(h.workspace).sort(), kind).toEqual(inScope('workspace').sort());
        expect(Object.keys(h).sort(), kind).toEqual([...inScope('app'), ...BRIDGE_EXTRAS, 'kind'].sort());
      }
    }
    for (const m of METHODS) await methodOn(screenHost(hosts.electron), m)?.(HANDLE);
    expect(sent.map(([channel]) => channel)).toEqual(METHODS.map((m) => HOST_METHODS[m].channel));
  });

  it('has the browser host refuse what main refuses, with the same message, before doing anything', async () => {
    const handlers = createHandlers(spyApi([]), () => TRUSTED);
    const browser = browserHost();
    for (const [m, spec] of METHOD_ENTRIES.filter(([method]) => arity(method) > 0)) {
      const fromMain = await handlers[spec.channel](MAIN_FRAME, ...MALFORMED);
      expect(fromMain, m).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      // Reaching the browser's storage or a file chooser here (no IndexedDB, no document) would throw.
      expect(await methodOn(browser, m)?.(...MALFORMED), m).toEqual(fromMain);
    }
  });

  it('shows only the name of a reply it marks workspace-name, which must be an opened workspace', () => {
    for (const [m, spec] of METHOD_ENTRIES.filter(([, s]) => s.shown === 'workspace-name')) {
      expect(spec.reply.safeParse(OPENED).success, m).toBe(true);
    }
  });

  it('lets the DB worker ask only for per-workspace storage, each taking the workspace handle first', () => {
    const storage = METHOD_ENTRIES.filter(([, spec]) => spec.storage !== undefined);
    expect(storage.map(([, spec]) => spec.storage).sort()).toEqual(['append', 'checkpoint', 'keepOriginal', 'recordSeal']);
    // Reading an original back, or asking the analyst for one, is the UI's, never the worker's.
    expect(storage.map(([m]) => m)).not.toContain('readOriginal');
    expect(storage.map(([m]) => m)).not.toContain('locateOriginal');
    for (const [m, spec] of storage) {
      expect(spec.scope, m).toBe('workspace');
      // A checkpoint's seal must be of its bytes' length (1 byte here); an original goes under its
      // SHA-256; the others take a line or a seal.
      const good =
        m === 'checkpoint'
          ? [HANDLE, new Uint8Array([1]), 0, SEAL]
          : m === 'keepOriginal'
            ? [HANDLE, 'ab'.repeat(32), new Uint8Array([1])]
            : [HANDLE, m === 'appendJournal' ? '{"seq":1}\n' : SEAL];
      expect(spec.args.safeParse(good).success, m).toBe(true);
      expect(spec.args.safeParse(['/tmp/w.sqlite', ...good.slice(1)]).success, m).toBe(false);
    }
  });
});
