import { z } from 'zod';
import type { MetricRow, MetricsQuery } from '../../../src-core/query/model/metrics';

export interface MetricsFilters {
  search: string;
  /** A report id as the select holds it; '' for every report. */
  report: string;
  source: '' | MetricRow['source'];
  /** Where the analyst's check stands: '' for any. */
  check: '' | NonNullable<MetricsQuery['check']>;
}

export const NO_FILTERS: MetricsFilters = { search: '', report: '', source: '', check: '' };

/** The filters as remembered per workspace, checked when read back (a damaged entry gives no filters). */
export const metricsFiltersSchema: z.ZodType<MetricsFilters> = z.object({
  search: z.string().max(300),
  report: z.string().regex(/^\d{0,12}$/),
  source: z.enum(['', 'force-in-numbers', 'text']),
  check: z.enum(['', 'verified', 'unverified', 'corrected']),
});

/** The filters as the query the worker runs; empty when nothing is filtered. */
export function toQuery(f: MetricsFilters): MetricsQuery {
  const q: MetricsQuery = {};
  if (f.search.trim()) q.search = f.search.trim();
  if (f.report) q.reportIds = [Number(f.report)];
  if (f.source) q.source = f.source;
  if (f.check) q.check = f.check;
  return q;
}

/** The reports that have metrics, in the order the metrics come (report by report). */
export function reportsOf(rows: MetricRow[]): { id: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const r of rows) if (!seen.has(r.reportId)) seen.set(r.reportId, r.report);
  return [...seen].map(([id, name]) => ({ id, name }));
}
