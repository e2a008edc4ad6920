import type { MetricRow } from '../query/model/metrics';

/** The analyst's check in words: a corrected figure says what was extracted, so the file carries it. */
export function checkText(r: MetricRow): string {
  if (r.check === 'corrected')
    return `Corrected (${r.corrections.map((c) => `${c.label.toLowerCase()} extracted as ${c.extracted}`).join('; ')})`;
  return r.check === 'verified' ? 'Verified' : 'Not verified';
}

/** A figure's warning and whether it still stands. */
export function warningText(r: MetricRow): string {
  if (!r.warning) return '';
  if (r.warningState === 'dismissed') return `${r.warning} (dismissed${r.warningReason ? `: ${r.warningReason}` : ''})`;
  if (r.warningState === 'corrected' || r.warningState === 'verified') return `${r.warning} (settled: figure ${r.warningState})`;
  return r.warning;
}
