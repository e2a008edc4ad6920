import { useId } from 'react';
import { MARKINGS, type Marking } from '../../../src-core/brief/definition';

const MEANING: Record<Marking, string> = {
  OFFICIAL: 'Routine business; could be published without harm.',
  'OFFICIAL-SENSITIVE': 'Would cause harm if lost or shared beyond its audience (need-to-know).',
};

interface Props {
  marking: Marking | null;
  caveat: string;
  problem?: string;
  caveatProblem?: string;
  onMarking(marking: Marking): void;
  onCaveat(caveat: string): void;
}

/**
 * The protective marking: a required choice with nothing chosen at first (pack-form.ts says why),
 * and an optional handling caveat printed after it on every page.
 */
export function MarkingField({ marking, caveat, problem, caveatProblem, onMarking, onCaveat }: Props) {
  const id = useId();
  return (
    <fieldset
      className={`brief-fieldset brief-marking${marking ? '' : ' brief-marking--unset'}`}
      aria-describedby={problem ? `${id}-problem` : undefined}
    >
      <legend>
        Protective marking <span className="brief-required">(required)</span>
      </legend>
      {MARKINGS.map((m) => (
        <label key={m} className="brief-radio">
          <input type="radio" name={`${id}-marking`} value={m} required checked={marking === m} onChange={() => onMarking(m)} />
          <span>
            <span className="brief-marking-name">{m}</span>
            <span className="brief-hint">{MEANING[m]}</span>
          </span>
        </label>
      ))}
      {problem && (
        <p className="brief-problem" id={`${id}-problem`}>
          {problem}
        </p>
      )}
      <label className="brief-label" htmlFor={`${id}-caveat`}>
        Handling caveat <span className="brief-optional">(optional)</span>
      </label>
      <input
        id={`${id}-caveat`}
        className="brief-input"
        type="text"
        value={caveat}
        maxLength={120}
        placeholder="e.g. Not for onward circulation"
        aria-describedby={`${id}-caveat-hint`}
        onChange={(e) => onCaveat(e.target.value)}
      />
      <p className="brief-hint" id={`${id}-caveat-hint`}>
        {caveatProblem ?? 'Printed in capitals after the marking, at the top and bottom of every page.'}
      </p>
    </fieldset>
  );
}
