import { useId, type ReactNode } from 'react';
import { NO_FILTERS, type MetricsFilters } from './metrics-filters';

interface Props {
  filters: MetricsFilters;
  onChange: (filters: MetricsFilters) => void;
  reports: { id: number; name: string }[];
  /** Actions after the filters (Export). */
  children?: ReactNode;
}

/** Search and filters; each change is a query the DB worker runs (no SQL here). */
export function MetricsToolbar({ filters, onChange, reports, children }: Props) {
  const id = useId();
  const set = (change: Partial<MetricsFilters>) => onChange({ ...filters, ...change });
  const filtered = JSON.stringify(filters) !== JSON.stringify(NO_FILTERS);
  return (
    <div className="metrics-toolbar" role="search" aria-label="Metrics filters">
      <div className="metrics-field metrics-field--search">
        <label htmlFor={`${id}-search`}>Search metrics</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filters.search}
          placeholder="Words in the measure or quote"
          onChange={(e) => set({ search: e.target.value })}
        />
      </div>
      <div className="metrics-field">
        <label htmlFor={`${id}-report`}>Report</label>
        <select id={`${id}-report`} value={filters.report} onChange={(e) => set({ report: e.target.value })}>
          <option value="">All reports</option>
          {reports.map((r) => (
            <option key={r.id} value={String(r.id)}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div className="metrics-field">
        <label htmlFor={`${id}-source`}>Source</label>
        <select id={`${id}-source`} value={filters.source} onChange={(e) => set({ source: e.target.value as MetricsFilters['source'] })}>
          <option value="">All sources</option>
          <option value="force-in-numbers">Force in numbers</option>
          <option value="text">Report text</option>
        </select>
      </div>
      <div className="metrics-field">
        <label htmlFor={`${id}-check`}>Checked</label>
        <select id={`${id}-check`} value={filters.check} onChange={(e) => set({ check: e.target.value as MetricsFilters['check'] })}>
          <option value="">Checked or not</option>
          <option value="unverified">Not yet verified</option>
          <option value="verified">Verified</option>
          <option value="corrected">Corrected</option>
        </select>
      </div>
      {filtered && (
        <button type="button" className="link-button" onClick={() => onChange(NO_FILTERS)}>
          Clear filters
        </button>
      )}
      <div className="metrics-toolbar-end">{children}</div>
    </div>
  );
}
