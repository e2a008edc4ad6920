import type { CheckState } from './coverage';
import { z } from 'zod';

/** What the Metrics grid asks for and the row it gets back (sql/metrics.ts reads them). */
export const metricsQuerySchema = z.object({
  reportIds: z.array(z.number().int().positive()).max(2000).optional(),
  source: z.enum(['force-in-numbers', 'text']).optional(),
  verified: z.boolean().optional(),
  /** Where the analyst's check stands: verified, corrected (a value changed), or neither. */
  check: z.enum(['verified', 'unverified', 'corrected']).optional(),
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
  /** That warning's id, and whether it still stands: open until the figure is verified or corrected, or the warning dismissed. */
  warningId: number | null;
  warningState: WarningState | null;
  /** Why the analyst dismissed the warning, in their words. */
  warningReason: string | null;
  /** The analyst's corrections of this figure: what was extracted, what is in force, who and when. */
  corrections: Correction[];
  /** Where the check stands: a correction outranks a tick (a corrected figure was checked and changed). */
  check: CheckState;
  /** A figure the analyst added from the source, not the extractor: who and when. */
  addedBy: string | null;
  addedAt: string | null;
}

export type WarningState = 'open' | 'dismissed' | 'verified' | 'corrected';

export interface Correction {
  field: string;
  /** The field's name as the form says it ("Force value"). */
  label: string;
  /** The extracted value and the one in force, as the analyst reads them ("1", "12"). */
  extracted: string;
  value: string;
  author: string;
  at: string;
}
