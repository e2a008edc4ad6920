import { FIELD_LABELS } from '../../../src-core/annotations/fields';
import { CORRECT_FIELD, fieldSpec, WITHDRAW_FIELD, type CorrectionTarget } from '../../../src-core/corrections/fields';
import type { HistoryEntry } from '../../../src-core/query/model/history';
import { capitalised } from '../../../src-core/text/display';

/**
 * An audit row in words. The audit log stores what the column held: tags as a JSON list,
 * include-in-brief and verified as 1 or 0, no RAG as null.
 *
 * Two wordings, as the views have always said them: a finding's history ("Include in brief: not
 * included → included") and a metric's or case file's ("Include in brief: no → yes"). The field
 * names are the annotation's own (src-core/annotations/fields.ts), plus a metric's Verified tick.
 * A correction reads the same in both: "Grade corrected from Good to Requires improvement".
 */
const LABELS: Record<string, string> = { ...FIELD_LABELS, verified: 'Verified', checked: 'Dismissed', reason: 'Reason' };

/**
 * The audit fields of a correction and of its withdrawal, "correct:grade" and "withdraw:grade"
 * (src-core/corrections/fields.ts); their old and new values are already as the analyst reads them
 * (the field's `show`).
 */
const CORRECTION_FIELD = new RegExp(`^(${CORRECT_FIELD.slice(0, -1)}|${WITHDRAW_FIELD.slice(0, -1)}):(.+)$`);

/** A corrected value in a sentence: short ones as they are, long texts (an area for improvement) quoted and cut. */
function correctedValue(value: string | null): string {
  const v = value ?? '—';
  return v.length > 60 ? `“${v.slice(0, 59)}…”` : v;
}

/**
 * A correction's row in words, or null for any other row. The field's label is the correction
 * table's (src-core/corrections/fields.ts) for the item's kind: a report's "Force" is a metric's
 * "Force value".
 */
export function correctionText(entry: HistoryEntry, target: CorrectionTarget): string | null {
  const m = CORRECTION_FIELD.exec(entry.field);
  if (!m) return null;
  const field = m[2] ?? '';
  const label = fieldSpec(target, field)?.label ?? capitalised(field);
  return `${m[1]}:` === CORRECT_FIELD
    ? `${label} corrected from ${correctedValue(entry.oldValue)} to ${correctedValue(entry.newValue)}`
    : `${label}: correction withdrawn (back to ${correctedValue(entry.newValue)})`;
}

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

/** One row of a finding's history: "Status: New → Flagged", "Section corrected from … to …". */
export function historyLine(e: HistoryEntry): string {
  return (
    correctionText(e, 'finding') ?? `${historyField(e.field)}: ${historyValue(e.field, e.oldValue)} → ${historyValue(e.field, e.newValue)}`
  );
}

/** A value in a metric's or case file's history. */
function itemValue(field: string, value: string | null): string {
  // An item never annotated before has no old row: the defaults are what the analyst saw.
  if (field === 'verified' || field === 'includeInBrief' || field === 'checked') return value === '1' ? 'yes' : 'no';
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
  if (field === 'note' || field === 'reason') return `“${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`;
  return capitalised(value);
}

/**
 * One row of a metric's or case file's history ("Verified: no → yes"), or of any other item's: a
 * grade's, a report's, an area for improvement's (`target`, which names a corrected field; a
 * metric's by default, so that the views pass this function as it is).
 */
export function historyText(entry: HistoryEntry, target: CorrectionTarget = 'metric'): string {
  const correction = correctionText(entry, target);
  if (correction) return correction;
  // A figure the analyst added from the source, or removed again: the audit row holds "label: value".
  if (entry.field === 'added') return `Added from the source: ${entry.newValue ?? ''}`;
  if (entry.field === 'removed') return `Removed: ${entry.oldValue ?? ''}`;
  // A report read again (src-core/db/reimport.ts): the replace, what it could not carry over, and a replace taken back.
  if (entry.field === 'replaced') return 'Replaced by a new reading of the report; the analyst’s checks that still match were kept';
  if (entry.field === 'replace-undone') return 'The replace could not be saved and was taken back: the report is as it was';
  if (entry.field === 'not-carried-over') return `Not carried over, to review: ${notCarried(entry.newValue)}`;
  return `${historyField(entry.field)}: ${itemValue(entry.field, entry.oldValue)} → ${itemValue(entry.field, entry.newValue)}`;
}

/** An item a replace could not carry over, as the audit row keeps it (JSON {what, label, detail, …}), in words. */
function notCarried(value: string | null): string {
  try {
    const item = JSON.parse(value ?? '') as { what?: unknown; label?: unknown; detail?: unknown };
    const words = [item.what, item.label && `“${String(item.label)}”`, item.detail].filter(Boolean).map(String);
    if (words.length) return words.join(': ');
  } catch {
    // Not the JSON a replace writes: shown as it was stored.
  }
  return value ?? '';
}

/** historyText for one kind of item, for a History component's `line`. */
export const historyTextOf =
  (target: CorrectionTarget) =>
  (entry: HistoryEntry): string =>
    historyText(entry, target);
