import type { JudgmentRow } from '../../db/overview';
import { GradeBadge } from './GradeBadge';

export function JudgmentsTable({ force, judgments }: { force: string; judgments: JudgmentRow[] }) {
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
