import { describe, expect, it } from 'vitest';
import { saveProblem, saveStatusText } from '../../../../../src-renderer/shared/annotations/use-annotation-save';

describe('what the annotation editor says of a save', () => {
  it('names the field as the history does', () => {
    expect(saveStatusText({ state: 'saving', field: 'includeInBrief' })).toBe('Saving include in brief…');
    expect(saveStatusText({ state: 'saved', field: 'rag' })).toBe('RAG saved');
    expect(saveStatusText({ state: 'error', field: 'note' })).toBe('');
  });

  it('says why a change was not saved and what to do, for the item edited', () => {
    expect(saveProblem('note', { code: 'storage-failed', message: 'The disk is full' }, 'case file')).toBe(
      'Your change to Note was not saved: The disk is full. Check that the disk has space (or the workspace is not read-only), then make the change again; the case file keeps its previous value.',
    );
    expect(saveProblem('tags', { code: 'invalid-edit', message: 'There is no finding 9 in this workspace' }, 'finding')).toBe(
      'Your change to Tags was not saved: There is no finding 9 in this workspace. Nothing was changed; select the finding again and retry.',
    );
  });
});
