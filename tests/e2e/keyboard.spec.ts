import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';

/**
 * Everything an analyst does, done by someone with only a keyboard: Tab and Shift+Tab to move,
 * Enter and Space to act, Escape to close or go back, the arrow keys inside tabs, grids and
 * selects, and typing. No mouse click anywhere in this file, and no programmatic focus: each
 * control is reached by pressing Tab as a person would, and a control Tab cannot reach fails
 * the test (WCAG 2.1.1 Keyboard, 2.1.2 No Keyboard Trap, 2.4.3 Focus Order).
 */

// The functions passed to evaluate() run in the page; the e2e tests compile without the DOM
// library, so the one page global they use is declared here, as far as they use it.
interface PageElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
}
declare const document: { activeElement: PageElement | null; body: PageElement };

const SAMPLES = 'tests/fixtures/samples';
const IMPORT_TIMEOUT = 60_000;

const isFocused = (target: Locator) => target.evaluateAll((els) => els.some((el) => el === document.activeElement));

/** What has focus, in words, for failure messages. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'nothing (the page itself)';
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
    return `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''} “${name}”`;
  });

/**
 * Presses Tab (Shift+Tab with `back`) until the target has focus, and says how many presses it
 * took; fails, naming where focus went, if it never gets there.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 60 } = {}): Promise<number> {
  const visited: string[] = [];
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    visited.push(await focusedName(page));
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${target} in ${max} presses; it went to:\n  ${visited.join('\n  ')}`);
}

/** Presses a key until the target has focus (arrow keys in a composite widget). */
async function pressUntil(page: Page, key: string, target: Locator, max = 10): Promise<void> {
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press(key);
  await expect(target).toBeFocused();
}

/** A modal dialog keeps focus inside it while open: Tab and Shift+Tab never reach the page behind. */
async function expectFocusKeptIn(page: Page, dialog: Locator, presses = 12): Promise<void> {
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < presses; i++) {
      await page.keyboard.press(key);
      const inside = await dialog.evaluate((d) => d.contains(document.activeElement) || document.activeElement === document.body);
      expect(inside, `${key} ×${i + 1} left the dialog for ${await focusedName(page)}`).toBe(true);
    }
  }
}

async function start(page: Page): Promise<void> {
  await page.goto('/');
  // The first load builds the workspace in the worker: slow on a busy machine.
  await expect(page.getByRole('article').first()).toBeVisible({ timeout: 30_000 });
}

/** From the page's start, to the view's tab, then across with the arrow keys. */
async function switchTo(page: Page, view: string): Promise<void> {
  await tabTo(page, page.getByRole('tab', { selected: true }));
  await pressUntil(page, 'ArrowRight', page.getByRole('tab', { name: view }));
  await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: view })).toBeVisible();
}

test('the views are tabs the arrow keys move between; every header dialog opens, keeps focus, and gives it back', async ({ page }) => {
  test.setTimeout(90_000);
  await start(page);
  const reports = page.getByRole('tab', { name: 'Reports' });
  await tabTo(page, reports);
  // One tab stop for the tab list: Tab goes on into the view, not to the next tab.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Findings' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Findings' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Briefing' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Briefing' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(reports).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Briefing' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(reports).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Findings' })).not.toBeFocused();

  // The header's File and Help menus: Enter opens one on its first item, the arrow keys move,
  // Enter chooses; the dialog keeps focus, and Escape gives it back to the menu's button.
  for (const [menu, item, title] of [
    ['File', 'Preferences…', 'Preferences'],
    ['Help', 'Keyboard shortcuts', 'Keyboard shortcuts'],
    ['Help', 'About PEEL Workbench', 'About PEEL Workbench'],
  ] as const) {
    const opener = page.getByRole('button', { name: menu, exact: true });
    // From the previous dialog's opener, Shift+Tab wraps round the whole page to the header,
    // through every control of the Reports view (each grade and area for improvement has Correct…,
    // History and Show source since issue 17).
    await tabTo(page, opener, { back: true, max: 160 });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: menu })).toBeVisible();
    await pressUntil(page, 'ArrowDown', page.getByRole('menuitem', { name: item, exact: true }));
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    await expect(page.getByRole('menu', { name: menu })).toBeHidden();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `focus moves into ${title}`).toBe(true);
    await expectFocusKeptIn(page, dialog);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener, `focus returns to ${menu} when ${title} closes`).toBeFocused();
  }

  // Preferences: type a name and save it with Enter; close with its own button.
  const file = page.getByRole('button', { name: 'File', exact: true });
  await tabTo(page, file, { back: true });
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Preferences…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const prefs = page.getByRole('dialog', { name: 'Preferences' });
  await expect(prefs.getByRole('textbox')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('K. Board');
  await page.keyboard.press('Enter');
  await expect(prefs.getByRole('status')).toHaveText('Your edits are now recorded as “K. Board”.');
  await tabTo(page, prefs.getByRole('button', { name: 'Close' }));
  await page.keyboard.press('Space');
  await expect(prefs).toBeHidden();
  await expect(file).toBeFocused();

  // Ctrl+/ lists the shortcuts from anywhere; Escape closes the list.
  await page.keyboard.press('Control+/');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
  await expect(file).toBeFocused();

  // Open recent: → opens the list of workspaces, ← and Escape close it, a second Escape the menu.
  await page.keyboard.press('Enter');
  await pressUntil(page, 'ArrowDown', page.getByRole('menuitem', { name: 'Open recent' }));
  await page.keyboard.press('ArrowRight');
  const recent = page.getByRole('menu', { name: 'Open recent' });
  await expect(recent.getByRole('menuitem', { name: /\(open\)$/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(recent).toBeHidden();
  await expect(page.getByRole('menuitem', { name: 'Open recent' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu', { name: 'File' })).toBeHidden();
  await expect(file).toBeFocused();

  // Backups…: a dialog listing them in the tab order; Escape closes it and focus is back on File.
  await page.keyboard.press('Enter');
  await pressUntil(page, 'ArrowDown', page.getByRole('menuitem', { name: 'Backups…' }));
  await page.keyboard.press('Enter');
  const backups = page.getByRole('dialog', { name: 'Backups' });
  await expect(backups).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(backups).toBeHidden();
  await expect(file).toBeFocused();
});

test('Reports by keyboard: import a report and dismiss its warnings, each with a reason', async ({ page }) => {
  test.setTimeout(90_000);
  await start(page);
  const importButton = page.getByRole('button', { name: 'Import report' });
  await tabTo(page, importButton);
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles('tests/fixtures/synthetic-testshire-2017.md');
  const zone = page.getByRole('region', { name: 'Import reports' });
  await expect(zone.getByRole('listitem')).toContainText('Imported PEEL: Police effectiveness 2017 – Testshire Constabulary', {
    timeout: IMPORT_TIMEOUT,
  });
  // Focus stays on the button through the import, rather than dropping to the page's start.
  await expect(importButton).toBeFocused();

  const warnings = page.getByRole('region', { name: /^Extraction warnings \(2\) — check against gwent/ });
  // A warning is dismissed with a reason (issue 17): the button opens a dialog whose Reason is required.
  const dismiss = async (reason: string) => {
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Dismiss the warning' });
    await expect(dialog.getByRole('textbox', { name: 'Reason' })).toBeFocused();
    await page.keyboard.type(reason);
    await tabTo(page, dialog.getByRole('button', { name: 'Dismiss warning' }), { max: 5 });
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  };
  const first = warnings.getByRole('button', { name: 'Dismiss warning' }).first();
  await tabTo(page, first);
  await dismiss('Checked against the report: it prints 1.');
  await expect(warnings).toContainText('1 of 2 still to check');
  await expect(warnings.getByRole('listitem').first()).toContainText(/Analyst, \d+ \w+ \d{4}, \d{2}:\d{2}/);
  // Focus moved to the first warning's Reopen, which replaced the button pressed; the next Tab reaches the second.
  await expect(warnings.getByRole('listitem').first().getByRole('button', { name: 'Reopen the warning' })).toBeFocused();
  await page.keyboard.press('Tab');
  await dismiss('The published report has no footnote 14 either.');
  await expect(warnings).toContainText('All checked.');
});

test('Findings by keyboard: search, move in the grid, open and annotate a finding, undo and redo, filters, columns, a saved view', async ({
  page,
}, testInfo) => {
  test.setTimeout(150_000);
  await start(page);
  await switchTo(page, 'Findings');
  const search = page.getByRole('searchbox', { name: 'Search findings' });
  await tabTo(page, search);
  await page.keyboard.type('county lines');
  await expect(page.getByText('2 findings matching “county lines”', { exact: true })).toBeVisible();

  // Into the grid: its header row is one tab stop and its body the next.
  const grid = page.getByRole('region', { name: 'Findings' });
  const header = grid.getByRole('columnheader', { name: 'Include in brief' });
  const presses = await tabTo(page, header);
  expect(presses, 'Tab from the search to the grid passes the toolbar and the facets only').toBeLessThan(40);
  await page.keyboard.press('Tab');
  const firstCell = grid.getByRole('row').nth(1).getByRole('gridcell').first();
  await expect(firstCell).toBeFocused();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  const where = detail.getByRole('heading', { level: 2 });
  const firstWhere = await where.textContent();
  await page.keyboard.press('ArrowDown');
  await expect(where).not.toHaveText(firstWhere ?? '');
  await page.screenshot({ path: testInfo.outputPath('keyboard-grid-cell-focus.png') });
  await page.keyboard.press('ArrowUp');
  await expect(where).toHaveText(firstWhere ?? '');
  // Tab leaves the grid (one press), it does not walk its cells.
  await page.keyboard.press('Tab');
  expect(await grid.evaluate((g) => g.contains(document.activeElement))).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(firstCell).toBeFocused();

  // Enter opens the finding's annotation editor; every field is set with the keyboard.
  await page.keyboard.press('Enter');
  const status = detail.getByRole('combobox', { name: 'Status' });
  await expect(status).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('keyboard-detail-status-focus.png') });
  await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('reviewed');
  await expect(detail.getByRole('status')).toHaveText('Status saved');
  await page.keyboard.press('Tab');
  const rag = detail.getByRole('combobox', { name: 'RAG rating' });
  await expect(rag).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rag).toHaveValue('red');
  await expect(detail.getByRole('status')).toHaveText('RAG saved');
  const brief = detail.getByRole('checkbox', { name: 'Include in brief' });
  await tabTo(page, brief);
  await page.keyboard.press('Space');
  await expect(brief).toBeChecked();
  await expect(detail.getByRole('status')).toHaveText('Include in brief saved');
  const tags = detail.getByRole('combobox', { name: 'Tags' });
  await tabTo(page, tags);
  await page.keyboard.type('county-lines');
  await page.keyboard.press('Enter');
  await expect(detail.getByRole('list', { name: 'Tags on this finding' })).toContainText('county-lines');
  // The tag's remove button is in the tab order too.
  await tabTo(page, detail.getByRole('button', { name: 'Remove tag county-lines' }), { back: true });
  const note = detail.getByRole('textbox', { name: 'Note' });
  await tabTo(page, note);
  await page.keyboard.type('Raised with the force lead.');
  await page.keyboard.press('Tab');
  await expect(detail.getByRole('status')).toHaveText('Note saved');

  // Escape goes back to the finding in the grid; Ctrl+Z there undoes the note, Ctrl+Shift+Z redoes it.
  await tabTo(page, note, { back: true });
  await page.keyboard.press('Escape');
  await expect(firstCell).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(note).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(note).toHaveValue('Raised with the force lead.');
  // B includes the finding in the brief or leaves it out, from the grid.
  await page.keyboard.press('b');
  await expect(brief).not.toBeChecked();

  // The toolbar's Undo button, reached with Shift+Tab, undoes that too.
  const undo = page.getByRole('button', { name: 'Undo' });
  await tabTo(page, undo, { back: true });
  await page.keyboard.press('Enter');
  await expect(brief).toBeChecked();

  // A facet value is a toggle button: Space presses it.
  const facets = page.getByRole('complementary', { name: 'Facets' });
  const red = facets.getByRole('button', { name: /^Red \d+$/ });
  await tabTo(page, red);
  await page.keyboard.press('Space');
  await expect(red).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 finding matching “county lines”', { exact: true })).toBeVisible();

  // A column filter from the header: Ctrl+Enter opens it, Escape closes it.
  await tabTo(page, header);
  await pressUntil(page, 'ArrowRight', grid.getByRole('columnheader', { name: 'Section' }));
  await page.keyboard.press('Control+Enter');
  const filterValue = page.getByRole('textbox', { name: 'Filter value' });
  await expect(filterValue).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('keyboard-column-filter.png') });
  await page.keyboard.type('serious');
  await expect(facets.getByRole('group', { name: 'Column filters' })).toContainText('Section contains “serious”');
  await page.keyboard.press('Escape');
  await expect(filterValue).toBeHidden();
  await expect(grid.getByRole('columnheader', { name: 'Section' })).toBeFocused();

  // Columns: a menu of checkboxes; Escape closes it and focus returns to its button.
  const columnsButton = page.getByRole('button', { name: 'Columns' });
  await tabTo(page, columnsButton, { back: true });
  await page.keyboard.press('Enter');
  const columnsMenu = page.getByRole('group', { name: 'Visible columns' });
  await expect(columnsMenu).toBeVisible();
  const noteColumn = page.getByRole('checkbox', { name: 'Note', exact: true });
  await tabTo(page, noteColumn);
  await page.keyboard.press('Space');
  await expect(grid.getByRole('columnheader', { name: 'Note' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(columnsMenu).toBeHidden();
  await expect(columnsButton).toBeFocused();

  // Save the view under a name: menu, dialog, Enter; focus comes back to the menu's button.
  const views = page.getByRole('button', { name: 'Saved views' });
  await tabTo(page, views, { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Save current view…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Save the current view' });
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await expectFocusKeptIn(page, dialog, 6);
  await tabTo(page, dialog.getByRole('textbox', { name: 'Name' }));
  await page.keyboard.type('Red county lines');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the view “Red county lines”.' })).toBeVisible();
  await expect(views).toBeFocused();

  // Clear everything, then open the view again from its menu.
  await tabTo(page, search);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  const clear = facets.getByRole('button', { name: 'Clear filters' });
  await tabTo(page, clear);
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();
  await tabTo(page, views, { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Red county lines', exact: true }));
  await page.keyboard.press('Enter');
  await expect(search).toHaveValue('county lines');
  await expect(red).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('1 finding matching “county lines”', { exact: true })).toBeVisible();

  // Rename it in its dialog, then delete it: both from the menu.
  await tabTo(page, views, { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Rename Red county lines' }));
  await page.keyboard.press('Enter');
  const rename = page.getByRole('dialog', { name: 'Rename “Red county lines”' });
  await expect(rename.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('keyboard-rename-dialog.png') });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('County lines, red');
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Renamed “Red county lines” to “County lines, red”.' })).toBeVisible();
  await expect(views).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Delete County lines, red' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the view “County lines, red”.' })).toBeVisible();
});

test('Metrics by keyboard: choose metrics to chart, verify one and annotate it', async ({ page }) => {
  test.setTimeout(90_000);
  await start(page);
  await switchTo(page, 'Metrics');
  const grid = page.getByRole('region', { name: 'Metrics' });
  await tabTo(page, grid.getByRole('columnheader').first());
  await page.keyboard.press('Tab');
  await expect(grid.getByRole('row').nth(1).getByRole('gridcell').first()).toBeFocused();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
  const selected = page.getByText(/^\d+ selected ·/);
  const before = Number(((await selected.textContent()) ?? '').split(' ')[0]);
  // Space ticks the row for the chart (or unticks it).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(selected).not.toHaveText(new RegExp(`^${before} selected`));

  const verified = detail.getByRole('checkbox', { name: 'Verified against the source' });
  const presses = await tabTo(page, verified);
  expect(presses, 'Tab from the grid to the detail passes the chart’s buttons only').toBeLessThan(8);
  await page.keyboard.press('Space');
  await expect(verified).toBeChecked();
  await expect(detail).toContainText('Verified by Analyst');
  await page.keyboard.press('Tab');
  await expect(detail.getByRole('combobox', { name: 'Status' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(detail.getByRole('combobox', { name: 'Status' })).toHaveValue('reviewed');
  await tabTo(page, detail.getByRole('textbox', { name: 'Note' }));
  await page.keyboard.type('Checked with the force’s data team.');
  await page.keyboard.press('Tab');
  await expect(detail.getByRole('region', { name: 'History' })).toContainText('Checked with the force’s data team.');
});

test('File review by keyboard: show a source paragraph, open a case file, import a sample through the mapping dialog', async ({ page }) => {
  test.setTimeout(120_000);
  await start(page);
  await switchTo(page, 'File review');
  // The case files come first in the view; the sections (summary, reconciliation, agreement) are tabs under them.
  // A case file: into the grid, down a row, and its detail shows; annotate it.
  const grid = page.getByRole('region', { name: 'Case files' });
  await tabTo(page, grid.getByRole('columnheader').first());
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const detail = page.getByRole('region', { name: 'Case file detail' });
  await expect(detail.getByRole('heading', { name: /^Case GW-17-\d+, scored by/ })).toBeVisible();
  const brief = detail.getByRole('checkbox', { name: 'Include in brief' });
  await tabTo(page, brief);
  await page.keyboard.press('Space');
  await expect(brief).toBeChecked();

  // The reconciliation: a tab of the panel under the case files, opened with the arrow keys.
  await tabTo(page, page.getByRole('tab', { name: 'Summary' }), { back: true });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Reconciliation' })).toBeFocused();
  const reconcile = page.getByRole('region', { name: 'Reconciliation with the report' });
  const show = reconcile.getByRole('button', { name: 'Show paragraph' }).first();
  await tabTo(page, show);
  await page.keyboard.press('Enter');
  await expect(reconcile.getByRole('button', { name: 'Hide paragraph' })).toHaveAttribute('aria-expanded', 'true');
  await expect(reconcile.locator('blockquote').first()).toBeVisible();

  await tabTo(page, page.getByRole('tab', { name: 'Reconciliation' }), { back: true });
  await page.keyboard.press('ArrowLeft');
  const byType = page.getByRole('combobox', { name: 'Criterion by crime type' });
  await tabTo(page, byType);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('table', { name: /, by crime type$/ })).toBeVisible();

  // Import a sample: the button, the file chooser, the mapping dialog, Import.
  const importButton = page.getByRole('button', { name: 'Import sample…' });
  await tabTo(page, importButton, { back: true, max: 120 });
  let chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(`${SAMPLES}/bad.csv`);
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await expect(dialog).toBeVisible();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await tabTo(page, dialog.getByRole('button', { name: 'Import 6 rows' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('table', { name: 'Problems found' })).toBeVisible();
  await expectFocusKeptIn(page, dialog, 8);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(importButton).toBeFocused();

  chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(`${SAMPLES}/renamed-headers.csv`);
  await expect(dialog.getByRole('note')).toContainText('Not mapped yet:');
  // Map the two columns the file names differently, with the arrow keys in their selects.
  for (const [header, field] of [
    ['Assessed by', 'reviewer'],
    ['Team OK?', 'allocated_appropriately'],
  ] as const) {
    const select = dialog.getByRole('combobox', { name: header, exact: true });
    if ((await select.inputValue()) === field) continue;
    await tabTo(page, select);
    for (let i = 0; i < 20 && (await select.inputValue()) !== field; i++) await page.keyboard.press('ArrowDown');
    await expect(select).toHaveValue(field);
  }
  await expect(dialog.getByRole('note')).toBeHidden();
  await tabTo(page, dialog.getByRole('button', { name: 'Import 20 rows' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText('Imported 20 case file scorings from renamed-headers.csv.')).toBeVisible({ timeout: IMPORT_TIMEOUT });
});
