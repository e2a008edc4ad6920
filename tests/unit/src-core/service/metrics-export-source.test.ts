import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { nodeExportLibraries } from '../../../../src-main/node/export-libraries';
import type { ExportedFile } from '../../../../src-core/service/protocol';
import { fileBytes, openSeeded, workerHarness } from '../../../helpers/db-worker';

/** Issue 18: "nothing says where a row came from". The Metrics export has the grid's Source and Category columns. */
async function exportMetrics(sort: { colId: string; direction: 'asc' | 'desc' }[]) {
  const worker = workerHarness({ deps: { exports: nodeExportLibraries('9.9.9-test') } });
  await openSeeded(worker);
  const file = await worker.value<ExportedFile>({
    type: 'grid.export',
    source: { grid: 'metrics', query: {}, sort },
    columns: [
      { colId: 'category', header: 'Category' },
      { colId: 'measure', header: 'Measure' },
      { colId: 'source', header: 'Source' },
    ],
    format: 'csv',
    marking: 'OFFICIAL',
    filter: 'No filter: every metric',
    title: 'Metrics',
  });
  const rows = Papa.parse<string[]>(new TextDecoder().decode(fileBytes(file)).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  const header = rows.findIndex((r) => r.join('|') === 'Category|Measure|Source');
  return rows.slice(header + 1).filter((r) => r.length === 3);
}

describe('the Metrics export says where each figure was read', () => {
  it('gives each figure its place and category as the grid shows them', async () => {
    const rows = await exportMetrics([]);
    expect(rows).toHaveLength(24);
    expect(rows.find((r) => r[1] === 'Domestic abuse incidents per 1,000 population')).toEqual([
      'Domestic abuse',
      'Domestic abuse incidents per 1,000 population',
      'line 151',
    ]);
    for (const r of rows) expect(r[2]).toMatch(/^(page \d+, )?line \d+$/);
    // A figure quoted in the report's text is filed as such, not under a Force in numbers heading.
    expect(rows.filter((r) => r[0] === 'Report text').length).toBe(13);
  });

  it('sorts by place as numbers, line 59 before line 151, in the grid’s direction', async () => {
    const lines = (rows: string[][]) => rows.map((r) => Number(/line (\d+)$/.exec(r[2] ?? '')?.[1]));
    const up = lines(await exportMetrics([{ colId: 'source', direction: 'asc' }]));
    expect(up).toEqual([...up].sort((a, b) => a - b));
    const down = lines(await exportMetrics([{ colId: 'source', direction: 'desc' }]));
    expect(down).toEqual([...up].reverse());
  });
});
