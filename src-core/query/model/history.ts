/** One change in an item's audit trail: who changed which field when, from what to what. */
export interface HistoryEntry {
  at: string;
  author: string;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export type HistoryTarget = 'finding' | 'metric' | 'review_sample' | 'extraction_warning' | 'saved_view';
