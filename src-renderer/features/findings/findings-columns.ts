import type { ColDef } from 'ag-grid-community';
import type { FindingRow } from '../../../src-core/query/model/findings';
import { capitalised } from '../../../src-core/text/display';
import { ClampedTextCell } from './ClampedTextCell';
import { IncludeInBriefCell } from './IncludeInBriefCell';

/**
 * A text filter the query can run in SQL: "contains" only (LIKE with the value bound), one
 * condition, so the filter model always translates (findings-query.ts) and nothing is filtered
 * in the page, which holds only the loaded blocks.
 */
const CONTAINS = {
  filter: 'agTextColumnFilter',
  filterParams: { filterOptions: ['contains'], maxNumConditions: 1, debounceMs: 400, buttons: ['clear'] },
} satisfies ColDef<FindingRow>;

/** Searched by FTS too, so the search's words are marked in them. */
const HIGHLIGHTED = { cellRenderer: ClampedTextCell, cellRendererParams: { highlight: true } } satisfies ColDef<FindingRow>;

/**
 * The findings grid's columns. Sortable ones sort in SQL (findings-datasource.ts maps their ids
 * to the query's sort columns); text, tags and notes are not sortable there, so not here either.
 * Tags and RAG are filtered with the facets, which list their values. Subsection and note start
 * hidden, so that the text keeps its room beside the facet and detail panels on a laptop screen;
 * the detail panel shows both, and the Columns menu brings them into the grid.
 */
export const FINDING_COLUMNS: ColDef<FindingRow>[] = [
  { colId: 'report', field: 'report', headerName: 'Report', width: 110, sortable: true, cellRenderer: ClampedTextCell, ...CONTAINS },
  { colId: 'section', field: 'section', headerName: 'Section', width: 135, sortable: true, tooltip: true, ...HIGHLIGHTED, ...CONTAINS },
  {
    colId: 'subsection',
    field: 'subsection',
    headerName: 'Subsection',
    width: 130,
    sortable: true,
    tooltip: true,
    hide: true,
    ...HIGHLIGHTED,
    ...CONTAINS,
  },
  {
    colId: 'kind',
    field: 'kind',
    headerName: 'Kind',
    width: 115,
    sortable: true,
    cellRenderer: ClampedTextCell,
    valueFormatter: (p) => capitalised(typeof p.value === 'string' ? p.value : null),
    ...CONTAINS,
  },
  {
    colId: 'text',
    field: 'text',
    headerName: 'Text',
    flex: 1,
    minWidth: 220,
    tooltip: true,
    ...HIGHLIGHTED,
    cellRendererParams: { highlight: true, excerpt: true },
    ...CONTAINS,
  },
  {
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 95,
    sortable: true,
    valueFormatter: (p) => capitalised(typeof p.value === 'string' ? p.value : null),
    ...CONTAINS,
  },
  { colId: 'tags', field: 'tags', headerName: 'Tags', width: 85, valueFormatter: (p) => (p.value ?? []).join(', ') },
  {
    colId: 'rag',
    field: 'rag',
    headerName: 'RAG',
    width: 70,
    sortable: true,
    valueFormatter: (p) => capitalised(typeof p.value === 'string' ? p.value : null),
    // The word carries the meaning; the dot helps scanning down the column.
    cellClass: (p) => (p.value ? `rag-cell rag-cell--${String(p.value)}` : undefined),
  },
  {
    colId: 'includeInBrief',
    field: 'includeInBrief',
    headerName: 'Include in brief',
    width: 80,
    sortable: true,
    cellRenderer: IncludeInBriefCell,
  },
  { colId: 'note', field: 'note', headerName: 'Note', width: 140, hide: true, cellRenderer: ClampedTextCell, tooltip: true, ...CONTAINS },
];

export const DEFAULT_COLUMN: ColDef<FindingRow> = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
