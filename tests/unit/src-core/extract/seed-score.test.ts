import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../../src-core/extract/types';
import { factCount, readGolden, scoreExtraction } from '../../../helpers/golden';
import { extractBytes, readFixture, ROOT } from '../../../helpers/seed';

// The seed's golden facts: its title facts, six grades, six areas for improvement, eleven "Force in
// numbers" figures, ten figures stated in the text (with and without a comparator) and 25 footnotes.
const golden = readGolden(path.join(ROOT, 'tests/fixtures/seed-variants/gwent-2017.golden.json'));

// The seed as an analyst may come by it, and the share of its facts each form must give.
const FORMS: [string, string, number][] = [
  ['Markdown', 'data/gwent-peel-effectiveness-2017.md', 1],
  ['PDF (print styling)', 'tests/fixtures/gwent-2017.pdf', 0.95],
  ['pdftotext of it', 'tests/fixtures/gwent-2017.txt', 0.95],
  ['PDF printed from a browser (running header and footer)', 'tests/fixtures/seed-variants/gwent-2017-printed.pdf', 0.95],
  ['pdftotext of the browser PDF', 'tests/fixtures/seed-variants/gwent-2017-printed.txt', 0.95],
  ['pdftotext -layout of the browser PDF', 'tests/fixtures/seed-variants/gwent-2017-printed-layout.txt', 0.95],
  ['contents flattened onto one line', 'tests/fixtures/seed-variants/gwent-2017-flat-contents.txt', 0.95],
];

describe('the seed report in every form', () => {
  it.each(FORMS)('%s gives its share of the golden facts and no wrong value', async (_label, rel, share) => {
    const e: Extraction = await extractBytes(path.basename(rel), readFixture(rel));
    const s = scoreExtraction(e, golden);
    const total = factCount(golden);
    console.log(
      `${rel}: ${s.found}/${total} facts found${s.missed.length ? `\n  missed: ${s.missed.join('\n  missed: ')}` : ''}${s.wrong.length ? `\n  WRONG: ${s.wrong.join('\n  WRONG: ')}` : ''}`,
    );
    expect(s.wrong).toEqual([]);
    expect(s.found / total).toBeGreaterThanOrEqual(share);
  });
});
