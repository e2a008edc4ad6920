import { createHash } from 'node:crypto';
import { newSealKey } from '../../src-core/workspace/seal';

/**
 * The seal key of the installation the tests stand for (src-core/workspace/seal.ts): made once per
 * run, as an installation makes its own on first use, so no test can depend on its value.
 */
export const TEST_SEAL_KEY = newSealKey();

/** Another installation's key: what a file sealed elsewhere was sealed with. */
export const OTHER_SEAL_KEY = newSealKey();

/**
 * The unkeyed seal of earlier versions (`sha256-16m:`): SHA-256 over the SHA-256 of each 16 MiB
 * piece. Anyone can compute it for any bytes, which is what a forger of the old seal did.
 */
export function unkeyedSeal(bytes: Uint8Array): string {
  const piece = 16 * 1024 * 1024;
  const digests: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece)
    digests.push(
      createHash('sha256')
        .update(bytes.subarray(at, at + piece))
        .digest(),
    );
  return `sha256-16m:${createHash('sha256').update(Buffer.concat(digests)).digest('hex')}:${bytes.length}`;
}
