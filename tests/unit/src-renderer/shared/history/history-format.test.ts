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

describe('a correction in an item’s history', () => {
  const at = '2026-12-07T10:00:00.000Z';
  const row = (field: string, oldValue: string | null, newValue: string | null) => ({ at, author: 'A', field, oldValue, newValue });

  it('says what was corrected, from what to what, with the field’s label for that kind of item', () => {
    expect(historyText(row('correct:grade', 'Good', 'Requires improvement'), 'judgment')).toBe(
      'Grade corrected from Good to Requires improvement',
    );
    expect(historyText(row('withdraw:grade', 'Requires improvement', 'Good'), 'judgment')).toBe(
      'Grade: correction withdrawn (back to Good)',
    );
    // The same field name is labelled as its item's kind labels it: a report's force, a metric's force value.
    expect(historyText(row('correct:force', 'Gwent Police', 'Dyfed-Powys Police'), 'report')).toBe(
      'Force corrected from Gwent Police to Dyfed-Powys Police',
    );
    expect(historyText(row('correct:force', '1', '12'))).toBe('Force value corrected from 1 to 12');
    expect(historyText(row('correct:published', 'March 2018', '27 March 2018'), 'report')).toBe(
      'Publication date corrected from March 2018 to 27 March 2018',
    );
    expect(historyLine(row('correct:section', 'Annex A', 'Annex B'))).toBe('Section corrected from Annex A to Annex B');
  });

  it('cuts a long text short and still reads the rows around it as before', () => {
    const long = `The force should improve ${'the quality of its investigations '.repeat(4)}`;
    const text = historyText(row('correct:text', long, 'Shorter.'), 'area');
    expect(text).toMatch(/^Text corrected from “The force should improve the quality.{10,}…” to Shorter\.$/);
    expect(text.length).toBeLessThan(100);
    expect(historyText(row('verified', '0', '1'), 'judgment')).toBe('Verified: no → yes');
    expect(historyText(row('checked', '0', '1'))).toBe('Dismissed: no → yes');
    expect(historyText(row('reason', null, 'A misprint in the report'))).toBe('Reason: none → “A misprint in the report”');
    expect(historyText(row('added', null, 'Officers: 1,200'))).toBe('Added from the source: Officers: 1,200');
  });
});

describe('a report read again', () => {
  it('says what a replace could not carry over, in words', async () => {
    const { historyText } = await import('../../../../../src-renderer/shared/history/history-format');
    const at = '2026-12-07T10:00:00.000Z';
    const row = (field: string, newValue: string | null) => ({ at, author: 'A. Analyst', field, oldValue: null, newValue });
    expect(
      historyText(
        row('not-carried-over', JSON.stringify({ what: 'Figure', label: 'Officers', detail: 'its quote is no longer in the report' })),
        'report',
      ),
    ).toBe('Not carried over, to review: Figure: “Officers”: its quote is no longer in the report');
    expect(historyText(row('replaced', 'abc'), 'report')).toMatch(/^Replaced by a new reading of the report/);
  });
});
