import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedWorkspace, Result } from '../../../../src-core/host/contract';
import { IPC_CHANNELS, parseReply } from '../../../../src-core/host/methods';
import { newSealKey, SEAL_KEY_PATTERN, sealOf } from '../../../../src-core/workspace/seal';
import { readSealKey } from '../../../../src-main/node/workspace/seal-key';
import { journalLine, MAIN_FRAME, makeMainHost, removeMainHostFolders, workspaceBytes } from '../../../helpers/main-host';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await workspaceBytes();
});
afterAll(removeMainHostFolders);

const C = IPC_CHANNELS;
type Host = ReturnType<typeof makeMainHost>;
const call = (host: Host, channel: (typeof C)[keyof typeof C], ...args: unknown[]) => host.handlers[channel](MAIN_FRAME, ...args);

/** The key main keeps in this host's user data (made by its first open); a stranger's key before that. */
const keyOf = async (host: Host) => (await readSealKey(host.userData)) ?? newSealKey();

function value<T>(reply: Result<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** The renderer must never learn where files are: no reply carries the temp folder's path. */
function expectNoPath(host: Host, reply: Result<unknown>) {
  const text = JSON.stringify(reply, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
  expect(text).not.toContain(host.root);
}

describe('the workspace host, through its IPC handlers, on a real folder', () => {
  it('on first start opens a private copy of the bundled default workspace and never writes the bundled file', async () => {
    const host = makeMainHost(bytes);
    const before = statSync(host.bundled).mtimeMs;
    const reply = await call(host, C.openLast);
    const opened = value<OpenedWorkspace>(reply);
    expect(parseReply(C.openLast, reply)).toEqual(reply);
    expect(opened.info).toMatchObject({ name: 'Default workspace', isDefault: true });
    expect(opened.info.handle).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(opened.snapshot).toEqual(bytes);
    // A copy of the bundled file was never checkpointed by this app: no seal, so a full check.
    expect(opened.seal).toBeNull();
    expect(Buffer.isBuffer(opened.snapshot)).toBe(false);
    expect(existsSync(path.join(host.userData, 'workspaces', 'default-workspace.sqlite'))).toBe(true);
    expectNoPath(host, reply);

    const { handle } = opened.info;
    expect(await call(host, C.appendJournal, handle, await journalLine(1))).toEqual({ ok: true, value: undefined });
    expect(await call(host, C.checkpoint, handle, bytes, 1, await sealOf(bytes, await keyOf(host)))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(statSync(host.bundled).mtimeMs).toBe(before);
    expect(readFileSync(host.bundled)).toEqual(Buffer.from(bytes));
  });

  it("hands the worker this installation's seal key with every workspace: one key, kept in user data, never a path", async () => {
    const host = makeMainHost(bytes);
    const opened = value<OpenedWorkspace>(await call(host, C.openLast));
    expect(opened.sealKey).toMatch(SEAL_KEY_PATTERN);
    expect(readFileSync(path.join(host.userData, 'seal.key')).toString('hex')).toBe(opened.sealKey);
    if (process.platform !== 'win32') expect(statSync(path.join(host.userData, 'seal.key')).mode & 0o777).toBe(0o600);
    // The same key after a restart, and with a restored backup; nothing of it beside the workspace.
    await call(host, C.checkpoint, opened.info.handle, bytes, 0, await sealOf(bytes, opened.sealKey));
    const restarted = value<OpenedWorkspace>(await call(makeMainHost(bytes, host.root), C.openLast));
    expect(restarted.sealKey).toBe(opened.sealKey);
    const backup = value<{ id: string }[]>(await call(host, C.backups, opened.info.handle))[0];
    expect(value<OpenedWorkspace>(await call(host, C.restoreBackup, opened.info.handle, backup?.id)).sealKey).toBe(opened.sealKey);
    const beside = path.join(host.userData, 'workspaces');
    for (const f of readdirSync(beside)) {
      if (statSync(path.join(beside, f)).isFile())
        expect(readFileSync(path.join(beside, f)).includes(Buffer.from(opened.sealKey, 'hex'))).toBe(false);
    }
    // Another installation (another user data folder) hands over another key.
    expect(value<OpenedWorkspace>(await call(makeMainHost(bytes), C.openLast)).sealKey).not.toBe(opened.sealKey);
  });

  it('keeps backups, restores one, and lists recent workspaces by handle and name', async () => {
    const host = makeMainHost(bytes);
    const { handle } = value<OpenedWorkspace>(await call(host, C.openLast)).info;
    await call(host, C.checkpoint, handle, bytes, 0, await sealOf(bytes, await keyOf(host)));
    const backups = value<{ id: string }[]>(await call(host, C.backups, handle));
    expect(backups).toHaveLength(1);
    const restored = await call(host, C.restoreBackup, handle, backups[0]?.id);
    expect(value<OpenedWorkspace>(restored)).toMatchObject({ info: { handle }, journal: '', orphansRemoved: 0, seal: null });
    expect(parseReply(C.restoreBackup, restored)).toEqual(restored);
    expect(await call(host, C.restoreBackup, handle, 'no-such-backup.sqlite')).toMatchObject({
      ok: false,
      error: { code: 'write-failed' },
    });
    const recent = await call(host, C.recent);
    expect(value(recent)).toEqual([{ handle, name: 'Default workspace', isDefault: true }]);
    expectNoPath(host, recent);
  });

  it('creates a new workspace where the user says, then reopens it as the last one after a restart', async () => {
    const host = makeMainHost(bytes);
    host.dialogs.saves.push(path.join(host.docs, 'Gwent review'));
    const created = value<OpenedWorkspace>(await call(host, C.create, 'Gwent review'));
    expect(created).toMatchObject({ info: { name: 'Gwent review.sqlite', isDefault: false }, journal: '' });
    expect(created.snapshot).toHaveLength(0);
    // The worker initialises the new database and checkpoints it.
    expect((await call(host, C.checkpoint, created.info.handle, bytes, 0, await sealOf(bytes, await keyOf(host)))).ok).toBe(true);
    await call(host, C.appendJournal, created.info.handle, await journalLine(1));

    const restarted = makeMainHost(bytes, host.root);
    const last = value<OpenedWorkspace>(await call(restarted, C.openLast));
    expect(last.info).toMatchObject({ name: 'Gwent review.sqlite', isDefault: false });
    expect(last.journal).toBe(await journalLine(1));
    // The seal of the checkpoint comes back with the snapshot it was taken of.
    expect(last.seal).toBe(await sealOf(bytes, await keyOf(host)));
    expect(parseReply(C.openLast, { ok: true, value: last })).toEqual({ ok: true, value: last });
    expect(last.info.handle).not.toBe(created.info.handle);
  });

  it('keeps the seal of a workspace only read, once the worker checked it, so the next start opens it sealed', async () => {
    const host = makeMainHost(bytes);
    const opened = value<OpenedWorkspace>(await call(host, C.openLast));
    expect(opened.seal).toBeNull();
    const seal = await sealOf(bytes, await keyOf(host));
    expect(await call(host, C.recordSeal, opened.info.handle, seal)).toEqual({ ok: true, value: undefined });
    const restarted = value<OpenedWorkspace>(await call(makeMainHost(bytes, host.root), C.openLast));
    expect(restarted.seal).toBe(seal);
    expect(restarted.snapshot).toEqual(bytes);
  });

  it("declines a seal that comes after a checkpoint: the checkpoint's seal stays", async () => {
    const host = makeMainHost(bytes);
    const { handle } = value<OpenedWorkspace>(await call(host, C.openLast)).info;
    const checkpointed = await sealOf(bytes, await keyOf(host));
    await call(host, C.checkpoint, handle, bytes, 0, checkpointed);
    // Well formed and of the right length, but the snapshot it would describe has been replaced.
    const stale = `hmac-sha256-16m:${'ab'.repeat(32)}:${bytes.length}`;
    expect(await call(host, C.recordSeal, handle, stale)).toEqual({ ok: true, value: undefined });
    expect(value<OpenedWorkspace>(await call(makeMainHost(bytes, host.root), C.openLast)).seal).toBe(checkpointed);
  });

  it('never creates a workspace over an existing file', async () => {
    const host = makeMainHost(bytes);
    const file = path.join(host.docs, 'notes.sqlite');
    writeFileSync(file, 'my notes');
    host.dialogs.saves.push(file);
    expect(await call(host, C.create, 'Gwent review')).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(readFileSync(file, 'utf8')).toBe('my notes');
  });

  it('refuses to open a file that is not SQLite, or is over 2 GB, and leaves it untouched', async () => {
    const host = makeMainHost(bytes);
    const text = path.join(host.docs, 'report.sqlite');
    writeFileSync(text, 'PEEL: Police effectiveness 2017');
    const huge = path.join(host.docs, 'huge.sqlite');
    writeFileSync(huge, bytes);
    truncateSync(huge, 2 * 1024 ** 3 + 1); // sparse: no real disk used
    host.dialogs.opens.push(text, huge);
    const a = await call(host, C.open);
    expect(a).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!a.ok) expect(a.error.message).toMatch(/"report\.sqlite" is not a PEEL Workbench workspace/);
    const b = await call(host, C.open);
    expect(b).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!b.ok) expect(b.error.message).toMatch(/over 2 GB/);
    expect(readFileSync(text, 'utf8')).toBe('PEEL: Police effectiveness 2017');
    expect(statSync(huge).size).toBe(2 * 1024 ** 3 + 1);
    expect(existsSync(`${text}.peel-journal`)).toBe(false);
  });

  it('answers a cancelled dialog with null, and unknown or unopened handles with invalid-input', async () => {
    const host = makeMainHost(bytes);
    expect(await call(host, C.open)).toEqual({ ok: true, value: null });
    expect(await call(host, C.create, 'Gwent review')).toEqual({ ok: true, value: null });
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAAAA';
    for (const [channel, args] of [
      [C.openRecent, [unknown]],
      [C.appendJournal, [unknown, await journalLine(1)]],
      [C.checkpoint, [unknown, bytes, 1, await sealOf(bytes, await keyOf(host))]],
      [C.recordSeal, [unknown, await sealOf(bytes, await keyOf(host))]],
      [C.backups, [unknown]],
      [C.restoreBackup, [unknown, 'x.sqlite']],
      [C.saveCopy, [unknown, bytes]],
    ] as const) {
      expect(await call(host, channel, ...args), channel).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('refuses a checkpoint that is not a SQLite database', async () => {
    const host = makeMainHost(bytes);
    const { handle } = value<OpenedWorkspace>(await call(host, C.openLast)).info;
    const notADatabase = new TextEncoder().encode('not a database');
    const reply = await call(host, C.checkpoint, handle, notADatabase, 1, await sealOf(notADatabase, await keyOf(host)));
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/not a SQLite database/) } });
    expect(readFileSync(path.join(host.userData, 'workspaces', 'default-workspace.sqlite'))).toEqual(Buffer.from(bytes));
  });

  it('saves a copy to a new file only, and remembers it as recent', async () => {
    const host = makeMainHost(bytes);
    const { handle } = value<OpenedWorkspace>(await call(host, C.openLast)).info;
    host.dialogs.saves.push(path.join(host.docs, 'for the chief'));
    const saved = await call(host, C.saveCopy, handle, bytes);
    expect(value(saved)).toMatchObject({ name: 'for the chief.sqlite', isDefault: false });
    expect(host.dialogs.suggested).toBe('Default workspace copy.sqlite');
    expect(readFileSync(path.join(host.docs, 'for the chief.sqlite'))).toEqual(Buffer.from(bytes));
    expectNoPath(host, saved);
    const names = value<{ name: string }[]>(await call(host, C.recent)).map((w) => w.name);
    expect(names).toEqual(['for the chief.sqlite', 'Default workspace']);
    // Saving a copy does not switch workspaces: the next start still reopens the default.
    expect(value<OpenedWorkspace>(await call(makeMainHost(bytes, host.root), C.openLast)).info.name).toBe('Default workspace');

    host.dialogs.saves.push(path.join(host.docs, 'for the chief.sqlite'));
    expect(await call(host, C.saveCopy, handle, bytes)).toMatchObject({ ok: false, error: { code: 'refused' } });
    host.dialogs.saves.push(path.join(host.userData, 'workspaces', 'default-workspace.sqlite'));
    expect(await call(host, C.saveCopy, handle, bytes)).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('reads picked reports, and refuses files over 50 MB or of other types', async () => {
    const host = makeMainHost(bytes);
    const md = path.join(host.docs, 'gwent.md');
    const pdf = path.join(host.docs, 'Gwent.PDF');
    writeFileSync(md, '# PEEL');
    writeFileSync(pdf, '%PDF-1.7');
    const big = path.join(host.docs, 'big.pdf');
    writeFileSync(big, '');
    truncateSync(big, 50 * 1024 * 1024 + 1);
    const exe = path.join(host.docs, 'setup.exe');
    writeFileSync(exe, 'MZ');
    host.dialogs.reports.push([md, pdf], [md, big], [exe]);
    const picked = value<{ name: string; bytes: Uint8Array }[]>(await call(host, C.pickReports));
    expect(picked.map((r) => [r.name, new TextDecoder().decode(r.bytes)])).toEqual([
      ['gwent.md', '# PEEL'],
      ['Gwent.PDF', '%PDF-1.7'],
    ]);
    const tooBig = await call(host, C.pickReports);
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'refused' } });
    if (!tooBig.ok) expect(tooBig.error.message).toMatch(/"big\.pdf" is 50.1 MB; reports over 50 MB are refused/);
    expect(await call(host, C.pickReports)).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await call(host, C.pickReports)).toEqual({ ok: true, value: [] });
  });

  it('answers about() with the version and licences', async () => {
    const host = makeMainHost(bytes);
    const reply = await call(host, C.about);
    expect(value(reply)).toMatchObject({ name: 'PEEL Workbench', version: '9.9.9' });
    expect(parseReply(C.about, reply)).toEqual(reply);
  });
});
