import { useId, useState } from 'react';
import { FACET_NAMES, type FacetCount, type FacetName } from '../../../src-core/query/model/facets';
import { capitalised } from '../../../src-core/text/display';
import { FacetGroup } from './FacetGroup';
import { facetCount, type FacetSelection } from './findings-query';
import type { Facets } from './use-facets';

const TITLES: Record<FacetName, string> = { report: 'Report', section: 'Section', kind: 'Kind', tag: 'Tag', status: 'Status', rag: 'RAG' };

/** How a value reads in the panel; the query still gets `value`. */
function display(facet: FacetName, c: FacetCount): FacetCount {
  if (facet === 'kind' || facet === 'status') return { ...c, label: capitalised(c.label) };
  if (facet === 'rag') return { ...c, label: c.value === 'none' ? 'Not rated' : capitalised(c.label) };
  return c;
}

interface Props {
  facets: Facets | null;
  selection: FacetSelection;
  problem: string | null;
  /** The grid's column filters, as "Section contains …". */
  columnFilters: { colId: string; label: string; value: string }[];
  onToggle(facet: FacetName, value: string): void;
  onRemoveColumnFilter(colId: string): void;
  onClear(): void;
}

/**
 * Counts by report, section, kind, tag, status and RAG (SQL GROUP BY in the worker: AG Grid
 * Community has no set filter). Each facet's counts follow every other filter, so they say what
 * pressing a value would leave.
 */
export function FacetPanel({ facets, selection, problem, columnFilters, onToggle, onRemoveColumnFilter, onClear }: Props) {
  // Labels seen so far, for pressed values the current counts no longer list (a report id has no
  // other name). Gathered while rendering, as React's "storing information from previous renders".
  const id = useId();
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [seen, setSeen] = useState<Facets | null>(null);
  if (facets !== seen) {
    setSeen(facets);
    const next = { ...labels };
    for (const name of FACET_NAMES) for (const c of facets?.[name] ?? []) next[`${name}:${c.value}`] = display(name, c).label;
    setLabels(next);
  }
  const groups = FACET_NAMES.map((name) => {
    const counts = (facets?.[name] ?? []).map((c) => display(name, c));
    const missing = (selection[name] ?? [])
      .filter((v) => !counts.some((c) => c.value === v))
      .map((v) => ({ value: v, label: labels[`${name}:${v}`] ?? v, count: 0 }));
    return { name, counts: [...missing, ...counts] };
  });
  return (
    <aside className="facets" aria-label="Facets" aria-busy={facets === null || undefined}>
      <div className="facets-head">
        <h2 className="facets-title">Facets</h2>
        <button type="button" className="link-button" disabled={facetCount(selection) + columnFilters.length === 0} onClick={onClear}>
          Clear filters
        </button>
      </div>
      {problem && (
        <p className="inline-problem" role="alert">
          The counts could not be worked out: {problem}. Change the search or filters to try again.
        </p>
      )}
      {columnFilters.length > 0 && (
        <div className="facet" role="group" aria-labelledby={`${id}-columns`}>
          <h3 id={`${id}-columns`}>Column filters</h3>
          <ul>
            {columnFilters.map((f) => (
              <li key={f.colId} className="column-filter">
                <span>
                  {f.label} contains “{f.value}”
                </span>
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove the filter ${f.label} contains ${f.value}`}
                  onClick={() => onRemoveColumnFilter(f.colId)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {facets === null && !problem && <p className="field-hint">Counting…</p>}
      {facets &&
        groups.map((g) => (
          <FacetGroup
            key={g.name}
            title={TITLES[g.name]}
            counts={g.counts}
            selected={selection[g.name] ?? []}
            onToggle={(v) => onToggle(g.name, v)}
          />
        ))}
    </aside>
  );
}
