import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readDefaultWorkspace } from '../../../src-main/default-workspace';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'peel-default-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readDefaultWorkspace', () => {
  it('returns the bytes as a plain Uint8Array (not a Buffer) for IPC', async () => {
    const file = path.join(dir, 'default-workspace.sqlite');
    await writeFile(file, Uint8Array.from([1, 2, 3]));
    const r = await readDefaultWorkspace(file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Buffer.isBuffer(r.value)).toBe(false);
    expect([...r.value]).toEqual([1, 2, 3]);
    expect(r.value.buffer.byteLength).toBe(3);
  });

  it('says the workspace is missing, as a value, and how to build it', async () => {
    const r = await readDefaultWorkspace(path.join(dir, 'nope.sqlite'));
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!r.ok) expect(r.error.message).toContain('npm run build:workspace');
  });

  it('reports other read failures as values too', async () => {
    await expect(readDefaultWorkspace(dir)).resolves.toMatchObject({ ok: false, error: { code: 'read-failed' } });
  });
});
