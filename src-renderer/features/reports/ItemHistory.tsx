import type { CorrectionTarget } from '../../../src-core/corrections/fields';
import { History } from '../../shared/history/History';
import { historyTextOf } from '../../shared/history/history-format';
import { useHistory } from '../../shared/history/use-history';
import type { ReportActions } from './report-actions';

interface Props {
  id: string;
  target: CorrectionTarget;
  itemId: number;
  actions: ReportActions;
}

/** A grade's, a report's or an area's audit trail, corrections and ticks in words; read again after every change. */
export function ItemHistory({ id, target, itemId, actions }: Props) {
  const history = useHistory(actions.client, target, itemId, actions.revision);
  return (
    <div id={id} className="item-history">
      <History history={history} line={historyTextOf(target)} empty="Nothing changed since it was extracted." />
    </div>
  );
}

/** The button that shows or hides an item's history beside it. */
export function HistoryToggle({ open, controls, what, onToggle }: { open: boolean; controls: string; what: string; onToggle(): void }) {
  return (
    <button type="button" className="link-button" aria-expanded={open} aria-controls={open ? controls : undefined} onClick={onToggle}>
      History<span className="visually-hidden"> of {what}</span>
    </button>
  );
}
