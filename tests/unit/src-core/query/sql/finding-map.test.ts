import { describe, expect, it } from 'vitest';
import { parseIds } from '../../../../../src-core/query/sql/finding-map';

describe('a group_concat list of integers', () => {
  it('parses to the same numbers as split and Number, negatives included', () => {
    for (const text of ['7', '1,2,3', '310564,12,-4,0', '2147483647,-2147483648']) {
      expect([...parseIds(text)]).toEqual(text.split(',').map(Number));
    }
    expect([...parseIds('')]).toEqual([]);
    expect([...parseIds(null)]).toEqual([]);
  });
});
