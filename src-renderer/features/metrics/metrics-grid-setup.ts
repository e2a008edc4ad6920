import {
  CellStyleModule,
  ClientSideRowModelApiModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  EventApiModule,
  ModuleRegistry,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TooltipModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';
// Legacy (CSS file) theming, as in the findings grid: the Theming API would inject <style>
// elements, which the CSP (style-src 'self', no 'unsafe-inline') refuses.
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';

let registered = false;

/**
 * Community modules only. Metrics are few (about 16 a report, ~100k at the design's largest), so
 * the client-side row model holds them all and sorts in the page; rows are selected by checkbox
 * for the chart.
 */
export function registerMetricsGridModules(): void {
  if (registered) return;
  registered = true;
  // ColumnApiModule: Export reads the grid's sort and visible columns (getColumnState).
  const modules: Module[] = [
    ClientSideRowModelModule,
    RowApiModule,
    RowSelectionModule,
    TooltipModule,
    RowStyleModule,
    CellStyleModule,
    ColumnApiModule,
    // Verify and next walks the rows in the grid's order and brings the next one into view.
    ClientSideRowModelApiModule,
    ScrollApiModule,
    // The Chart column's header tick follows the selection (api.addEventListener).
    EventApiModule,
  ];
  if (import.meta.env.DEV) modules.push(ValidationModule);
  ModuleRegistry.registerModules(modules);
}
