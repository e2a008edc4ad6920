import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedWorkspace, Result } from '../../../../src-core/host/contract';
import { IPC_CHANNELS, parseReply } from '../../../../src-core/host/methods';
import { MAX_REPORT_BYTES } from '../../../../src-core/limits';
import { MAIN_FRAME, makeMainHost, removeMainHostFolders, workspaceBytes } from '../../../helpers/main-host';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

const C = IPC_CHANNELS;
type Host = ReturnType<typeof makeMainHost>;
const call = (host: Host, channel: (typeof C)[keyof typeof C], ...args: unknown[]) => host.handlers[channel](MAIN_FRAME, ...args);

function value<T>(reply: Result<unknown>): T {
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

/** The renderer must never learn where files are: no reply carries the temp folder's path. */
function expectNoPath(host: Host, reply: Result<unknown>) {
  const text = JSON.stringify(reply, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
  expect(text).not.toContain(host.root);
}

const GWENT = new Uint8Array(readFileSync(path.join(ROOT, SEED_FILES.markdown)));
const GWENT_SHA = createHash('sha256').update(GWENT).digest('hex');
const DEFAULT_WORKSPACE = path.join(ROOT, 'data/default-workspace.sqlite');

let empty: Uint8Array;
beforeAll(async () => {
  empty = await workspaceBytes();
});
afterAll(removeMainHostFolders);

/** A workspace the user created in their documents folder, open. */
async function created(host: Host, name = 'inspections'): Promise<{ handle: string; file: string }> {
  const file = path.join(host.docs, `${name}.sqlite`);
  host.dialogs.saves.push(file);
  const opened = value<OpenedWorkspace>(await call(host, C.create, 'Gwent review'));
  return { handle: opened.info.handle, file };
}

describe("reports' originals through main's IPC handlers, on a real folder", () => {
  it('keeps an original beside the workspace and reads it back, hash-checked; a changed byte is refused', async () => {
    const host = makeMainHost(empty);
    const { handle, file } = await created(host);
    expect(await call(host, C.keepOriginal, handle, GWENT_SHA, GWENT)).toEqual({ ok: true, value: undefined });
    expect(readdirSync(`${file}.originals`)).toEqual([GWENT_SHA]);

    const read = await call(host, C.readOriginal, handle, GWENT_SHA, 'gwent.md');
    expect(parseReply(C.readOriginal, read)).toEqual(read);
    expect(value<{ bytes: Uint8Array }>(read).bytes).toEqual(GWENT);

    const changed = GWENT.slice();
    changed[0] = 0x23 ^ 0x01;
    writeFileSync(path.join(`${file}.originals`, GWENT_SHA), changed);
    const refused = await call(host, C.readOriginal, handle, GWENT_SHA, 'gwent.md');
    expect(refused).toMatchObject({ ok: false, error: { code: 'original-changed' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(
      /^The original of this report, gwent\.md, no longer matches the file that was imported: it is not shown as the source/,
    );
    expectNoPath(host, refused);

    rmSync(`${file}.originals`, { recursive: true });
    const missing = await call(host, C.readOriginal, handle, GWENT_SHA, 'gwent.md');
    expect(missing).toEqual({
      ok: false,
      error: {
        code: 'original-missing',
        message: `The original of this report, gwent.md, is not beside the workspace (looked for inspections.sqlite.originals/${GWENT_SHA}).`,
      },
    });
  });

  it('refuses bytes that are not what their hash says, and an unknown handle', async () => {
    const host = makeMainHost(empty);
    const { handle, file } = await created(host);
    const reply = await call(host, C.keepOriginal, handle, GWENT_SHA, new TextEncoder().encode('# not Gwent'));
    expect(reply).toMatchObject({ ok: false, error: { code: 'write-failed', message: expect.stringMatching(/do not match its SHA-256/) } });
    expect(existsSync(path.join(`${file}.originals`, GWENT_SHA))).toBe(false);
    // Bytes larger than a report can be are refused with the request, before anything is written.
    const oversized = await call(host, C.keepOriginal, handle, GWENT_SHA, new Uint8Array(MAX_REPORT_BYTES + 1));
    expect(oversized).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/report size/) } });
    expect(existsSync(`${file}.originals`)).toBe(false);
    for (const channel of [C.keepOriginal, C.readOriginal, C.locateOriginal]) {
      const args = channel === C.keepOriginal ? [GWENT] : ['gwent.md'];
      expect(await call(host, channel, 'x'.repeat(24), GWENT_SHA, ...args), channel).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    }
  });

  it('takes a file the analyst points at only if it is the original: the wrong one is refused, naming both, and nothing is kept', async () => {
    const host = makeMainHost(empty);
    const { handle, file } = await created(host);
    const wrong = path.join(host.docs, 'gwent-2016.md');
    const right = path.join(host.docs, 'Downloads copy.md');
    writeFileSync(wrong, '# Gwent 2016');
    writeFileSync(right, GWENT);

    host.dialogs.originals.push(wrong);
    const refused = await call(host, C.locateOriginal, handle, GWENT_SHA, 'gwent-peel-effectiveness-2017.md');
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'original-changed',
        message:
          '"gwent-2016.md" is not the file gwent-peel-effectiveness-2017.md was imported from (its contents differ), so it cannot stand for its original. Nothing was kept.',
      },
    });
    expect(existsSync(`${file}.originals`)).toBe(false);
    expect(host.dialogs.originalsAsked).toEqual(['gwent-peel-effectiveness-2017.md']);

    // Cancelled: null, nothing kept.
    expect(await call(host, C.locateOriginal, handle, GWENT_SHA, 'gwent-peel-effectiveness-2017.md')).toEqual({ ok: true, value: null });
    expect(existsSync(`${file}.originals`)).toBe(false);

    host.dialogs.originals.push(right);
    const found = await call(host, C.locateOriginal, handle, GWENT_SHA, 'gwent-peel-effectiveness-2017.md');
    expect(value<{ bytes: Uint8Array }>(found).bytes).toEqual(GWENT);
    expectNoPath(host, found);
    // Kept: the next read needs no dialog.
    expect(value<{ bytes: Uint8Array }>(await call(host, C.readOriginal, handle, GWENT_SHA)).bytes).toEqual(GWENT);
  });

  it('"Save a copy" carries the originals folder beside the copy', async () => {
    const host = makeMainHost(empty);
    const { handle } = await created(host);
    await call(host, C.keepOriginal, handle, GWENT_SHA, GWENT);
    const copy = path.join(host.docs, 'for the chief.sqlite');
    host.dialogs.saves.push(copy);
    expect(value(await call(host, C.saveCopy, handle, empty))).toMatchObject({ name: 'for the chief.sqlite' });
    expect(readdirSync(`${copy}.originals`)).toEqual([GWENT_SHA]);
    expect(new Uint8Array(readFileSync(path.join(`${copy}.originals`, GWENT_SHA)))).toEqual(GWENT);
    // The copy, opened as a workspace of its own, reads its report's original.
    host.dialogs.opens.push(copy);
    const opened = value<OpenedWorkspace>(await call(host, C.open));
    expect(value<{ bytes: Uint8Array }>(await call(host, C.readOriginal, opened.info.handle, GWENT_SHA)).bytes).toEqual(GWENT);
  });
});

describe("the default workspace's report", () => {
  it('is the file the bundled default workspace was built from (reports.content_hash), kept beside it by the build', () => {
    const db = new Database(DEFAULT_WORKSPACE, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT source_name, content_hash, source_bytes FROM reports').all()).toEqual([
        { source_name: 'gwent-peel-effectiveness-2017.md', content_hash: GWENT_SHA, source_bytes: GWENT.length },
      ]);
    } finally {
      db.close();
    }
    expect(readdirSync(`${DEFAULT_WORKSPACE}.originals`)).toEqual([GWENT_SHA]);
  });

  /** Main's host whose installation holds the real default workspace and its originals folder. */
  function installed(): Host {
    const host = makeMainHost(new Uint8Array(readFileSync(DEFAULT_WORKSPACE)));
    cpSync(`${DEFAULT_WORKSPACE}.originals`, `${host.bundled}.originals`, { recursive: true });
    return host;
  }

  it("is readable on first start: the private copy gets the bundled report's original beside it", async () => {
    const host = installed();
    const opened = value<OpenedWorkspace>(await call(host, C.openLast));
    expect(opened.info.isDefault).toBe(true);
    const copy = path.join(host.userData, 'workspaces', 'default-workspace.sqlite');
    expect(readdirSync(`${copy}.originals`)).toEqual([GWENT_SHA]);
    const read = await call(host, C.readOriginal, opened.info.handle, GWENT_SHA, 'gwent-peel-effectiveness-2017.md');
    expect(value<{ bytes: Uint8Array }>(read).bytes).toEqual(GWENT);
  });

  it('is put back beside a private copy made before originals were kept, when it is next opened', async () => {
    const host = installed();
    const copy = path.join(host.userData, 'workspaces', 'default-workspace.sqlite');
    mkdirSync(path.dirname(copy), { recursive: true });
    writeFileSync(copy, readFileSync(DEFAULT_WORKSPACE));
    const opened = value<OpenedWorkspace>(await call(host, C.openLast));
    expect(opened.info.isDefault).toBe(true);
    expect(value<{ bytes: Uint8Array }>(await call(host, C.readOriginal, opened.info.handle, GWENT_SHA)).bytes).toEqual(GWENT);
  });
});
