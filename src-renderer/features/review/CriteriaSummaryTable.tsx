import type { CriterionSummary } from '../../../src-core/samples/stats';
import { proportionText } from './review-format';
import { SmallSampleMark } from './SmallSampleMark';

/** Every criterion over the force's case files: yes, no, not applicable, n, and the proportion with its interval. */
export function CriteriaSummaryTable({ criteria, caption }: { criteria: CriterionSummary[]; caption: string }) {
  return (
    <table className="data-table review-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Criterion</th>
          <th scope="col" className="num">
            Yes
          </th>
          <th scope="col" className="num">
            No
          </th>
          <th scope="col" className="num">
            N/A
          </th>
          <th scope="col" className="num">
            n
          </th>
          <th scope="col">Proportion (95 % interval)</th>
        </tr>
      </thead>
      <tbody>
        {criteria.map((c) => (
          <tr key={c.key} className={c.smallSample ? 'is-small-sample' : undefined}>
            <th scope="row">{c.label}</th>
            <td className="num">{c.yes}</td>
            <td className="num">{c.no}</td>
            <td className="num">{c.na}</td>
            <td className="num">{c.n}</td>
            <td className="value">
              {proportionText(c)}
              {c.smallSample && c.n > 0 && (
                <>
                  {' '}
                  <SmallSampleMark n={c.n} />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
