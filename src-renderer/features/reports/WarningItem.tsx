import { useEffect, useRef } from 'react';
import type { OverviewWarning } from '../../../src-core/query/model/overview';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import { whoWhen } from '../../ui/who-when';
import type { ReportActions } from './report-actions';
import { warningStateText } from './warning-state';

interface Props {
  warning: OverviewWarning;
  actions: ReportActions;
}

/**
 * One extraction warning and where it stands: open (to dismiss with a reason, or to settle by
 * checking its figure), settled by its figure's check, or dismissed, with the reason, who and when.
 */
export function WarningItem({ warning: w, actions }: Props) {
  // A dismissal taken back shows at once, as a tick would; what is stored takes over when it lands.
  const reopening = usePendingEdit(w.state, w.id);
  const state = reopening.shown;
  const item = useRef<HTMLLIElement>(null);
  const control = useRef<HTMLButtonElement>(null);
  const { focusWarning, focused } = actions;
  // Dismissing replaces the Dismiss button with Reopen (and reopening the other way): once the new
  // state is drawn, focus follows to its button, or to the item where a settled warning has none.
  useEffect(() => {
    if (focusWarning?.id !== w.id || focusWarning.from === state) return;
    (control.current ?? item.current)?.focus();
    focused();
  }, [focusWarning, focused, w.id, state]);
  return (
    <li ref={item} tabIndex={-1} className={state === 'open' ? 'warning' : 'warning is-checked'}>
      <span className="warning-text">
        {w.where && <span className="where">{w.where}: </span>}
        {w.message}
      </span>
      <span className="warning-check">
        <span className="warning-state">{warningStateText({ ...w, state })}</span>
        {state === 'dismissed' && w.reason && <q className="warning-reason">{w.reason}</q>}
        {state === 'dismissed' && <span className="checked-by">{whoWhen(w.checkedBy, w.checkedAt)}</span>}
        {state === 'open' && (
          <button ref={control} type="button" className="button button--small" onClick={() => actions.dismiss(w)}>
            Dismiss warning<span className="visually-hidden">: {w.where ?? w.message}</span>
          </button>
        )}
        {state === 'dismissed' && (
          <button
            ref={control}
            type="button"
            className="link-button"
            aria-busy={reopening.pending || undefined}
            onClick={() => void reopening.run('open', () => actions.reopen(w))}
          >
            Reopen<span className="visually-hidden"> the warning: {w.where ?? w.message}</span>
          </button>
        )}
      </span>
    </li>
  );
}
