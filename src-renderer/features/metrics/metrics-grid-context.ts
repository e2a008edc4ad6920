import type { MetricRow } from '../../../src-core/query/model/metrics';

/** What the grid's cells may ask of the view; each resolves true once the edit is durable. */
export interface MetricsGridContext {
  verify(row: MetricRow, value: boolean): Promise<boolean>;
  includeInBrief(row: MetricRow, value: boolean): Promise<boolean>;
}
