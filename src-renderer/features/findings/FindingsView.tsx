import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
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
import { findingsDatasource } from './findings-datasource';
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
import { useSourcePanel } from '../../shared/source/source-context';
import { SourcePanel } from '../../shared/source/SourcePanel';
import { SourceScope } from '../../shared/source/SourceScope';

const HEADERS = new Map(FINDING_COLUMNS.map((c) => [c.colId ?? '', c.headerName ?? c.colId ?? '']));

function columnChoices(api: GridApi<FindingRow> | null): ColumnChoice[] {
  const state = api?.getColumnState() ?? FINDING_COLUMNS.map((c) => ({ colId: c.colId ?? '', hide: false }));
  return state.map((s) => ({ colId: s.colId, label: HEADERS.get(s.colId) ?? s.colId, visible: !s.hide }));
}

type Dialog = { kind: 'save' } | { kind: 'rename'; view: SavedView } | null;

interface Props {
  host: Host;
  client: DbClient;
  /** Told the grid's filter whenever it changes: the Briefing view can take its findings from it. */
  onFilter(filter: FindingsFilter): void;
}

/**
 * Every finding in the workspace, paged from SQL as the analyst scrolls: searched through FTS,
 * narrowed by facets and column filters, read and annotated in the detail panel, and saved as
 * named views. Every change is an edit through the DB worker, undoable, and shown as saved only
 * once it is durable.
 */
export function FindingsView({ host, client, onFilter }: Props) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  // Short enough that results are on screen within 200 ms of the last key on a large workspace (docs/PERFORMANCE.md).
  const query = useDebouncedValue(search.trim(), 120);
  const [facetSelection, setFacetSelection] = useState<FacetSelection>({});
  const [gridFilters, setGridFilters] = useState<Record<string, unknown>>({});
  const [columns, setColumns] = useState<ColumnChoice[]>(() => columnChoices(null));
  const [count, setCount] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The Source panel, beside the finding's detail when the analyst asks for a finding's (or a footnote's) source.
  const source = useSourcePanel();
  const api = useRef<GridApi<FindingRow> | null>(null);
  const focusedRow = useRef<number | null>(null);

  const base = useMemo(() => findingsQuery(query, facetSelection), [query, facetSelection]);
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
  const context = useMemo<FindingsGridContext>(() => ({ setIncludeInBrief, terms }), [setIncludeInBrief, terms]);

  const filtersOn = facetCount(facetSelection) + Object.keys(gridFilters).length;
  const clearFilters = () => {
    setFacetSelection({});
    api.current?.setFilterModel(null);
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
    setColumns(columnChoices(grid));
    setProblem(null);
    setNotice(`Opened the view “${view.name}”.`);
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

  return (
    <div className="view view--fill findings">
      <div className="findings-toolbar">
        <label htmlFor={searchId}>Search findings</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Words in the text" />
        <p className="findings-count" aria-live="polite">
          {count === null ? 'Counting findings…' : `${count.toLocaleString('en-GB')} ${count === 1 ? 'finding' : 'findings'}`}
          {query && ` matching “${query}”`}
        </p>
        <p className="findings-notice" role="status" title={notice ?? undefined}>
          {notice}
        </p>
        <div className="findings-actions">
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
              api.current?.setColumnsVisible([colId], visible);
              setColumns(columnChoices(api.current));
            }}
          />
          <ExportGridMenu
            host={host}
            client={client}
            spec={() => findingsExportSpec(api.current, base, { report: reportLabel })}
            rowsText={count === null ? null : `${count.toLocaleString('en-GB')} ${count === 1 ? 'finding' : 'findings'}`}
          />
        </div>
      </div>
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      <div className={source.target ? 'findings-body findings-body--source' : 'findings-body'}>
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
        <div className="findings-main">
          <FindingsGrid
            datasource={datasource}
            context={context}
            onReady={(grid) => {
              api.current = grid;
              setColumns(columnChoices(grid));
            }}
            onFocusRow={(row, rowIndex) => {
              focusedRow.current = rowIndex;
              setSelectedId(row.id);
            }}
            onEnter={() => setFocusRequest((n) => n + 1)}
            onToggleBrief={toggleBrief}
            onStateChanged={(grid) => {
              setGridFilters(grid.getFilterModel());
              setColumns(columnChoices(grid));
            }}
          />
          {count === 0 && <FindingsEmpty search={query} filtersOn={filtersOn} onClear={clearAll} />}
        </div>
        <SourceScope panel={source}>
          <FindingDetailPanel client={client} state={detail} terms={terms} focusRequest={focusRequest} onLeave={backToGrid} />
        </SourceScope>
        <SourcePanel panel={source} />
      </div>
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
