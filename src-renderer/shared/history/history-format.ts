import { FIELD_LABELS } from '../../../src-core/annotations/fields';
import type { HistoryEntry } from '../../../src-core/query/model/history';
import { capitalised } from '../../../src-core/text/display';

/**
 * An audit row in words. The audit log stores what the column held: tags as a JSON list,
 * include-in-brief and verified as 1 or 0, no RAG as null.
 *
 * Two wordings, as the views have always said them: a finding's history ("Include in brief: not
 * included → included") and a metric's or case file's ("Include in brief: no → yes"). The field
 * names are the annotation's own (src-core/annotations/fields.ts), plus a metric's Verified tick.
 */
const LABELS: Record<string, string> = { ...FIELD_LABELS, verified: 'Verified' };

export function historyField(field: string): string {
  return LABELS[field] ?? field;
}

/** A value in a finding's history, as the analyst would say it. */
export function historyValue(field: string, value: string | null): string {
  if (field === 'tags') {
    try {
      const tags: unknown = JSON.parse(value ?? '[]');
      if (Array.isArray(tags)) return tags.length ? tags.map(String).join(', ') : 'no tags';
    } catch {
      // Not a list: shown as it was stored.
    }
  }
  if (field === 'includeInBrief') return value === '1' ? 'included' : 'not included';
  if (value === null || value === '') return field === 'rag' ? 'none' : field === 'kindOverride' ? 'as suggested' : 'empty';
  if (field === 'note') return value.length > 120 ? `“${value.slice(0, 117)}…”` : `“${value}”`;
  return capitalised(value);
}

/** One row of a finding's history: "Status: New → Flagged". */
export function historyLine(e: HistoryEntry): string {
  return `${historyField(e.field)}: ${historyValue(e.field, e.oldValue)} → ${historyValue(e.field, e.newValue)}`;
}

/** A value in a metric's or case file's history. */
function itemValue(field: string, value: string | null): string {
  // An item never annotated before has no old row: the defaults are what the analyst saw.
  if (field === 'verified' || field === 'includeInBrief') return value === '1' ? 'yes' : 'no';
  if (field === 'status' && value === null) return 'New';
  if (value === null || value === '') return 'none';
  if (field === 'tags') {
    try {
      const tags: unknown = JSON.parse(value);
      if (Array.isArray(tags)) return tags.length ? tags.map(String).join(', ') : 'none';
    } catch {
      return value;
    }
  }
  if (field === 'note') return `“${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`;
  return capitalised(value);
}

/** One row of a metric's or case file's history: "Verified: no → yes". */
export function historyText(entry: HistoryEntry): string {
  return `${historyField(entry.field)}: ${itemValue(entry.field, entry.oldValue)} → ${itemValue(entry.field, entry.newValue)}`;
}
