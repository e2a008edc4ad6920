import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MAX_SEAL_LENGTH,
  newSealKey,
  SEAL_CHUNK,
  SEAL_KEY_PATTERN,
  SEAL_PATTERN,
  sealMatches,
  sealOf,
} from '../../../../src-core/workspace/seal';

const bytes = new TextEncoder().encode('SQLite format 3\u0000 and the rest of a workspace');
const KEY = newSealKey();
const OTHER = newSealKey();

/** The seal as documented in seal.ts, computed independently with Node's crypto: HMAC-SHA-256 over the label, the length and the piece digests. */
function expectedSeal(data: Uint8Array, key: string): string {
  const digests = [];
  for (let at = 0; at < data.length; at += SEAL_CHUNK)
    digests.push(
      createHash('sha256')
        .update(data.subarray(at, at + SEAL_CHUNK))
        .digest(),
    );
  const length = Buffer.alloc(8);
  length.writeBigUInt64BE(BigInt(data.length));
  const mac = createHmac('sha256', Buffer.from(key, 'hex'))
    .update('PEEL Workbench snapshot seal v1\u0000')
    .update(length)
    .update(Buffer.concat(digests))
    .digest('hex');
  return `hmac-sha256-16m:${mac}:${data.length}`;
}

/** The unkeyed seal earlier versions wrote, which anyone can compute for any file. */
async function oldSeal(data: Uint8Array): Promise<string> {
  const digests = [];
  for (let at = 0; at < data.length; at += SEAL_CHUNK)
    digests.push(
      createHash('sha256')
        .update(data.subarray(at, at + SEAL_CHUNK))
        .digest(),
    );
  return `sha256-16m:${createHash('sha256').update(Buffer.concat(digests)).digest('hex')}:${data.length}`;
}

describe('the seal of a snapshot', () => {
  it('is an HMAC-SHA-256 under the installation key of the length and the SHA-256 of each 16 MiB piece', async () => {
    const seal = await sealOf(bytes, KEY);
    expect(seal).toBe(expectedSeal(bytes, KEY));
    expect(seal).toMatch(SEAL_PATTERN);
    expect(seal.length).toBeLessThanOrEqual(MAX_SEAL_LENGTH);
    expect(await sealOf(new Uint8Array(), KEY)).toBe(expectedSeal(new Uint8Array(), KEY));
  });

  it('covers every piece of a snapshot over 16 MiB, the short last one included', async () => {
    const big = new Uint8Array(2 * SEAL_CHUNK + 5).map((_, i) => i * 7);
    const seal = await sealOf(big, KEY);
    expect(seal).toBe(expectedSeal(big, KEY));
    for (const at of [0, SEAL_CHUNK + 1, big.length - 1]) {
      const changed = big.slice();
      changed[at] = (changed[at] ?? 0) ^ 0x80;
      expect(await sealMatches(changed, seal, KEY), `byte ${at}`).toBe(false);
    }
    expect(await sealMatches(big, seal, KEY)).toBe(true);
  });

  it('matches the bytes it was taken of, under the key it was taken with, and nothing else', async () => {
    const seal = await sealOf(bytes, KEY);
    expect(await sealMatches(bytes, seal, KEY)).toBe(true);
    const flipped = bytes.slice();
    flipped[20] = (flipped[20] ?? 0) ^ 0x01;
    // Same length, one bit different: only the MAC tells them apart.
    expect(await sealMatches(flipped, seal, KEY)).toBe(false);
    expect(await sealMatches(bytes.subarray(1), seal, KEY)).toBe(false);
    expect(await sealMatches(bytes, await sealOf(flipped, KEY), KEY)).toBe(false);
  });

  it('made by another installation, or the old unkeyed way, never matches: anyone could make those', async () => {
    // A seal computed for exactly these bytes, but with another key: what a file sealed elsewhere,
    // or a forger without this installation's key, brings along.
    const foreign = await sealOf(bytes, OTHER);
    expect(foreign).toMatch(SEAL_PATTERN);
    expect(await sealMatches(bytes, foreign, KEY)).toBe(false);
    // The seal earlier versions wrote is not even a seal any more.
    const old = await oldSeal(bytes);
    expect(old).not.toMatch(SEAL_PATTERN);
    expect(await sealMatches(bytes, old, KEY)).toBe(false);
    // Nor does the old digest given the new prefix: it is not a MAC under this key.
    expect(await sealMatches(bytes, old.replace('sha256-16m:', 'hmac-sha256-16m:'), KEY)).toBe(false);
  });

  it('is matched under any of several keys (the CLI knows those of the app builds on the machine)', async () => {
    const seal = await sealOf(bytes, KEY);
    expect(await sealMatches(bytes, seal, [OTHER, KEY])).toBe(true);
    expect(await sealMatches(bytes, seal, [OTHER])).toBe(false);
    expect(await sealMatches(bytes, seal, [])).toBe(false);
    // A key that is not one is ignored, never an error.
    expect(await sealMatches(bytes, seal, ['not a key', KEY.toUpperCase()])).toBe(false);
  });

  it('is not matched by anything that is not a well-formed seal', async () => {
    const seal = await sealOf(bytes, KEY);
    for (const bad of [
      null,
      undefined,
      '',
      42,
      seal.toUpperCase(),
      ` ${seal}`,
      `${seal}\n`,
      seal.replace('hmac-sha256-16m:', 'sha256-16m:'),
      seal.replace(`:${bytes.length}`, `:0${bytes.length}`),
      seal.replace(`:${bytes.length}`, ''),
      `hmac-sha256-16m:${'a'.repeat(63)}:${bytes.length}`,
    ]) {
      expect(await sealMatches(bytes, bad, KEY), String(bad)).toBe(false);
    }
  });

  it('keys are 32 random bytes as hex, a new one each time', () => {
    const keys = new Set(Array.from({ length: 20 }, newSealKey));
    expect(keys.size).toBe(20);
    for (const k of keys) expect(k).toMatch(SEAL_KEY_PATTERN);
  });

  it('cannot be taken with something that is not a key', async () => {
    await expect(sealOf(bytes, 'secret')).rejects.toThrow('not a seal key');
  });
});
