import { useId } from 'react';
import type { OverviewWarning } from '../../../src-core/query/model/overview';
import type { ReportActions } from './report-actions';
import { WarningItem } from './WarningItem';
import { warningsProgress } from './warning-state';

interface Props {
  source: string;
  warnings: OverviewWarning[];
  actions: ReportActions;
}

/** What extraction could not vouch for: shown above the figures so it is read before them, and settled one by one. */
export function WarningsList({ source, warnings, actions }: Props) {
  const headingId = useId();
  if (warnings.length === 0) return null;
  const done = warnings.every((w) => w.state !== 'open');
  return (
    <section className={done ? 'warnings warnings--done' : 'warnings'} aria-labelledby={headingId}>
      <h3 id={headingId}>
        Extraction warnings ({warnings.length}) — check against {source}
      </h3>
      <p className="warnings-progress">{warningsProgress(warnings)}</p>
      <ul>
        {warnings.map((w) => (
          <WarningItem key={w.id} warning={w} actions={actions} />
        ))}
      </ul>
    </section>
  );
}
