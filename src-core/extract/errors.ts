import type { SourcePos } from './types';

export type ExtractErrorCode =
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'bad-encoding'
  /** Not a PDF pdf.js can read: truncated or damaged. */
  | 'bad-pdf'
  /** A PDF locked with a password. */
  | 'pdf-encrypted'
  /** A PDF with no text in it: a scan. */
  | 'pdf-no-text'
  | 'bad-html'
  | 'not-a-peel-report';

/** A place in a text file: line and column (in characters), and the byte offset for tools that seek. */
export type TextPos = SourcePos & { column: number; byte: number };

/** A refusal to import, with what was expected and where the reader stopped. Never a partial result. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    readonly where: SourcePos | TextPos | null = null,
  ) {
    super(message);
  }
}

// The short names of the control characters (Unicode's aliases), so a message can say "U+001B, ESC".
const C0 = 'NUL SOH STX ETX EOT ENQ ACK BEL BS HT LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US'.split(' ');
const C1 =
  'PAD HOP BPH NBH IND NEL SSA ESA HTS HTJ VTS PLD PLU RI SS2 SS3 DCS PU1 PU2 STS CCH MW SPA EPA SOS SGC SCI CSI ST OSC PM APC'.split(' ');

/** A control character as a message names it: "U+0000, NUL", "U+009B, CSI". */
export function controlName(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = cp < 0x20 ? C0[cp] : cp === 0x7f ? 'DEL' : cp >= 0x80 && cp <= 0x9f ? C1[cp - 0x80] : undefined;
  return name ? `${hex}, ${name}` : hex;
}
