import { z } from 'zod';

/** What the Metrics grid asks for and the row it gets back (sql/metrics.ts reads them). */
export const metricsQuerySchema = z.object({
  reportIds: z.array(z.number().int().positive()).max(2000).optional(),
  source: z.enum(['force-in-numbers', 'text']).optional(),
  verified: z.boolean().optional(),
  includeInBrief: z.boolean().optional(),
  /** Words in the label, category or quote. */
  search: z.string().max(300).optional(),
});

export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

export interface MetricRow {
  id: number;
  reportId: number;
  report: string;
  category: string | null;
  label: string;
  unit: string;
  period: string | null;
  force: number | null;
  englandWales: number | null;
  forceText: string;
  ewText: string;
  /** Force minus England and Wales, in the metric's unit (percentage points for percentages). */
  difference: number | null;
  /** Force divided by England and Wales; null where that is meaningless (a zero or a change). */
  ratio: number | null;
  source: 'force-in-numbers' | 'text';
  quote: string;
  page: number | null;
  line: number;
  verified: boolean;
  verifiedBy: string | null;
  verifiedAt: string | null;
  status: string;
  tags: string[];
  rag: string | null;
  note: string;
  includeInBrief: boolean;
  /** An extraction warning about this metric (e.g. implausibly far from its comparator). */
  warning: string | null;
}
