import { useId, useState, type FormEvent } from 'react';
import type { MetricRow } from '../../../src-core/query/model/metrics';

const SETTLED = {
  corrected: 'Settled: the figure has been corrected.',
  verified: 'Settled: the figure has been verified as the report prints it.',
} as const;

/**
 * The extractor's warning about a figure, and where it stands. It is settled by correcting the
 * figure or verifying it as printed, or dismissed with a reason the analyst gives; until then it
 * stays in view here, in the grid, the chart and every briefing pack.
 */
export function MetricWarning({ row, onDismiss }: { row: MetricRow; onDismiss: (row: MetricRow, reason: string) => Promise<boolean> }) {
  const id = useId();
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const state = row.warningState ?? 'open';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setProblem('Say why the warning can be dismissed: the reason is kept with it.');
      return;
    }
    if (await onDismiss(row, reason.trim())) setDismissing(false);
  };

  return (
    <div className={`metric-warning metric-warning--${state}`}>
      <p>
        <strong>{state === 'open' ? 'Extraction warning, open.' : 'Extraction warning.'}</strong> {row.warning}
      </p>
      {state === 'dismissed' && <p>Dismissed{row.warningReason ? `: ${row.warningReason}` : '.'}</p>}
      {(state === 'corrected' || state === 'verified') && <p>{SETTLED[state]}</p>}
      {state === 'open' && !dismissing && (
        <p className="muted">
          Correct the figure, verify it as the report prints it, or{' '}
          <button type="button" className="link-button" onClick={() => setDismissing(true)}>
            dismiss the warning…
          </button>
        </p>
      )}
      {state === 'open' && dismissing && (
        <form className="metric-dismiss" onSubmit={(e) => void submit(e)}>
          <label htmlFor={`${id}-reason`}>Why can this warning be dismissed?</label>
          <input
            id={`${id}-reason`}
            type="text"
            value={reason}
            maxLength={500}
            autoFocus
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {problem && (
            <p id={`${id}-problem`} className="inline-problem" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog-buttons">
            <button type="button" className="button" onClick={() => setDismissing(false)}>
              Cancel
            </button>
            <button type="submit" className="button">
              Dismiss warning
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
