import { useId } from 'react';
import type { OverviewWarning } from '../../../src-core/query/model/overview';
import { WarningItem } from './WarningItem';

interface Props {
  source: string;
  warnings: OverviewWarning[];
  onCheck: (warning: OverviewWarning, checked: boolean) => Promise<boolean>;
}

/** What extraction could not vouch for: shown above the figures so it is read before them, and ticked off once checked. */
export function WarningsList({ source, warnings, onCheck }: Props) {
  const headingId = useId();
  if (warnings.length === 0) return null;
  const open = warnings.filter((w) => !w.checked).length;
  return (
    <section className={open === 0 ? 'warnings warnings--done' : 'warnings'} aria-labelledby={headingId}>
      <h3 id={headingId}>
        Extraction warnings ({warnings.length}) — check against {source}
      </h3>
      <p className="warnings-progress">
        {open === 0
          ? 'All checked.'
          : `${open} of ${warnings.length} still to check. Tick each one once you have compared it with the source.`}
      </p>
      <ul>
        {warnings.map((w) => (
          <WarningItem key={w.id} warning={w} onCheck={onCheck} />
        ))}
      </ul>
    </section>
  );
}
