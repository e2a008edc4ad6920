import { sentence } from '../../shared/text/words';
import { countsText } from './import-text';
import type { ImportOutcome } from './use-report-import';

/** One file's import: what was added, why it was a duplicate, or why it was refused. */
export function ImportOutcomeItem({ outcome }: { outcome: ImportOutcome }) {
  if (outcome.status === 'failed') {
    return (
      <li className="import-outcome import-outcome--failed">
        <strong>{outcome.name} was not imported.</strong> {sentence(outcome.message)} Nothing in the workspace was changed.
      </li>
    );
  }
  const r = outcome.result;
  if (r.status === 'duplicate') {
    return (
      <li className="import-outcome import-outcome--duplicate">
        <strong>Duplicate detected: {outcome.name} was not imported.</strong> {sentence(r.reason)}
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
