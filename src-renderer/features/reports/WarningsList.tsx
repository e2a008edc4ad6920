import { useId } from 'react';
import type { WarningRow } from '../../db/overview';

/** What extraction could not vouch for: shown above the figures so it is read before them. */
export function WarningsList({ source, warnings }: { source: string; warnings: WarningRow[] }) {
  const headingId = useId();
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Extraction warnings ({warnings.length}) — check against {source}
      </h3>
      <ul>
        {warnings.map((w) => (
          <li key={w.id}>
            {w.where && <span className="where">{w.where}: </span>}
            {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
