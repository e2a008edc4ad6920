import type { ColDef } from 'ag-grid-community';
import type { FindingRow } from '../../../src-core/query/findings';
import { ClampedTextCell } from './ClampedTextCell';
import { IncludeInBriefCell } from './IncludeInBriefCell';

const capitalised = (v: unknown) => (typeof v === 'string' && v ? v.charAt(0).toUpperCase() + v.slice(1) : '');

/**
 * The findings grid's columns. Sortable ones sort in SQL (findings-datasource.ts maps their ids
 * to the query's sort columns); text, tags and notes are not sortable there, so not here either.
 */
export const FINDING_COLUMNS: ColDef<FindingRow>[] = [
  { colId: 'report', field: 'report', headerName: 'Report', width: 125, sortable: true, cellRenderer: ClampedTextCell },
  {
    colId: 'section',
    field: 'section',
    headerName: 'Section',
    width: 150,
    sortable: true,
    cellRenderer: ClampedTextCell,
    tooltip: true,
  },
  {
    colId: 'subsection',
    field: 'subsection',
    headerName: 'Subsection',
    width: 130,
    sortable: true,
    cellRenderer: ClampedTextCell,
    tooltip: true,
  },
  {
    colId: 'kind',
    field: 'kind',
    headerName: 'Kind',
    width: 125,
    sortable: true,
    cellRenderer: ClampedTextCell,
    valueFormatter: (p) => capitalised(p.value),
  },
  {
    colId: 'text',
    field: 'text',
    headerName: 'Text',
    flex: 1,
    minWidth: 240,
    cellRenderer: ClampedTextCell,
    tooltip: true,
  },
  { colId: 'status', field: 'status', headerName: 'Status', width: 85, sortable: true, valueFormatter: (p) => capitalised(p.value) },
  { colId: 'tags', field: 'tags', headerName: 'Tags', width: 80, valueFormatter: (p) => (p.value ?? []).join(', ') },
  { colId: 'rag', field: 'rag', headerName: 'RAG', width: 65, sortable: true, valueFormatter: (p) => capitalised(p.value) },
  {
    colId: 'includeInBrief',
    field: 'includeInBrief',
    headerName: 'Include in brief',
    width: 95,
    sortable: true,
    cellRenderer: IncludeInBriefCell,
  },
  { colId: 'note', field: 'note', headerName: 'Note', width: 120, cellRenderer: ClampedTextCell, tooltip: true },
];

export const DEFAULT_COLUMN: ColDef<FindingRow> = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
