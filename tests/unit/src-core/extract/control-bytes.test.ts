import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../../src-core/extract/decode';
import { ExtractError } from '../../../../src-core/extract/errors';
import { extractBytes, extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';

/**
 * A report is text or it is refused: a control byte anywhere (not only in the first 64 KiB, which
 * was all that was checked) is named with its line, column and byte offset, and nothing is stored.
 */

const encode = (s: string) => new TextEncoder().encode(s);
const SEED = readFixture(SEED_FILES.markdown);

/** The seed report followed by plain ASCII lines, so that any offset past the seed is a whole character. */
function seedPaddedTo(size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(SEED);
  const line = encode('More words.\n');
  for (let at = SEED.length; at < size; at += line.length) out.set(line.subarray(0, Math.min(line.length, size - at)), at);
  return out;
}

/** Line and column (in characters) of a byte offset, counted here independently of the decoder. */
function whereIs(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder().decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

function refusal(name: string, bytes: Uint8Array): ExtractError {
  try {
    decodeInput(name, bytes);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('a report with a control character anywhere is refused, saying where', () => {
  it('a NUL at byte 70,000 (past the first 64 KiB), through the whole extraction', async () => {
    const bytes = seedPaddedTo(80_000);
    bytes[70_000] = 0x00;
    const { line, column } = whereIs(bytes, 70_000);
    expect(line).toBeGreaterThan(1000);
    await expect(extractBytes('report.md', bytes)).rejects.toMatchObject({
      name: 'ExtractError',
      code: 'binary',
      message: `"report.md" is not a text report: it contains a control character (U+0000, NUL) at line ${line}, column ${column} (byte 70,000); expected Markdown, plain text, HTML or PDF`,
      where: { line, column, byte: 70_000 },
    });
  });

  it('an ESC on the last line of an otherwise good report', async () => {
    const bytes = new Uint8Array([...SEED, ...encode('Closing words \u001b[31min red\n')]);
    const offset = bytes.indexOf(0x1b);
    const { line, column } = whereIs(bytes, offset);
    expect(line).toBe(new TextDecoder().decode(bytes).split('\n').length - 1);
    const e = refusal('gwent.md', bytes);
    expect(e.code).toBe('binary');
    expect(e.message).toBe(
      `"gwent.md" is not a text report: it contains a control character (U+001B, ESC) at line ${line}, column ${column} (byte ${grouped(offset)}); expected Markdown, plain text, HTML or PDF`,
    );
    // The same report without the ESC is read: the refusal is about that character, nothing else.
    await expect(extractBytes('gwent.md', new Uint8Array([...SEED, ...encode('Closing words in red\n')]))).resolves.toBeTruthy();
  });

  it('columns count characters, not bytes (Welsh ŵ and ŷ are two bytes each and ordinary letters)', () => {
    const e = refusal('cymraeg.txt', encode('Heddlu Gwent\nŵyr ŷd\u0007 a mwy\n'));
    expect(e.message).toContain('(U+0007, BEL) at line 2, column 7 (byte 21)');
    expect(e.where).toEqual({ line: 2, column: 7, byte: 21 });
  });

  it.each([
    ['DEL', '\u007f', 'U+007F, DEL'],
    ['a C1 control (CSI, which terminals obey like ESC [)', '\u009b', 'U+009B, CSI'],
    ['vertical tab', '\u000b', 'U+000B, VT'],
  ])('%s', (_what, ch, named) => {
    expect(refusal('r.txt', encode(`PEEL report\nline two ${ch}here`)).message).toContain(`(${named}) at line 2, column 10`);
  });

  it('a line counted across CR LF and lone CR line ends as the extractor counts them', () => {
    expect(refusal('r.txt', encode('one\r\ntwo\rthree \u0000')).where).toEqual({ line: 3, column: 7, byte: 15 });
  });

  it('UTF-16 text is named as such instead of as NUL bytes', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'PEEL'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(refusal('r.txt', utf16)).toMatchObject({
      code: 'bad-encoding',
      message: 'r.txt is UTF-16 text; save it as UTF-8 and import again',
    });
  });
});

describe('what text legitimately holds is still read', () => {
  it('tab, CR LF and the form feeds pdftotext writes between pages: the PDF-to-text seed imports as before', async () => {
    const text = readFixture(SEED_FILES.text);
    expect(text.includes(0x0c)).toBe(true);
    const e = await extractSeed('text');
    expect(e.judgments.length).toBeGreaterThan(0);
    const crlf = encode(new TextDecoder().decode(SEED).replace(/\n/g, '\r\n').replace('Gwent', 'Gwent\t'));
    await expect(extractBytes('gwent-crlf.md', crlf)).resolves.toMatchObject({ report: { force: 'Gwent Police' } });
  });

  it('a PDF is not checked as text (its bytes are binary by nature)', async () => {
    const e = await extractSeed('pdf');
    expect(e.findings.length).toBeGreaterThan(100);
  });

  it('bidi and other format characters are text, not control bytes: they are shown visibly downstream, not refused', () => {
    expect(decodeInput('r.md', encode('PEEL report \u202e and \u2066 words\n'))).toMatchObject({ kind: 'text' });
  });
});
