/** Below this many scored files a proportion is too uncertain to quote without a warning. */
export const SMALL_SAMPLE = 30;

export const SYNTHETIC_TEXT = 'Illustrative synthetic sample — not the inspectorate’s file review';

const percent = (p: number) => Math.round(p * 100);

export interface Proportion {
  /** Files scored yes. */
  yes: number;
  /** Files scored yes or no (not applicable is left out). */
  n: number;
  /** Null when no file was scored yes or no. */
  p: number | null;
  low: number | null;
  high: number | null;
}

/** "15 of 16 · 94 % (71–99 %)": the count, the proportion and its 95 % Wilson interval. */
export function proportionText({ yes, n, p, low, high }: Proportion): string {
  if (n === 0 || p === null || low === null || high === null) return 'Not applicable to any file';
  return `${yes} of ${n} · ${percent(p)} % (${percent(low)}–${percent(high)} %)`;
}

/** Landis and Koch's words for a kappa, as inspectors quote them. */
export function kappaWords(kappa: number | null): string {
  if (kappa === null) return 'not measurable';
  if (kappa < 0) return 'poor (worse than chance)';
  if (kappa <= 0.2) return 'slight';
  if (kappa <= 0.4) return 'fair';
  if (kappa <= 0.6) return 'moderate';
  if (kappa <= 0.8) return 'substantial';
  return 'almost perfect';
}

export function kappaText(kappa: number | null): string {
  return kappa === null ? '—' : kappa.toFixed(2);
}

export { plural } from '../../../src-core/text/plural';
