import type { OverviewMetric } from '../../../src-core/query/model/overview';
import { sentenceStart } from './format';

const SOURCE_LABEL: Record<OverviewMetric['source'], string> = {
  'force-in-numbers': 'Force in numbers',
  text: 'Report text',
};

export function MetricsTable({ force, metrics }: { force: string; metrics: OverviewMetric[] }) {
  return (
    <table className="data-table metrics">
      <caption>Force in numbers and text metrics for {force}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">Period</th>
          <th scope="col" className="num">
            {force}
          </th>
          <th scope="col" className="num">
            England and Wales
          </th>
          <th scope="col">Unit</th>
          <th scope="col">Source</th>
          <th scope="col">Where</th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              {m.category && <span className="measure-category">{m.category}</span>}
              <span className="measure-label">{sentenceStart(m.label)}</span>
              {m.check !== 'unverified' && <span className={`check-mark check-mark--${m.check}`}>{m.check}</span>}
            </th>
            <td className={m.period ? undefined : 'muted'}>{m.period ?? 'Not stated'}</td>
            <td className="num value">{m.forceText}</td>
            <td className="num value">{m.ewText}</td>
            <td className="muted unit">{m.unit}</td>
            <td>
              <span className={`source source--${m.source}`}>{SOURCE_LABEL[m.source]}</span>
            </td>
            <td className="muted where">{m.where}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
