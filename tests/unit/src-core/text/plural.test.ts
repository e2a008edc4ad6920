import { describe, expect, it } from 'vitest';
import { plural } from '../../../../src-core/text/plural';

describe('plural', () => {
  it('says a count with its noun, grouped as in en-GB, with an irregular plural when given', () => {
    expect(plural(0, 'finding')).toBe('0 findings');
    expect(plural(1, 'finding')).toBe('1 finding');
    expect(plural(12_345, 'finding')).toBe('12,345 findings');
    expect(plural(2, 'case file was', 'case files were')).toBe('2 case files were');
  });
});
