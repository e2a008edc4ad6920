import { describe, expect, it } from 'vitest';
import { findingsFilterText, metricsFilterText, sortText, withSort } from '../../../../../src-renderer/shared/grid-export/filter-text';

describe('a grid’s filter in words (stated in exports and in the pack’s reproducibility note)', () => {
  it('says every part of a findings filter as the grid’s controls name it', () => {
    const text = findingsFilterText(
      {
        search: ' county lines ',
        reportIds: [3, 9],
        kinds: ['concern'],
        tags: ['drugs'],
        statuses: ['flagged'],
        rags: ['red', 'none'],
        contains: [{ column: 'text', value: 'custody' }],
      },
      { report: (id) => (id === 3 ? 'Gwent 2017' : undefined), column: (c) => (c === 'text' ? 'Text' : undefined) },
    );
    expect(text).toBe(
      'Search: county lines; Report: Gwent 2017, report 9; Kind: Concern; Tag: drugs; Status: Flagged; RAG: Red, None; Text contains “custody”',
    );
    expect(findingsFilterText({})).toBe('No filter: every finding');
  });

  it('says a metrics filter and a sort', () => {
    expect(metricsFilterText({ source: 'text', verified: false, search: 'arrests' })).toBe(
      'Search: arrests; Source: Report text; Not yet verified',
    );
    expect(metricsFilterText({})).toBe('No filter: every metric');
    const sort = sortText(
      [
        { colId: 'kind', direction: 'desc' },
        { colId: 'section', direction: 'asc' },
      ],
      (c) => c.charAt(0).toUpperCase() + c.slice(1),
    );
    expect(sort).toBe('Sorted by Kind (descending), then Section');
    expect(withSort('Search: x', sort)).toBe('Search: x. Sorted by Kind (descending), then Section');
    expect(withSort('Search: x', '')).toBe('Search: x');
  });
});
