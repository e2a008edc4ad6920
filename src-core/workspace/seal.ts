import { hex } from '../db/hash';

/**
 * The seal of a snapshot: `hmac-sha256-16m:<64 lower-case hex>:<byte length>`, an HMAC-SHA-256,
 * under this installation's key, of the exact bytes a session handed to storage at a checkpoint.
 * Storage keeps it beside the snapshot; on the next open, bytes that still match their seal are
 * byte for byte what this installation's sql.js exported from a database that passed the full
 * integrity check when it was opened (or was created here) and has changed since only through
 * SQLite, so the open may skip `PRAGMA integrity_check`, which costs seconds on a workspace of
 * hundreds of MB where the seal costs a fraction of a second.
 *
 * Keyed because the file and its seal travel together: an unkeyed hash (the `sha256-16m:` seals of
 * earlier versions, no longer seals at all) could be computed by anyone for a damaged or altered
 * file, which then skipped the check. The key is 32 random bytes made on first use that never
 * leave the installation (Electron's user data folder, the browser's IndexedDB; the CLI reads the
 * app's), so a seal made anywhere else, by anyone else, never matches: a file from elsewhere
 * always gets the full check. A seal can only make an open faster, never let in bytes that fail
 * the check: a stale, lost, torn, forged or malformed seal does not match, and costs a full check,
 * nothing else.
 */
export type Seal = string;

/** Strict, so that storage and both IPC boundaries refuse anything else. Lengths fit in 2^53. */
export const SEAL_PATTERN = /^hmac-sha256-16m:[0-9a-f]{64}:(?:0|[1-9][0-9]{0,15})$/;

/** The longest seal there is (prefix, MAC, colon, 16 digits): storage reads no more than this. */
export const MAX_SEAL_LENGTH = 'hmac-sha256-16m:'.length + 64 + 1 + 16;

/**
 * An installation's seal key: 32 random bytes as 64 lower-case hex digits (text, so that it crosses
 * IPC and the worker's messages under a plain schema). Whoever holds it can make seals this
 * installation trusts, so it is never written anywhere but the installation's own store.
 */
export type SealKey = string;

export const SEAL_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** A new key, from the platform's cryptographic random source (Node 20 and browsers alike). */
export function newSealKey(): SealKey {
  return hex(crypto.getRandomValues(new Uint8Array(32)));
}

/** The bytes are hashed in pieces of this size (the last one shorter). */
export const SEAL_CHUNK = 16 * 1024 * 1024;

/** Pieces hashed at once: Web Crypto hashes off the calling thread, so two keep both cores busy. */
const IN_FLIGHT = 2;

/** Binds the MAC to what it is the MAC of, so no other message made under the key can pass for a seal. */
const LABEL = new TextEncoder().encode('PEEL Workbench snapshot seal v1\u0000');

/**
 * The SHA-256 of each 16 MiB piece, concatenated. The MAC is taken of these digests rather than of
 * the whole: Web Crypto copies what it is given before hashing it, and a copy of a 350 MB snapshot
 * would add its size again to the peak memory of every open and checkpoint. Pieces are hashed two
 * at a time, so at most 32 MiB is copied at any moment.
 */
async function pieceDigests(bytes: Uint8Array): Promise<Uint8Array> {
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
  return digests;
}

/** What the MAC is taken of: the label, the length (8 bytes, big-endian) and the piece digests. */
function message(digests: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(LABEL.length + 8 + digests.length);
  out.set(LABEL);
  new DataView(out.buffer).setBigUint64(LABEL.length, BigInt(length));
  out.set(digests, LABEL.length + 8);
  return out;
}

function fromHex(text: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function importKey(key: SealKey, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  if (!SEAL_KEY_PATTERN.test(key)) throw new Error('not a seal key');
  return crypto.subtle.importKey('raw', fromHex(key), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/** The seal of these bytes under this key. Throws only for a key that is not one (a programming error). */
export async function sealOf(bytes: Uint8Array, key: SealKey): Promise<Seal> {
  const hmac = await importKey(key, 'sign');
  const mac = await crypto.subtle.sign('HMAC', hmac, message(await pieceDigests(bytes), bytes.length));
  return `hmac-sha256-16m:${hex(new Uint8Array(mac))}:${bytes.length}`;
}

/** The MAC and byte length a well-formed seal records, or null for anything that is not a seal. */
function parse(seal: unknown): { mac: Uint8Array<ArrayBuffer>; length: number } | null {
  if (typeof seal !== 'string' || !SEAL_PATTERN.test(seal)) return null;
  const [, mac = '', length = ''] = seal.split(':');
  return { mac: fromHex(mac), length: Number(length) };
}

/**
 * Whether the seal was made of these very bytes under one of these keys (the CLI knows the keys of
 * the app's builds on this machine; the app knows its own). Without a well-formed seal of the same
 * length, or without a usable key, the answer is no at once, so an open without a usable seal pays
 * nothing for asking. The pieces are hashed once whatever the number of keys; each key costs one
 * HMAC of their digests, compared in constant time by Web Crypto.
 */
export async function sealMatches(bytes: Uint8Array, seal: unknown, keys: SealKey | readonly SealKey[]): Promise<boolean> {
  const parsed = parse(seal);
  const usable = (typeof keys === 'string' ? [keys] : keys).filter((k) => SEAL_KEY_PATTERN.test(k));
  if (parsed === null || parsed.length !== bytes.length || usable.length === 0) return false;
  const signed = message(await pieceDigests(bytes), bytes.length);
  for (const key of usable) {
    if (await crypto.subtle.verify('HMAC', await importKey(key, 'verify'), parsed.mac, signed)) return true;
  }
  return false;
}
