import type { Score } from '../samples/fields';

/**
 * Stored values as the analyst reads them: one wording for the grids and panels that show them
 * (src-renderer) and the files the grids export (the workspace service's grid-rows.ts), so that an
 * exported cell says what the grid said.
 */

const SIGNED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** Stored values are lower case ("flagged", "concern"); shown alone, they start with a capital. */
export function capitalised(s: string | null): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : '';
}

/** Percentages compare in percentage points: "+4 pts", never "+4%", which would read as a relative change. */
export function isPercentUnit(unit: string): boolean {
  return unit.trim().startsWith('%');
}

export function differenceText(m: { difference: number | null; unit: string }): string {
  if (m.difference === null) return '—';
  const value = SIGNED.format(m.difference);
  if (!isPercentUnit(m.unit)) return value;
  return `${value} ${Math.abs(m.difference) === 1 ? 'pt' : 'pts'}`;
}

/** Two decimals, as analysts quote ratios ("1.20 times the national rate"); a dash where a ratio means nothing. */
export function ratioText(ratio: number | null): string {
  return ratio === null ? '—' : ratio.toFixed(2);
}

/** Labels read from running text start mid-sentence ("arrests per 100…"). */
export function measureText(label: string): string {
  return capitalised(label);
}

/** A case file's score on a criterion, as the review states it. */
export const SCORE_TEXT: Record<Score, string> = { yes: 'Yes', no: 'No', 'n/a': 'N/A' };

export function scoreText(score: string | null | undefined): string {
  return score === 'yes' || score === 'no' || score === 'n/a' ? SCORE_TEXT[score] : '';
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** An ISO date (yyyy-mm-dd) as the analyst reads it: "5 Jan 2017". */
export function dateText(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}
