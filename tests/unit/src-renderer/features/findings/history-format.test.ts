import { describe, expect, it } from 'vitest';
import { historyLine, historyValue } from '../../../../../src-renderer/features/findings/history-format';

const entry = (field: string, oldValue: string | null, newValue: string | null) => ({
  at: '2026-11-27T09:30:00.000Z',
  author: 'Analyst',
  field,
  oldValue,
  newValue,
});

describe('a history line', () => {
  it('says each change as the analyst would, from what the audit log stored', () => {
    expect(historyLine(entry('tags', '[]', '["county lines","drugs"]'))).toBe('Tags: no tags → county lines, drugs');
    expect(historyLine(entry('includeInBrief', null, '1'))).toBe('Include in brief: not included → included');
    expect(historyLine(entry('rag', null, 'red'))).toBe('RAG: none → Red');
    expect(historyLine(entry('status', 'new', 'flagged'))).toBe('Status: New → Flagged');
    expect(historyLine(entry('kindOverride', null, 'concern'))).toBe('Kind: as suggested → Concern');
    expect(historyLine(entry('note', '', 'Check'))).toBe('Note: empty → “Check”');
  });

  it('shortens a long note and shows a damaged tag list as it was stored', () => {
    expect(historyValue('note', 'x'.repeat(300))).toHaveLength(120);
    expect(historyValue('tags', 'not json')).toBe('Not json');
  });
});
