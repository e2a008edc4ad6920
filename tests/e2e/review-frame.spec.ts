import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './offline';

// File review, Reports and Briefing in the docked frame: the window is the app, the document never
// scrolls, each panel scrolls inside itself, and File review remembers where the analyst was.

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;

// The function passed to evaluate() runs in the page; the e2e tests compile without the DOM library.
interface ScrollBox {
  scrollHeight: number;
  scrollWidth: number;
}
declare const document: { scrollingElement: ScrollBox | null; documentElement: ScrollBox };
declare const window: { innerHeight: number; innerWidth: number };

/** The document's own scroll extent against the window: equal when only panels scroll. */
const frame = (page: Page) =>
  page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    return { height: doc.scrollHeight, innerHeight: window.innerHeight, width: doc.scrollWidth, innerWidth: window.innerWidth };
  });

async function expectFrame(page: Page): Promise<void> {
  const f = await frame(page);
  expect(f.height, 'the document scrolls vertically').toBe(f.innerHeight);
  expect(f.width, 'the document overflows horizontally').toBe(f.innerWidth);
}

/** The element's box lies inside the window (not below the fold). */
async function expectInWindow(page: Page, box: { x: number; y: number; width: number; height: number } | null): Promise<void> {
  const size = page.viewportSize();
  expect(box).not.toBeNull();
  if (!box || !size) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(size.height);
  expect(box.x + box.width).toBeLessThanOrEqual(size.width);
}

async function openView(page: Page, name: string): Promise<void> {
  await page.goto('/');
  // Once the workspace is open (a view is shown): a tab chosen before that is not remembered (App.tsx).
  await expect(page.getByRole('tabpanel').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name }).click();
}

for (const size of SIZES) {
  test(`File review at ${size.width}×${size.height}: the document does not scroll, and the editor's Status is in view after choosing a case file`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(size);
    await openView(page, 'File review');
    const grid = page.getByRole('region', { name: 'Case files' });
    const row = grid.getByRole('row').filter({ hasText: 'GW-17-003' }).first();
    await row.locator('[col-id="caseRef"]').click();
    const detail = page.getByRole('region', { name: 'Case file detail' });
    await expect(detail.getByRole('heading', { name: 'Case GW-17-003, scored by Reviewer A' })).toBeVisible();
    const status = detail.getByLabel('Status', { exact: true });
    await expectInWindow(page, await status.boundingBox());
    // Compact rows: one line each.
    const height = await row.evaluate((r) => r.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(32);
    // The section under the grid scrolls inside its panel; the page stays put.
    await page.getByRole('tab', { name: 'Agreement' }).click();
    await expect(page.getByRole('region', { name: 'Agreement between reviewers' })).toBeVisible();
    await expectFrame(page);
    await page.getByRole('tab', { name: 'Summary' }).click();
    await expectFrame(page);
    if (size.width !== 1280) await page.screenshot({ path: `/tmp/h18/review-${size.width}x${size.height}.png` });
    void testInfo;
  });

  test(`Reports and Briefing at ${size.width}×${size.height}: the document does not scroll; the view scrolls inside its own panel`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openView(page, 'Reports');
    await expect(page.getByRole('article', { name: 'PEEL: Police effectiveness 2017' })).toBeVisible();
    await expectFrame(page);
    // A report's section can be brought into view by its id, and its heading takes focus (the command palette's way).
    await expect(page.locator('#report-1')).toHaveCount(1);
    await expect(page.locator('#report-1 h2')).toHaveAttribute('tabindex', '-1');
    if (size.width !== 1280) await page.screenshot({ path: `/tmp/h18/reports-${size.width}x${size.height}.png` });
    await page.getByRole('tab', { name: 'Briefing' }).click();
    await expect(page.getByRole('heading', { name: 'Briefing pack' })).toBeVisible();
    await expectFrame(page);
    if (size.width !== 1280) await page.screenshot({ path: `/tmp/h18/briefing-${size.width}x${size.height}.png` });
  });
}

test('File review remembers the case file chosen, the section open and the sort after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openView(page, 'File review');
  const grid = page.getByRole('region', { name: 'Case files' });
  await grid.getByRole('columnheader', { name: 'Case ref' }).click();
  await grid.getByRole('columnheader', { name: 'Case ref' }).click();
  await grid.getByRole('row').filter({ hasText: 'GW-17-058' }).first().locator('[col-id="caseRef"]').click();
  const detail = page.getByRole('region', { name: 'Case file detail' });
  await expect(detail.getByRole('heading', { name: /^Case GW-17-058, scored by/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  await expect(page.getByRole('region', { name: 'Reconciliation with the report' })).toBeVisible();

  await page.reload();
  // The app remembers the view; File review remembers its own desk.
  await expect(page.getByRole('tab', { name: 'Reconciliation' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Reconciliation with the report' })).toBeVisible();
  await expect(detail.getByRole('heading', { name: /^Case GW-17-058, scored by/ })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Case ref' })).toHaveAttribute('aria-sort', 'descending');
  await expect(grid.getByRole('row', { selected: true })).toContainText('GW-17-058');
});

test('a refused sample says what happened and what to do, with the technical detail one click away', async ({ page }) => {
  await openView(page, 'File review');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import sample…' }).click();
  await (await chooser).setFiles('tests/fixtures/samples/bomb.xlsx');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('bomb.xlsx was not imported.');
  await expect(alert).toContainText('This workbook is unsafe to open: it would unpack to far more than it holds.');
  const detail = alert.getByText(/refused as unsafe to open \(a "zip bomb"\)/);
  await expect(detail).toBeHidden();
  await alert.getByText('Technical detail').click();
  await expect(detail).toBeVisible();
  await expect(detail).toContainText('bomb.xlsx would inflate to');
});

test('a refused report says in words that the file is not text, with the line and column behind "Technical detail"', async ({
  page,
}, testInfo) => {
  await openView(page, 'Reports');
  const program = testInfo.outputPath('notes.txt');
  writeFileSync(program, Buffer.concat([Buffer.from('MZ header of a program'), Buffer.from([0, 1, 2, 0xff, 0xfe])]));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles([program, 'tests/fixtures/truncated.pdf']);
  const outcomes = page.getByRole('listitem').filter({ hasText: 'was not imported' });
  const notText = outcomes.filter({ hasText: 'notes.txt' });
  await expect(notText).toContainText(
    'This file is not text: it looks like a program or an image. Choose the report’s PDF or a text copy of it.',
    {
      timeout: 60_000,
    },
  );
  const where = notText.getByText(/control character \(U\+0000, NUL\) at line 1, column 23/);
  await expect(where).toBeHidden();
  await notText.getByText('Technical detail').click();
  await expect(where).toBeVisible();
  const damaged = outcomes.filter({ hasText: 'truncated.pdf' });
  await expect(damaged).toContainText('This PDF is damaged or not a PDF. Open it in a PDF reader to check it, or choose another copy.');
  await expect(damaged).toContainText('Nothing in the workspace was changed.');
  await damaged.getByText('Technical detail').click();
  await expect(damaged.getByText(/truncated\.pdf could not be read as a PDF \(.+\); it may be truncated or damaged/)).toBeVisible();
  await page.screenshot({ path: '/tmp/h18/reports-refused-1280.png' });
});

test('a workspace that cannot be opened says so in words, with the technical detail behind a click', async ({ page }) => {
  await page.route('**/default-workspace.sqlite', (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: 'not a database' }),
  );
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The workspace could not be opened');
  await expect(alert).toContainText(
    'This file is not a PEEL Workbench workspace. Choose a workspace saved by PEEL Workbench (File menu, “Open workspace…”).',
  );
  const detail = alert.getByText(/is not a SQLite database/);
  await expect(detail).toBeHidden();
  await alert.getByText('Technical detail').click();
  await expect(detail).toBeVisible();
});

test('Show source on a stated figure docks the Source panel in place of the detail, inside the frame', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openView(page, 'File review');
  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const reconcile = page.getByRole('region', { name: 'Reconciliation with the report' });
  await reconcile.getByRole('button', { name: 'Show source' }).first().click();
  const source = page.getByRole('region', { name: 'Source', exact: true });
  await expect(source.locator('mark').first()).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Case file detail' })).toBeHidden();
  await expectFrame(page);
  await page.screenshot({ path: '/tmp/h18/review-source-1024x700.png' });
  await source.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Case file detail' })).toBeVisible();
});
