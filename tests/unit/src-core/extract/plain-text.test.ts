import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFromLines } from '../../../../src-core/extract/extract';
import { linesOfPagedText, linesOfText } from '../../../../src-core/extract/source-lines';
import { tokensOfPlain } from '../../../../src-core/extract/tokens';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

const plain = (...lines: string[]) => tokensOfPlain(linesOfPagedText(lines.join('\n'))).filter((t) => !t.blank);

describe('footnote markers glued to words in PDF-to-text output', () => {
  it('are taken off words, years and grouped numbers when they are the next footnote', () => {
    const toks = plain(
      'most acute.1 Under this approach',
      'Judgments from 20162 remain in place',
      'in the 12 months to 30 June 20173,4',
      'HMICFRS reviewed 2,7005 police case files',
    );
    expect(toks.map((t) => [t.text, t.refs])).toEqual([
      ['most acute. Under this approach', [1]],
      ['Judgments from 2016 remain in place', [2]],
      ['in the 12 months to 30 June 2017', [3, 4]],
      ['HMICFRS reviewed 2,700 police case files', [5]],
    ]);
  });

  it('leave ordinary numbers alone', () => {
    const toks = plain('there were 12 months to 31 March and the M4 corridor', 'a rate of 107.9 per 100,000 and 33 groups in 2017');
    expect(toks.map((t) => [t.text, t.refs])).toEqual([
      ['there were 12 months to 31 March and the M4 corridor', []],
      ['a rate of 107.9 per 100,000 and 33 groups in 2017', []],
    ]);
  });

  it('read a bare number before a footnote as its definition only once it has been cited', () => {
    const toks = plain(
      'Gwent Police',
      '',
      '1',
      'England and Wales',
      'definition of vulnerability1.',
      '1',
      '',
      'The College of Policing defines vulnerability as: …',
    );
    expect(toks.map((t) => [t.text, t.fnDef])).toEqual([
      ['Gwent Police', null],
      ['1', null],
      ['England and Wales', null],
      ['definition of vulnerability.', null],
      ['The College of Policing defines vulnerability as: …', 1],
    ]);
  });

  it('drop running headers, footers and page numbers but keep footnote numbers near the page edge', () => {
    const page = (n: number, body: string[]) => ['Report – Force', '', ...body, '', String(n), ''].join('\n');
    const text = [page(1, ['first page text', '7', '', 'A footnote.']), page(2, ['second page text']), page(3, ['third page text'])].join(
      '\f',
    );
    const kept = linesOfPagedText(text)
      .filter((l) => l.text.trim())
      .map((l) => `${l.pos.page}:${l.text}`);
    expect(kept).toEqual(['1:first page text', '1:7', '1:A footnote.', '2:second page text', '3:third page text']);
  });
});

describe('a section the parser cannot place', () => {
  it('is reported, and its paragraphs stay with the section before', () => {
    const seed = readFileSync(path.join(ROOT, SEED_FILES.markdown), 'utf8').replace('\n## Mental health\n', '\n');
    const e = extractFromLines('edited.md', linesOfText(seed), 'markdown');
    const warning = e.warnings.find((w) => w.code === 'section-unplaced');
    expect(warning?.message).toBe(
      'The contents list "Mental health" (page 11) but no heading for it was found in the text; its paragraphs are filed under the section before it',
    );
    expect(e.findings.find((f) => f.text.startsWith('Gwent Police recognises that the role of the police'))?.subsection).toBe(
      'Initial response',
    );
  });
});
