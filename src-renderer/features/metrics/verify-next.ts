import type { MetricRow } from '../../../src-core/query/model/metrics';

/**
 * The figure Verify and next goes to: the next one of the same report, in the grid's order, that
 * is neither verified nor corrected, wrapping round to the report's first; null when every other
 * figure of the report has been checked. `order` is the rows as the grid shows them (its sort and
 * filters); the current figure counts as checked, as it is about to be.
 */
export function nextToCheck(order: readonly MetricRow[], current: MetricRow): MetricRow | null {
  const at = order.findIndex((m) => m.id === current.id);
  const after = at < 0 ? order : [...order.slice(at + 1), ...order.slice(0, at)];
  return after.find((m) => m.reportId === current.reportId && m.id !== current.id && m.check === 'unverified') ?? null;
}
