import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src-core/db/hash';
import { SEAL_PATTERN, sealMatches, sealOf } from '../../../../src-core/workspace/seal';

const bytes = new TextEncoder().encode('SQLite format 3\u0000 and the rest of a workspace');

describe('the seal of a snapshot', () => {
  it('is the SHA-256 and the length of exactly these bytes', async () => {
    const seal = await sealOf(bytes);
    expect(seal).toBe(`sha256:${await sha256Hex(bytes)}:${bytes.length}`);
    expect(seal).toMatch(SEAL_PATTERN);
    expect(await sealOf(new Uint8Array())).toMatch(/^sha256:e3b0c442[0-9a-f]{56}:0$/);
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
      seal.replace('sha256:', 'sha512:'),
      seal.replace(`:${bytes.length}`, `:0${bytes.length}`),
      seal.replace(`:${bytes.length}`, ''),
      `sha256:${'a'.repeat(63)}:${bytes.length}`,
    ]) {
      expect(await sealMatches(bytes, bad), String(bad)).toBe(false);
    }
  });
});
