import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../../src-core/host/contract';
import { MAX_JOURNAL_LINE } from '../../../../src-core/host/ipc-schema';
import { IPC_CHANNELS, type IpcChannel } from '../../../../src-core/host/methods';
import type { SenderFacts } from '../../../../src-main/electron/ipc-guard';
import { createHandlers } from '../../../../src-main/electron/ipc-handlers';
import type { MainHostApi } from '../../../../src-main/node/main-host';
import { MAIN_FRAME, TRUSTED } from '../../../helpers/main-host';
import { HANDLE } from '../../../helpers/host-fixtures';

const SQLITE = new Uint8Array(100);
SQLITE.set(new TextEncoder().encode('SQLite format 3\u0000'));
/** A seal of the right shape for those 100 bytes (main checks its shape; the worker checks it against the bytes on opening). */
const SEAL = `hmac-sha256-16m:${'5e'.repeat(32)}:100`;
/** A report original's name: a SHA-256 in lowercase hex. */
const SHA = 'ab'.repeat(32);

/** Well-formed arguments for every channel: what the preload would forward from a good call. */
const VALID: Record<IpcChannel, unknown[]> = {
  [IPC_CHANNELS.openLast]: [],
  [IPC_CHANNELS.create]: ['Gwent review'],
  [IPC_CHANNELS.open]: [],
  [IPC_CHANNELS.openRecent]: [HANDLE],
  [IPC_CHANNELS.recent]: [],
  [IPC_CHANNELS.appendJournal]: [HANDLE, '{"seq":1}\n'],
  [IPC_CHANNELS.checkpoint]: [HANDLE, SQLITE, 3, SEAL],
  [IPC_CHANNELS.recordSeal]: [HANDLE, SEAL],
  [IPC_CHANNELS.backups]: [HANDLE],
  [IPC_CHANNELS.restoreBackup]: [HANDLE, '2026-01-02T03-04-05-678Z.sqlite'],
  [IPC_CHANNELS.saveCopy]: [HANDLE, SQLITE],
  [IPC_CHANNELS.keepOriginal]: [HANDLE, SHA, new TextEncoder().encode('# Gwent')],
  [IPC_CHANNELS.readOriginal]: [HANDLE, SHA, 'gwent.md'],
  [IPC_CHANNELS.locateOriginal]: [HANDLE, SHA, 'gwent.md'],
  [IPC_CHANNELS.pickReports]: [],
  [IPC_CHANNELS.about]: [],
  [IPC_CHANNELS.author]: [],
  [IPC_CHANNELS.setAuthor]: ['Ann'],
  [IPC_CHANNELS.saveExport]: [{ suggestedName: 'Brief.pdf', mime: 'application/pdf', bytes: new Uint8Array([37, 80, 68, 70]) }],
};

const NO_ARGS_EXTRA = [['surprise'], [{ path: '/etc/passwd' }]];
/** Malformed arguments for every channel: wrong types, paths where handles go, oversized or multi-line records. */
const MALFORMED: Record<IpcChannel, unknown[][]> = {
  [IPC_CHANNELS.openLast]: NO_ARGS_EXTRA,
  [IPC_CHANNELS.create]: [[], [''], ['  '], [42], ['Gwent\u0007'], ['x'.repeat(121)], ['Gwent', 'surprise']],
  [IPC_CHANNELS.open]: [['/home/analyst/secret.sqlite']],
  [IPC_CHANNELS.openRecent]: [
    [],
    [42],
    ['/home/analyst/secret.sqlite'],
    ['..\\..\\secret.sqlite'],
    ['C:\\Users\\a\\w.sqlite'],
    ['x'.repeat(65)],
  ],
  [IPC_CHANNELS.recent]: NO_ARGS_EXTRA,
  [IPC_CHANNELS.appendJournal]: [
    [HANDLE],
    [HANDLE, 42],
    [HANDLE, 'no newline'],
    [HANDLE, 'two\nlines\n'],
    [HANDLE, `${'x'.repeat(MAX_JOURNAL_LINE)}\n`],
    ['/tmp/w.sqlite', '{"seq":1}\n'],
  ],
  [IPC_CHANNELS.checkpoint]: [
    [HANDLE, 'SQLite format 3', 1],
    [HANDLE, [83, 81, 76], 1],
    [HANDLE, new Uint8Array(0), 1],
    [HANDLE, SQLITE, -1, SEAL],
    [HANDLE, SQLITE, 1.5, SEAL],
    [HANDLE, SQLITE, '1', SEAL],
    ['/tmp/w.sqlite', SQLITE, 1, SEAL],
    // The seal: required, one exact shape, and of these bytes' length.
    [HANDLE, SQLITE, 1],
    [HANDLE, SQLITE, 1, null],
    [HANDLE, SQLITE, 1, SEAL.toUpperCase()],
    [HANDLE, SQLITE, 1, `${SEAL}\n`],
    [HANDLE, SQLITE, 1, SEAL.replace(':100', ':99')],
    [HANDLE, SQLITE, 1, SEAL.replace(':100', ':0100')],
    [HANDLE, SQLITE, 1, `hmac-sha256-16m:${'5e'.repeat(31)}:100`],
    [HANDLE, SQLITE, 1, { seal: SEAL }],
  ],
  // The same strict seal as a checkpoint's, for the workspace by handle; no bytes ride along.
  [IPC_CHANNELS.recordSeal]: [
    [],
    [HANDLE],
    [HANDLE, null],
    [HANDLE, SEAL.toUpperCase()],
    [HANDLE, `${SEAL}\n`],
    [HANDLE, SEAL.replace(':100', ':0100')],
    [HANDLE, `hmac-sha256-16m:${'5e'.repeat(31)}:100`],
    [HANDLE, `sha256:${'5e'.repeat(32)}:100`],
    // The unkeyed seal of earlier versions is not a seal any more.
    [HANDLE, `sha256-16m:${'5e'.repeat(32)}:100`],
    [HANDLE, { seal: SEAL }],
    [HANDLE, SEAL, SQLITE],
    ['/tmp/w.sqlite', SEAL],
    [SEAL],
  ],
  [IPC_CHANNELS.backups]: [[], ['/tmp/w.sqlite'], [null]],
  [IPC_CHANNELS.restoreBackup]: [[HANDLE], [HANDLE, '../../etc/passwd'], [HANDLE, 'a/b.sqlite'], [HANDLE, 7]],
  [IPC_CHANNELS.saveCopy]: [[HANDLE], [HANDLE, 'bytes'], [HANDLE, new Uint8Array(0)], ['../w.sqlite', SQLITE]],
  // An original is named by its SHA-256 only (64 lowercase hex digits): never a path, never empty
  // bytes (oversized ones: tests/unit/src-main/node/originals-host.test.ts).
  [IPC_CHANNELS.keepOriginal]: [
    [HANDLE, SHA],
    [HANDLE, SHA, new Uint8Array(0)],
    [HANDLE, SHA, 'bytes'],
    [HANDLE, SHA.toUpperCase(), new Uint8Array(1)],
    [HANDLE, `../${SHA.slice(3)}`, new Uint8Array(1)],
    ['/tmp/w.sqlite', SHA, new Uint8Array(1)],
  ],
  [IPC_CHANNELS.readOriginal]: [
    [HANDLE],
    [HANDLE, SHA.slice(1)],
    [HANDLE, `${SHA}0`],
    [HANDLE, SHA.toUpperCase()],
    [HANDLE, '../../etc/passwd'],
    [HANDLE, SHA, ''],
    [HANDLE, SHA, 'gwent.md', 'surprise'],
    ['/tmp/w.sqlite', SHA],
  ],
  [IPC_CHANNELS.locateOriginal]: [
    [HANDLE, SHA],
    [HANDLE, SHA, ''],
    [HANDLE, SHA, 42],
    [HANDLE, 'x', 'gwent.md'],
    ['/tmp/w.sqlite', SHA, 'gwent.md'],
  ],
  [IPC_CHANNELS.pickReports]: [['/etc/passwd']],
  [IPC_CHANNELS.about]: NO_ARGS_EXTRA,
  [IPC_CHANNELS.author]: NO_ARGS_EXTRA,
  [IPC_CHANNELS.setAuthor]: [[], [42], ['x'.repeat(201)], [{ name: 'Ann' }]],
  [IPC_CHANNELS.saveExport]: [
    [],
    ['Brief.pdf'],
    [{ suggestedName: '/home/analyst/.bashrc', mime: 'application/pdf', bytes: new Uint8Array([1]) }],
    [{ suggestedName: '..\\..\\Brief.pdf', mime: 'application/pdf', bytes: new Uint8Array([1]) }],
    [{ suggestedName: '.profile.pdf', mime: 'application/pdf', bytes: new Uint8Array([1]) }],
    [{ suggestedName: 'Brief.exe', mime: 'application/pdf', bytes: new Uint8Array([1]) }],
    [{ suggestedName: 'Brief.pdf', mime: 'application/x-msdownload', bytes: new Uint8Array([1]) }],
    [{ suggestedName: 'Brief.pdf', mime: 'application/pdf', bytes: new Uint8Array(0) }],
    [{ suggestedName: 'Brief.pdf', mime: 'application/pdf', bytes: [37, 80] }],
    [{ suggestedName: 'C:Brief.pdf', mime: 'application/pdf', bytes: new Uint8Array([1]) }],
  ],
};

const FOREIGN: [string, SenderFacts][] = [
  ['a frame from another origin', { ...MAIN_FRAME, frameUrl: 'https://evil.example/index.html' }],
  ['a file:// page', { ...MAIN_FRAME, frameUrl: 'file:///tmp/evil.html' }],
  ['another window', { ...MAIN_FRAME, webContentsId: 8 }],
  ['an iframe inside the main window', { ...MAIN_FRAME, isTopFrame: false }],
  ['a page that has navigated away', { ...MAIN_FRAME, frameUrl: null }],
];

/** An API that records which methods were reached. */
function spyApi(calls: string[]): MainHostApi {
  const api = Object.fromEntries(
    Object.keys(IPC_CHANNELS).map((method) => [
      method,
      async () => {
        calls.push(method);
        return ok(null);
      },
    ]),
  );
  return api as unknown as MainHostApi;
}

const channels = Object.values(IPC_CHANNELS);

describe('IPC handlers', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(createHandlers(spyApi([]), () => TRUSTED)).sort()).toEqual([...channels].sort());
  });

  it("lets the main window's top frame through with well-formed arguments", async () => {
    const calls: string[] = [];
    const handlers = createHandlers(spyApi(calls), () => TRUSTED);
    for (const channel of channels) expect(await handlers[channel](MAIN_FRAME, ...VALID[channel]), channel).toEqual(ok(null));
    expect(calls.sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  });

  describe.each(FOREIGN)('refuses %s on every channel', (_name, sender) => {
    it.each(channels)('%s', async (channel) => {
      const calls: string[] = [];
      const reply = await createHandlers(spyApi(calls), () => TRUSTED)[channel](sender, ...VALID[channel]);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(calls).toEqual([]);
    });
  });

  it('refuses everyone before the main window exists', async () => {
    const handlers = createHandlers(spyApi([]), () => ({ ...TRUSTED, webContentsId: null }));
    for (const channel of channels) {
      expect(await handlers[channel](MAIN_FRAME, ...VALID[channel])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it.each(channels)('refuses malformed arguments on %s without acting', async (channel) => {
    const calls: string[] = [];
    const handlers = createHandlers(spyApi(calls), () => TRUSTED);
    for (const args of MALFORMED[channel]) {
      const reply = await handlers[channel](MAIN_FRAME, ...args);
      expect(reply, JSON.stringify(args).slice(0, 80)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!reply.ok) expect(reply.error.message).not.toContain('xxxxxxxx');
    }
    expect(calls).toEqual([]);
  });

  it('answers an unexpected failure with an error value that names no path, and never throws', async () => {
    const failing = Object.fromEntries(
      Object.keys(IPC_CHANNELS).map((m) => [
        m,
        async () => {
          throw Object.assign(new Error("EACCES: permission denied, open '/home/analyst/secret.sqlite'"), { code: 'EACCES' });
        },
      ]),
    ) as unknown as MainHostApi;
    const handlers = createHandlers(failing, () => TRUSTED);
    // Main logs the full error for whoever runs it; the page gets the code and no details.
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const channel of channels) {
      const reply = await handlers[channel](MAIN_FRAME, ...VALID[channel]);
      expect(reply.ok).toBe(false);
      if (reply.ok) continue;
      expect(['read-failed', 'write-failed']).toContain(reply.error.code);
      expect(reply.error.message).toContain('(EACCES)');
      expect(reply.error.message).not.toContain('/home/analyst');
    }
    expect(log).toHaveBeenCalledTimes(channels.length);
    log.mockRestore();
  });
});
