/** One change in an item's audit trail: who changed which field when, from what to what. */
export interface HistoryEntry {
  at: string;
  author: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export const HISTORY_TARGETS = [
  'finding',
  'metric',
  'review_sample',
  'extraction_warning',
  'saved_view',
  'judgment',
  'report',
  'area',
] as const;
export type HistoryTarget = (typeof HISTORY_TARGETS)[number];
