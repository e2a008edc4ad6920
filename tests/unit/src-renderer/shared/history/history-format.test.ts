import { describe, expect, it } from 'vitest';
import { historyLine, historyText, historyValue } from '../../../../../src-renderer/shared/history/history-format';

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

describe('a metric’s or case file’s history line', () => {
  it('puts each audit row in words', () => {
    const at = '2026-11-27T09:30:00.000Z';
    expect(historyText({ at, author: 'A', field: 'verified', oldValue: '0', newValue: '1' })).toBe('Verified: no → yes');
    expect(historyText({ at, author: 'A', field: 'includeInBrief', oldValue: null, newValue: '1' })).toBe('Include in brief: no → yes');
    expect(historyText({ at, author: 'A', field: 'status', oldValue: null, newValue: 'flagged' })).toBe('Status: New → Flagged');
    expect(historyText({ at, author: 'A', field: 'tags', oldValue: '[]', newValue: '["knife crime","custody"]' })).toBe(
      'Tags: none → knife crime, custody',
    );
    expect(historyText({ at, author: 'A', field: 'rag', oldValue: 'red', newValue: null })).toBe('RAG: Red → none');
  });
});
