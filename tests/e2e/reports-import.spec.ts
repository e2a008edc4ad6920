import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';
import { newWorkspace } from './app-menus';

const TESTSHIRE_MD = 'tests/fixtures/synthetic-testshire-2017.md';
const IMPORT_TIMEOUT = 60_000;

interface DroppedFile {
  name: string;
  text?: string;
  /** A file of this many zero bytes, made in the page (too large to send from the test). */
  size?: number;
}

// Runs in the page (a string, as the tests compile without the DOM library).
const MAKE_TRANSFER = (files: DroppedFile[]) => `((files) => {
  const dt = new DataTransfer();
  for (const f of files) dt.items.add(new File([f.size === undefined ? (f.text ?? '') : new Uint8Array(f.size)], f.name));
  return dt;
})(${JSON.stringify(files)})`;

/** A page saved as text, as the HTML page it was: a paragraph per line, the first line its heading, a script in its head. */
function asHtmlPage(text: string): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const [title = '', ...rest] = text.split('\n').filter((l) => l.trim() && l.trim() !== 'Skip to content');
  return `<!DOCTYPE html><html><head><script>window.__ranFromReport = true</script></head><body><nav>Skip to content</nav><h1>${esc(title)}</h1>${rest.map((l) => `<p>${esc(l)}</p>`).join('')}</body></html>`;
}

/** Drops files on the target as the browser does: dragenter, dragover, drop, with a DataTransfer made in the page. */
async function dropFiles(page: Page, target: Locator, files: DroppedFile[]): Promise<void> {
  const transfer = await page.evaluateHandle(MAKE_TRANSFER(files));
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
}

test('reports dropped on the view are imported one after the other, each with its own outcome', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  const zone = page.getByRole('region', { name: 'Import reports' });
  await expect(zone).toHaveAccessibleDescription(
    /drag Markdown \(\.md\), plain text \(\.txt\), web pages \(\.html\) or PDF \(\.pdf\) reports here/,
  );

  await dropFiles(page, zone, [
    { name: 'synthetic-testshire-2017.md', text: readFileSync(TESTSHIRE_MD, 'utf8') },
    { name: 'briefing notes.docx', text: 'not a report' },
    { name: 'scanned.pdf', size: 51 * 1024 * 1024 },
    { name: 'empty.txt', text: '' },
  ]);
  const outcomes = zone.getByRole('listitem');
  await expect(outcomes).toHaveCount(4, { timeout: IMPORT_TIMEOUT });
  await expect(zone).toContainText('4 files: 1 imported, 3 not imported.');
  await expect(outcomes.nth(0)).toContainText(
    'Imported PEEL: Police effectiveness 2017 – Testshire Constabulary from synthetic-testshire-2017.md',
  );
  await expect(outcomes.nth(0)).toContainText('25 metrics, 6 judgments');
  await expect(outcomes.nth(1)).toContainText(
    'briefing notes.docx was not imported. Only Markdown (.md), plain text (.txt), web pages (.html) and PDF (.pdf)',
  );
  await expect(outcomes.nth(2)).toContainText('scanned.pdf was not imported. It is 51.0 MB; reports over 50 MB are refused.');
  await expect(outcomes.nth(3)).toContainText('empty.txt was not imported.');
  await expect(outcomes.nth(3)).toContainText('Nothing in the workspace was changed.');
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Judgments for Testshire Constabulary' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  await page.screenshot({ path: testInfo.outputPath('reports-drop.png') });

  // The same report dropped again is recognised, not added twice.
  await dropFiles(page, zone, [{ name: 'testshire-again.md', text: readFileSync(TESTSHIRE_MD, 'utf8') }]);
  await expect(outcomes).toHaveCount(1);
  await expect(outcomes).toContainText('Duplicate detected: testshire-again.md was not imported.', { timeout: IMPORT_TIMEOUT });

  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByText(/^49 metrics/)).toBeVisible();
});

test('an extraction warning dismissed with a reason stays dismissed after a reload, with who dismissed it and why', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  const warnings = page.getByRole('region', { name: /^Extraction warnings \(2\)/ });
  await expect(warnings).toContainText('2 of 2 still to check');
  const domestic = warnings.getByRole('listitem').filter({ hasText: 'Domestic abuse incidents per 1,000 population' });
  await expect(domestic).toContainText('Open');
  // Dismissed with a reason (issue 17): the reason is required and kept with the warning.
  await domestic.getByRole('button', { name: 'Dismiss warning' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dismiss the warning' });
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('Checked against the published report: it prints 1.');
  await dialog.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(dialog).toBeHidden();
  await expect(warnings).toContainText('1 of 2 still to check');
  await expect(domestic).toContainText(/Analyst, \d+ \w+ \d{4}, \d{2}:\d{2}/);
  await expect(domestic).toContainText('Checked against the published report: it prints 1.');
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  await warnings.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reports-warnings.png') });

  await page.reload();
  await expect(domestic).toContainText('Checked against the published report: it prints 1.');
  await expect(domestic.getByRole('button', { name: 'Reopen the warning' })).toBeVisible();
  const footnote = warnings.getByRole('listitem').filter({ hasText: 'Footnote 14' });
  await expect(footnote.getByRole('button', { name: 'Dismiss warning' })).toBeVisible();
  await footnote.getByRole('button', { name: 'Dismiss warning' }).click();
  await dialog.getByRole('textbox', { name: 'Reason' }).fill('The published report has no footnote 14 either.');
  await dialog.getByRole('button', { name: 'Dismiss warning' }).click();
  await expect(warnings).toContainText('All checked.');
});

test('an empty workspace says what to do next in the Reports and Metrics views', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  await newWorkspace(page);
  await expect(page.getByRole('heading', { name: 'This workspace has no reports yet.' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Reports' })).toContainText('choose Import report above, or drag the report’s PDF');
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await expect(page.getByRole('heading', { name: 'This workspace has no metrics yet.' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Metrics' })).toContainText('Import a report in the Reports view');
});

test('reports of other programmes and years import as found: a 2016 efficiency page, a 2016 assessment page as HTML and a 2021/22 press release on the five-point scale', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const zone = page.getByRole('region', { name: 'Import reports' });
  await dropFiles(page, zone, [
    { name: 'kent-efficiency-2016-web.txt', text: readFileSync('tests/fixtures/reports/kent-efficiency-2016-web.txt', 'utf8') },
    { name: 'staffordshire-peel-2021-22.txt', text: readFileSync('tests/fixtures/reports/staffordshire-peel-2021-22-news.txt', 'utf8') },
    { name: 'durham-2016.html', text: asHtmlPage(readFileSync('tests/fixtures/reports/durham-peel-assessment-2016-web.txt', 'utf8')) },
  ]);
  await expect(zone).toContainText('3 files: 3 imported.', { timeout: IMPORT_TIMEOUT });
  await expect(page.getByRole('article')).toHaveCount(4);
  // A web page saved as HTML is read in the worker through the HTML parser: its script never runs.
  const durham = page.getByRole('table', { name: 'Judgments for Durham Constabulary' });
  await expect(page.getByRole('article', { name: 'PEEL assessment 2016' })).toContainText('PEEL assessment · 2016');
  await expect(durham.getByRole('row', { name: /^Overall efficiency/ })).toContainText('Outstanding');
  await expect(durham.getByRole('row', { name: /^Overall legitimacy/ })).toContainText('Good');
  expect(await page.evaluate('window.__ranFromReport ?? false')).toBe(false);

  const staffs = page.getByRole('article', { name: 'PEEL 2021/22' });
  await expect(staffs).toContainText('PEEL · 2021/22 · graded on the five-point scale (with “adequate”)');
  const grades = page.getByRole('table', { name: 'Judgments for Staffordshire Police' });
  const responding = grades.getByRole('row', { name: /^Responding to the public/ });
  await expect(responding).toContainText('Inadequate');
  // A grade read from prose says where: the sentence, quoted.
  await expect(responding).toContainText(
    '‘inadequate’ in three areas – responding to the public, investigating crime and managing offenders',
  );
  await expect(grades.getByRole('row', { name: /^Good use of resources/ })).toContainText('Requires improvement');

  const kent = page.getByRole('table', { name: 'Judgments for Kent Police' });
  await expect(page.getByRole('article', { name: 'PEEL: Police efficiency 2016' })).toContainText(
    'Police efficiency · 2016 · graded on the four-point scale',
  );
  await expect(kent.getByRole('row', { name: /^Overall efficiency/ })).toContainText('Good');
  await expect(kent.getByRole('row', { name: /^Overall efficiency/ })).toContainText('Table or grade line');
  await expect(kent.getByRole('row', { name: /understanding of current demand/ })).toContainText('Outstanding');
  await staffs.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reports-other-programmes.png'), fullPage: true });
});
