import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';
import { newWorkspace } from './app-menus';

/**
 * The Source panel: Show source beside a finding, a footnote, a grade, an area for improvement and
 * a stated figure of the file review opens the original (the seed's Markdown, or the seed printed
 * to PDF) with the item's words highlighted; find in source; an original that is gone. Driven by
 * roles and accessible names, offline.
 */

const SEED_PDF = 'tests/fixtures/gwent-2017.pdf';
const SEED_MD = 'data/gwent-peel-effectiveness-2017.md';
const CONCERN = 'The force needs to improve its response to';

async function openFinding(page: Page, search: string, text: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('searchbox', { name: 'Search findings' }).fill(search);
  const grid = page.getByRole('region', { name: 'Findings' });
  await grid.getByRole('row').filter({ hasText: text }).getByRole('gridcell', { name: text }).click();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  await expect(detail).toContainText(text);
  return detail;
}

/** Drops files (as bytes) on the Reports view's import zone, as the browser does. */
async function dropFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const zone = page.getByRole('region', { name: 'Import reports' });
  const transfer = await page.evaluateHandle(`((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  })(${JSON.stringify(files.map((f) => ({ name: f.name, b64: f.bytes.toString('base64') })))})`);
  for (const type of ['dragenter', 'dragover', 'drop']) await zone.dispatchEvent(type, { dataTransfer: transfer });
}

/** The part of a canvas the check reads (this file compiles without the DOM types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } };
}

/** How many pixels of the page's canvas are not white: a drawn page has text on it. */
async function inkOnCanvas(source: Locator): Promise<number> {
  return source.locator('.source-page canvas').evaluate((element) => {
    const canvas = element as unknown as CanvasLike;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200 || (data[i + 1] ?? 255) < 200 || (data[i + 2] ?? 255) < 200) ink++;
    return ink;
  });
}

test('Show source beside a finding: the seed’s lines with the finding highlighted at its line; find with Ctrl+F; Escape closes', async ({
  page,
}) => {
  await page.goto('/');
  const detail = await openFinding(page, 'county lines', CONCERN);
  const position = (await detail.getByText(/line \d+ of the source/).innerText()).match(/line (\d+)/)?.[1] ?? '';
  expect(position).not.toBe('');

  const show = detail.getByRole('button', { name: 'Show source' }).first();
  await show.click();
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toBeVisible();
  await expect(source).toContainText(`gwent-peel-effectiveness-2017.md · line ${position}`);
  // The finding's words are marked on its line, and the line shows its number.
  const line = source
    .getByRole('listitem')
    .filter({ has: page.locator('mark') })
    .first();
  await expect(line.locator('mark').first()).toContainText(`${CONCERN} 'county lines'`);
  await expect(line).toContainText(position);
  await expect(line.locator('mark').first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('source-findings-text.png') });

  // Find in source: Ctrl+F in the panel goes to its find box, not the browser's.
  await page.keyboard.press('Control+f');
  const find = source.getByRole('searchbox', { name: 'Find in source' });
  await expect(find).toBeFocused();
  await find.fill('county lines');
  const total = (await source.getByText(/^1 of \d+$/).innerText()).replace('1 of ', '');
  expect(Number(total)).toBeGreaterThanOrEqual(3);
  await find.press('Enter');
  await expect(source.getByText(`2 of ${total}`, { exact: true })).toBeVisible();
  await find.press('Shift+Enter');
  await find.press('Shift+Enter');
  await expect(source.getByText(`${total} of ${total}`, { exact: true })).toBeVisible();
  await expect(source.locator('mark.source-mark--current')).toHaveText(/county lines/i);
  await expect(source.locator('mark.source-mark--current')).toBeInViewport();
  await find.fill('no such words anywhere');
  await expect(source.getByText('No matches', { exact: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('source-findings-find.png') });

  // A footnote's own Show source moves the panel to the footnote.
  await detail
    .getByRole('listitem')
    .filter({ hasText: 'describes organised drug-dealing networks' })
    .getByRole('button', { name: 'Show source' })
    .click();
  await expect(source.locator('mark.source-mark--quote').first()).toContainText(
    "The term 'county lines' describes organised drug-dealing networks",
  );

  await source.press('Escape');
  await expect(source).toBeHidden();
});

test('Show source beside a grade and an area for improvement in Reports, and a stated figure in File review', async ({ page }) => {
  await page.goto('/');
  const report = page.getByRole('article').first();
  const grades = report.getByRole('table', { name: /^Judgments for/ });
  // A grade read from a sentence of the report: the sentence is marked where it was read.
  const grade = grades.getByRole('row', { name: /Protecting vulnerable people/ });
  const said = await grade.locator('q').first().innerText();
  await grade.getByRole('button', { name: 'Show source' }).click();
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toContainText(/gwent-peel-effectiveness-2017\.md · line \d+/);
  await expect(source.locator('mark').first()).toContainText(said.slice(0, 60));
  await expect(source.locator('mark').first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('source-reports-grade.png') });

  const area = report
    .getByRole('listitem')
    .filter({ hasText: 'The force should improve the quality of investigations involving vulnerable people' })
    .first();
  await area.getByRole('button', { name: 'Show source' }).first().click();
  await expect(source.locator('mark').first()).toContainText(
    'The force should improve the quality of investigations involving vulnerable people',
  );
  await expect(source).toContainText('· line 335');
  await page.screenshot({ path: test.info().outputPath('source-reports-area.png') });
  await source.getByRole('button', { name: 'Close' }).click();
  await expect(source).toBeHidden();

  await page.getByRole('tab', { name: 'File review' }).click();
  // The reconciliation is a tab of the panel under the case files.
  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const reconcile = page.getByRole('region', { name: 'Reconciliation with the report' });
  const row = reconcile
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Show source' }) })
    .first();
  const statement = ((await row.locator('.reconcile-statement').innerText()) ?? '').replace(/^“|”$/g, '');
  await row.getByRole('button', { name: 'Show source' }).click();
  await expect(source.locator('mark').first()).toContainText(statement.slice(0, 30));
  await expect(source.locator('mark').first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('source-review.png') });
});

test('the seed printed to PDF: its page drawn with the finding highlighted in the text layer; a missing original says so and can be located', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  await newWorkspace(page);
  await expect(page.getByRole('heading', { name: 'This workspace has no reports yet.' })).toBeVisible();
  await dropFiles(page, [{ name: 'gwent-2017.pdf', bytes: readFileSync(SEED_PDF) }]);
  await expect(page.getByRole('region', { name: 'Import reports' })).toContainText('Imported PEEL: Police effectiveness 2017', {
    timeout: 120_000,
  });
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  // The original is gone from this browser's store: the panel says so, names the file, and shows what was read.
  await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('peel-workbench-originals');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('originals', 'readwrite');
      tx.objectStore('originals').clear();
      tx.oncomplete = () => { open.result.close(); resolve(undefined); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
  const detail = await openFinding(page, 'county lines', CONCERN);
  await detail.getByRole('button', { name: 'Show source' }).first().click();
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source.getByRole('alert').first()).toContainText('The original file, gwent-2017.pdf, is not kept with this workspace');
  await expect(source.locator('.source-page canvas')).toHaveCount(0);
  await expect(source.getByRole('figure')).toContainText(CONCERN);
  await expect(source.getByRole('figure')).toContainText(/Page \d+, line \d+/);
  await page.screenshot({ path: test.info().outputPath('source-pdf-missing.png') });

  // Another file is refused in words; the original, located, is kept and drawn.
  let chooser = page.waitForEvent('filechooser');
  await source.getByRole('button', { name: 'Locate file…' }).click();
  await (await chooser).setFiles({ name: 'gwent.md', mimeType: 'text/markdown', buffer: readFileSync(SEED_MD) });
  await expect(source.getByRole('alert').nth(1)).toContainText('"gwent.md" is not the file gwent-2017.pdf was imported from');
  await expect(source.locator('.source-page canvas')).toHaveCount(0);
  chooser = page.waitForEvent('filechooser');
  await source.getByRole('button', { name: 'Locate file…' }).click();
  await (await chooser).setFiles(SEED_PDF);

  const pageField = source.getByRole('textbox', { name: 'Page number' });
  await expect(source.locator('.source-page canvas')).toHaveCount(1, { timeout: 30_000 });
  const pageNo = await pageField.inputValue();
  await expect(source).toContainText(`gwent-2017.pdf · page ${pageNo}`);
  await expect(source.getByRole('toolbar', { name: 'Page and zoom' })).toContainText('of 25');
  expect(await inkOnCanvas(source)).toBeGreaterThan(2000);
  // The finding's words are marked in the text layer (selectable text over the drawn page), in view.
  const marked = source.locator('.textLayer mark.source-mark--quote');
  await expect(marked.first()).toBeAttached();
  expect((await marked.allTextContents()).join(' ')).toContain('The force needs to improve its response to');
  await expect(marked.first()).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('source-pdf-findings.png') });

  // Pages and zoom.
  await source.getByRole('button', { name: 'Next page' }).click();
  await expect(pageField).toHaveValue(String(Number(pageNo) + 1));
  await expect(source.locator('.source-page')).toHaveAttribute('data-page', String(Number(pageNo) + 1));
  expect(await inkOnCanvas(source)).toBeGreaterThan(2000);
  const zoom = source.getByRole('toolbar', { name: 'Page and zoom' });
  const before = await zoom.locator('.source-zoom').innerText();
  await source.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom.locator('.source-zoom')).not.toHaveText(before);
  await pageField.fill('1');
  await pageField.press('Enter');
  await expect(source.locator('.source-page')).toHaveAttribute('data-page', '1');

  // Find across the document goes to the page of the match.
  await page.keyboard.press('Control+f');
  await source.getByRole('searchbox', { name: 'Find in source' }).fill('county lines');
  await expect(source.getByText(/^1 of \d+$/)).toBeVisible();
  await expect(source.locator('.textLayer mark.source-mark--current').first()).toBeAttached();
  await expect(pageField).not.toHaveValue('1');
  await page.screenshot({ path: test.info().outputPath('source-pdf-find.png') });
});
