import type { OverviewWarning } from '../../../src-core/query/model/overview';
import { usePendingEdit } from '../../shared/annotations/use-pending-edit';
import { whoWhen } from '../../ui/who-when';

interface Props {
  warning: OverviewWarning;
  /** Resolves true once the tick is durable; the box changes only then. */
  onCheck: (warning: OverviewWarning, checked: boolean) => Promise<boolean>;
}

/** One extraction warning and the analyst's "Checked" tick, with who ticked it and when. */
export function WarningItem({ warning, onCheck }: Props) {
  const w = warning;
  const edit = usePendingEdit(w.checked);
  const text = `${w.where ? `${w.where}: ` : ''}${w.message}`;
  return (
    <li className={w.checked ? 'warning is-checked' : 'warning'}>
      <span className="warning-text">
        {w.where && <span className="where">{w.where}: </span>}
        {w.message}
      </span>
      <span className="warning-check">
        <label>
          <input
            type="checkbox"
            checked={edit.shown}
            aria-busy={edit.pending || undefined}
            aria-label={`Checked: ${text}`}
            onChange={(e) => void edit.run(e.target.checked, (v) => onCheck(w, v))}
          />
          Checked
        </label>
        {w.checked && <span className="warning-checked-by">{whoWhen(w.checkedBy, w.checkedAt)}</span>}
      </span>
    </li>
  );
}
