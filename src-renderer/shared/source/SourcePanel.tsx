import { SourceView } from './SourceView';
import type { SourcePanelState } from './source-context';
import type { SourceSelection } from './source-target';
import './source.css';

interface Props {
  panel: SourcePanelState;
  /** Text selected in the source (or a page of pictures picked whole), for "Add figure from the source". */
  onSelection?: (selection: SourceSelection) => void;
}

/**
 * The Source panel: the original of the item a Show source button named, beside the item (a region
 * in the view's layout, not a dialog), with the item's words highlighted. Nothing while no item is
 * shown; a report's original is read when the panel first shows one of its items.
 */
export function SourcePanel({ panel, onSelection }: Props) {
  const { target } = panel;
  if (!target) return null;
  return <SourceView key={target.reportId} target={target} panel={panel} onSelection={onSelection} />;
}
