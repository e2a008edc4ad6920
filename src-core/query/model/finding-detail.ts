import type { FindingRow } from './findings';
import type { HistoryEntry } from './history';

/** Everything the detail panel shows for one finding. */
export interface FindingDetail {
  finding: FindingRow & { suggestedKind: string; kindOverride: string | null };
  /** Footnotes the paragraph cites; text (and where it was read) null for a number the report never defines. */
  footnotes: { number: number; text: string | null; page: number | null; line: number | null }[];
  before: { id: number; text: string } | null;
  after: { id: number; text: string } | null;
  history: HistoryEntry[];
}
