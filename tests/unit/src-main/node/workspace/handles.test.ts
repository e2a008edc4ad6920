import { describe, expect, it } from 'vitest';
import { handleSchema } from '../../../../../src-core/host/ipc-schema';
import { HandleRegistry } from '../../../../../src-main/node/workspace/handles';
import { plainBytes } from '../../../../../src-main/node/workspace/results';
import { isSqliteBytes } from '../../../../../src-main/node/workspace/sqlite-file';

describe('HandleRegistry', () => {
  it('mints random, contract-shaped handles that say nothing about the path', () => {
    const reg = new HandleRegistry();
    const a = reg.handleFor('/home/analyst/Gwent review.sqlite', false);
    const b = reg.handleFor('/home/analyst/other.sqlite', false);
    expect(handleSchema.safeParse(a).success).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toMatch(/home|analyst|Gwent|sqlite/i);
    expect(reg.info(a)).toEqual({ handle: a, name: 'Gwent review.sqlite', isDefault: false });
  });

  it('gives the same file the same handle within a run, and a new one in another run', () => {
    const reg = new HandleRegistry();
    expect(reg.handleFor('/w/a.sqlite', false)).toBe(reg.handleFor('/w/../w/a.sqlite', false));
    expect(new HandleRegistry().handleFor('/w/a.sqlite', false)).not.toBe(reg.handleFor('/w/a.sqlite', false));
  });

  it('knows nothing of handles it did not mint', () => {
    expect(new HandleRegistry().get('AAAAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
  });
});

describe('bytes for IPC', () => {
  it('never sends the rest of a shared buffer, and turns Buffers into plain Uint8Arrays', () => {
    const pooled = Buffer.from('SQLite format 3\u0000');
    const plain = plainBytes(pooled);
    expect(Buffer.isBuffer(plain)).toBe(false);
    expect(plain.buffer.byteLength).toBe(plain.byteLength);
    expect(isSqliteBytes(plain)).toBe(true);
    const own = new Uint8Array(4);
    expect(plainBytes(own)).toBe(own);
  });

  it('recognises SQLite by its 16-byte header only', () => {
    expect(isSqliteBytes(new TextEncoder().encode('SQLite format 3\u0000rest'))).toBe(true);
    expect(isSqliteBytes(new TextEncoder().encode('SQLite format 3'))).toBe(false);
    expect(isSqliteBytes(new TextEncoder().encode('SQLite format 2\u0000rest'))).toBe(false);
  });
});
