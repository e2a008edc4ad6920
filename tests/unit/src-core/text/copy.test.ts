import { describe, expect, it } from 'vitest';
import { splitLines } from '../../../../src-core/extract/source-lines';
import { stringCopier } from '../../../../src-core/text/copy';

describe('copying strings into strings of their own', () => {
  it('gives back exactly the text, a leading U+FEFF, Welsh and emoji included, however long', () => {
    const copy = stringCopier();
    for (const s of ['\ufeffb', 'Pont-y-pŵl 🚓', 'x'.repeat(100_000) + 'ŵ', '']) expect(copy(s)).toBe(s);
  });

  it('keeps a report’s lines as they are when the text is copied line by line', () => {
    // The curly quote makes the text two-byte, so its lines are copied; the second starts with U+FEFF.
    expect(splitLines('a’\n\ufeff# b\nc')).toEqual(['a’', '\ufeff# b', 'c']);
  });
});
