import { describe, expect, it } from 'vitest';
import { zoomStep } from '../../../../../src-renderer/shared/source/pdf-zoom';
import { pageOfPages, parsePageNumber, positionInWords, positionLabel } from '../../../../../src-renderer/shared/source/source-target';

describe('the Source panel’s words for a position', () => {
  it('names the file and the page of a PDF, the line of a text', () => {
    expect(positionLabel('gwent-2017.pdf', 'pdf', 12, 5)).toBe('gwent-2017.pdf · page 12');
    expect(positionLabel('gwent.md', 'text', null, 215)).toBe('gwent.md · line 215');
    expect(positionLabel('gwent.txt', 'text', 3, 215)).toBe('gwent.txt · page 3, line 215');
    expect(positionLabel('gwent.md', 'text', null, null)).toBe('gwent.md');
  });

  it('says where an item was read when its original cannot be shown', () => {
    expect(positionInWords(12, 5)).toBe('Page 12, line 5');
    expect(positionInWords(null, 151)).toBe('Line 151');
    expect(positionInWords(null, null)).toBe('Position not recorded');
  });

  it('reads a typed page number only within the document', () => {
    expect(pageOfPages(12, 40)).toBe('Page 12 of 40');
    expect(parsePageNumber(' 12 ', 40)).toBe(12);
    expect(parsePageNumber('41', 40)).toBeNull();
    expect(parsePageNumber('0', 40)).toBeNull();
    expect(parsePageNumber('1e1', 40)).toBeNull();
    expect(parsePageNumber('', 40)).toBeNull();
  });

  it('zooms in and out by steps from whatever scale fit width gave', () => {
    expect(zoomStep(1, 1)).toBe(1.25);
    expect(zoomStep(1.1, 1)).toBe(1.25);
    expect(zoomStep(1.1, -1)).toBe(1);
    expect(zoomStep(3, 1)).toBe(3);
    expect(zoomStep(0.5, -1)).toBe(0.5);
  });
});
