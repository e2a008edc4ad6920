import { useId } from 'react';
import { sentence } from '../../shared/text/words';
import { refusalOf } from '../../shared/errors/analyst-words';
import { RefusalText } from '../../shared/errors/RefusalText';
import { countsText, keptText, reviewText } from './import-text';
import type { ImportOutcome } from './use-report-import';

/**
 * One file's import: what was added, why it was a duplicate (with the offer to replace the report
 * with it, keeping the analyst's checks), what a replace kept and left to review, or why it was refused.
 */
export function ImportOutcomeItem({ outcome }: { outcome: ImportOutcome }) {
  const headId = useId();
  if (outcome.status === 'failed') {
    return (
      <li className="import-outcome import-outcome--failed">
        <strong>{outcome.replacing ? `${outcome.name} did not replace the report.` : `${outcome.name} was not imported.`}</strong>{' '}
        <RefusalText refusal={refusalOf('report', outcome)} after="Nothing in the workspace was changed." about={outcome.name} />
      </li>
    );
  }
  const r = outcome.result;
  if (r.status === 'duplicate') {
    return (
      <li className="import-outcome import-outcome--duplicate">
        <strong id={headId}>Duplicate detected: {outcome.name} was not imported.</strong> {sentence(r.reason)}
        {outcome.replace && (
          <p className="import-replace">
            <button type="button" className="button" aria-describedby={headId} onClick={outcome.replace}>
              {r.by === 'file' ? 'Read it again with this version' : 'Replace with this file (keeps your checks)'}
            </button>{' '}
            {r.by === 'file'
              ? 'Reads the same file again with this version of the workbench; your corrections, verifications and annotations are kept where they still match.'
              : 'Your corrections, verifications and annotations are kept where their quote still matches; anything else is listed to review.'}
          </p>
        )}
      </li>
    );
  }
  if (r.status === 'replaced') {
    return (
      <li className="import-outcome import-outcome--imported import-outcome--replaced">
        <strong>Replaced {r.title}</strong> with {outcome.name}. {keptText(r.kept)}
        {r.toReview.length === 0 ? (
          ' Nothing to review: every check still matches.'
        ) : (
          <>
            {' '}
            {reviewText(r.toReview.length)}
            <ul className="import-review" aria-label={`To review after replacing ${r.title}`}>
              {r.toReview.map((item, i) => (
                <li key={i}>
                  {item.what} “{item.label}”: {item.detail}.
                </li>
              ))}
            </ul>
          </>
        )}
      </li>
    );
  }
  return (
    <li className="import-outcome import-outcome--imported">
      <strong>Imported {r.title}</strong> from {outcome.name}: {countsText(r)}.
      {r.counts.warnings > 0 && ' Check the extraction warnings below against the source.'}
    </li>
  );
}
