import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePanelRef } from 'react-resizable-panels';
import { z } from 'zod';
import type { FacetName } from '../../../src-core/query/model/facets';
import { searchTerms, type FindingRow } from '../../../src-core/query/model/findings';
import type { Host } from '../../../src-core/host/contract';
import type { SavedView } from '../../../src-core/query/model/saved-views';
import type { DbClient } from '../../db/db-client';
import { NameDialog } from '../../ui/NameDialog';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { ColumnsMenu, type ColumnChoice } from './ColumnsMenu';
import { FacetPanel } from './FacetPanel';
import type { FindingsGridContext } from './finding-edits';
import { annotationEdit } from '../../../src-core/annotations/annotation-edit';
import { FindingDetailPanel } from './FindingDetailPanel';
import { FindingsGrid } from './FindingsGrid';
import { FINDING_COLUMNS } from './findings-columns';
import { containsOf, facetCount, findingsQuery, toggleFacet, withContains, type FacetSelection } from './findings-query';
import { FindingsEmpty } from './FindingsEmpty';
import { columnStateOf, definitionOf, parseFindingsView } from './saved-view-definition';
import { SavedViewsMenu } from './SavedViewsMenu';
import './findings.css';
import { useFacets } from './use-facets';
import { useFindingDetail } from './use-finding-detail';
import { useSavedViews } from './use-saved-views';
import { ExportGridMenu } from '../../shared/grid-export/ExportGridMenu';
import type { FindingsFilter } from '../../shared/grid-export/filter-text';
import { UndoRedoButtons } from '../../shared/UndoRedoButtons';
import { findingsExportSpec, findingsFilterOf } from './findings-export';
import { findingsDatasource, sortOf } from './findings-datasource';
import { sortState } from '../../shared/grid-export/grid-state';
import { useSourcePanel } from '../../shared/source/source-context';
import { SourcePanel } from '../../shared/source/SourcePanel';
import { SourceScope } from '../../shared/source/SourceScope';
import { Dock, DockPanel, DockSplitter } from '../../ui/Dock';
import { usePersistentState } from '../../ui/use-persistent-state';
import {
  columnStateSchema,
  DATA_NOTE,
  dataNoteCount,
  densitySchema,
  facetSelectionSchema,
  filterModelSchema,
  KEYS,
  placeSchema,
  reportColumnNeeded,
  withDataNotes,
  type Density,
  type Place,
  type RememberedColumns,
} from './findings-desk';
import { locateFinding } from './locate-finding';

const HEADERS = new Map(FINDING_COLUMNS.map((c) => [c.colId ?? '', c.headerName ?? c.colId ?? '']));

function columnChoices(api: GridApi<FindingRow> | null): ColumnChoice[] {
  const state = api?.getColumnState() ?? FINDING_COLUMNS.map((c) => ({ colId: c.colId ?? '', hide: false }));
  return state.map((s) => ({ colId: s.colId, label: HEADERS.get(s.colId) ?? s.colId, visible: !s.hide }));
}

type Dialog = { kind: 'save' } | { kind: 'rename'; view: SavedView } | null;

/**
 * A request from elsewhere (the command palette) to show a finding or open a saved view here; a
 * new nonce is a new request. The same type as app/reveal.ts's, matched by structure (features do
 * not import app/).
 */
export type FindingsReveal = { kind: 'finding'; id: number; nonce: number } | { kind: 'savedView'; id: number; nonce: number };

const COLLAPSED = z.object({ facets: z.boolean(), detail: z.boolean() });
/** Below this window width the facets start folded, so the grid and the detail panel keep their room. */
const NARROW = 1200;

interface Props {
  host: Host;
  client: DbClient;
  /** Told the grid's filter whenever it changes: the Briefing view can take its findings from it. */
  onFilter(filter: FindingsFilter): void;
  reveal?: FindingsReveal | null;
  /** Told once a request is taken in, so that it is not shown again when the view is next built. */
  onRevealed?(nonce: number): void;
}

/**
 * Every finding in the workspace, paged from SQL as the analyst scrolls: searched through FTS,
 * narrowed by facets and column filters, read and annotated in the detail panel, and saved as
 * named views. Every change is an edit through the DB worker, undoable, and shown as saved only
 * once it is durable.
 */
export function FindingsView({ host, client, onFilter, reveal = null, onRevealed }: Props) {
  const searchId = useId();
  const [search, setSearch] = usePersistentState(KEYS.search, '', z.string().max(500), 300);
  // Short enough that results are on screen within 200 ms of the last key on a large workspace (docs/PERFORMANCE.md).
  const query = useDebouncedValue(search.trim(), 120);
  const [facetSelection, setFacetSelection] = usePersistentState<FacetSelection>(KEYS.facets, {}, facetSelectionSchema);
  const [gridFilters, setGridFilters] = usePersistentState<Record<string, unknown>>(
    KEYS.filters,
    {},
    filterModelSchema as unknown as z.ZodType<Record<string, unknown>>,
  );
  const [rememberedColumns, setRememberedColumns] = usePersistentState<RememberedColumns | null>(
    KEYS.columns,
    null,
    columnStateSchema.nullable(),
  );
  const [density, setDensity] = usePersistentState<Density>(KEYS.density, 'compact', densitySchema);
  const [showDataNotes, setShowDataNotes] = usePersistentState(KEYS.dataNotes, false, z.boolean());
  const [place, setPlace] = usePersistentState<Place>(KEYS.place, { selectedId: null, firstRow: 0 }, placeSchema, 300);
  const [sections, setSections] = usePersistentState<Record<string, boolean>>(KEYS.sections, {}, z.record(z.string().max(20), z.boolean()));
  const [collapsed, setCollapsed] = usePersistentState(
    'findings:collapsed',
    () => ({ facets: typeof window !== 'undefined' && window.innerWidth < NARROW, detail: false }),
    COLLAPSED,
  );
  const [columns, setColumns] = useState<ColumnChoice[]>(() => columnChoices(null));
  const [count, setCount] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const selectedId = place.selectedId;
  const setSelectedId = useCallback(
    (id: number | null) => setPlace((p) => (p.selectedId === id ? p : { ...p, selectedId: id })),
    [setPlace],
  );
  const [focusRequest, setFocusRequest] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [gridReady, setGridReady] = useState(false);
  // The Source panel, beside the finding's detail when the analyst asks for a finding's (or a footnote's) source.
  const source = useSourcePanel();
  const api = useRef<GridApi<FindingRow> | null>(null);
  const focusedRow = useRef<number | null>(null);
  const facetsPanel = usePanelRef();
  const detailPanel = usePanelRef();
  // Rows to scroll to and a finding to select once the grid's rows are in (after a reload or a reveal).
  // `whenBase`: wait for the rows of this query (the search and filters were just cleared).
  const pending = useRef<{ row: number; select: number | null; align: 'top' | 'middle'; whenBase?: string } | null>({
    row: place.firstRow,
    select: place.selectedId,
    align: 'top',
  });
  // Whether the Report column was shown or hidden by the analyst (then it is theirs) or still follows the workspace.
  const columnsChosen = useRef(rememberedColumns !== null);

  const base = useMemo(() => withDataNotes(findingsQuery(query, facetSelection), showDataNotes), [query, facetSelection, showDataNotes]);
  const baseKey = useRef('');
  useEffect(() => {
    baseKey.current = JSON.stringify(base);
  }, [base]);
  const terms = useMemo(() => searchTerms(query), [query]);
  const datasource = useMemo(
    () => findingsDatasource(client, base, { onCount: setCount, onError: (m) => setProblem(`The findings could not be read: ${m}`) }),
    [client, base],
  );
  // The worker answers one request at a time: the facet counts (six GROUP BYs) are asked for a
  // moment after the rows, so that the grid's first page is never queued behind them.
  const facetQuery = useDebouncedValue(
    useMemo(() => withContains(base, gridFilters), [base, gridFilters]),
    300,
  );
  const facets = useFacets(client, facetQuery, version);
  // How many data notes the search and filters hold: unknown while the counts are an older query's.
  const currentKey = useMemo(() => JSON.stringify(withContains(base, gridFilters)), [base, gridFilters]);
  const dataNotes = facets.key === currentKey ? dataNoteCount(facets.facets?.kind) : null;
  const multiReport = reportColumnNeeded(facets.facets?.report);
  const detail = useFindingDetail(client, selectedId, version);
  const saved = useSavedViews(client);
  // Reports are named in an export's filter line as the facet panel names them ("Gwent 2017").
  const reportLabel = useCallback((id: number) => facets.facets?.report.find((f) => f.value === String(id))?.label, [facets.facets]);
  // The Briefing view can take its findings from "the Findings grid's current filter".
  useEffect(
    () => onFilter(findingsFilterOf(base, gridFilters, { report: reportLabel, column: (c) => HEADERS.get(c) })),
    [onFilter, base, gridFilters, reportLabel],
  );

  // Whatever changed the data (an edit here, an undo from the menu), the rows, counts and detail are read again.
  useEffect(
    () =>
      client.onDataChange((change) => {
        if (change.op.startsWith('view.')) return;
        datasource.forget();
        api.current?.refreshInfiniteCache();
        setVersion((v) => v + 1);
      }),
    [client, datasource],
  );

  const setIncludeInBrief = useCallback(
    async (row: FindingRow, value: boolean) => {
      const edit = annotationEdit({ type: 'finding', id: row.id }, { field: 'includeInBrief', value });
      const result = await client.edit(edit.op, edit.params);
      setProblem(result.ok ? null : `The change was not saved: ${result.error.message}. Try again; the finding keeps its previous value.`);
      return result.ok;
    },
    [client],
  );
  const context = useMemo<FindingsGridContext>(
    () => ({ setIncludeInBrief, terms, multiReport: multiReport === true }),
    [setIncludeInBrief, terms, multiReport],
  );

  // The Report column is noise in a one-report workspace: hidden there, shown when there are more,
  // until the analyst chooses it in the Columns menu.
  useEffect(() => {
    const grid = api.current;
    if (columnsChosen.current || multiReport === null || !grid || grid.isDestroyed()) return;
    grid.setColumnsVisible(['report'], multiReport);
    setColumns(columnChoices(grid));
  }, [multiReport]);

  const rememberColumns = useCallback(
    (grid: GridApi<FindingRow>) => {
      setRememberedColumns(
        grid.getColumnState().map((c) => ({
          colId: c.colId,
          hide: c.hide ?? null,
          width: c.width ?? null,
          flex: c.flex ?? null,
          sort: c.sort ?? null,
          sortIndex: c.sortIndex ?? null,
        })),
      );
    },
    [setRememberedColumns],
  );

  // Selects and scrolls to what `pending` asks for, once the rows are there.
  const settle = useCallback((grid: GridApi<FindingRow>) => {
    const want = pending.current;
    if (!want || grid.isDestroyed() || grid.getDisplayedRowCount() === 0) return;
    if (want.whenBase !== undefined && want.whenBase !== baseKey.current) return;
    const row = Math.min(want.row, grid.getDisplayedRowCount() - 1);
    grid.ensureIndexVisible(row, want.align);
    // Its block on its way: the next model update tries again. Once it is in, the place is settled,
    // whether or not the finding is still among the rows (the detail panel shows it either way).
    if (!grid.getDisplayedRowAtIndex(row)?.data) return;
    const node = want.select === null ? undefined : grid.getRowNode(String(want.select));
    if (node) {
      node.setSelected(true);
      if (node.rowIndex !== null) focusedRow.current = node.rowIndex;
      // Again until the grid, laying out the rows it just received (or its own height, when it has
      // just been shown), has it in view: a few frames at most.
      let frames = 0;
      const again = () => {
        if (grid.isDestroyed() || frames++ > 30) return;
        const range = grid.getVerticalPixelRange();
        const top = node.rowTop;
        if (top !== null && range.bottom > range.top && top >= range.top && top + (node.rowHeight ?? 0) <= range.bottom) return;
        grid.ensureNodeVisible(node, want.align);
        requestAnimationFrame(again);
      };
      requestAnimationFrame(again);
    }
    pending.current = null;
  }, []);

  const filtersOn = facetCount(facetSelection) + Object.keys(gridFilters).length;
  const clearFilters = () => {
    setFacetSelection({});
    api.current?.setFilterModel(null);
    setGridFilters({});
  };
  const clearAll = () => {
    setSearch('');
    clearFilters();
  };

  // A notice ("Saved the view …") is news for a moment, not a fixture.
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  const saveView = async (name: string): Promise<string | null> => {
    const grid = api.current;
    if (!grid) return 'The grid is not ready yet; try again in a moment.';
    const definition = definitionOf(search, facetSelection, grid.getFilterModel(), grid.getColumnState());
    const result = await client.edit('view.save', { name, view: 'findings', definition });
    if (!result.ok) return `The view was not saved: ${result.error.message}. Try again.`;
    setNotice(`Saved the view “${name}”.`);
    return null;
  };
  const renameView = async (view: SavedView, name: string): Promise<string | null> => {
    const result = await client.edit('view.rename', { id: view.id, name });
    if (!result.ok) return `The view was not renamed: ${result.error.message}. Choose another name.`;
    setNotice(`Renamed “${view.name}” to “${name}”.`);
    return null;
  };
  const deleteView = async (view: SavedView) => {
    const result = await client.edit('view.delete', { id: view.id });
    if (result.ok) setNotice(`Deleted the view “${view.name}”. Undo (Ctrl+Z) brings it back.`);
    else setProblem(`The view “${view.name}” was not deleted: ${result.error.message}. Try again.`);
  };
  const openView = (view: SavedView) => {
    const def = parseFindingsView(view.definition);
    const grid = api.current;
    if (!def || !grid) {
      setProblem(
        `The view “${view.name}” cannot be opened: it was saved in a form this version does not read. Delete it and save it again.`,
      );
      return;
    }
    setSearch(def.search);
    setFacetSelection(def.facets);
    grid.applyColumnState({ state: columnStateOf(def), applyOrder: true, defaultState: { sort: null } });
    grid.setFilterModel(Object.keys(def.filters).length ? def.filters : null);
    columnsChosen.current = true;
    rememberColumns(grid);
    setColumns(columnChoices(grid));
    setProblem(null);
    setNotice(`Opened the view “${view.name}”.`);
  };

  // A finding or saved view asked for from elsewhere (the command palette): shown once per nonce.
  const handledReveal = useRef<number | null>(null);
  const openViewLatest = useRef(openView);
  useEffect(() => {
    openViewLatest.current = openView;
  });
  useEffect(() => {
    if (!reveal || reveal.nonce === handledReveal.current) return;
    const grid = api.current;
    if (reveal.kind === 'savedView') {
      if (!saved.views || !grid) return; // once the views and the grid are in
      handledReveal.current = reveal.nonce;
      onRevealed?.(reveal.nonce);
      const view = saved.views.find((v) => v.id === reveal.id);
      // After this render, as the palette's other requests are (the grid may still be settling).
      void Promise.resolve().then(() => {
        if (view) openViewLatest.current(view);
        else
          setProblem(
            'That saved view is no longer in the workspace: it may have been deleted. Open the Saved views menu to choose another.',
          );
      });
      return;
    }
    handledReveal.current = reveal.nonce;
    onRevealed?.(reveal.nonce);
    const id = reveal.id;
    void (async () => {
      const sort = grid ? sortOf(sortState(grid.getColumnState()).map((c) => ({ colId: c.colId, sort: c.direction }))) : undefined;
      let whenBase: string | undefined;
      let row = await locateFinding(client, { ...withContains(base, grid?.getFilterModel()), ...(sort ? { sort } : {}) }, id);
      if (row === null) {
        // Hidden by the search, a facet, a column filter or the data-notes toggle: those are cleared.
        const found = await client.findingDetail(id);
        if (!found.ok || !found.value) {
          setProblem('That finding is no longer in the workspace (its report may have been removed).');
          return;
        }
        const show = showDataNotes || found.value.finding.kind === DATA_NOTE;
        const cleared = withDataNotes(findingsQuery('', {}), show);
        whenBase = JSON.stringify(cleared);
        row = await locateFinding(client, { ...cleared, ...(sort ? { sort } : {}) }, id);
        setSearch('');
        setFacetSelection({});
        grid?.setFilterModel(null);
        setGridFilters({});
        setShowDataNotes(show);
        setNotice('Cleared the search and filters to show the finding.');
      }
      pending.current = { row: row ?? 0, select: id, align: 'middle', ...(whenBase === undefined ? {} : { whenBase }) };
      setSelectedId(id);
      if (detailPanel.current?.isCollapsed()) detailPanel.current.expand();
      if (grid) settle(grid);
    })();
  }, [reveal, saved.views, gridReady]); // eslint-disable-line react-hooks/exhaustive-deps -- on a new request (or once the views and grid are in)

  // Folded panels keep nothing focusable: their contents are not rendered while folded.
  useEffect(() => {
    if (collapsed.facets) facetsPanel.current?.collapse();
    if (collapsed.detail) detailPanel.current?.collapse();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the remembered folds, at mount
  const togglePanel = (name: 'facets' | 'detail') => {
    const panel = name === 'facets' ? facetsPanel.current : detailPanel.current;
    if (!panel) return;
    if (panel.isCollapsed()) panel.expand();
    else panel.collapse();
  };
  const onPanelResize = (name: 'facets' | 'detail') => (size: { inPixels: number }) => {
    const folded = size.inPixels < 1;
    setCollapsed((c) => (c[name] === folded ? c : { ...c, [name]: folded }));
  };

  const toggleBrief = (row: FindingRow) => {
    const node = api.current?.getRowNode(String(row.id));
    const value = !row.includeInBrief;
    void setIncludeInBrief(row, value).then((ok) => {
      if (!ok) return;
      if (node?.data) node.setData({ ...node.data, includeInBrief: value });
      setNotice(`${value ? 'Included' : 'Left out'} paragraph ${row.paragraph} of ${row.section} ${value ? 'in' : 'of'} the brief.`);
    });
  };
  const backToGrid = () => {
    const grid = api.current;
    const row = focusedRow.current;
    if (!grid || row === null) return;
    grid.ensureIndexVisible(row);
    grid.setFocusedCell(row, grid.getFocusedCell()?.column ?? 'text');
  };

  const workspaceEmpty = count === 0 && !query && filtersOn === 0 && dataNotes === 0;
  // null while the counts are on their way: the empty state then waits to say what it hides.
  const hiddenDataNotes = showDataNotes || facetSelection.kind?.length ? 0 : dataNotes;
  const panels = source.target ? ['facets', 'grid', 'detail', 'source'] : ['facets', 'grid', 'detail'];

  return (
    <div className="view view--fill findings">
      <div className="findings-toolbar">
        <label htmlFor={searchId}>Search findings</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Words in the text" />
        <p className="findings-count" aria-live="polite">
          {count === null ? 'Counting findings…' : `${count.toLocaleString('en-GB')} ${count === 1 ? 'finding' : 'findings'}`}
          {query && ` matching “${query}”`}
        </p>
        <label
          className="findings-switch"
          title="Data notes are the tables and annexes read as paragraphs: shown with the findings, or hidden"
        >
          <input
            type="checkbox"
            checked={showDataNotes || Boolean(facetSelection.kind?.length)}
            disabled={Boolean(facetSelection.kind?.length)}
            onChange={(e) => setShowDataNotes(e.target.checked)}
          />
          Show data notes{dataNotes === null ? '' : ` (${dataNotes.toLocaleString('en-GB')})`}
        </label>
        <button
          type="button"
          className="button findings-density"
          aria-pressed={density === 'compact'}
          title="One line a row (on) or three lines (off)"
          onClick={() => setDensity((d) => (d === 'compact' ? 'comfortable' : 'compact'))}
        >
          Compact rows
        </button>
        <div className="findings-actions">
          <button type="button" className="button" aria-controls="findings-facets-panel" onClick={() => togglePanel('facets')}>
            {collapsed.facets ? 'Show facets' : 'Hide facets'}
          </button>
          <button type="button" className="button" aria-controls="findings-detail-panel" onClick={() => togglePanel('detail')}>
            {collapsed.detail ? 'Show detail' : 'Hide detail'}
          </button>
          <UndoRedoButtons client={client} />
          <SavedViewsMenu
            views={saved.views}
            problem={saved.problem}
            onSave={() => setDialog({ kind: 'save' })}
            onOpen={openView}
            onRename={(view) => setDialog({ kind: 'rename', view })}
            onDelete={(view) => void deleteView(view)}
          />
          <ColumnsMenu
            columns={columns}
            onChange={(colId, visible) => {
              const grid = api.current;
              if (!grid) return;
              grid.setColumnsVisible([colId], visible);
              columnsChosen.current = true;
              rememberColumns(grid);
              setColumns(columnChoices(grid));
            }}
          />
          <ExportGridMenu
            host={host}
            client={client}
            spec={() => findingsExportSpec(api.current, base, { report: reportLabel })}
            rowsText={count === null ? null : `${count.toLocaleString('en-GB')} ${count === 1 ? 'finding' : 'findings'}`}
          />
        </div>
        <p className="findings-notice" role="status">
          {notice}
        </p>
      </div>
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      <Dock id="findings" panels={panels} className="findings-dock">
        <DockPanel
          id="facets"
          panelRef={facetsPanel}
          defaultSize={170}
          minSize={140}
          maxSize="40%"
          collapsible
          onResize={onPanelResize('facets')}
        >
          <div id="findings-facets-panel" className="findings-panel">
            {!collapsed.facets && (
              <FacetPanel
                facets={facets.facets}
                selection={facetSelection}
                problem={facets.problem}
                columnFilters={(containsOf(gridFilters) ?? []).map((c) => ({
                  colId: c.column,
                  label: HEADERS.get(c.column) ?? c.column,
                  value: c.value,
                }))}
                onToggle={(facet: FacetName, value: string) => setFacetSelection((s) => toggleFacet(s, facet, value))}
                onRemoveColumnFilter={(colId) => {
                  const grid = api.current;
                  if (!grid) return;
                  const model = { ...grid.getFilterModel() };
                  delete model[colId];
                  grid.setFilterModel(model);
                }}
                onClear={clearFilters}
              />
            )}
          </div>
        </DockPanel>
        <DockSplitter label="Resize the facets panel" />
        <DockPanel id="grid" minSize={300}>
          <div className="findings-main">
            <FindingsGrid
              key={density}
              datasource={datasource}
              density={density}
              context={context}
              onReady={(grid) => {
                api.current = grid;
                setGridReady(true);
                if (rememberedColumns) grid.applyColumnState({ state: rememberedColumns, applyOrder: true });
                if (Object.keys(gridFilters).length) grid.setFilterModel(gridFilters);
                if (!columnsChosen.current && multiReport !== null) grid.setColumnsVisible(['report'], multiReport);
                setColumns(columnChoices(grid));
                // After a density switch, back to where the analyst was.
                pending.current ??= { row: place.firstRow, select: place.selectedId, align: 'top' };
              }}
              onFocusRow={(row, rowIndex) => {
                focusedRow.current = rowIndex;
                setSelectedId(row.id);
              }}
              onEnter={() => setFocusRequest((n) => n + 1)}
              onToggleBrief={toggleBrief}
              onStateChanged={(grid) => {
                setGridFilters(grid.getFilterModel());
                rememberColumns(grid);
                setColumns(columnChoices(grid));
              }}
              onColumnsChanged={rememberColumns}
              onScrolled={(firstRow) => setPlace((p) => (p.firstRow === firstRow ? p : { ...p, firstRow }))}
              onRowsLoaded={settle}
            />
            {count === 0 && (
              <FindingsEmpty
                search={query}
                filtersOn={filtersOn}
                hiddenDataNotes={hiddenDataNotes}
                onShowDataNotes={() => setShowDataNotes(true)}
                onClear={clearAll}
              />
            )}
          </div>
        </DockPanel>
        <DockSplitter label="Resize the detail panel" />
        <DockPanel
          id="detail"
          panelRef={detailPanel}
          defaultSize={source.target ? '26%' : '28%'}
          minSize={280}
          collapsible
          onResize={onPanelResize('detail')}
        >
          <div id="findings-detail-panel" className="findings-panel">
            {!collapsed.detail && !workspaceEmpty && (
              <SourceScope panel={source}>
                <FindingDetailPanel
                  client={client}
                  state={detail}
                  terms={terms}
                  focusRequest={focusRequest}
                  onLeave={backToGrid}
                  sections={sections}
                  onSection={(name, open) => setSections((s) => ({ ...s, [name]: open }))}
                />
              </SourceScope>
            )}
          </div>
        </DockPanel>
        {source.target && (
          <>
            <DockSplitter label="Resize the Source panel" />
            <DockPanel id="source" defaultSize="34%" minSize={320}>
              <SourcePanel panel={source} />
            </DockPanel>
          </>
        )}
      </Dock>
      <NameDialog
        open={dialog?.kind === 'save'}
        title="Save the current view"
        initial=""
        confirm="Save view"
        hint="The search, facets, column filters, sort and columns are saved. A view with the same name is replaced."
        onSubmit={saveView}
        onClose={() => setDialog(null)}
      />
      <NameDialog
        open={dialog?.kind === 'rename'}
        title={dialog?.kind === 'rename' ? `Rename “${dialog.view.name}”` : 'Rename the view'}
        initial={dialog?.kind === 'rename' ? dialog.view.name : ''}
        confirm="Rename"
        onSubmit={(name) => (dialog?.kind === 'rename' ? renameView(dialog.view, name) : Promise.resolve(null))}
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
