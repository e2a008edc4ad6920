import { describe, expect, it } from 'vitest';
import { marksBetween, matchQuote, quoteMarks, wordsOf } from '../../../../../src-renderer/shared/source/quote-match';

const slice = (segments: string[], marks: { segment: number; start: number; end: number }[]) =>
  marks.map((m) => (segments[m.segment] ?? '').slice(m.start, m.end)).join('|');

describe('finding a quote in the source', () => {
  it('finds a figure’s quote put together from a label, a period and values on separate lines', () => {
    const lines = [
      '## Domestic abuse',
      '',
      'Domestic abuse incidents per 1,000 population 12 months to 30 June 2017',
      '',
      'Gwent Police',
      '',
      '**1**',
      '',
      'England and Wales',
      '',
      '**15**',
    ];
    const marks = quoteMarks(
      lines,
      'Domestic abuse incidents per 1,000 population 12 months to 30 June 2017: Gwent Police 1; England and Wales 15',
      2,
    );
    expect(marks[0]).toEqual({ segment: 2, start: 0, end: lines[2]!.length });
    // The bold figure's words, without the markup around them.
    expect(marks.at(-1)).toEqual({ segment: 10, start: 2, end: 4 });
    expect(marks.map((m) => m.segment)).toEqual([2, 4, 6, 8, 10]);
  });

  it('skips the source’s footnote markers and markup, and folds case and ligatures', () => {
    const lines = ['The force has a multi-agency risk-assessment conference (MARAC) system in place<sup>14</sup>. In the ﬁrst year…'];
    const marks = quoteMarks(lines, 'the force has a multi-agency risk-assessment conference (MARAC) system in place. In the first year');
    expect(slice(lines, marks)).toBe(
      'The force has a multi-agency risk-assessment conference (MARAC) system in place<sup>14</sup>. In the ﬁrst year',
    );
  });

  it('takes the occurrence nearest the item’s line when the words occur twice', () => {
    const lines = ['Gwent Police 338', 'other words here', 'Gwent Police 338'];
    expect(quoteMarks(lines, 'Gwent Police 338', 2)).toEqual([{ segment: 2, start: 0, end: 16 }]);
    expect(quoteMarks(lines, 'Gwent Police 338', 0)).toEqual([{ segment: 0, start: 0, end: 16 }]);
  });

  it('finds the part of a paragraph on this page when it began on the page before', () => {
    const items = ['of the force’s work to protect', 'vulnerable people is good.', 'Next heading'];
    const quote = 'We found that the quality of the force’s work to protect vulnerable people is good.';
    const marks = quoteMarks(items, quote, 0);
    expect(slice(items, marks)).toBe('of the force’s work to protect|vulnerable people is good');
  });

  it('goes on past a footnote printed between the two halves of a paragraph a page break split', () => {
    const lines = [
      'The missing children hub have a good awareness of',
      '',
      '<sup>19</sup> The term county lines describes organised drug-dealing networks.',
      '',
      'county lines and understand their negative effect on vulnerable children.',
      'Another paragraph.',
    ];
    const quote =
      'The missing children hub have a good awareness of county lines and understand their negative effect on vulnerable children.';
    const marks = quoteMarks(lines, quote, 0);
    expect(marks.map((m) => m.segment)).toEqual([0, 4]);
    expect(slice(lines, marks)).toBe(
      'The missing children hub have a good awareness of|county lines and understand their negative effect on vulnerable children',
    );
  });

  it('finds nothing rather than a stray word when the quote is not there', () => {
    const lines = ['The force is good at preventing crime.', 'It works with partners.'];
    expect(quoteMarks(lines, 'Custody was used as a place of safety 63 times')).toEqual([]);
    expect(matchQuote(wordsOf(lines), '')).toBeNull();
  });

  it('marks each segment from its first to its last word matched, markup around them left out', () => {
    const segments = ['ab cd', '**ef**', '', '- gh ij'];
    const words = wordsOf(segments);
    expect(marksBetween(words, 1, 3)).toEqual([
      { segment: 0, start: 3, end: 5 },
      { segment: 1, start: 2, end: 4 },
      { segment: 3, start: 2, end: 4 },
    ]);
  });
});
