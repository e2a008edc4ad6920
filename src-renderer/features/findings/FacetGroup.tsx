import { useId, useState } from 'react';
import type { FacetCount } from '../../../src-core/query/model/facets';

/** Enough to scan at a glance; the rest are a click away. */
const SHOWN = 8;

interface Props {
  title: string;
  counts: FacetCount[];
  selected: readonly string[];
  onToggle(value: string): void;
}

/**
 * One facet: its values with how many findings each would give, as toggle buttons. A pressed
 * value stays listed (with 0) even when the other filters leave nothing for it, so that it can
 * always be un-pressed.
 */
export function FacetGroup({ title, counts, selected, onToggle }: Props) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const listed = expanded ? counts : counts.filter((c, i) => i < SHOWN || selected.includes(c.value));
  const hidden = counts.length - listed.length;
  return (
    <div className="facet" role="group" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {counts.length === 0 ? (
        <p className="field-hint">None</p>
      ) : (
        <ul>
          {listed.map((c) => {
            const on = selected.includes(c.value);
            return (
              <li key={c.value}>
                <button type="button" className="facet-value" aria-pressed={on} onClick={() => onToggle(c.value)}>
                  <span className="facet-label">{c.label}</span> <span className="facet-count">{c.count.toLocaleString('en-GB')}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {(hidden > 0 || expanded) && counts.length > SHOWN && (
        <button type="button" className="link-button facet-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? `Show the first ${SHOWN}` : `Show all ${counts.length.toLocaleString('en-GB')}`}
        </button>
      )}
    </div>
  );
}
