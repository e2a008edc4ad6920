import { describe, expect, it } from 'vitest';
import { parseTags } from '../../../../src-core/annotations/tags';

describe('typed tags', () => {
  // Moved with parseTags from the metrics editor's tests (tests/unit/src-renderer/features/metrics/metric-format.test.ts).
  it('reads typed tags: trimmed, without blanks or repeats', () => {
    expect(parseTags(' custody, Knife crime,, knife crime ,custody')).toEqual(['custody', 'Knife crime']);
    expect(parseTags('')).toEqual([]);
  });

  it('does not add again a tag the item already has, in any case', () => {
    expect(parseTags('Custody, drugs', ['custody'])).toEqual(['drugs']);
    expect(parseTags('custody', ['Custody'])).toEqual([]);
  });
});
