import type { MetricRow } from '../../../src-core/query/model/metrics';
import { capitalised } from '../../shared/text/words';

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
  return capitalised(label);
}

// The DB worker's grid export (db/service/grid-rows.ts) takes it from here with the other formatters.
export { capitalised };
