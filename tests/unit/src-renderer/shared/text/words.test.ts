import { describe, expect, it } from 'vitest';
import { sentence, sizeText } from '../../../../../src-renderer/shared/text/words';

describe('the small words every view shows values with', () => {
  it('ends a message from the core as a sentence, once', () => {
    expect(sentence('the file is not a workspace')).toBe('the file is not a workspace.');
    expect(sentence(' Disk full. ')).toBe('Disk full.');
    expect(sentence('Really?')).toBe('Really?');
  });

  it('gives a file size in MB from a megabyte up, else in whole KB', () => {
    expect(sizeText(51 * 1024 * 1024)).toBe('51.0 MB');
    expect(sizeText(1024 * 1024)).toBe('1.0 MB');
    expect(sizeText(300)).toBe('1 KB');
    expect(sizeText(20_000)).toBe('20 KB');
  });
});
