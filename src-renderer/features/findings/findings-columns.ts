import type { ColDef } from 'ag-grid-community';
import type { FindingRow } from '../../../src-core/query/model/findings';
import { capitalised } from '../../../src-core/text/display';
import { ClampedTextCell } from './ClampedTextCell';
import { IncludeInBriefCell } from './IncludeInBriefCell';
import { positionText } from '../../../src-core/text/position';

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
 * The findings grid's columns, in the order an analyst reads them: the brief checkbox first (so it
 * is never past the right edge), then where the paragraph sits, its kind and its text (which takes
 * the remaining width), where it was read (Source), and its annotation. Sortable ones sort in SQL
 * (findings-datasource.ts maps their ids to the query's sort columns); text, tags and notes are
 * not sortable there, so not here either. Tags and RAG are filtered with the facets, which list
 * their values. Report starts hidden (the view shows it when the workspace holds more than one
 * report); subsection and note start hidden so that the text keeps its room; the detail panel shows
 * them all, and the Columns menu brings them into the grid.
 */
export const FINDING_COLUMNS: ColDef<FindingRow>[] = [
  {
    colId: 'includeInBrief',
    field: 'includeInBrief',
    headerName: 'Include in brief',
    headerClass: 'brief-header',
    width: 72,
    sortable: true,
    cellRenderer: IncludeInBriefCell,
  },
  {
    colId: 'report',
    field: 'report',
    headerName: 'Report',
    width: 130,
    sortable: true,
    hide: true,
    cellRenderer: ClampedTextCell,
    ...CONTAINS,
  },
  { colId: 'section', field: 'section', headerName: 'Section', width: 115, sortable: true, ...HIGHLIGHTED, ...CONTAINS },
  {
    colId: 'subsection',
    field: 'subsection',
    headerName: 'Subsection',
    width: 130,
    sortable: true,
    hide: true,
    ...HIGHLIGHTED,
    ...CONTAINS,
  },
  {
    colId: 'kind',
    field: 'kind',
    headerName: 'Kind',
    width: 100,
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
    minWidth: 180,
    ...HIGHLIGHTED,
    cellRendererParams: { highlight: true, excerpt: true },
    ...CONTAINS,
  },
  {
    // Where the paragraph was read; sorted by its place in the report (page and line follow it).
    colId: 'source',
    headerName: 'Source',
    width: 84,
    sortable: true,
    valueGetter: (p) => (p.data ? positionText(p.data.page, p.data.line) : ''),
    cellRenderer: ClampedTextCell,
  },
  {
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 96,
    sortable: true,
    cellRenderer: ClampedTextCell,
    valueFormatter: (p) => capitalised(typeof p.value === 'string' ? p.value : null),
    ...CONTAINS,
  },
  {
    colId: 'tags',
    field: 'tags',
    headerName: 'Tags',
    width: 90,
    cellRenderer: ClampedTextCell,
    valueFormatter: (p) => (Array.isArray(p.value) ? (p.value as string[]).join(', ') : ''),
  },
  {
    colId: 'rag',
    field: 'rag',
    headerName: 'RAG',
    width: 72,
    sortable: true,
    cellRenderer: ClampedTextCell,
    valueFormatter: (p) => capitalised(typeof p.value === 'string' ? p.value : null),
    // The word carries the meaning; the dot helps scanning down the column.
    cellClass: (p) => (p.value ? `rag-cell rag-cell--${String(p.value)}` : undefined),
  },
  { colId: 'note', field: 'note', headerName: 'Note', width: 140, hide: true, cellRenderer: ClampedTextCell, ...CONTAINS },
];

export const DEFAULT_COLUMN: ColDef<FindingRow> = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
