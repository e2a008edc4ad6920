import { writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';

const SAMPLES = 'tests/fixtures/samples';
const IMPORT_TIMEOUT = 60_000;

async function openFileReview(page: Page): Promise<void> {
  await page.goto('/');
  // Once the workspace is open (a view is shown): a tab chosen before that is not remembered (App.tsx).
  await expect(page.getByRole('tabpanel').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'File review' }).click();
  await expect(page.getByRole('region', { name: 'Summary' })).toBeVisible();
}

/** Chooses a file through the "Import sample…" button, as the analyst does. */
async function chooseSample(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import sample…' }).click();
  await (await chooser).setFiles(file);
}

const summaryRow = (page: Page, criterion: string | RegExp) =>
  page.getByRole('region', { name: 'Summary' }).getByRole('table', { name: 'By criterion' }).getByRole('row', { name: criterion });
/** A stated figure's row, by its label (every row of one sentence quotes the same sentence). */
const reconcileRow = (panel: Locator, label: RegExp) =>
  panel.getByRole('row').filter({ has: panel.page().getByRole('rowheader', { name: label }) });

test('shows the synthetic demo sample, labelled, with its summary, a matching reconciliation and the reviewers’ agreement', async ({
  page,
}, testInfo) => {
  await openFileReview(page);
  await expect(page.getByText('Illustrative synthetic sample — not the inspectorate’s file review').first()).toBeVisible();
  await expect(page.getByText('SYNTHETIC', { exact: true }).first()).toBeVisible();

  // Counts, proportions, n and 95 % Wilson intervals; a small-sample warning below n = 30.
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('60 case files of Gwent Police');
  await expect(summaryRow(page, /^Vulnerable victim/)).toContainText('16 of 60 · 27 % (17–39 %)');
  await expect(summaryRow(page, /^Vulnerability identified at first contact/)).toContainText('Small sample');
  await expect(summary.getByRole('note')).toContainText('fewer than 30 files for vulnerability identified at first contact (n = 16)');
  await summary.getByLabel('Criterion by crime type').selectOption({ label: 'Effective investigation' });
  await expect(summary.getByRole('table', { name: 'Effective investigation, by crime type' }).getByRole('row')).toHaveCount(8);

  // The summary, reconciliation and agreement are tabs in the panel under the case files.
  await summary.screenshot({ path: testInfo.outputPath('review-summary.png') });
  // Every figure the report states about its file review, against the sample: all match.
  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const reconcile = page.getByRole('region', { name: 'Reconciliation with the report' });
  await expect(reconcile.getByRole('status')).toContainText('All 4 stated figures match the sample.');
  await expect(reconcile.getByText('Matches', { exact: true })).toHaveCount(4);
  await expect(reconcile.getByText(/Mismatch/)).toHaveCount(0);
  const allocated = reconcileRow(reconcile, /^…of which allocated/);
  await expect(allocated.getByRole('cell').nth(0)).toHaveText('15');
  await expect(allocated.getByRole('cell').nth(1)).toHaveText('15');
  // Linked to its source paragraph, shown in place.
  await allocated.getByRole('button', { name: 'Show paragraph' }).click();
  await expect(reconcile.locator('blockquote').first()).toContainText(
    'Of the 16 files reviewed which had a vulnerable victim, 15 were allocated to the most appropriate team',
  );

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const agreement = page.getByRole('region', { name: 'Agreement between reviewers' });
  await expect(agreement).toContainText('10 case files scored by two reviewers');
  await expect(agreement.getByRole('table', { name: 'Cohen’s kappa by criterion' }).getByRole('row')).toHaveCount(9);
  // The view scrolls inside the shell: each panel is pictured on its own.
  await page.screenshot({ path: testInfo.outputPath('review-demo.png') });
  await agreement.screenshot({ path: testInfo.outputPath('review-agreement.png') });

  // The case files, annotatable like findings, with who did it in the history.
  const grid = page.getByRole('region', { name: 'Case files' });
  const first = grid.getByRole('row').filter({ hasText: 'GW-17-001' }).first();
  await expect(first).toContainText('Synthetic');
  await first.locator('[col-id="caseRef"]').click();
  const detail = page.getByRole('region', { name: 'Case file detail' });
  await expect(detail.getByRole('heading', { name: 'Case GW-17-001, scored by Reviewer A' })).toBeVisible();
  await detail.getByLabel('RAG rating').selectOption('amber');
  await detail.getByLabel('Include in brief').check();
  await expect(detail.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(2);
  await expect(first.locator('[col-id="rag"]')).toHaveText('Amber');
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  await detail.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('review-annotated.png') });
});

test('imports a sample through the header-mapping step, and the summary changes', async ({ page }, testInfo) => {
  await openFileReview(page);
  await expect(summaryRow(page, /^Vulnerable victim/)).toContainText('16 of 60');

  await chooseSample(page, `${SAMPLES}/good.csv`);
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await expect(dialog).toContainText('good.csv: 20 rows of case files, 14 columns (CSV).');
  // Each of the file's columns has a select named by its header, pre-filled with the suggested field.
  await expect(dialog.getByLabel('Case reference')).toHaveValue('case_ref');
  await expect(dialog.getByLabel('Allocated to the most appropriate team')).toHaveValue('allocated_appropriately');
  await expect(dialog.getByLabel('Report the sample is for')).toHaveValue('1');
  await page.screenshot({ path: testInfo.outputPath('review-mapping.png') });
  await dialog.getByRole('button', { name: 'Import 20 rows' }).click();
  await expect(dialog).toBeHidden({ timeout: IMPORT_TIMEOUT });

  await expect(page.getByText('Imported 20 case file scorings from good.csv.')).toBeVisible();
  // Real data replaces the synthetic demo in the figures: 17 files (three of the twenty rows are
  // second scorings of the same file).
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('17 case files of Gwent Police');
  await expect(summaryRow(page, /^Vulnerable victim/)).not.toContainText('16 of 60');
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  // Sorted in SQL: Case ref descending brings the imported files (GW17-…) above the demo's (GW-17-…).
  const grid = page.getByRole('region', { name: 'Case files' });
  await grid.getByRole('columnheader', { name: 'Case ref' }).click();
  await grid.getByRole('columnheader', { name: 'Case ref' }).click();
  await expect(grid.getByRole('row').filter({ hasText: 'GW17-0117' }).first()).toContainText('Imported');
  await expect(grid.getByRole('row').filter({ hasText: 'GW17-0113' })).toHaveCount(2);
  await page.getByRole('region', { name: 'Summary' }).screenshot({ path: testInfo.outputPath('review-imported-summary.png') });
  await grid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('review-imported.png') });
});

test('maps columns the file names differently before importing', async ({ page }) => {
  await openFileReview(page);
  await chooseSample(page, `${SAMPLES}/renamed-headers.csv`);
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await expect(dialog.getByLabel('Case Ref')).toHaveValue('case_ref');
  await expect(dialog.getByRole('note')).toContainText('Not mapped yet:');
  for (const [header, field] of [
    ['Assessed by', 'Reviewer'],
    ['Team OK?', 'Allocated to the most appropriate team'],
  ] as const) {
    const select = dialog.getByLabel(header, { exact: true });
    if ((await select.inputValue()) === '') await select.selectOption({ label: field });
  }
  await expect(dialog.getByRole('note')).toBeHidden();
  await dialog.getByRole('button', { name: 'Import 20 rows' }).click();
  await expect(page.getByText('Imported 20 case file scorings from renamed-headers.csv.')).toBeVisible({ timeout: IMPORT_TIMEOUT });
});

test('flags the figure a sample disagrees with, beside the report’s own paragraph', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto('/');
  // A second report: Testshire states 18 files with a vulnerable victim, 15 of them allocated appropriately, 8 effective.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles('tests/fixtures/synthetic-testshire-2017.md');
  await expect(page.getByRole('table', { name: 'Judgments for Testshire Constabulary' })).toBeVisible({ timeout: IMPORT_TIMEOUT });

  await page.getByRole('tab', { name: 'File review' }).click();
  // A sample of 60 Testshire files in which only 14 of the 18 vulnerable victims' cases were allocated appropriately.
  await chooseSample(page, `${SAMPLES}/ui-testshire-14-of-18.csv`);
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await dialog.getByLabel('Report the sample is for').selectOption({ label: 'Testshire Constabulary — Police effectiveness 2017' });
  await dialog.getByRole('button', { name: 'Import 60 rows' }).click();
  await expect(page.getByText('Imported 60 case file scorings from ui-testshire-14-of-18.csv.')).toBeVisible({
    timeout: IMPORT_TIMEOUT,
  });

  // The view turns to the report the sample was imported for.
  await expect(page.getByLabel('Report', { exact: true }).locator('option:checked')).toHaveText(/Testshire/);
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('60 case files of Testshire Constabulary');
  await page.getByRole('tab', { name: 'Reconciliation' }).click();
  const reconcile = page.getByRole('region', { name: 'Reconciliation with the report' });
  await expect(reconcile.getByRole('status')).toContainText('1 of 4 stated figures do not match the sample.');
  const allocated = reconcileRow(reconcile, /^…of which allocated/);
  await expect(allocated).toContainText('Mismatch: the sample gives 14, the report says 15');
  await expect(allocated).toHaveClass(/reconcile-row--mismatch/);
  await expect(reconcile.getByText('Matches', { exact: true })).toHaveCount(3);
  // Not synthetic: no label on this force's figures.
  await expect(reconcile.getByText('SYNTHETIC', { exact: true })).toHaveCount(0);
  await allocated.getByRole('button', { name: 'Show paragraph' }).click();
  await expect(reconcile.locator('blockquote')).toContainText('Of the 18 files reviewed which had a vulnerable victim, 15 were allocated');
  await reconcile.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('review-mismatch.png') });
});

test('a bad file lists every problem and changes nothing; a zip bomb and a file over 50 MB are refused', async ({ page }, testInfo) => {
  await openFileReview(page);
  await chooseSample(page, `${SAMPLES}/bad.csv`);
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await dialog.getByRole('button', { name: 'Import 6 rows' }).click();
  const errors = dialog.getByRole('alert');
  await expect(errors.getByRole('heading')).toHaveText(/^Nothing was imported: \d+ problems in bad\.csv$/);
  const problems = errors.getByRole('table', { name: 'Problems found' });
  await expect(problems.getByRole('row').filter({ hasText: 'Burglary' })).toContainText(/^2Crime typeBurglaryexpected one of/);
  await expect(problems.getByRole('row').filter({ hasText: '31/02/2017' })).toContainText('expected a date');
  await expect(problems.getByRole('row').filter({ hasText: 'maybe' })).toContainText('expected Y, N or N/A');
  await expect(problems.getByRole('row').filter({ hasText: 'already scored by CD' })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('review-bad-file.png') });
  await errors.screenshot({ path: testInfo.outputPath('review-bad-file-errors.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('60 case files of Gwent Police');
  await expect(page.getByRole('region', { name: 'Case files' }).getByRole('row').filter({ hasText: 'GW17-02' })).toHaveCount(0);

  await chooseSample(page, `${SAMPLES}/bomb.xlsx`);
  await expect(page.getByRole('alert')).toContainText('bomb.xlsx was not imported.');
  await expect(page.getByRole('alert')).toContainText('zip bomb');
  await expect(page.getByRole('alert')).toContainText('Nothing was changed.');

  const huge = testInfo.outputPath('huge.csv');
  writeFileSync(huge, Buffer.alloc(51 * 1024 * 1024));
  await chooseSample(page, huge);
  await expect(page.getByRole('alert')).toContainText('huge.csv was not imported. It is 51.0 MB; sample files over 50 MB are refused.');
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('60 case files of Gwent Police');
});
