import { useCallback, useEffect, useState } from 'react';
import type { MetricRow, MetricsQuery } from '../../../src-core/query/model/metrics';
import type { DbClient } from '../../db/db-client';
import type { MetricPatch } from './metric-edits';

export type MetricsLoad = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; rows: MetricRow[] };

interface Loaded {
  key: string;
  load: MetricsLoad;
}

const patchRows = (load: MetricsLoad, id: number, patch: MetricPatch): MetricsLoad =>
  load.status === 'ready' ? { ...load, rows: load.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) } : load;

/**
 * The workspace's metrics through the DB worker: all of them (for the report list, the chart and
 * the default selection) and those the filters select (for the grid), each read again when the
 * workspace changes. Without filters the grid shows `all` and no second query is made.
 */
export function useMetrics(client: DbClient, version: string, query: MetricsQuery) {
  const [all, setAll] = useState<Loaded>({ key: '', load: { status: 'loading' } });
  const [filtered, setFiltered] = useState<Loaded>({ key: '', load: { status: 'loading' } });
  const queryKey = JSON.stringify(query);
  const unfiltered = queryKey === '{}';

  useEffect(() => {
    let live = true;
    void client.metricsList({}).then((r) => {
      if (live) setAll({ key: version, load: r.ok ? { status: 'ready', rows: r.value } : { status: 'error', message: r.error.message } });
    });
    return () => {
      live = false;
    };
  }, [client, version]);

  useEffect(() => {
    if (unfiltered) return;
    let live = true;
    void client.metricsList(JSON.parse(queryKey) as MetricsQuery).then((r) => {
      if (live)
        setFiltered({
          key: `${version}|${queryKey}`,
          load: r.ok ? { status: 'ready', rows: r.value } : { status: 'error', message: r.error.message },
        });
    });
    return () => {
      live = false;
    };
  }, [client, version, queryKey, unfiltered]);

  /** Shows a durable edit in both lists without reading everything again (and without moving rows). */
  const patch = useCallback((id: number, p: MetricPatch) => {
    setAll((s) => ({ ...s, load: patchRows(s.load, id, p) }));
    setFiltered((s) => ({ ...s, load: patchRows(s.load, id, p) }));
  }, []);

  // Until a new answer arrives, the previous one stays on screen (no flash while typing a search).
  const shown = unfiltered ? all.load : filtered.key === '' ? { status: 'loading' as const } : filtered.load;
  const searching = !unfiltered && filtered.key !== `${version}|${queryKey}`;
  return { all: all.load, shown, searching, patch };
}
