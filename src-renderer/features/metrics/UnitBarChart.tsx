import type { ChartConfiguration } from 'chart.js';
import { useEffect, useId, useRef } from 'react';
import { barLabel, groupSummary, type UnitGroup } from './chart-data';
import { chartJs, EW_COLOUR, FORCE_COLOUR } from './chart-setup';
import { numberText } from './metric-format';

interface Props {
  group: UnitGroup;
  forceLabel: string;
  severalReports: boolean;
}

/** Height grows with the bars and their labels' lines, so no label is squeezed or skipped; a canvas cannot reflow text. */
const chartHeight = (labels: string[][]) => 56 + labels.reduce((h, lines) => h + Math.max(52, 18 + lines.length * 15), 0);

const labelsOf = ({ group, severalReports }: Pick<Props, 'group' | 'severalReports'>) =>
  group.metrics.map((m) => barLabel(m, severalReports));

function config({ group, forceLabel, severalReports }: Props): ChartConfiguration<'bar', number[], string[]> {
  const value = (n: number) => `${numberText(n)} ${group.unit}`;
  return {
    type: 'bar',
    data: {
      labels: labelsOf({ group, severalReports }),
      datasets: [
        { label: forceLabel, data: group.metrics.map((m) => m.force ?? 0), backgroundColor: FORCE_COLOUR, borderRadius: 2 },
        { label: 'England and Wales', data: group.metrics.map((m) => m.englandWales ?? 0), backgroundColor: EW_COLOUR, borderRadius: 2 },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      // Redrawn on every selection change; motion would only make the numbers harder to read.
      animation: false,
      datasets: { bar: { categoryPercentage: 0.72, barPercentage: 0.9 } },
      plugins: {
        // The section shows one legend for every chart (the same two series throughout).
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${value(item.parsed.x ?? 0)}` } },
      },
      scales: {
        x: { beginAtZero: true, grid: { color: '#e3e7ec' }, border: { display: false }, ticks: { callback: (v) => numberText(Number(v)) } },
        // Every bar keeps its label: Chart.js would otherwise drop labels it thinks are crowded.
        y: { grid: { display: false }, ticks: { color: '#1b1f24', autoSkip: false } },
      },
    },
  };
}

/** One unit's metrics as grouped bars (force, England and Wales), on an axis in that unit only. */
export function UnitBarChart(props: Props) {
  const { group, forceLabel, severalReports } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  const titleId = useId();
  const summaryId = useId();

  useEffect(() => {
    if (!canvas.current) return;
    const Chart = chartJs();
    const chart = new Chart(canvas.current, config({ group, forceLabel, severalReports }));
    return () => chart.destroy();
  }, [group, forceLabel, severalReports]);

  const summary = groupSummary(group, forceLabel, severalReports);
  return (
    <figure className="unit-chart" aria-labelledby={titleId}>
      <figcaption id={titleId} className="unit-chart-title">
        {group.unit}
      </figcaption>
      {/* The height is data-dependent; React sets it through the CSSOM, which the CSP allows. */}
      <div className="unit-chart-canvas" style={{ height: chartHeight(labelsOf(props)) }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Bar chart of ${forceLabel} against England and Wales, ${group.unit}`}
          aria-describedby={summaryId}
        >
          {summary}
        </canvas>
      </div>
      <p id={summaryId} className="visually-hidden">
        {summary}
      </p>
    </figure>
  );
}
