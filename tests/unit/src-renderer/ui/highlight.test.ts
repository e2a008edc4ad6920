import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../../src-core/query/model/findings';
import { excerptAround, highlightSegments } from '../../../../src-renderer/ui/highlight';

const marked = (text: string, search: string) =>
  highlightSegments(text, searchTerms(search))
    .filter((s) => s.match)
    .map((s) => s.text);

describe('highlighting the words a search matched', () => {
  it('marks each matched word on its own, whatever its case', () => {
    expect(marked("The force needs to improve its response to 'County Lines', the term", 'county lines')).toEqual(['County', 'Lines']);
  });

  it('matches the last word as a prefix, as the FTS query does, and the others whole', () => {
    expect(marked('County lines and lined-up counties', 'county line')).toEqual(['County', 'lines', 'lined']);
    expect(marked('countywide county', 'county lines')).toEqual(['county']);
  });

  it('splits and folds words as the full-text index does: apostrophes, hyphens and accents', () => {
    expect(marked("the force's drug-dealing networks", 'drug-dealing force')).toEqual(['force', 'drug', 'dealing']);
    expect(marked('Café and cafe', 'cafe')).toEqual(['Café', 'cafe']);
  });

  it('keeps every character of the text, in order', () => {
    const text = 'Custody: a place of safety (custody) — custodial';
    const segments = highlightSegments(text, searchTerms('custody'));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Custody', 'custody']);
  });

  it('marks nothing without search words, and treats markup in the text as text', () => {
    expect(highlightSegments('<b>county</b> lines', [])).toEqual([{ text: '<b>county</b> lines', match: false }]);
    expect(marked('<img src=x onerror=alert(1)> county', 'county')).toEqual(['county']);
    expect(highlightSegments('', ['county'])).toEqual([]);
  });
});

describe('an excerpt that shows the first match', () => {
  const long = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(3)}The force must improve its response to county lines.`;

  it('starts a little before a match that a clamped cell would hide, at a word boundary', () => {
    const excerpt = excerptAround(long, ['county']);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt).toContain('county lines.');
    expect(excerpt.length).toBeLessThan(long.length);
    expect(excerpt.charAt(1)).not.toBe(' ');
  });

  it('leaves a text alone when the match is near the start, or there is none', () => {
    expect(excerptAround('County lines are a concern.', ['county'])).toBe('County lines are a concern.');
    expect(excerptAround(long, ['nowhere'])).toBe(long);
    expect(excerptAround(long, [])).toBe(long);
  });
});
