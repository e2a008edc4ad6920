import type { ColDef, RowClassRules } from 'ag-grid-community';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { whoWhen } from '../../ui/who-when';
import { BriefCell } from './BriefCell';
import { MeasureCell } from './MeasureCell';
import { capitalised, differenceText, measureText, ratioText } from '../../../src-core/text/display';
import { MetricTextCell } from './MetricTextCell';
import { VerifiedCell } from './VerifiedCell';
import { FigureCell } from './FigureCell';
import { correctionNote } from './metric-correction';
import { checkText, warningText } from '../../../src-core/text/check';
import { WarningFlagCell } from './WarningFlagCell';
import { ChartCell, ChartHeader } from './ChartCell';
import { positionOrder, positionText } from '../../../src-core/text/position';
import { categoryText } from '../../../src-core/text/category';

/** The chart's ticks: AG Grid's row selection, shown by our own boxes named by their metric (ChartCell). */
export const CHART_COLUMN_ID = 'chart';

const numeric = { type: 'rightAligned', width: 94, sortable: true } as const;

/**
 * The metrics grid's columns. Values sort as numbers and show as the report prints them ("+13%"),
 * so nothing is lost in display; the difference and ratio are worked out in the core query.
 */
export const METRIC_COLUMNS: ColDef<MetricRow>[] = [
  {
    colId: CHART_COLUMN_ID,
    headerName: '',
    headerComponent: ChartHeader,
    headerTooltip: 'Tick metrics to chart them against England and Wales',
    cellRenderer: ChartCell,
    width: 40,
    resizable: false,
    cellClass: 'metric-chart-cell',
  },
  { colId: 'report', field: 'report', headerName: 'Report', width: 108, sortable: true, cellRenderer: MetricTextCell },
  {
    // Force in numbers' heading ("Calls for assistance"), or "Report text" for a figure quoted in the text.
    colId: 'category',
    headerName: 'Category',
    width: 150,
    sortable: true,
    valueGetter: (p) => (p.data ? categoryText(p.data) : ''),
    cellRenderer: MetricTextCell,
    tooltip: true,
  },
  {
    colId: 'measure',
    field: 'label',
    headerName: 'Measure',
    flex: 1,
    minWidth: 180,
    sortable: true,
    cellRenderer: MeasureCell,
    // The sentence the figure was read from, so it can be checked without leaving the grid.
    // The whole label and the sentence it was read from: the row shows one line of it.
    tooltip: (p) =>
      p.data ? `${measureText(p.data.label)}${p.data.category ? ` (${p.data.category})` : ''}: “${p.data.quote}”` : undefined,
  },
  {
    colId: 'period',
    field: 'period',
    headerName: 'Period',
    width: 126,
    sortable: true,
    cellRenderer: MetricTextCell,
    valueFormatter: (p) => p.value ?? 'Not stated',
    tooltip: true,
  },
  {
    ...numeric,
    colId: 'force',
    field: 'force',
    headerName: 'Force',
    width: 76,
    valueFormatter: (p) => p.data?.forceText ?? '',
    cellRenderer: FigureCell,
    tooltip: (p) => (p.data ? (correctionNote(p.data, 'force') ?? undefined) : undefined),
  },
  {
    ...numeric,
    colId: 'englandWales',
    field: 'englandWales',
    headerName: 'England and Wales',
    width: 150,
    headerTooltip: 'The England and Wales figure the report sets against the force’s; “—” where it states the figure alone',
    // A figure the text states without a comparator: a dash says "none given", not "not loaded".
    valueFormatter: (p) => (p.data ? p.data.ewText || '—' : ''),
    cellRenderer: FigureCell,
    tooltip: (p) => (p.data ? (correctionNote(p.data, 'englandWales') ?? undefined) : undefined),
  },
  {
    ...numeric,
    colId: 'difference',
    field: 'difference',
    headerName: 'Difference',
    headerTooltip: 'Force minus England and Wales, in the unit (percentage points for percentages)',
    valueFormatter: (p) => (p.data ? differenceText(p.data) : ''),
  },
  {
    ...numeric,
    colId: 'ratio',
    field: 'ratio',
    headerName: 'Ratio',
    width: 70,
    headerTooltip: 'Force divided by England and Wales; none for a change or where England and Wales is zero',
    valueFormatter: (p) => ratioText(p.value ?? null),
  },
  { colId: 'unit', field: 'unit', headerName: 'Unit', width: 100, sortable: true, cellRenderer: MetricTextCell, tooltip: true },
  {
    colId: 'warning',
    field: 'warning',
    headerName: 'Extraction warning',
    width: 142,
    sortable: true,
    cellRenderer: WarningFlagCell,
    tooltip: (p) => (p.data ? warningText(p.data) || undefined : undefined),
  },
  {
    colId: 'verified',
    // Sorted by where the check stands: corrected, then unverified, then verified.
    field: 'check',
    headerName: 'Checked',
    width: 104,
    sortable: true,
    cellRenderer: VerifiedCell,
    tooltip: (p) =>
      !p.data
        ? undefined
        : p.data.check === 'corrected'
          ? checkText(p.data)
          : p.data.verified
            ? `Verified by ${whoWhen(p.data.verifiedBy, p.data.verifiedAt)}`
            : 'Not yet verified against the source',
  },
  {
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 80,
    sortable: true,
    valueFormatter: (p) => capitalised(p.value ?? null),
  },
  {
    colId: 'rag',
    field: 'rag',
    headerName: 'RAG',
    width: 64,
    sortable: true,
    valueFormatter: (p) => capitalised(p.value ?? null),
    cellClass: (p) => (p.value ? `metric-rag metric-rag--${String(p.value)}` : undefined),
  },
  { colId: 'includeInBrief', field: 'includeInBrief', headerName: 'Brief', width: 60, sortable: true, cellRenderer: BriefCell },
  {
    colId: 'source',
    headerName: 'Source',
    headerTooltip: 'Where the figure was read in its report: page and line',
    width: 112,
    sortable: true,
    // Sorted page by page, then line by line; shown as the detail panel says it.
    valueGetter: (p) => (p.data ? positionOrder(p.data.page, p.data.line) : null),
    valueFormatter: (p) => (p.data ? positionText(p.data.page, p.data.line) : ''),
    tooltip: true,
  },
];

export const DEFAULT_METRIC_COLUMN: ColDef<MetricRow> = {
  sortable: false,
  resizable: true,
  suppressMovable: true,
  // One line of header, as the rows: the columns are wide enough for their names.
};

/** A figure extraction flagged stands out before anyone charts or briefs it. */
export const METRIC_ROW_CLASSES: RowClassRules<MetricRow> = {
  'metric-row--warning': (p) => p.data?.warningState === 'open',
};
