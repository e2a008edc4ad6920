import { AgGridReact } from 'ag-grid-react';
import { useCallback, useId, useMemo, useState } from 'react';
import type { FindingRow } from '../../../src-core/query/findings';
import type { DbClient } from '../../db/db-client';
import { useDebouncedValue } from '../../ui/use-debounced-value';
import { registerGridModules } from './ag-grid-setup';
import { includeInBriefEdit, type FindingsGridContext } from './finding-edits';
import { DEFAULT_COLUMN, FINDING_COLUMNS } from './findings-columns';
import { findingsDatasource } from './findings-datasource';

registerGridModules();

/** Fixed, because the infinite row model cannot measure rows it has not loaded: three lines of text. */
const ROW_HEIGHT = 78;
const BLOCK_SIZE = 100;

/** Every finding in the workspace, paged from SQL as the analyst scrolls, searchable through FTS. */
export function FindingsView({ client }: { client: DbClient }) {
  const searchId = useId();
  const [search, setSearch] = useState('');
  const query = useDebouncedValue(search.trim(), 250);
  const [count, setCount] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const datasource = useMemo(
    () => findingsDatasource(client, query ? { search: query } : {}, { onCount: setCount, onError: setProblem }),
    [client, query],
  );

  const setIncludeInBrief = useCallback(
    async (row: FindingRow, value: boolean) => {
      const edit = includeInBriefEdit(row, value);
      const result = await client.edit(edit.op, edit.params);
      setProblem(result.ok ? null : `The change was not saved: ${result.error.message}`);
      return result.ok;
    },
    [client],
  );
  const context = useMemo<FindingsGridContext>(() => ({ setIncludeInBrief }), [setIncludeInBrief]);

  return (
    <div className="view view--fill">
      <div className="findings-toolbar">
        <label htmlFor={searchId}>Search findings</label>
        <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Words in the text" />
        <p className="findings-count" aria-live="polite">
          {count === null ? 'Counting findings…' : `${count.toLocaleString('en-GB')} ${count === 1 ? 'finding' : 'findings'}`}
          {query && ` matching “${query}”`}
        </p>
      </div>
      {problem && (
        <p className="inline-problem" role="alert">
          {problem}
        </p>
      )}
      <section className="findings-grid ag-theme-quartz" aria-label="Findings">
        <AgGridReact<FindingRow>
          theme="legacy"
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK_SIZE}
          infiniteInitialRowCount={BLOCK_SIZE}
          columnDefs={FINDING_COLUMNS}
          defaultColDef={DEFAULT_COLUMN}
          rowHeight={ROW_HEIGHT}
          getRowId={(p) => String(p.data.id)}
          context={context}
          tooltipShowDelay={400}
          enableBrowserTooltips={false}
        />
      </section>
    </div>
  );
}
