import { ExtractError, MAX_INPUT_BYTES } from './errors';
import { looksLikeHtml } from './html';
import type { SourcePos } from './types';

export type DecodedInput =
  { kind: 'pdf'; bytes: Uint8Array } | { kind: 'text'; text: string; markup: boolean } | { kind: 'html'; text: string };

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  // The PDF spec lets the header sit anywhere in the first 1024 bytes.
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let i = 0; i <= limit; i++) {
    if (PDF_MAGIC.every((b, j) => bytes[i + j] === b)) return true;
  }
  return false;
}

/** Position (line and column) of a byte offset, for error messages about a text file. */
function positionOf(bytes: Uint8Array, offset: number): SourcePos & { column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else {
      column++;
    }
  }
  return { line, column };
}

function firstBinaryByte(bytes: Uint8Array): number {
  const sample = Math.min(bytes.length, 64 * 1024);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i] as number;
    // Tab, LF, FF and CR are what text and PDF-to-text output legitimately contain.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) {
      if (b === 0) return i;
      controls++;
      if (first < 0) first = i;
    }
  }
  return controls > sample / 100 ? first : -1;
}

/**
 * Classifies and decodes an input file. Refuses empty, oversized, binary and non-UTF-8 input
 * with an error that says what and where, before any parsing is attempted.
 */
export function decodeInput(name: string, bytes: Uint8Array): DecodedInput {
  if (bytes.length > MAX_INPUT_BYTES) {
    const mb = (bytes.length / (1024 * 1024)).toFixed(1);
    throw new ExtractError('too-large', `${name} is ${mb} MB; reports over 50 MB are refused`);
  }
  if (startsWithPdfMagic(bytes)) return { kind: 'pdf', bytes };
  const binaryAt = firstBinaryByte(bytes);
  if (binaryAt >= 0) {
    const pos = positionOf(bytes, binaryAt);
    throw new ExtractError(
      'binary',
      `${name} is a binary file, not a report: control byte 0x${(bytes[binaryAt] as number).toString(16).padStart(2, '0')} at line ${pos.line}, column ${pos.column}; expected Markdown, plain text or PDF`,
      pos,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const pos = positionOf(bytes, bad);
    throw new ExtractError(
      'bad-encoding',
      `${name} is not UTF-8 text: invalid byte at line ${pos.line}, column ${pos.column}; save it as UTF-8 and import again`,
      pos,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new ExtractError('empty', `${name} is empty; expected the text or PDF of a PEEL report`);
  }
  text = text.replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) return { kind: 'html', text };
  return { kind: 'text', text, markup: looksLikeMarkdown(text) };
}

function looksLikeMarkdown(text: string): boolean {
  if (text.includes('\f')) return false;
  const headings = text.match(/^#{1,6} \S/gm)?.length ?? 0;
  return headings >= 3 || /<sup>\d/.test(text);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return 0;
}
