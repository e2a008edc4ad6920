import { describe, expect, it } from 'vitest';
import { findAll, findCountText, MAX_FIND_MATCHES, stepMatch } from '../../../../../src-renderer/shared/source/find';
import { allMarks, marksBySegment, piecesOf } from '../../../../../src-renderer/shared/source/mark-pieces';

describe('find in source', () => {
  it('finds every occurrence, case folded, and says where each is', () => {
    const lines = ['Custody and custody', 'no match here', 'CUSTODY'];
    const { matches, capped } = findAll(lines, 'custody');
    expect(capped).toBe(false);
    expect(matches).toEqual([[{ segment: 0, start: 0, end: 7 }], [{ segment: 0, start: 12, end: 19 }], [{ segment: 2, start: 0, end: 7 }]]);
  });

  it('matches a phrase that wraps onto the next segment, and takes the query’s spaces loosely', () => {
    const lines = ['the force referred 23', 'cases to a MARAC'];
    const { matches } = findAll(lines, '  23   cases ');
    expect(matches).toEqual([
      [
        { segment: 0, start: 19, end: 21 },
        { segment: 1, start: 0, end: 5 },
      ],
    ]);
  });

  it('treats the query as words, never as a pattern', () => {
    expect(findAll(['a (b) c.*'], '(b) c.*').matches).toHaveLength(1);
    expect(findAll(['abc'], '.*').matches).toHaveLength(0);
    expect(findAll(['abc'], '   ').matches).toHaveLength(0);
  });

  it('stops counting at the cap and says so', () => {
    const lines = ['x '.repeat(MAX_FIND_MATCHES + 5)];
    const r = findAll(lines, 'x');
    expect(r.matches).toHaveLength(MAX_FIND_MATCHES);
    expect(r.capped).toBe(true);
    expect(findCountText(0, r.matches.length, r.capped)).toBe('1 of 1,000+');
  });

  it('counts as the find box says it, and steps round both ways', () => {
    expect(findCountText(2, 7, false)).toBe('3 of 7');
    expect(findCountText(0, 0, false)).toBe('No matches');
    expect(stepMatch(6, 7, false)).toBe(0);
    expect(stepMatch(0, 7, true)).toBe(6);
    expect(stepMatch(3, 7, true)).toBe(2);
    expect(stepMatch(0, 0, false)).toBe(0);
  });
});

describe('highlighting a segment', () => {
  it('cuts the text where marks begin and end, overlapping quote and find kept apart', () => {
    const marks = allMarks([{ segment: 0, start: 4, end: 12 }], [[{ segment: 0, start: 8, end: 15 }]], 0);
    const pieces = piecesOf('The force is good.', marksBySegment(marks).get(0) ?? []);
    expect(pieces.map((p) => [p.text, p.kinds])).toEqual([
      ['The ', []],
      ['forc', ['quote']],
      ['e is', ['quote', 'current']],
      [' go', ['current']],
      ['od.', []],
    ]);
    expect(pieces.map((p) => p.text).join('')).toBe('The force is good.');
  });

  it('tells the current match from the others', () => {
    const marks = allMarks([], [[{ segment: 1, start: 0, end: 1 }], [{ segment: 2, start: 0, end: 1 }]], 1);
    expect(marks.map((m) => m.kind)).toEqual(['find', 'current']);
  });
});
