import { MAX_REPORT_BYTES, tooLargeLine } from '../limits';
import { controlName, ExtractError, type TextPos } from './errors';
import { looksLikeHtml } from './html';

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

/**
 * Where a byte offset falls, as an analyst would look for it: line and column (columns count
 * characters, not bytes, so "é" is one) and the offset itself. Only worked out for an error.
 */
function positionOf(bytes: Uint8Array, offset: number): TextPos {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) {
    const b = bytes[i] as number;
    // Line breaks as the extractor counts them: LF, CR LF, or a lone CR.
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if (b !== 0x0d && (b & 0xc0) !== 0x80) {
      // A UTF-8 continuation byte belongs to the character before it.
      column++;
    }
  }
  return { line, column, byte: offset };
}

/**
 * Classifies and decodes an input file. Refuses empty, oversized, binary and non-UTF-8 input
 * with an error that says what and where, before any parsing is attempted.
 */
export function decodeInput(name: string, bytes: Uint8Array): DecodedInput {
  if (bytes.length > MAX_REPORT_BYTES) throw new ExtractError('too-large', tooLargeLine(name, bytes.length, MAX_REPORT_BYTES, 'reports'));
  if (startsWithPdfMagic(bytes)) return { kind: 'pdf', bytes };
  if (isUtf16(bytes)) {
    throw new ExtractError('bad-encoding', `${name} is UTF-16 text; save it as UTF-8 and import again`, { line: 1, column: 1, byte: 0 });
  }
  let text: string;
  try {
    // The BOM is kept here (and dropped below) so that an index into the text maps to a byte offset.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // A binary file is mostly not UTF-8 either: name a control byte if one comes before the first
    // invalid byte, which says more ("not a text report") than an encoding would.
    const bad = firstInvalidUtf8(bytes);
    const control = firstControl(bytes, bad);
    if (control >= 0) throw controlError(name, bytes, control, controlCodePoint(bytes, control));
    const pos = positionOf(bytes, bad);
    throw new ExtractError(
      'bad-encoding',
      `${name} is not UTF-8 text: invalid byte at line ${pos.line}, column ${pos.column}; save it as UTF-8 and import again`,
      pos,
    );
  }
  // One search over the whole text (a regex scan is the fastest pass JavaScript has), not a sample of it.
  const controlAt = text.search(CONTROL);
  if (controlAt >= 0) {
    const offset = new TextEncoder().encode(text.slice(0, controlAt)).length;
    throw controlError(name, bytes, offset, text.charCodeAt(controlAt));
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

/**
 * A byte offset as the messages print it: 70,000, not 70000. Lines and columns are printed as every
 * other position in the app is ("line 386 of the source") and as an editor's "go to line" takes them.
 */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** UTF-16 (a byte order mark FF FE or FE FF): every other byte is NUL, so it would be refused as binary without this. */
function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = [bytes[0], bytes[1]];
  return (a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff);
}

/**
 * Control characters a report may not hold: C0 controls other than tab, line feed, form feed
 * (pdftotext puts one between pages) and carriage return; DEL; and the C1 controls U+0080..U+009F
 * (a terminal takes U+009B as the start of an escape sequence, as it takes ESC). A NUL or ESC deep
 * in a report would otherwise be stored and reach the screen and every export.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

function controlError(name: string, bytes: Uint8Array, offset: number, cp: number): ExtractError {
  const pos = positionOf(bytes, offset);
  return new ExtractError(
    'binary',
    `"${name}" is not a text report: it contains a control character (${controlName(cp)}) at line ${pos.line}, column ${pos.column} (byte ${count(pos.byte)}); expected Markdown, plain text, HTML or PDF`,
    pos,
  );
}

/** The offset of the first CONTROL character in the bytes before `limit` (UTF-8: C1 is C2 80..C2 9F), or -1. */
function firstControl(bytes: Uint8Array, limit: number): number {
  for (let i = 0; i < limit; i++) {
    const b = bytes[i] as number;
    if (b >= 0x20 && b < 0x7f) continue;
    if (b < 0x20) {
      if (b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) return i;
    } else if (b === 0x7f) {
      return i;
    } else if (b === 0xc2) {
      const next = bytes[i + 1];
      if (next !== undefined && next >= 0x80 && next <= 0x9f) return i;
    }
  }
  return -1;
}

/** The code point of the control character firstControl found at `offset`. */
function controlCodePoint(bytes: Uint8Array, offset: number): number {
  const b = bytes[offset] as number;
  return b === 0xc2 ? (bytes[offset + 1] as number) : b;
}
