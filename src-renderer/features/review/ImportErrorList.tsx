import { useId } from 'react';
import type { SampleError } from '../../../src-core/samples/validate';
import { plural } from './review-format';

/** Every problem found in the file, by row, column, value and what was expected; nothing was imported. */
export function ImportErrorList({ name, errors }: { name: string; errors: SampleError[] }) {
  const headingId = useId();
  return (
    <section className="import-errors" role="alert" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Nothing was imported: {plural(errors.length, 'problem')} in {name}
      </h3>
      <p>Correct the file (or the mapping below) and import it again. The workspace is as it was.</p>
      {/* Focusable, so that the list scrolls with the keyboard too (it can be longer than its box). */}
      <div className="import-errors-scroll" tabIndex={0} role="region" aria-label="Problems found, scrollable">
        <table className="data-table review-table">
          <caption className="muted">Problems found</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Expected</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={i}>
                <td className="num">{e.row}</td>
                <td>{e.column || '—'}</td>
                <td className="import-error-value">{e.value === '' ? <span className="muted">(empty)</span> : e.value}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
