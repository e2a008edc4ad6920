import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src-core/db/hash';
import { SEAL_CHUNK, SEAL_PATTERN, sealMatches, sealOf } from '../../../../src-core/workspace/seal';

const fromHex = (h: string) => new Uint8Array(h.match(/../g)?.map((b) => parseInt(b, 16)) ?? []);

const bytes = new TextEncoder().encode('SQLite format 3\u0000 and the rest of a workspace');

describe('the seal of a snapshot', () => {
  it('is the SHA-256 of the SHA-256 of each 16 MiB piece, and the length of exactly these bytes', async () => {
    const seal = await sealOf(bytes);
    expect(seal).toBe(`sha256-16m:${await sha256Hex(fromHex(await sha256Hex(bytes)))}:${bytes.length}`);
    expect(seal).toMatch(SEAL_PATTERN);
    // No pieces: the hash of nothing.
    expect(await sealOf(new Uint8Array())).toMatch(/^sha256-16m:e3b0c442[0-9a-f]{56}:0$/);
  });

  it('covers every piece of a snapshot over 16 MiB, the short last one included', async () => {
    const big = new Uint8Array(2 * SEAL_CHUNK + 5).map((_, i) => i * 7);
    const pieces = [big.subarray(0, SEAL_CHUNK), big.subarray(SEAL_CHUNK, 2 * SEAL_CHUNK), big.subarray(2 * SEAL_CHUNK)];
    const digests = (await Promise.all(pieces.map((p) => sha256Hex(p)))).join('');
    const seal = await sealOf(big);
    expect(seal).toBe(`sha256-16m:${await sha256Hex(fromHex(digests))}:${big.length}`);
    for (const at of [0, SEAL_CHUNK + 1, big.length - 1]) {
      const changed = big.slice();
      changed[at] = (changed[at] ?? 0) ^ 0x80;
      expect(await sealMatches(changed, seal), `byte ${at}`).toBe(false);
    }
    expect(await sealMatches(big, seal)).toBe(true);
  });

  it('matches the bytes it was taken of and nothing else', async () => {
    const seal = await sealOf(bytes);
    expect(await sealMatches(bytes, seal)).toBe(true);
    const flipped = bytes.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 0x01;
    // Same length, one bit different: only the hash tells them apart.
    expect(await sealMatches(flipped, seal)).toBe(false);
    expect(await sealMatches(bytes.subarray(1), seal)).toBe(false);
    expect(await sealMatches(bytes, await sealOf(flipped))).toBe(false);
  });

  it('is not matched by anything that is not a well-formed seal', async () => {
    const seal = await sealOf(bytes);
    for (const bad of [
      null,
      undefined,
      '',
      42,
      seal.toUpperCase(),
      ` ${seal}`,
      `${seal}\n`,
      seal.replace('sha256-16m:', 'sha256:'),
      seal.replace(`:${bytes.length}`, `:0${bytes.length}`),
      seal.replace(`:${bytes.length}`, ''),
      `sha256-16m:${'a'.repeat(63)}:${bytes.length}`,
    ]) {
      expect(await sealMatches(bytes, bad), String(bad)).toBe(false);
    }
  });
});
