import { hex } from '../db/hash';

/**
 * The seal of a snapshot: `sha256-16m:<64 lower-case hex>:<byte length>` of the exact bytes a session
 * handed to storage at a checkpoint. Storage keeps it beside the snapshot; on the next open, bytes
 * that still match their seal are byte-for-byte what sql.js exported from a database that passed
 * the full integrity check when it was opened (or was created by this app) and has changed since
 * only through SQLite, so the open may skip `PRAGMA integrity_check`, which costs seconds on a
 * workspace of hundreds of MB where the hash costs a fraction of a second.
 *
 * A seal can only make an open faster, never let in bytes this app did not write: a stale, lost,
 * torn or malformed seal does not match, and costs a full check, nothing else. It is a fingerprint
 * against accidental damage, not a signature: someone able to write both the file and its seal
 * could as well write a well-formed hostile database that passes the check.
 */
export type Seal = string;

/** Strict, so that storage and both IPC boundaries refuse anything else. Lengths fit in 2^53. */
export const SEAL_PATTERN = /^sha256-16m:[0-9a-f]{64}:(?:0|[1-9][0-9]{0,15})$/;

/** The bytes are hashed in pieces of this size (the last one shorter). */
export const SEAL_CHUNK = 16 * 1024 * 1024;

/** Pieces hashed at once: Web Crypto hashes off the calling thread, so two keep both cores busy. */
const IN_FLIGHT = 2;

/**
 * SHA-256 of the concatenated SHA-256 digests of each 16 MiB piece, rather than SHA-256 of the
 * whole: Web Crypto copies what it is given before hashing it, and a copy of a 350 MB snapshot
 * would add its size again to the peak memory of every open and checkpoint. Pieces are hashed two
 * at a time, so at most 32 MiB is copied at any moment.
 */
export async function sealOf(bytes: Uint8Array): Promise<Seal> {
  const pieces = Math.ceil(bytes.length / SEAL_CHUNK);
  const digests = new Uint8Array(pieces * 32);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < pieces; i = next++) {
      const piece = bytes.subarray(i * SEAL_CHUNK, Math.min(bytes.length, (i + 1) * SEAL_CHUNK));
      digests.set(new Uint8Array(await crypto.subtle.digest('SHA-256', piece as Uint8Array<ArrayBuffer>)), i * 32);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, pieces) }, worker));
  return `sha256-16m:${hex(new Uint8Array(await crypto.subtle.digest('SHA-256', digests)))}:${bytes.length}`;
}

/** The byte length a well-formed seal records, or null for anything that is not a seal. */
function sealedLength(seal: unknown): number | null {
  if (typeof seal !== 'string' || !SEAL_PATTERN.test(seal)) return null;
  return Number(seal.slice(seal.lastIndexOf(':') + 1));
}

/**
 * Whether these bytes are the ones the seal was taken of. Without a well-formed seal of the same
 * length the answer is no at once, so an open without a usable seal pays nothing for asking.
 */
export async function sealMatches(bytes: Uint8Array, seal: unknown): Promise<boolean> {
  const length = sealedLength(seal);
  if (length === null || length !== bytes.length) return false;
  return (await sealOf(bytes)) === seal;
}
