import { describe, expect, it } from 'vitest';
import { columnStateOf, definitionOf, parseFindingsView } from '../../../../../src-renderer/features/findings/saved-view-definition';

const columns = [
  { colId: 'report', hide: true, width: 110, flex: null, sort: null, sortIndex: null },
  { colId: 'section', hide: false, width: 135, flex: null, sort: 'desc' as const, sortIndex: 1 },
  { colId: 'kind', hide: false, width: 115, flex: null, sort: 'asc' as const, sortIndex: 0 },
  { colId: 'text', hide: false, width: 412, flex: 1, sort: null, sortIndex: null },
  { colId: 'note', hide: false, width: 140, flex: null, sort: null, sortIndex: null },
];

describe('a saved findings view', () => {
  it('keeps the search, facets, column filters, sort (in order) and columns', () => {
    const def = definitionOf(
      ' force ',
      { kind: ['concern'], tag: [] },
      { section: { filterType: 'text', type: 'contains', filter: 'vulnerable' } },
      columns,
    );
    expect(def).toEqual({
      version: 1,
      search: 'force',
      facets: { kind: ['concern'] },
      filters: { section: { filterType: 'text', type: 'contains', filter: 'vulnerable' } },
      sort: [
        { colId: 'kind', sort: 'asc' },
        { colId: 'section', sort: 'desc' },
      ],
      columns: [
        { colId: 'report', hide: true, width: 110 },
        { colId: 'section', hide: false, width: 135 },
        { colId: 'kind', hide: false, width: 115 },
        // The flexible column follows the window: its width is not pinned.
        { colId: 'text', hide: false },
        { colId: 'note', hide: false, width: 140 },
      ],
    });
  });

  it('reads back through JSON and puts the grid’s columns and sort back', () => {
    const def = parseFindingsView(JSON.parse(JSON.stringify(definitionOf('', {}, null, columns))));
    expect(def).not.toBeNull();
    expect(columnStateOf(def!)).toEqual([
      { colId: 'report', hide: true, width: 110, sort: null, sortIndex: null },
      { colId: 'section', hide: false, width: 135, sort: 'desc', sortIndex: 1 },
      { colId: 'kind', hide: false, width: 115, sort: 'asc', sortIndex: 0 },
      { colId: 'text', hide: false, sort: null, sortIndex: null },
      { colId: 'note', hide: false, width: 140, sort: null, sortIndex: null },
    ]);
  });

  it('refuses a definition it cannot read, instead of half-applying it', () => {
    expect(parseFindingsView(null)).toBeNull();
    expect(parseFindingsView({ version: 2, search: '' })).toBeNull();
    const ok = definitionOf('', {}, null, columns);
    expect(parseFindingsView({ ...ok, facets: { colour: ['red'] } })).toBeNull();
    expect(parseFindingsView({ ...ok, filters: { text: { filterType: 'text', type: 'regex', filter: '.*' } } })).toBeNull();
  });
});
