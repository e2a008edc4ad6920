import { useId, useState } from 'react';
import { CRITERIA, type CriterionKey } from '../../../src-core/samples/fields';
import type { SampleSummary } from '../../../src-core/samples/stats';
import { capitalised } from '../../../src-core/text/display';
import { proportionText } from './review-format';
import { SmallSampleMark } from './SmallSampleMark';

/** One criterion across the crime types: a table the analyst can read, rather than a wall of 56 intervals. */
export function CrimeTypeSummaryTable({ byCrimeType }: { byCrimeType: SampleSummary['byCrimeType'] }) {
  const id = useId();
  const [key, setKey] = useState<CriterionKey>('vulnerable_victim');
  const label = CRITERIA.find((c) => c.key === key)?.label ?? key;
  return (
    <div className="review-crime-types">
      <div className="review-field">
        <label htmlFor={id}>Criterion by crime type</label>
        <select id={id} value={key} onChange={(e) => setKey(e.target.value as CriterionKey)}>
          {CRITERIA.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <table className="data-table review-table">
        <caption>{label}, by crime type</caption>
        <thead>
          <tr>
            <th scope="col">Crime type</th>
            <th scope="col" className="num">
              Files
            </th>
            <th scope="col" className="num">
              Yes
            </th>
            <th scope="col" className="num">
              No
            </th>
            <th scope="col" className="num">
              N/A
            </th>
            <th scope="col">Proportion (95 % interval)</th>
          </tr>
        </thead>
        <tbody>
          {byCrimeType.map((t) => {
            const c = t.criteria.find((x) => x.key === key);
            if (!c) return null;
            return (
              <tr key={t.crimeType} className={c.smallSample ? 'is-small-sample' : undefined}>
                <th scope="row">{capitalised(t.crimeType)}</th>
                <td className="num">{t.n}</td>
                <td className="num">{c.yes}</td>
                <td className="num">{c.no}</td>
                <td className="num">{c.na}</td>
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
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
