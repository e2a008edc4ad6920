import { all, type SqlDatabase } from '../db/sql-db';
import type { FindingRow } from '../query/model/findings';
import { compileFindingsPage, toFindingRow } from '../query/sql/findings';
import type { MetricRow } from '../query/model/metrics';
import { readMetrics } from '../query/sql/metrics';
import { readSamples, sampleSourceText, type SampleListRow } from '../samples/queries';
import { CRITERIA, type CriterionKey } from '../samples/fields';
import { capitalised, dateText, differenceText, measureText, ratioText, scoreText } from '../text/display';
import type { GridExportSource } from './protocol';

/** A grid's rows as the grid shows them: one text per visible column, in the grid's order. */
export interface GridRows {
  columns: { key: string; header: string }[];
  rows: string[][];
}

/** A column the export was asked for that this grid does not have: the page and the service disagree. */
export class UnknownColumnError extends Error {
  override readonly name = 'UnknownColumnError';
}

type Cells<T> = Record<string, (row: T) => string>;

import { checkText, warningText } from '../text/check';
import { positionOrder, positionText } from '../text/position';
import { categoryText } from '../text/category';

const yesNo = (v: boolean) => (v ? 'Yes' : 'No');

/** What each findings column shows (findings-columns.ts), as text; the whole paragraph, not the cell's excerpt. */
const FINDING_CELLS: Cells<FindingRow> = {
  report: (r) => r.report,
  section: (r) => r.section,
  subsection: (r) => r.subsection ?? '',
  kind: (r) => capitalised(r.kind),
  text: (r) => r.text,
  status: (r) => capitalised(r.status),
  tags: (r) => r.tags.join(', '),
  rag: (r) => capitalised(r.rag),
  includeInBrief: (r) => yesNo(r.includeInBrief),
  note: (r) => r.note,
  source: (r) => positionText(r.page, r.line),
};

/** What each metrics column shows (metrics-columns.ts): figures as the report prints them. */
const METRIC_CELLS: Cells<MetricRow> = {
  report: (r) => r.report,
  category: (r) => categoryText(r),
  measure: (r) => measureText(r.label),
  period: (r) => r.period ?? 'Not stated',
  force: (r) => r.forceText,
  englandWales: (r) => r.ewText,
  difference: (r) => differenceText(r),
  ratio: (r) => ratioText(r.ratio),
  unit: (r) => r.unit,
  warning: (r) => warningText(r),
  verified: (r) => checkText(r),
  status: (r) => capitalised(r.status),
  rag: (r) => capitalised(r.rag),
  includeInBrief: (r) => yesNo(r.includeInBrief),
  source: (r) => positionText(r.page, r.line),
};

/** The values the metrics grid sorts by (its columns' fields): numbers as numbers, so 9 comes before 10. */
const METRIC_SORT_VALUES: Record<string, (row: MetricRow) => string | number | boolean | null> = {
  report: (r) => r.report,
  category: (r) => categoryText(r),
  measure: (r) => r.label,
  period: (r) => r.period,
  force: (r) => r.force,
  englandWales: (r) => r.englandWales,
  difference: (r) => r.difference,
  ratio: (r) => r.ratio,
  unit: (r) => r.unit,
  warning: (r) => r.warning,
  verified: (r) => r.check,
  status: (r) => r.status,
  rag: (r) => r.rag,
  includeInBrief: (r) => r.includeInBrief,
  source: (r) => positionOrder(r.page, r.line),
};

const SAMPLE_CELLS: Cells<SampleListRow> = {
  synthetic: (r) => (r.synthetic ? 'Synthetic' : 'Imported'),
  force: (r) => r.force,
  caseRef: (r) => r.caseRef,
  crimeType: (r) => capitalised(r.crimeType),
  dateRecorded: (r) => dateText(r.dateRecorded),
  reviewer: (r) => r.reviewer,
  ...Object.fromEntries(CRITERIA.map((c) => [c.key, (r: SampleListRow) => scoreText(r.scores[c.key as CriterionKey])])),
  outcome: (r) => r.outcome,
  note: (r) => r.note,
  status: (r) => capitalised(r.status),
  rag: (r) => capitalised(r.rag),
  includeInBrief: (r) => yesNo(r.includeInBrief),
  source: (r) => sampleSourceText(r),
};

/** AG Grid's default comparator: empty values first, then by value (so the file is in the grid's order). */
function compare(a: string | number | boolean | null, b: string | number | boolean | null): number {
  const aEmpty = a === null || a === undefined;
  const bEmpty = b === null || b === undefined;
  if (aEmpty || bEmpty) return aEmpty && bEmpty ? 0 : aEmpty ? -1 : 1;
  return a > b ? 1 : a < b ? -1 : 0;
}

function sortMetrics(rows: MetricRow[], sort: { colId: string; direction: 'asc' | 'desc' }[] | undefined): MetricRow[] {
  const keys = (sort ?? []).flatMap((s) => {
    const value = METRIC_SORT_VALUES[s.colId];
    return value ? [{ value, sign: s.direction === 'desc' ? -1 : 1 }] : [];
  });
  if (keys.length === 0) return rows;
  // Array.prototype.sort is stable: rows that tie keep the query's (report) order, as in the grid.
  return [...rows].sort((a, b) => {
    for (const k of keys) {
      const c = compare(k.value(a), k.value(b)) * k.sign;
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Findings are read a thousand at a time (the page query's cap) until the filter has no more. */
function allFindings(db: SqlDatabase, source: Extract<GridExportSource, { grid: 'findings' }>): FindingRow[] {
  const out: FindingRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const q = compileFindingsPage(source.query, offset, 1000);
    const page = all(db, q.sql, q.params).map(toFindingRow);
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

function allSamples(db: SqlDatabase, source: Extract<GridExportSource, { grid: 'samples' }>): SampleListRow[] {
  const out: SampleListRow[] = [];
  for (let offset = 0; ; offset += 5000) {
    const page = readSamples(db, { offset, limit: 5000, sort: source.sort });
    out.push(...page);
    if (page.length < 5000) return out;
  }
}

function table<T>(rows: T[], cells: Cells<T>, columns: { colId: string; header: string }[], grid: string): GridRows {
  const unknown = columns.find((c) => !cells[c.colId]);
  if (unknown) throw new UnknownColumnError(`The ${grid} grid has no column “${unknown.colId}” to export`);
  const getters = columns.map((c) => cells[c.colId] as (row: T) => string);
  return { columns: columns.map((c) => ({ key: c.colId, header: c.header })), rows: rows.map((r) => getters.map((get) => get(r))) };
}

/**
 * Every row a grid's filter selects, in the grid's sort, with the grid's visible columns: the
 * queries the grid pages through, run to the end, so an export is never just the loaded blocks.
 */
export function gridRows(db: SqlDatabase, source: GridExportSource, columns: { colId: string; header: string }[]): GridRows {
  switch (source.grid) {
    case 'findings':
      return table(allFindings(db, source), FINDING_CELLS, columns, 'findings');
    case 'metrics':
      return table(sortMetrics(readMetrics(db, source.query), source.sort), METRIC_CELLS, columns, 'metrics');
    case 'samples':
      return table(allSamples(db, source), SAMPLE_CELLS, columns, 'case files');
  }
}
