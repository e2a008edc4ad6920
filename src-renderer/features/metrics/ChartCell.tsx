import type { CustomCellRendererProps, CustomHeaderProps } from 'ag-grid-react';
import { useEffect, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { MetricRow } from '../../../src-core/query/model/metrics';
import { chartBoxName, chartAllName } from './chart-names';

/**
 * The tick that puts a metric on the chart. AG Grid's own selection checkbox names every row
 * "Press Space to toggle row selection (checked)", which says nothing about which row; this one is
 * the grid's row selection still (Space on a row toggles it, as before), named by its metric.
 */
export function ChartCell({ node, data }: CustomCellRendererProps<MetricRow>) {
  const [on, setOn] = useState(() => !!node.isSelected());
  useEffect(() => {
    const follow = () => setOn(!!node.isSelected());
    follow();
    node.addEventListener('rowSelected', follow);
    return () => node.removeEventListener('rowSelected', follow);
  }, [node]);
  if (!data) return null;
  return (
    <input
      type="checkbox"
      className="metric-chart-box"
      tabIndex={-1}
      checked={on}
      aria-label={chartBoxName(data)}
      onChange={(e) => node.setSelected(e.target.checked, false, 'checkboxSelected')}
    />
  );
}

type Tally = { shown: number; ticked: number };

function tally(api: GridApi<MetricRow>): Tally {
  let shown = 0;
  let ticked = 0;
  api.forEachNodeAfterFilter((n) => {
    shown += 1;
    if (n.isSelected()) ticked += 1;
  });
  return { shown, ticked };
}

/** Chart every metric the table shows, or none: the header's tick, named for what it acts on. */
export function ChartHeader({ api, eGridHeader }: CustomHeaderProps<MetricRow>) {
  const [count, setCount] = useState<Tally>(() => tally(api));
  const all = count.shown > 0 && count.ticked === count.shown;
  // Decided from the grid as it is now, not from the last render: a second click that comes before
  // the header has re-rendered still does what it shows.
  // The box shows the grid's new state at once: the grid may tell selectionChanged a moment later,
  // and a controlled box would meanwhile spring back to what it showed (a click seemingly lost).
  const toggle = () => {
    const now = tally(api);
    if (now.shown > 0 && now.ticked === now.shown) api.deselectAll('filtered', 'uiSelectAll');
    else api.selectAll('filtered', 'uiSelectAll');
    setCount(tally(api));
  };

  useEffect(() => {
    const follow = () => {
      if (!api.isDestroyed()) setCount(tally(api));
    };
    api.addEventListener('selectionChanged', follow);
    api.addEventListener('modelUpdated', follow);
    return () => {
      if (api.isDestroyed()) return;
      api.removeEventListener('selectionChanged', follow);
      api.removeEventListener('modelUpdated', follow);
    };
  }, [api]);

  // Focus rests on the header cell when the arrow keys reach it: Space there ticks, as on a row.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.target !== eGridHeader) return;
      e.preventDefault();
      toggle();
    };
    eGridHeader.addEventListener('keydown', onKey);
    return () => eGridHeader.removeEventListener('keydown', onKey);
  });

  return (
    <input
      type="checkbox"
      className="metric-chart-box"
      tabIndex={-1}
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = count.ticked > 0 && !all;
      }}
      disabled={count.shown === 0}
      aria-label={chartAllName(count.shown)}
      onChange={toggle}
    />
  );
}
