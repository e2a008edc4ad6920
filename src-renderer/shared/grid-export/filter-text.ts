import type { FindingsQuery } from '../../../src-core/query/model/findings';
import type { MetricsQuery } from '../../../src-core/query/model/metrics';
import { capitalised } from '../../../src-core/text/display';

/** Labels for what a query holds, as the grid's own controls name them. */
export interface FilterLabels {
  /** A report id → "Gwent 2017"; ids the caller cannot name are shown as "report 3". */
  report?: (id: number) => string | undefined;
  /** A column id → its header ("text" → "Text"). */
  column?: (colId: string) => string | undefined;
}

const list = (values: readonly string[]) => values.join(', ');

function reports(ids: readonly number[], labels: FilterLabels): string {
  return list(ids.map((id) => labels.report?.(id) ?? `report ${id}`));
}

/**
 * The Findings grid's filter: the query it runs and that query in words. The app keeps the last
 * one the Findings view showed, for the Briefing view's "the Findings grid's current filter" feed;
 * the label is stored with a pack so its reproducibility note can say what fed it.
 */
export interface FindingsFilter {
  query: FindingsQuery;
  label: string;
}

/**
 * A findings query in words, for the file an export writes and a pack's reproducibility note:
 * "Search: county lines; Kind: Concern; Text contains “custody”". Someone reading the file must be
 * able to set the same filter again by hand.
 */
export function findingsFilterText(q: FindingsQuery, labels: FilterLabels = {}): string {
  const parts: string[] = [];
  if (q.search?.trim()) parts.push(`Search: ${q.search.trim()}`);
  if (q.reportIds?.length) parts.push(`Report: ${reports(q.reportIds, labels)}`);
  if (q.sections?.length) parts.push(`Section: ${list(q.sections)}`);
  if (q.subsections?.length) parts.push(`Subsection: ${list(q.subsections)}`);
  if (q.kinds?.length) parts.push(`Kind: ${list(q.kinds.map(capitalised))}`);
  if (q.tags?.length) parts.push(`Tag: ${list(q.tags)}`);
  if (q.statuses?.length) parts.push(`Status: ${list(q.statuses.map(capitalised))}`);
  if (q.rags?.length) parts.push(`RAG: ${list(q.rags.map((r) => (r === 'none' ? 'None' : capitalised(r))))}`);
  if (q.includeInBrief !== undefined) parts.push(q.includeInBrief ? 'Included in the brief' : 'Not included in the brief');
  for (const c of q.contains ?? []) parts.push(`${labels.column?.(c.column) ?? c.column} contains “${c.value}”`);
  return parts.length ? parts.join('; ') : 'No filter: every finding';
}

export function metricsFilterText(q: MetricsQuery, labels: FilterLabels = {}): string {
  const parts: string[] = [];
  if (q.search?.trim()) parts.push(`Search: ${q.search.trim()}`);
  if (q.reportIds?.length) parts.push(`Report: ${reports(q.reportIds, labels)}`);
  if (q.source) parts.push(`Source: ${q.source === 'text' ? 'Report text' : 'Force in numbers'}`);
  if (q.verified !== undefined) parts.push(q.verified ? 'Verified' : 'Not yet verified');
  if (q.check) parts.push({ verified: 'Verified', unverified: 'Not yet verified', corrected: 'Corrected' }[q.check]);
  if (q.includeInBrief !== undefined) parts.push(q.includeInBrief ? 'Included in the brief' : 'Not included in the brief');
  return parts.length ? parts.join('; ') : 'No filter: every metric';
}

/** "Sorted by Kind (descending), then Section": the grid's sort, so the file's order can be understood. */
export function sortText(sort: readonly { colId: string; direction: 'asc' | 'desc' }[], header: (colId: string) => string): string {
  if (sort.length === 0) return '';
  return `Sorted by ${sort.map((s) => `${header(s.colId)}${s.direction === 'desc' ? ' (descending)' : ''}`).join(', then ')}`;
}

/** The filter and the sort together, as one line for the file. */
export function withSort(filter: string, sort: string): string {
  return sort ? `${filter}. ${sort}` : filter;
}
