import type { ColDef } from 'ag-grid-community';
import { CRITERIA, type CriterionKey } from '../../../src-core/samples/fields';
import { sampleSourceText, type SampleListRow } from '../../../src-core/samples/queries';
import type { SampleSortColumn } from '../../../src-core/service/protocol';
import { capitalised, dateText, scoreText } from '../../../src-core/text/display';
import { SampleBriefCell } from './SampleBriefCell';

/** Grid column ids the samples query sorts by (in SQL); the other columns are not sortable. */
export const SORTABLE: Record<string, SampleSortColumn> = {
  force: 'force',
  caseRef: 'caseRef',
  crimeType: 'crimeType',
  dateRecorded: 'dateRecorded',
  reviewer: 'reviewer',
};

const sortable = (colId: string) => colId in SORTABLE;

/** Short headers, so the grid keeps its rows in view; the full criterion is the header's tooltip. */
const SHORT: Record<CriterionKey, string> = {
  vulnerable_victim: 'Vulnerable',
  vulnerability_at_first_contact: 'At first contact',
  risk_assessment: 'Risk assessed',
  allocated_appropriately: 'Allocated well',
  effective_investigation: 'Effective',
  supervision_evident: 'Supervised',
  victim_kept_updated: 'Victim updated',
  victim_needs_assessed: 'Needs assessed',
};

/**
 * The case files, one row a scoring (a file scored by two reviewers has two rows). Each criterion
 * reads Yes, No or N/A in words; the analyst's annotations follow, as in the findings grid.
 */
const COLUMNS: ColDef<SampleListRow>[] = [
  {
    colId: 'synthetic',
    headerName: 'Data',
    width: 106,
    headerTooltip: 'Synthetic: generated to illustrate the view, not the inspectorate’s file review',
    valueGetter: (p) => (p.data ? (p.data.synthetic ? 'Synthetic' : 'Imported') : ''),
    cellClass: (p) => (p.data?.synthetic ? 'sample-synthetic' : undefined),
  },
  { colId: 'force', field: 'force', headerName: 'Force', width: 120, tooltipField: 'force' },
  { colId: 'caseRef', field: 'caseRef', headerName: 'Case ref', width: 110 },
  { colId: 'crimeType', field: 'crimeType', headerName: 'Crime type', width: 172, valueFormatter: (p) => capitalised(p.value ?? null) },
  { colId: 'dateRecorded', field: 'dateRecorded', headerName: 'Date recorded', width: 116, valueFormatter: (p) => dateText(p.value) },
  { colId: 'reviewer', field: 'reviewer', headerName: 'Reviewer', width: 110 },
  ...CRITERIA.map((c): ColDef<SampleListRow> => ({
    colId: c.key,
    headerName: SHORT[c.key],
    headerTooltip: c.label,
    width: 106,
    valueGetter: (p) => scoreText(p.data?.scores[c.key]),
    cellClass: (p) => (p.value ? `sample-score sample-score--${String(p.value).replace('/', '').toLowerCase()}` : undefined),
  })),
  { colId: 'outcome', field: 'outcome', headerName: 'Outcome', width: 130, tooltipField: 'outcome' },
  { colId: 'note', field: 'note', headerName: 'Note', width: 170, tooltipField: 'note' },
  { colId: 'status', field: 'status', headerName: 'Status', width: 92, valueFormatter: (p) => capitalised(p.value ?? null) },
  {
    colId: 'rag',
    field: 'rag',
    headerName: 'RAG',
    width: 70,
    valueFormatter: (p) => capitalised(p.value ?? null),
    // The word carries the meaning; the dot helps scanning down the column.
    cellClass: (p) => (p.value ? `sample-rag sample-rag--${String(p.value)}` : undefined),
  },
  { colId: 'includeInBrief', field: 'includeInBrief', headerName: 'Include in brief', width: 80, cellRenderer: SampleBriefCell },
  {
    colId: 'source',
    headerName: 'Source',
    headerTooltip: 'The sample file and its row (the header is row 1) the scoring was imported from',
    width: 150,
    valueGetter: (p) => (p.data ? sampleSourceText(p.data) : ''),
    tooltipValueGetter: (p) => (p.data ? sampleSourceText(p.data) : ''),
  },
];

export const SAMPLE_COLUMNS: ColDef<SampleListRow>[] = COLUMNS.map((c) => ({ ...c, sortable: sortable(c.colId ?? '') }));

export const DEFAULT_SAMPLE_COLUMN: ColDef<SampleListRow> = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};
