import type { Locator, Page, TestInfo } from '@playwright/test';
import { fromMenu } from './app-menus';
import { checkA11y } from './axe';
import { expect, test } from './offline';

/**
 * WCAG 2.2 AA, as UK public-sector software must meet it: axe-core over every view, dialog and
 * menu in the states an analyst sees them (empty, selected, menus open, errors shown), with no
 * serious or critical violation; and a focus indicator that can be seen on every control the Tab
 * key reaches, measured from the pixels. The keyboard itself is exercised in keyboard.spec.ts.
 */

// The functions passed to evaluate() run in the page; the e2e tests compile without the DOM
// library, so the page globals they use are declared here, as far as they use them.
interface PageElement {
  tagName: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { toJSON(): { x: number; y: number; width: number; height: number } };
}
declare const document: { activeElement: PageElement | null; body: PageElement };
declare const window: { seenByRingTest: WeakSet<PageElement> };
declare function createImageBitmap(image: Blob): Promise<{ width: number; height: number }>;
declare class OffscreenCanvas {
  constructor(width: number, height: number);
  getContext(kind: '2d'): {
    drawImage(image: unknown, x: number, y: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
  } | null;
}

const SAMPLES = 'tests/fixtures/samples';
const TESTSHIRE_MD = 'tests/fixtures/synthetic-testshire-2017.md';
const IMPORT_TIMEOUT = 60_000;

async function openView(page: Page, tab: string): Promise<void> {
  await page.goto('/');
  // The first load builds the workspace in the worker: slow on a busy machine.
  await expect(page.getByRole('article').first()).toBeVisible({ timeout: 30_000 });
  if (tab === 'Reports') return;
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

async function openFindings(page: Page): Promise<Locator> {
  await openView(page, 'Findings');
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();
  const grid = page.getByRole('region', { name: 'Findings' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  // The facets arrive a moment after the rows.
  await expect(page.getByRole('complementary', { name: 'Facets' })).not.toHaveAttribute('aria-busy', 'true');
  return grid;
}

async function openFileReview(page: Page): Promise<void> {
  await openView(page, 'File review');
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Case files' }).getByRole('row').nth(1)).toBeVisible();
}

async function chooseFile(page: Page, button: string, files: string | string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(files);
}

test('Reports: the report and its warnings, the import area with every kind of outcome, a warning dismissed', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await openView(page, 'Reports');
  await checkA11y(page, testInfo, 'reports');

  await chooseFile(page, 'Import report', [TESTSHIRE_MD, 'tests/fixtures/empty.txt', 'tests/fixtures/binary.bin']);
  const zone = page.getByRole('region', { name: 'Import reports' });
  await expect(zone.getByRole('listitem')).toHaveCount(3, { timeout: IMPORT_TIMEOUT });
  await expect(page.getByRole('article')).toHaveCount(2);
  await checkA11y(page, testInfo, 'reports, after an import (imported and refused files)');

  const warnings = page.getByRole('region', { name: /^Extraction warnings \(2\) — check against gwent/ });
  // Dismissed with a reason (issue 17), through the dialog, which is checked while it is open.
  await warnings.getByRole('button', { name: 'Dismiss warning' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss the warning' });
  await dialog.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();
  await checkA11y(page, testInfo, 'reports, the dismiss dialog refusing an empty reason');
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Checked against the report: it prints 1.');
  await dialog.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(warnings).toContainText('1 of 2 still to check');
  await checkA11y(page, testInfo, 'reports, a warning dismissed');
});

test('Findings: grid, facets, the detail panel with its annotation editor, the menus, the save dialog, a column filter', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const grid = await openFindings(page);
  await checkA11y(page, testInfo, 'findings');

  // A finding selected, annotated: the detail panel with chips, history and a saved status.
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('county lines');
  await expect(page.getByText('2 findings matching “county lines”', { exact: true })).toBeVisible();
  await grid.getByRole('row').nth(1).getByRole('gridcell').nth(3).click();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
  await detail.getByRole('combobox', { name: 'RAG rating' }).selectOption('amber');
  await detail.getByRole('combobox', { name: 'Tags' }).fill('county-lines');
  await detail.getByRole('button', { name: 'Add tag' }).click();
  await expect(detail.getByRole('list', { name: 'Tags on this finding' })).toContainText('county-lines');
  await expect(detail.getByRole('status').filter({ hasText: 'saved' })).toBeVisible();
  await checkA11y(page, testInfo, 'findings, a finding selected and annotated');

  const facets = page.getByRole('complementary', { name: 'Facets' });
  await facets.getByRole('button', { name: /^Amber \d+$/ }).click();
  await expect(facets.getByRole('button', { name: /^Amber \d+$/ })).toHaveAttribute('aria-pressed', 'true');
  await checkA11y(page, testInfo, 'findings, a facet pressed');

  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(page.getByRole('button', { name: 'Save current view…' })).toBeVisible();
  await checkA11y(page, testInfo, 'findings, saved views menu');
  await page.getByRole('button', { name: 'Save current view…' }).click();
  const save = page.getByRole('dialog', { name: 'Save the current view' });
  await expect(save).toBeVisible();
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(save.getByRole('alert')).toHaveText('Type a name first.');
  await checkA11y(page, testInfo, 'findings, save view dialog with its error');
  await save.getByRole('textbox', { name: 'Name' }).fill('Amber county lines');
  await save.getByRole('button', { name: 'Save view' }).click();
  await expect(save).toBeHidden();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await expect(page.getByRole('list', { name: 'Saved views' })).toContainText('Amber county lines');
  await checkA11y(page, testInfo, 'findings, saved views menu with a view');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('group', { name: 'Visible columns' })).toBeVisible();
  await checkA11y(page, testInfo, 'findings, columns menu');
  await page.keyboard.press('Escape');

  // AG Grid's own filter popup, opened from the header as a keyboard user does (Ctrl+Enter).
  await grid.getByRole('columnheader', { name: 'Section' }).focus();
  await page.keyboard.press('Control+Enter');
  const filter = page.getByRole('textbox', { name: 'Filter value' });
  await expect(filter).toBeVisible();
  await checkA11y(page, testInfo, 'findings, a column filter open');
  await page.keyboard.press('Escape');

  await page.getByRole('searchbox', { name: 'Search findings' }).fill('zzzz nothing');
  await expect(page.getByText(/^No findings match/)).toBeVisible();
  await checkA11y(page, testInfo, 'findings, nothing matches');
});

test('Metrics: grid, chart with its text alternative, and a metric’s detail', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openView(page, 'Metrics');
  const grid = page.getByRole('region', { name: 'Metrics' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
  const charts = page.getByRole('img', { name: /^Bar chart of Gwent Police 2017 against England and Wales/ });
  await expect(charts.first()).toBeVisible();
  // Every chart has a text alternative that gives its figures, not only a name.
  for (const chart of await charts.all()) await expect(chart).toHaveAccessibleDescription(/Gwent Police \S+.*England and Wales/);
  await checkA11y(page, testInfo, 'metrics');

  await grid.getByRole('gridcell', { name: /Calls for assistance/ }).click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
  await detail.getByRole('checkbox', { name: 'Verified against the source' }).check();
  await expect(detail).toContainText('Verified by');
  await checkA11y(page, testInfo, 'metrics, a metric selected and verified');
});

test('File review: summary, reconciliation, agreement, a case file open, the mapping dialog and its error list', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openFileReview(page);
  await checkA11y(page, testInfo, 'file review');

  await page.getByRole('region', { name: 'Case files' }).getByRole('gridcell', { name: 'GW-17-001', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Case file detail' }).getByRole('heading', { level: 3 }).first()).toHaveText(
    /^Case GW-17-001/,
  );
  // The reconciliation is a tab of the panel under the case files.
  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const reconcile = page.getByRole('region', { name: 'Reconciliation with the report' });
  await reconcile.getByRole('button', { name: 'Show paragraph' }).first().click();
  await expect(reconcile.locator('blockquote').first()).toBeVisible();
  await checkA11y(page, testInfo, 'file review, a case file open and a paragraph shown');

  await chooseFile(page, 'Import sample…', `${SAMPLES}/renamed-headers.csv`);
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await expect(dialog.getByRole('note')).toContainText('Not mapped yet:');
  await checkA11y(page, testInfo, 'file review, import mapping dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  await chooseFile(page, 'Import sample…', `${SAMPLES}/bad.csv`);
  await dialog.getByRole('button', { name: 'Import 6 rows' }).click();
  await expect(dialog.getByRole('table', { name: 'Problems found' })).toBeVisible();
  await checkA11y(page, testInfo, 'file review, import error list');
});

test('Dialogs and menus of the header: Preferences, Keyboard shortcuts, About, Recent, Backups', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openView(page, 'Reports');
  for (const [menu, item, title] of [
    ['File', 'Preferences…', 'Preferences'],
    ['Help', 'Keyboard shortcuts', 'Keyboard shortcuts'],
    ['Help', 'About PEEL Workbench', 'About PEEL Workbench'],
  ] as const) {
    await fromMenu(page, menu, item);
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    if (title === 'About PEEL Workbench') await expect(dialog).toContainText('Version');
    await checkA11y(page, testInfo, `${title} dialog`);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  // Preferences with its confirmation shown.
  await fromMenu(page, 'File', 'Preferences…');
  const prefs = page.getByRole('dialog', { name: 'Preferences' });
  await prefs.getByRole('textbox').fill('A. Analyst');
  await prefs.getByRole('button', { name: 'Save' }).click();
  await expect(prefs.getByRole('status')).toContainText('A. Analyst');
  await checkA11y(page, testInfo, 'Preferences dialog, saved');
  await page.keyboard.press('Escape');

  // The File menu with its Open recent list, the Backups dialog, and the command palette.
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Open recent' }).click();
  await expect(page.getByRole('menu', { name: 'Open recent' }).getByRole('menuitem').first()).toBeVisible();
  await checkA11y(page, testInfo, 'File menu, Open recent');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await fromMenu(page, 'File', 'Backups…');
  await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible();
  await checkA11y(page, testInfo, 'Backups dialog');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await page.keyboard.type('gwent');
  await expect(page.getByRole('dialog', { name: 'Command palette' }).getByRole('option').first()).toBeVisible();
  await checkA11y(page, testInfo, 'command palette');
  await page.keyboard.press('Escape');
});

test('Briefing', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await openView(page, 'Briefing');
  await expect(page.getByRole('tabpanel', { name: 'Briefing' }).getByRole('heading').first()).toBeVisible();
  await checkA11y(page, testInfo, 'briefing');
});

// ---------------------------------------------------------------------------------------------
// Focus visibility, measured: every element the Tab key reaches is pictured focused and then
// unfocused, and the pixels that change between the two must form at least a one-pixel ring
// around it at 3:1 contrast (WCAG 2.4.7 Focus Visible, with 1.4.11's 3:1 for the indicator).

interface RingResult {
  name: string;
  changed: number;
  strong: number;
  needed: number;
}

/** Compares two PNGs in a blank page (the app's CSP is not involved): pixels changed, and changed at 3:1 or more. */
async function compareRing(scratch: Page, focused: Buffer, unfocused: Buffer): Promise<{ changed: number; strong: number }> {
  return scratch.evaluate(
    async ([a, b]) => {
      const pixels = async (b64: string) => {
        const bin = atob(b64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2D context in the scratch page');
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const channel = (c: number) => {
        const s = c / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      const luminance = (d: Uint8ClampedArray, i: number) =>
        0.2126 * channel(d[i] ?? 0) + 0.7152 * channel(d[i + 1] ?? 0) + 0.0722 * channel(d[i + 2] ?? 0);
      const [f, u] = await Promise.all([pixels(a), pixels(b)]);
      let changed = 0;
      let strong = 0;
      for (let i = 0; i < Math.min(f.length, u.length); i += 4) {
        if (f[i] === u[i] && f[i + 1] === u[i + 1] && f[i + 2] === u[i + 2]) continue;
        changed++;
        const l1 = luminance(f, i);
        const l2 = luminance(u, i);
        if ((Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) >= 3) strong++;
      }
      return { changed, strong };
    },
    [focused.toString('base64'), unfocused.toString('base64')] as const,
  );
}

/**
 * Tabs through the page from where focus is until it comes round again (or `max` stops), and
 * measures each stop's focus indicator: pictured focused, then with focus one step back
 * (Shift+Tab), then Tab again to go on. Taking focus away with blur() instead would leave AG
 * Grid's own keyboard handling out of the walk, which is not what a keyboard user meets.
 */
async function measureFocusRings(page: Page, scratch: Page, testInfo: TestInfo, view: string, max = 80): Promise<RingResult[]> {
  await page.evaluate(() => (window.seenByRingTest = new WeakSet()));
  const results: RingResult[] = [];
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const file = (name: string) => testInfo.outputPath(`focus-${view.replace(/\W+/g, '-')}-${name}.png`);
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    await page.waitForTimeout(80);
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const seen = window.seenByRingTest;
      if (seen.has(el)) return 'again' as const;
      seen.add(el);
      const r = el.getBoundingClientRect();
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      return {
        name: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[${el.getAttribute('role')}]` : ''} “${name}”`,
        ...r.toJSON(),
      };
    });
    if (stop === 'again') break;
    if (stop === null) continue;
    const pad = 5;
    const x = Math.max(0, Math.floor(stop.x) - pad);
    const y = Math.max(0, Math.floor(stop.y) - pad);
    const clip = {
      x,
      y,
      width: Math.min(viewport.width, Math.ceil(stop.x + stop.width) + pad) - x,
      height: Math.min(viewport.height, Math.ceil(stop.y + stop.height) + pad) - y,
    };
    if (clip.width <= 0 || clip.height <= 0) {
      results.push({ name: `${stop.name} (off screen)`, changed: 0, strong: 0, needed: 1 });
      continue;
    }
    // Every focused stop is kept as a picture, to be looked at as well as measured.
    const focused = await page.screenshot({ clip, path: file(`${String(i).padStart(2, '0')}-focused`) });
    await page.keyboard.press('Shift+Tab');
    await page.waitForTimeout(80);
    const unfocused = await page.screenshot({ clip });
    await page.keyboard.press('Tab');
    await page.waitForTimeout(80);
    const { changed, strong } = await compareRing(scratch, focused, unfocused);
    // A one-pixel ring around the visible part of the element.
    const visibleW = Math.min(stop.width, clip.width);
    const visibleH = Math.min(stop.height, clip.height);
    const result = { name: stop.name, changed, strong, needed: Math.floor(2 * (visibleW + visibleH) * 0.9) };
    results.push(result);
    if (result.strong < result.needed) {
      await page.keyboard.press('Shift+Tab');
      await page.screenshot({ path: file(`${String(i).padStart(2, '0')}-unfocused`), clip });
      await page.keyboard.press('Tab');
    }
  }
  const failing = results.filter((r) => r.strong < r.needed);
  console.log(
    `focus ${view}: ${results.length} tab stops, ${results.length - failing.length} with a visible 3:1 indicator` +
      (failing.length
        ? `\n${failing.map((r) => `  ${r.name}: ${r.strong} of ${r.needed} pixels at 3:1 (${r.changed} changed)`).join('\n')}`
        : ''),
  );
  return results;
}

test('every control the Tab key reaches shows a focus indicator with 3:1 contrast, in every view and dialog', async ({
  page,
}, testInfo) => {
  test.setTimeout(480_000);
  const scratch = await page.context().newPage();
  const all: RingResult[] = [];
  const measure = async (view: string, max?: number) => {
    const results = await measureFocusRings(page, scratch, testInfo, view, max);
    all.push(...results.map((r) => ({ ...r, name: `${view}: ${r.name}` })));
    return results;
  };

  await openView(page, 'Reports');
  expect((await measure('reports')).length).toBeGreaterThan(10);

  for (const view of ['Findings', 'Metrics', 'File review', 'Briefing'] as const) {
    await page.getByRole('tab', { name: view }).click();
    if (view === 'Findings') await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();
    if (view === 'Metrics') await expect(page.getByRole('region', { name: 'Metrics' }).getByRole('row').nth(1)).toBeVisible();
    if (view === 'File review') await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
    if (view === 'Briefing') await expect(page.getByRole('tabpanel', { name: 'Briefing' }).getByRole('heading').first()).toBeVisible();
    await page.waitForTimeout(500);
    await page.getByRole('tab', { name: view }).focus();
    expect((await measure(view.toLowerCase())).length).toBeGreaterThan(5);
  }

  // The findings detail panel, reached with Enter from the grid.
  await page.getByRole('tab', { name: 'Findings' }).click();
  // A click that lands while the grid is still drawing its first rows selects nothing (seen once
  // on a loaded box): click until the finding is shown, then Enter.
  await expect(async () => {
    // (Not the first cell: that is the brief checkbox's.)
    await page.getByRole('region', { name: 'Findings' }).getByRole('gridcell').nth(1).click();
    await expect(page.getByRole('region', { name: 'Finding detail' }).getByRole('combobox', { name: 'Status' })).toBeVisible({
      timeout: 2000,
    });
  }).toPass();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Status' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await measure('finding detail', 14);

  // The menus and dialogs.
  await page.getByRole('button', { name: 'Saved views' }).click();
  await measure('saved views menu', 3);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Columns' }).click();
  await measure('columns menu', 12);
  await page.keyboard.press('Escape');
  for (const [menu, item, title] of [
    ['File', 'Preferences…', 'Preferences'],
    ['Help', 'Keyboard shortcuts', 'Keyboard shortcuts'],
    ['Help', 'About PEEL Workbench', 'About PEEL Workbench'],
  ] as const) {
    await fromMenu(page, menu, item);
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await measure(`${title} dialog`, 6);
    await page.keyboard.press('Escape');
  }

  const failing = all.filter((r) => r.strong < r.needed).map((r) => `${r.name}: ${r.strong} of ${r.needed} pixels at 3:1`);
  console.log(`focus, all views: ${all.length} tab stops measured, ${all.length - failing.length} with a visible 3:1 indicator`);
  expect(failing, 'tab stops without a visible 3:1 focus indicator').toEqual([]);
  await scratch.close();
});
