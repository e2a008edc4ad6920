import { sha256Hex } from '../db/hash';

/**
 * The seal of a snapshot: `sha256:<64 lower-case hex>:<byte length>` of the exact bytes a session
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
export const SEAL_PATTERN = /^sha256:[0-9a-f]{64}:(?:0|[1-9][0-9]{0,15})$/;

export async function sealOf(bytes: Uint8Array): Promise<Seal> {
  return `sha256:${await sha256Hex(bytes)}:${bytes.length}`;
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
