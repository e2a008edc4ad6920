import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fromMenu } from './app-menus';
import { expect, test } from './offline';

const GWENT_PDF = 'tests/fixtures/gwent-2017.pdf';
const TESTSHIRE_MD = 'tests/fixtures/synthetic-testshire-2017.md';
// Reading 25 PDF pages with pdf.js in the worker takes a few seconds on a loaded CI machine.
const IMPORT_TIMEOUT = 60_000;

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(path);
}

/** The Findings view with every finding: data notes (the annex) start hidden, a toggle away. */
async function openFindings(page: Page): Promise<{ grid: Locator; total: number }> {
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('checkbox', { name: /^Show data notes/ }).check();
  const count = page.getByText(/^[\d,]+ findings$/);
  await expect(count).toBeVisible();
  const total = Number((await count.innerText()).replace(/\D/g, ''));
  return { grid: page.getByRole('region', { name: 'Findings' }), total };
}

/** A row of the grid by what it says; the grid renders only the rows near the viewport. */
function rowWith(grid: Locator, text: string | RegExp): Locator {
  return grid.getByRole('row').filter({ hasText: text });
}

/** Scrolls the grid as a user would (mouse wheel) until the row is rendered. */
async function scrollTo(page: Page, grid: Locator, row: Locator): Promise<void> {
  await grid.getByRole('row').nth(1).hover();
  for (let i = 0; i < 80 && !(await row.isVisible()); i++) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  await expect(row).toBeVisible();
}

test('lists the default workspace’s findings in the grid, paged from SQL as it scrolls', async ({ page }, testInfo) => {
  await page.goto('/');
  const { grid, total } = await openFindings(page);
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  // More than one block of 100 rows, so scrolling to the end needs a second page from SQL.
  expect(total).toBeGreaterThan(100);

  // A one-report workspace starts without the Report column; the analyst can show it.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Visible columns' }).getByRole('checkbox', { name: 'Report', exact: true }).check();
  await page.keyboard.press('Escape');
  const first = rowWith(grid, 'HMICFRS adopted an interim risk-based approach');
  await expect(first).toBeVisible();
  await expect(first).toContainText('Gwent Police 2017');
  await expect(first).toContainText('Risk-based inspection');
  await page.screenshot({ path: testInfo.outputPath('findings-grid.png') });

  const reviewed = rowWith(grid, 'Of the 16 files reviewed');
  await scrollTo(page, grid, reviewed);
  await expect(reviewed).toContainText('Protecting vulnerable people');

  // The last row (the header is row 1 for assistive technology) is in the second block.
  const last = grid.locator(`[role="row"][aria-rowindex="${total + 1}"]`);
  await scrollTo(page, grid, last);
  await expect(last).toContainText('Gwent Police 2017');
  await expect(last).not.toContainText('Loading');
});

test('sorts and searches in SQL, not in the page', async ({ page }, testInfo) => {
  await page.goto('/');
  const { grid, total } = await openFindings(page);
  await grid.getByRole('columnheader', { name: 'Kind' }).click();
  await expect(grid.getByRole('columnheader', { name: 'Kind' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.locator('[role="row"][aria-rowindex="2"] [col-id="kind"]')).toHaveText('Area for improvement');
  await page.screenshot({ path: testInfo.outputPath('findings-sorted.png') });

  await page.getByLabel('Search findings').fill('custody');
  await expect(page.getByText(/^3 findings matching “custody”$/)).toBeVisible();
  await expect(grid.locator('[role="row"][aria-rowindex]:not([aria-rowindex="1"])')).toHaveCount(3);
  await page.getByLabel('Search findings').fill('');
  await expect(page.getByText(`${total} findings`, { exact: true })).toBeVisible();
});

test('imports reports in the worker: a duplicate is refused, a new report is added and survives a reload', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  const { total: before } = await openFindings(page);
  await page.getByRole('tab', { name: 'Reports' }).click();

  // The same report as a PDF: extracted in the worker, recognised, and not imported again.
  await importFile(page, GWENT_PDF);
  const outcome = page.getByRole('region', { name: 'Import reports' }).getByRole('listitem');
  await expect(outcome).toContainText('Duplicate detected: gwent-2017.pdf was not imported.', { timeout: IMPORT_TIMEOUT });
  await expect(outcome).toContainText('Gwent Police is already in this workspace');
  await expect(page.getByRole('article')).toHaveCount(1);

  // A different report: added in one transaction, then written to the browser's storage.
  await importFile(page, TESTSHIRE_MD);
  await expect(outcome).toContainText('Imported PEEL: Police effectiveness 2017 – Testshire Constabulary', { timeout: IMPORT_TIMEOUT });
  await expect(outcome).toContainText(`${before} findings, 25 metrics, 6 judgments`);
  await expect(page.getByRole('article')).toHaveCount(2);
  const testshire = page.getByRole('table', { name: 'Judgments for Testshire Constabulary' });
  await expect(testshire.getByRole('row', { name: /^Overall effectiveness/ })).toContainText('Requires improvement');
  const calls = page.getByRole('table', { name: 'Force in numbers and text metrics for Testshire Constabulary' });
  await expect(
    calls
      .getByRole('row', { name: /Calls for assistance/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('351');
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  await page.screenshot({ path: testInfo.outputPath('reports-after-import.png') });
  await testshire.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reports-after-import-testshire.png') });

  const { grid, total: after } = await openFindings(page);
  expect(after).toBe(before * 2);
  await scrollTo(page, grid, rowWith(grid, 'Of the 18 files reviewed'));
  await page.screenshot({ path: testInfo.outputPath('findings-after-import.png') });

  // Durable: the import is in IndexedDB, not just in the worker's memory. (The reload comes back
  // to Findings, the view left open: the reports are a tab away.)
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Reports' }).click();
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article', { name: 'PEEL: Police effectiveness 2017' }).nth(1)).toBeVisible();
  expect((await openFindings(page)).total).toBe(after);
});

test('a file that is not a report is refused and changes nothing', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  await importFile(page, 'tests/fixtures/binary.bin');
  const outcome = page.getByRole('region', { name: 'Import reports' }).getByRole('listitem');
  await expect(outcome).toContainText('binary.bin was not imported.');
  await expect(outcome).toContainText('Nothing in the workspace was changed.');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
});

/**
 * How many records each of the browser host's IndexedDB stores holds, read in the page. A string,
 * because the e2e tests compile with the Node project, which has no DOM types.
 */
const STORE_COUNTS = `new Promise((resolve, reject) => {
  const open = indexedDB.open('peel-workbench');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const names = Array.from(db.objectStoreNames);
    const tx = db.transaction(names);
    const counts = {};
    for (const name of names) {
      const req = tx.objectStore(name).count();
      req.onsuccess = () => (counts[name] = req.result);
    }
    tx.oncomplete = () => {
      db.close();
      resolve(counts);
    };
    tx.onerror = () => reject(tx.error);
  };
})`;

function storeCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(STORE_COUNTS) as Promise<Record<string, number>>;
}

test('refuses a report over 50 MB before reading it', async ({ page }, testInfo) => {
  // Sparse: 51 MB on paper, nothing on disk.
  const huge = testInfo.outputPath('huge-report.pdf');
  mkdirSync(path.dirname(huge), { recursive: true });
  writeFileSync(huge, '');
  truncateSync(huge, 51 * 1024 * 1024);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  await importFile(page, huge);
  await expect(page.getByRole('region', { name: 'Import reports' })).toContainText(
    'huge-report.pdf is 51.0 MB; reports over 50 MB are refused',
  );
  await expect(page.getByRole('article')).toHaveCount(1);
});

test('an edit is saved when its journal record is, checkpointed after a pause, and still there after a reload', async ({ page }) => {
  await page.goto('/');
  const { grid } = await openFindings(page);
  const toggleIn = (g: Locator, text: string) => rowWith(g, text).getByRole('checkbox', { name: /in the brief/ });
  const first = toggleIn(grid, 'HMICFRS adopted an interim risk-based approach');
  await expect(first).not.toBeChecked();
  // click, not check(): the box changes only once the edit is durable, a moment after the click.
  await first.click();
  await expect(first).toBeChecked();
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  // Acknowledged means the journal record is in IndexedDB (the first snapshot is the default copy).
  expect(await storeCounts(page)).toMatchObject({ journal: 1, snapshots: 1, backups: 0 });

  // A couple of seconds after the last edit, a checkpoint folds the journal into a new snapshot
  // and keeps the previous one as a backup.
  await expect.poll(() => storeCounts(page), { timeout: 10_000 }).toMatchObject({ journal: 0, snapshots: 2, backups: 1 });

  await toggleIn(grid, 'Judgments from 2016 remain in place').click();
  await expect(toggleIn(grid, 'Judgments from 2016 remain in place')).toBeChecked();
  expect((await storeCounts(page)).journal).toBe(1);

  // Straight away: whether the page's last checkpoint completes or not, both edits are kept.
  await page.reload();
  const again = await openFindings(page);
  await expect(toggleIn(again.grid, 'HMICFRS adopted an interim risk-based approach')).toBeChecked();
  await expect(toggleIn(again.grid, 'Judgments from 2016 remain in place')).toBeChecked();
  await expect(toggleIn(again.grid, 'Gwent Police requires improvement in keeping people safe')).not.toBeChecked();

  // Sorting by the annotation happens in SQL: descending puts the two included findings first.
  const header = again.grid.getByRole('columnheader', { name: 'Include in brief' });
  await header.click();
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(again.grid.locator('[role="row"][aria-rowindex="2"] .brief-toggle')).toBeChecked();
  await expect(again.grid.locator('[role="row"][aria-rowindex="3"] .brief-toggle')).toBeChecked();
  await expect(again.grid.locator('[role="row"][aria-rowindex="4"] .brief-toggle')).not.toBeChecked();
});

test('creates a new empty workspace and goes back to a recent one', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  await fromMenu(page, 'File', 'New workspace…');
  const naming = page.getByRole('dialog', { name: 'New workspace' });
  await naming.getByRole('textbox', { name: 'Name' }).fill('New workspace');
  await naming.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('This workspace has no reports yet.')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('Workspace: New workspace');
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  await fromMenu(page, 'File', 'Default workspace', 'Open recent');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toContainText('Workspace: Default workspace');

  // The last workspace used is the one that opens next time.
  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toContainText('Workspace: Default workspace');
});

test('saves a copy as a download, opens it again, and refuses a file that is not a workspace', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);

  const download = page.waitForEvent('download');
  await fromMenu(page, 'File', 'Save a copy…');
  const copy = await download;
  expect(copy.suggestedFilename()).toMatch(/^peel-workspace-\d{4}-\d{2}-\d{2}\.sqlite$/);
  await expect(page.getByRole('status').filter({ hasText: 'Saved a copy as' })).toBeVisible();

  const refused = page.waitForEvent('filechooser');
  await fromMenu(page, 'File', 'Open workspace…');
  await (await refused).setFiles('tests/fixtures/random.txt');
  await expect(page.getByRole('alert')).toContainText('random.txt is not a SQLite database, so it cannot be a PEEL Workbench workspace');
  // Nothing changed: the same workspace is open.
  await expect(page.getByRole('contentinfo')).toContainText('Workspace: Default workspace');
  await expect(page.getByRole('article')).toHaveCount(1);

  const chooser = page.waitForEvent('filechooser');
  await fromMenu(page, 'File', 'Open workspace…');
  // The copy under the name it was offered as (Playwright keeps downloads under a random name).
  await (
    await chooser
  ).setFiles({ name: copy.suggestedFilename(), mimeType: 'application/vnd.sqlite3', buffer: readFileSync(await copy.path()) });
  await expect(page.getByRole('contentinfo')).toContainText(`Workspace: ${copy.suggestedFilename().replace('.sqlite', '')}`);
  await expect(page.getByRole('article', { name: 'PEEL: Police effectiveness 2017' })).toBeVisible();
});

test('About names the version and the licences', async ({ page }) => {
  await page.goto('/');
  await fromMenu(page, 'Help', 'About PEEL Workbench');
  const about = page.getByRole('dialog', { name: 'About PEEL Workbench' });
  await expect(about).toContainText('Version 0.1.0');
  await expect(about).toContainText('Open Government Licence v3.0');
  await expect(about).toContainText('AG Grid Community (MIT)');
  await about.getByRole('button', { name: 'Close' }).click();
  await expect(about).toBeHidden();
});

test('keeps the last five snapshots as backups, and restores one without losing the current state', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/');
  const { grid } = await openFindings(page);
  const toggle = (row: number) => grid.locator(`[role="row"][aria-rowindex="${row + 1}"] .brief-toggle`);
  for (let row = 1; row <= 6; row++) {
    await toggle(row).click();
    await expect(toggle(row)).toBeChecked();
    // Leaving the page checkpoints at once (the test stands in for the browser's pagehide).
    await page.evaluate("window.dispatchEvent(new Event('pagehide'))");
    await expect.poll(async () => (await storeCounts(page)).journal).toBe(0);
  }
  // The current snapshot and five backups; the default copy it started from is gone.
  expect(await storeCounts(page)).toMatchObject({ snapshots: 6, backups: 5 });

  await fromMenu(page, 'File', 'Backups…');
  const restore = page.getByRole('list', { name: 'Backups, newest first' }).getByRole('button');
  await expect(restore).toHaveCount(5);
  await restore.first().click();

  // The newest backup is the workspace before the sixth edit.
  const restored = await openFindings(page);
  const again = (row: number) => restored.grid.locator(`[role="row"][aria-rowindex="${row + 1}"] .brief-toggle`);
  for (let row = 1; row <= 5; row++) await expect(again(row)).toBeChecked();
  await expect(again(6)).not.toBeChecked();
  // What was replaced is a backup now, so the restore can be undone; still five kept.
  expect(await storeCounts(page)).toMatchObject({ snapshots: 6, backups: 5, journal: 0 });
});
