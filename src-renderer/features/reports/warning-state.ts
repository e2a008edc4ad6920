import type { OverviewWarning } from '../../../src-core/query/model/overview';

/**
 * Where a warning stands, in words: the analyst reads why it no longer needs them, or what would
 * settle it. A figure's warning is settled by the figure's own check (src-core/query/sql/overview.ts).
 */
export function warningStateText(w: Pick<OverviewWarning, 'state' | 'metricId' | 'reason'>): string {
  switch (w.state) {
    case 'verified':
      return 'Settled: figure verified as printed';
    case 'corrected':
      return 'Settled: figure corrected';
    case 'dismissed':
      return w.reason ? 'Dismissed:' : 'Dismissed (no reason was recorded)';
    case 'open':
      return w.metricId !== null ? 'Open: verify or correct the figure in Metrics, or dismiss it' : 'Open';
  }
}

/** "1 of 2 still to check", or "All checked." once none is open. */
export function warningsProgress(warnings: readonly Pick<OverviewWarning, 'state'>[]): string {
  const open = warnings.filter((w) => w.state === 'open').length;
  if (open === 0) return 'All checked.';
  return `${open} of ${warnings.length} still to check. Settle each one by checking its figure against the source, or dismiss it with a reason.`;
}

/** The edit keeps at most this much of a reason (src-core/workspace/edits.ts, warning.check). */
export const MAX_REASON = 500;

/** A dismissal's reason: required, and within what the edit keeps. */
export function dismissalReason(input: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = input.trim();
  if (value === '') return { ok: false, message: 'Give a reason: say why this warning needs no correction.' };
  if (value.length > MAX_REASON)
    return { ok: false, message: `The reason is ${value.length} characters long; at most ${MAX_REASON} are kept.` };
  return { ok: true, value };
}
