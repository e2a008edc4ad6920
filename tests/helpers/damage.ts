/**
 * Damage a workspace the way a bad sector or a stray write would: one byte flipped inside a
 * report's content hash, in the first place the bytes hold it (the table row or its unique index).
 * The two then disagree, which `PRAGMA integrity_check` reports as "row 1 missing from index
 * sqlite_autoindex_reports_1", while SQLite still opens the file and reads it without complaint:
 * only the integrity check finds this damage.
 */
export function flipByteInContentHash(bytes: Uint8Array, contentHash: string): Uint8Array {
  const needle = new TextEncoder().encode(contentHash);
  const at = indexOf(bytes, needle);
  if (at < 0) throw new Error('the content hash is not in these bytes');
  const damaged = bytes.slice();
  damaged[at + 10] = (damaged[at + 10] ?? 0) ^ 0x01;
  return damaged;
}

export const DAMAGED_HASH_VERDICT = 'row 1 missing from index sqlite_autoindex_reports_1';

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
