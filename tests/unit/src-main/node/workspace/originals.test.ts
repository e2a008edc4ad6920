import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES } from '../../../../../src-core/limits';
import { StorageError } from '../../../../../src-core/workspace/storage';
import { copyOriginals, keepOriginal, originalPath, readCandidate, readOriginal } from '../../../../../src-main/node/workspace/originals';
import { faultyFs } from '../../../../helpers/faulty-fs';
import { ROOT, SEED_FILES } from '../../../../helpers/seed';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'peel-originals-'));
  dirs.push(dir);
  return dir;
}

const GWENT = new Uint8Array(readFileSync(path.join(ROOT, SEED_FILES.markdown)));
const GWENT_SHA = createHash('sha256').update(GWENT).digest('hex');

/** A workspace file's path (the originals sit beside it whether or not it exists yet). */
const workspaceIn = (dir: string) => path.join(dir, 'gwent.sqlite');

describe("a report's original beside the workspace", () => {
  it('is kept byte for byte under its SHA-256 in <workspace>.originals/, and read back whole', async () => {
    const ws = workspaceIn(folder());
    await keepOriginal(ws, GWENT_SHA, GWENT);
    expect(readdirSync(`${ws}.originals`)).toEqual([GWENT_SHA]);
    expect(new Uint8Array(readFileSync(originalPath(ws, GWENT_SHA)))).toEqual(GWENT);
    const read = await readOriginal(ws, GWENT_SHA, 'gwent.md');
    expect(read).toEqual({ ok: true, value: GWENT });
    // Keeping it again changes nothing and leaves no temporary file behind.
    await keepOriginal(ws, GWENT_SHA, GWENT);
    expect(readdirSync(`${ws}.originals`)).toEqual([GWENT_SHA]);
  });

  it('refuses to keep bytes under a hash that is not theirs', async () => {
    const ws = workspaceIn(folder());
    const other = createHash('sha256').update('something else').digest('hex');
    await expect(keepOriginal(ws, other, GWENT)).rejects.toThrow(/its bytes do not match its SHA-256/);
    expect(existsSync(originalPath(ws, other))).toBe(false);
  });

  it('puts the right bytes back when a damaged file sits under the name', async () => {
    const ws = workspaceIn(folder());
    await keepOriginal(ws, GWENT_SHA, GWENT);
    writeFileSync(originalPath(ws, GWENT_SHA), 'tampered');
    await keepOriginal(ws, GWENT_SHA, GWENT);
    expect(await readOriginal(ws, GWENT_SHA)).toEqual({ ok: true, value: GWENT });
  });

  it('says a changed original is not shown as the source, naming the report and the file (one byte changed)', async () => {
    const ws = workspaceIn(folder());
    await keepOriginal(ws, GWENT_SHA, GWENT);
    const changed = GWENT.slice();
    changed[1000] = (changed[1000] ?? 0) ^ 1;
    writeFileSync(originalPath(ws, GWENT_SHA), changed);
    const read = await readOriginal(ws, GWENT_SHA, 'gwent.md');
    expect(read).toEqual({
      ok: false,
      error: {
        code: 'original-changed',
        message: `The original of this report, gwent.md, no longer matches the file that was imported: it is not shown as the source (gwent.sqlite.originals/${GWENT_SHA} has been changed).`,
      },
    });
  });

  it('says a missing original is not beside the workspace, and where it looked (no folder, or no file in it)', async () => {
    const ws = workspaceIn(folder());
    const message = `The original of this report, gwent.md, is not beside the workspace (looked for gwent.sqlite.originals/${GWENT_SHA}).`;
    expect(await readOriginal(ws, GWENT_SHA, 'gwent.md')).toEqual({ ok: false, error: { code: 'original-missing', message } });
    mkdirSync(`${ws}.originals`);
    expect(await readOriginal(ws, GWENT_SHA, 'gwent.md')).toEqual({ ok: false, error: { code: 'original-missing', message } });
    // Without the report's name, the file looked for is still named.
    const unnamed = await readOriginal(ws, GWENT_SHA);
    expect(unnamed.ok ? '' : unnamed.error.message).toBe(
      `The original of this report is not beside the workspace (looked for gwent.sqlite.originals/${GWENT_SHA}).`,
    );
  });

  it('refuses a symbolic link in the place of an original, even to the right bytes elsewhere', async () => {
    const dir = folder();
    const ws = workspaceIn(dir);
    const outside = path.join(dir, 'elsewhere.md');
    writeFileSync(outside, GWENT);
    mkdirSync(`${ws}.originals`);
    symlinkSync(outside, originalPath(ws, GWENT_SHA));
    const read = await readOriginal(ws, GWENT_SHA, 'gwent.md');
    expect(read).toMatchObject({ ok: false, error: { code: 'original-changed', message: expect.stringContaining('is not a plain file') } });
    expect(read.ok ? '' : read.error.message).toContain('gwent.md');
  });

  it('refuses an originals folder that is a link to somewhere else', async () => {
    const dir = folder();
    const ws = workspaceIn(dir);
    const elsewhere = path.join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(path.join(elsewhere, GWENT_SHA), GWENT);
    symlinkSync(elsewhere, `${ws}.originals`);
    expect(await readOriginal(ws, GWENT_SHA, 'gwent.md')).toMatchObject({ ok: false, error: { code: 'original-changed' } });
  });

  it('refuses a folder in the place of an original', async () => {
    const ws = workspaceIn(folder());
    mkdirSync(originalPath(ws, GWENT_SHA), { recursive: true });
    expect(await readOriginal(ws, GWENT_SHA, 'gwent.md')).toMatchObject({
      ok: false,
      error: { code: 'original-changed', message: expect.stringContaining('is not a plain file') },
    });
  });

  it('refuses a named pipe in the place of an original at once, rather than waiting for a writer', async () => {
    const ws = workspaceIn(folder());
    mkdirSync(`${ws}.originals`);
    execFileSync('mkfifo', [originalPath(ws, GWENT_SHA)]);
    expect(await readOriginal(ws, GWENT_SHA, 'gwent.md')).toMatchObject({ ok: false, error: { code: 'original-changed' } });
  });

  it('refuses an original larger than a report can be, without reading it', async () => {
    const ws = workspaceIn(folder());
    mkdirSync(`${ws}.originals`);
    writeFileSync(originalPath(ws, GWENT_SHA), '');
    truncateSync(originalPath(ws, GWENT_SHA), MAX_REPORT_BYTES + 1);
    const read = await readOriginal(ws, GWENT_SHA, 'gwent.md');
    expect(read).toMatchObject({ ok: false, error: { code: 'original-changed' } });
    expect(read.ok ? '' : read.error.message).toMatch(/gwent\.md.*is 50\.1 MB; reports over 50 MB are refused/);
  });

  it('fails with a message the analyst can act on when the disk refuses, and leaves no temporary file', async () => {
    const ws = workspaceIn(folder());
    const { fs, fired } = faultyFs([{ when: (c) => c.op === 'writeFile' && c.path.includes('.originals'), code: 'ENOSPC', times: 1 }]);
    const kept = keepOriginal(ws, GWENT_SHA, GWENT, { fs });
    await expect(kept).rejects.toBeInstanceOf(StorageError);
    await expect(kept).rejects.toThrow(`Could not keep the report's original file beside "gwent.sqlite": the disk is full (ENOSPC).`);
    expect(fired).toEqual([1]);
    expect(readdirSync(`${ws}.originals`)).toEqual([]);
  });
});

describe('a file the analyst points at as the original', () => {
  it('is taken only if it hashes to the original, and the message names both files otherwise', async () => {
    const dir = folder();
    const right = path.join(dir, 'Gwent 2017 (1).md');
    const wrong = path.join(dir, 'gwent-notes.md');
    writeFileSync(right, GWENT);
    writeFileSync(wrong, '# notes');
    expect(await readCandidate(right, GWENT_SHA, 'gwent.md')).toEqual({ ok: true, value: GWENT });
    expect(await readCandidate(wrong, GWENT_SHA, 'gwent.md')).toEqual({
      ok: false,
      error: {
        code: 'original-changed',
        message:
          '"gwent-notes.md" is not the file gwent.md was imported from (its contents differ), so it cannot stand for its original. Nothing was kept.',
      },
    });
  });
});

describe('copying originals beside another workspace', () => {
  it('carries every original that still matches its name, and leaves behind what does not', async () => {
    const dir = folder();
    const from = path.join(dir, 'a.sqlite');
    const to = path.join(dir, 'b.sqlite');
    const other = new TextEncoder().encode('# another report');
    const otherSha = createHash('sha256').update(other).digest('hex');
    await keepOriginal(from, GWENT_SHA, GWENT);
    await keepOriginal(from, otherSha, other);
    writeFileSync(originalPath(from, otherSha), 'changed since');
    writeFileSync(path.join(`${from}.originals`, 'notes.txt'), 'not an original');
    expect(await copyOriginals(from, to)).toEqual({ copied: 1, skipped: 1 });
    expect(readdirSync(`${to}.originals`)).toEqual([GWENT_SHA]);
    expect(await readOriginal(to, GWENT_SHA)).toEqual({ ok: true, value: GWENT });
  });

  it('copies nothing, and makes no folder, when the workspace has no originals', async () => {
    const dir = folder();
    expect(await copyOriginals(path.join(dir, 'a.sqlite'), path.join(dir, 'b.sqlite'))).toEqual({ copied: 0, skipped: 0 });
    expect(readdirSync(dir)).toEqual([]);
  });
});
