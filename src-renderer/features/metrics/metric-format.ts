import type { HistoryEntry } from '../../../src-core/query/history';
import type { MetricRow } from '../../../src-core/query/metrics';

const PLAIN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const SIGNED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

export const SOURCE_LABEL: Record<MetricRow['source'], string> = {
  'force-in-numbers': 'Force in numbers',
  text: 'Report text',
};

/** Percentages compare in percentage points: "+4 pts", never "+4%", which would read as a relative change. */
export function isPercentUnit(unit: string): boolean {
  return unit.trim().startsWith('%');
}

export function differenceText(m: Pick<MetricRow, 'difference' | 'unit'>): string {
  if (m.difference === null) return '—';
  const value = SIGNED.format(m.difference);
  if (!isPercentUnit(m.unit)) return value;
  return `${value} ${Math.abs(m.difference) === 1 ? 'pt' : 'pts'}`;
}

/** Two decimals, as analysts quote ratios ("1.20 times the national rate"); a dash where a ratio means nothing. */
export function ratioText(ratio: number | null): string {
  return ratio === null ? '—' : ratio.toFixed(2);
}

export function numberText(n: number): string {
  return PLAIN.format(n);
}

/** Where the figure was read: "page 4, line 19", or "line 43" in unpaginated text. */
export function positionText(page: number | null, line: number): string {
  return page === null ? `line ${line}` : `page ${page}, line ${line}`;
}

/** Labels read from running text start mid-sentence ("arrests per 100…"). */
export function measureText(label: string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

export function capitalised(s: string | null): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : '';
}

const FIELD_LABEL: Record<string, string> = {
  verified: 'Verified',
  status: 'Status',
  tags: 'Tags',
  rag: 'RAG',
  note: 'Note',
  includeInBrief: 'Include in brief',
};

function historyValue(field: string, value: string | null): string {
  // A metric never annotated before has no old row: the defaults are what the analyst saw.
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

/** One audit row in words: "Verified: no → yes". */
export function historyText(entry: HistoryEntry): string {
  const field = FIELD_LABEL[entry.field] ?? entry.field;
  return `${field}: ${historyValue(entry.field, entry.oldValue)} → ${historyValue(entry.field, entry.newValue)}`;
}
