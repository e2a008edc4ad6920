import { useId, useMemo } from 'react';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { chartSelection } from './chart-data';
import { measureText } from '../../../src-core/text/display';
import { UnitBarChart } from './UnitBarChart';

interface Props {
  /** The selected metrics, in grid order. */
  metrics: MetricRow[];
  onClear: () => void;
  onDefault: () => void;
}

/**
 * Force against England and Wales for the selected metrics: one chart per unit, because a rate
 * per 1,000 people and a percentage on one axis would invite a comparison that means nothing.
 */
export function MetricsChart({ metrics, onClear, onDefault }: Props) {
  const headingId = useId();
  const selection = useMemo(() => chartSelection(metrics), [metrics]);
  const { groups, notDrawn, forceLabel, severalReports } = selection;
  return (
    <section className="metrics-chart" aria-labelledby={headingId}>
      <header className="metrics-chart-header">
        <h2 id={headingId}>Force against England and Wales</h2>
        {groups.length > 0 && (
          <p className="chart-legend" aria-hidden="true">
            <span className="chart-key chart-key--force" />
            {forceLabel}
            <span className="chart-key chart-key--ew" />
            England and Wales
          </p>
        )}
        <div className="metrics-chart-actions">
          <button type="button" className="link-button" onClick={onDefault}>
            Force in numbers of the first report
          </button>
          <button type="button" className="link-button" onClick={onClear} disabled={metrics.length === 0}>
            Clear the selection
          </button>
        </div>
      </header>
      {metrics.length === 0 ? (
        <p className="empty chart-empty">
          No metrics are selected. Tick the box at the start of a row in the table above to compare that figure with England and Wales.
        </p>
      ) : (
        <>
          <p className="chart-note">{metrics.length} selected · one chart per unit, so that only like figures share an axis.</p>
          <div className="unit-charts">
            {groups.map((g) => (
              <UnitBarChart key={g.key} group={g} forceLabel={forceLabel} severalReports={severalReports} />
            ))}
          </div>
          {notDrawn.length > 0 && (
            <p className="chart-note">
              Not drawn (the report gives no number for both):{' '}
              {notDrawn.map((m) => `${measureText(m.label)} (${m.forceText || '—'} against ${m.ewText || '—'})`).join('; ')}.
            </p>
          )}
        </>
      )}
    </section>
  );
}
