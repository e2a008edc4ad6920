import { describe, expect, it } from 'vitest';
import { containsOf, findingsQuery, toggleFacet, withContains } from '../../../../../src-renderer/features/findings/findings-query';

describe('the findings query from the search box and the facets', () => {
  it('maps each facet to its filter, and leaves out what is not set', () => {
    expect(findingsQuery('  ', {})).toEqual({});
    expect(
      findingsQuery(' county lines ', {
        report: ['3', '12'],
        section: ['Protecting vulnerable people'],
        kind: ['concern'],
        tag: ['drugs'],
        status: ['flagged'],
        rag: ['red', 'none'],
      }),
    ).toEqual({
      search: 'county lines',
      reportIds: [3, 12],
      sections: ['Protecting vulnerable people'],
      kinds: ['concern'],
      tags: ['drugs'],
      statuses: ['flagged'],
      rags: ['red', 'none'],
    });
  });

  it('drops values a query cannot take (from an old or foreign saved view) rather than fail the request', () => {
    expect(findingsQuery('', { report: ['x', '-1', '2.5', '7'], status: ['done'], rag: ['purple'] })).toEqual({ reportIds: [7] });
  });

  it('drops a kind no finding can have, as a briefing pack fed by the same saved view does', () => {
    expect(findingsQuery('', { kind: ['concern', 'no-such-kind'] })).toEqual({ kinds: ['concern'] });
  });

  it('toggles a facet value, removing the facet when its last value goes', () => {
    const one = toggleFacet({}, 'kind', 'concern');
    expect(one).toEqual({ kind: ['concern'] });
    expect(toggleFacet(one, 'kind', 'narrative')).toEqual({ kind: ['concern', 'narrative'] });
    expect(toggleFacet(one, 'kind', 'concern')).toEqual({});
  });
});

describe('the grid’s column filters as the query’s "contains"', () => {
  it('translates text "contains" filters on the columns SQL can match', () => {
    expect(
      containsOf({
        section: { filterType: 'text', type: 'contains', filter: ' vulnerable ' },
        note: { filterType: 'text', type: 'contains', filter: 'revisit' },
      }),
    ).toEqual([
      { column: 'section', value: 'vulnerable' },
      { column: 'note', value: 'revisit' },
    ]);
  });

  it('ignores what it cannot translate: other operators, other columns, empty values, combined conditions', () => {
    expect(
      containsOf({
        section: { filterType: 'text', type: 'startsWith', filter: 'Pro' },
        tags: { filterType: 'text', type: 'contains', filter: 'x' },
        text: { filterType: 'text', type: 'contains', filter: '   ' },
        kind: { operator: 'OR', conditions: [{ type: 'contains', filter: 'a' }] },
      }),
    ).toBeUndefined();
    expect(containsOf(null)).toBeUndefined();
  });

  it('adds them to a query, or leaves the query as it is', () => {
    expect(withContains({ search: 'x' }, { text: { type: 'contains', filter: '%_' } })).toEqual({
      search: 'x',
      contains: [{ column: 'text', value: '%_' }],
    });
    const q = { kinds: ['concern'] };
    expect(withContains(q, {})).toBe(q);
  });
});
