import type { HistoryEntry } from '../../../src-core/query/finding-detail';
import { FIELD_LABELS } from './finding-edits';

const capitalised = (v: string) => v.charAt(0).toUpperCase() + v.slice(1);

/**
 * An audit value as the analyst would say it. The audit log stores what the column held: tags as
 * a JSON list, include-in-brief as 1 or 0, no RAG as null.
 */
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

export function historyField(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** "27 Nov 2026, 09:30" in the analyst's own time zone. */
export function historyTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function historyLine(e: HistoryEntry): string {
  return `${historyField(e.field)}: ${historyValue(e.field, e.oldValue)} → ${historyValue(e.field, e.newValue)}`;
}
