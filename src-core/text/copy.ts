/**
 * A function that copies strings into strings of their own, flat and exactly their size, through
 * UTF-8 (which gives back one byte a character wherever it can). Two things keep more memory alive
 * than a string shows: a slice of a larger string holds on to the whole of it (a cell read from a
 * 64 KB chunk of XML), and a string with one character past U+00FF is held two bytes a character,
 * as is every slice of it (each line of a report with one curly quote). Each copier keeps one
 * buffer, grown to the longest string it has copied, for as long as the caller keeps the copier.
 */
export function stringCopier(): (s: string) => string {
  const encoder = new TextEncoder();
  // ignoreBOM: a string that starts with U+FEFF keeps it (the decoder would otherwise take it for a byte-order mark).
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let buffer = new Uint8Array(1 << 16);
  return (s) => {
    if (s.length * 3 > buffer.length) buffer = new Uint8Array(s.length * 3);
    return decoder.decode(buffer.subarray(0, encoder.encodeInto(s, buffer).written));
  };
}
