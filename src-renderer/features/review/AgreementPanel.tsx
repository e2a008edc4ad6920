import { useId } from 'react';
import type { Agreement } from '../../../src-core/samples/stats';
import { scoreText } from '../../../src-core/text/display';
import { kappaText, kappaWords, plural } from './review-format';
import { SyntheticLabel } from './SyntheticLabel';

/**
 * Where two reviewers scored the same case file: Cohen's kappa per criterion (agreement beyond
 * chance) and the files they scored differently, so the analyst can read those files again.
 */
export function AgreementPanel({ agreement, synthetic }: { agreement: Agreement[]; synthetic: boolean }) {
  const headingId = useId();
  const scored = Math.max(0, ...agreement.map((a) => a.n));
  return (
    <section className="review-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>Agreement between reviewers</h3>
      {synthetic && <SyntheticLabel compact />}
      {scored === 0 ? (
        <p className="muted">No case file was scored by two reviewers, so their agreement cannot be measured.</p>
      ) : (
        <>
          <p className="muted">
            {plural(scored, 'case file')} scored by two reviewers. Cohen’s kappa is agreement beyond chance: 1 is perfect, 0 no better than
            chance (words after Landis and Koch).
          </p>
          <table className="data-table review-table">
            <caption>Cohen’s kappa by criterion</caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col" className="num">
                  Files
                </th>
                <th scope="col" className="num">
                  Kappa
                </th>
                <th scope="col">Agreement</th>
                <th scope="col">Files scored differently</th>
              </tr>
            </thead>
            <tbody>
              {agreement.map((a) => (
                <tr key={a.key}>
                  <th scope="row">{a.label}</th>
                  <td className="num">{a.n}</td>
                  <td className="num value">{kappaText(a.kappa)}</td>
                  <td>{a.kappa === null && a.disagreements.length === 0 ? 'complete (every score the same)' : kappaWords(a.kappa)}</td>
                  <td>
                    {a.disagreements.length === 0 ? (
                      <span className="muted">None</span>
                    ) : (
                      <ul className="disagreements">
                        {a.disagreements.map((d) => (
                          <li key={`${d.force}-${d.caseRef}`}>
                            <strong>{d.caseRef}</strong>: {d.scores.map((s) => `${s.reviewer} ${scoreText(s.value)}`).join(', ')}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
