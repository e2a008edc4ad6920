import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../../src-core/extract/decode';
import { ExtractError } from '../../../../src-core/extract/errors';
import { extractBytes, readFixture } from '../../../helpers/seed';

async function refusal(name: string, bytes: Uint8Array): Promise<ExtractError> {
  try {
    await extractBytes(name, bytes);
  } catch (e) {
    if (e instanceof ExtractError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('bad input is refused with a clear error', () => {
  it('an empty file', async () => {
    const e = await refusal('empty.txt', readFixture('tests/fixtures/empty.txt'));
    expect(e.code).toBe('empty');
    expect(e.message).toBe('empty.txt is empty; expected the text or PDF of a PEEL report');
  });

  it('a file of only blank lines', async () => {
    const e = await refusal('blank.md', new TextEncoder().encode('\n  \n\t\n'));
    expect(e.code).toBe('empty');
  });

  it('a text file that is not a PEEL report says what it lacks', async () => {
    const e = await refusal('random.txt', readFixture('tests/fixtures/random.txt'));
    expect(e.code).toBe('not-a-peel-report');
    expect(e.message).toBe(
      'random.txt is not a PEEL inspection report: it lacks any mention of an inspection (HMICFRS, HMIC or PEEL), and any mention of a police force',
    );
  });

  it('a report with a title but no judgments or Force in numbers is imported, with a warning for each part it lacks', async () => {
    const text =
      '# PEEL: Police effectiveness 2017\n\nAn inspection of Gwent Police\n\n# Contents\n\nSome words.\n\n## Overview\n\nText.\n';
    const e = await extractBytes('partial.md', new TextEncoder().encode(text));
    expect(e.report).toMatchObject({ force: 'Gwent Police', programme: 'Police effectiveness', period: '2017' });
    expect(e.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['judgments-missing', 'report-part-missing']));
  });

  it('a truncated PDF', async () => {
    const e = await refusal('truncated.pdf', readFixture('tests/fixtures/truncated.pdf'));
    expect(e.code).toBe('bad-pdf');
    expect(e.message).toMatch(
      /^truncated\.pdf could not be read as a PDF \(.+\); it may be truncated or damaged: download or export it again$/,
    );
  });

  it('a binary file, naming where the binary data starts', async () => {
    const e = await refusal('binary.bin', readFixture('tests/fixtures/binary.bin'));
    expect(e.code).toBe('binary');
    expect(e.message).toBe(
      '"binary.bin" is not a text report: it contains a control character (U+0000, NUL) at line 1, column 2 (byte 1); expected Markdown, plain text, HTML or PDF',
    );
    expect(e.where?.line).toBeGreaterThan(0);
  });

  it('text that is not UTF-8, naming the line and column', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('PEEL: Police effectiveness 2017\nAn inspection of Gw'), 0xe9, 0x6e, 0x74]);
    const e = await refusal('latin1.txt', bytes);
    expect(e.code).toBe('bad-encoding');
    expect(e.message).toBe('latin1.txt is not UTF-8 text: invalid byte at line 2, column 20; save it as UTF-8 and import again');
  });

  it('a file over 50 MB, before reading it as text', () => {
    const big = new Uint8Array(50 * 1024 * 1024 + 1);
    expect(() => decodeInput('huge.md', big)).toThrow(/^huge\.md is 50\.1 MB; reports over 50 MB are refused$/);
  });

  it('a PDF with pages but no text layer', async () => {
    const { extractReport } = await import('../../../../src-core/extract/extract');
    const pdfLike = new TextEncoder().encode('%PDF-1.7\n');
    await expect(extractReport('scan.pdf', pdfLike, { readPdf: async () => [{ runs: [], width: 595, height: 842 }] })).rejects.toThrow(
      /scan\.pdf has no text layer/,
    );
    // Its own code, so the page can say "it looks like a scan" without reading the message.
    await expect(
      extractReport('scan.pdf', pdfLike, { readPdf: async () => [{ runs: [], width: 595, height: 842 }] }),
    ).rejects.toMatchObject({
      code: 'pdf-no-text',
    });
  });
});
