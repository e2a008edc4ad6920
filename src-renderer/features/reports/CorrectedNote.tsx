import type { Correction } from '../../../src-core/query/model/metrics';

/**
 * The mark a corrected value carries, in words (never colour alone), with what was extracted:
 * "corrected · extracted: Good"; `label` names the field where the mark could be read as another's
 * ("period corrected"). The full trail, who and when, is in the item's history.
 */
export function CorrectedNote({ correction, label, long }: { correction: Correction | undefined; label?: string; long?: boolean }) {
  if (!correction) return null;
  // The space keeps the mark a word of its own when read out: "27 March 2018 corrected", not "2018corrected".
  return (
    <>
      {' '}
      <span className="corrected-note">
        <span className="corrected-mark">{label ? `${label} corrected` : 'corrected'}</span>{' '}
        <span className={long ? 'extracted extracted--long' : 'extracted'}>extracted: {correction.extracted}</span>
      </span>
    </>
  );
}
