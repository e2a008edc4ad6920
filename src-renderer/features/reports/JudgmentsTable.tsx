import type { OverviewJudgment } from '../../../src-core/query/model/overview';
import { GradeBadge } from './GradeBadge';

/** Where a grade was read: the judgments table or a grade line, or a sentence of the report, quoted. */
function readFrom(j: OverviewJudgment) {
  if (!j.quote && !j.change) return <span className="muted">Table or grade line</span>;
  return (
    <>
      {j.quote && <q className="judgment-quote">{j.quote}</q>}
      {j.change && (
        <span className="judgment-change">
          The report says it {j.change.direction === 'unchanged' ? 'is unchanged' : `has ${j.change.direction}`}
          {j.change.since ? ` since ${j.change.since}` : ''}: <q>{j.change.quote}</q>
        </span>
      )}
    </>
  );
}

export function JudgmentsTable({ force, judgments }: { force: string; judgments: OverviewJudgment[] }) {
  return (
    <table className="data-table judgments">
      <caption>Judgments for {force}</caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Grade</th>
          <th scope="col" className="num">
            Last inspected
          </th>
          <th scope="col">Read from</th>
        </tr>
      </thead>
      <tbody>
        {judgments.map((j) => (
          <tr key={j.question} className={j.isOverall ? 'is-overall' : undefined}>
            <th scope="row">{j.question}</th>
            <td>
              <GradeBadge grade={j.grade} />
            </td>
            <td className="num">{j.lastInspected ?? 'Not stated'}</td>
            <td className="judgment-source">{readFrom(j)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
