import {
  CellStyleModule,
  ColumnApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  RenderApiModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  type Module,
} from 'ag-grid-community';
// Legacy (CSS file) theming, on purpose: the Theming API injects <style> elements at run time,
// which a CSP without 'unsafe-inline' in style-src blocks (a fixed nonce would defeat the point).
// These stylesheets are bundled and served from the app's own origin like the rest of the CSS;
// the icon font inside them is a data: URL (font-src data:), so nothing is fetched.
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz.css';

let registered = false;

/** Community modules only (no Enterprise, so no licence key and no watermark), registered once. */
export function registerGridModules(): void {
  if (registered) return;
  registered = true;
  const modules: Module[] = [
    InfiniteRowModelModule,
    TooltipModule,
    // Column filters (translated to SQL by the datasource), selection driving the detail panel,
    // and the API calls saved views and keyboard handling use.
    TextFilterModule,
    RowSelectionModule,
    ColumnApiModule,
    RowApiModule,
    ScrollApiModule,
    RenderApiModule,
    // The RAG column's coloured dot (cellClass).
    CellStyleModule,
  ];
  // Names missing modules and wrong options in development; too heavy to ship.
  if (import.meta.env.DEV) modules.push(ValidationModule);
  ModuleRegistry.registerModules(modules);
}
