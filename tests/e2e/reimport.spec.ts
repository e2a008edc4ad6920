import { expect, test } from './offline';
import { cell, openMetrics, rowWith } from './metrics-grid';

/**
 * Re-importing a report (issue 17): the same report from another file is a duplicate, and the
 * analyst may replace the report with it; their correction is carried over to the new reading.
 */

const DOMESTIC = 'Domestic abuse incidents per 1,000 population';
const IMPORT_TIMEOUT = 90_000;

test('the same report from its PDF replaces the Markdown one, keeping the correction', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const grid = await openMetrics(page);
  await cell(rowWith(grid, DOMESTIC), 'measure').click();
  const detail = page.getByRole('region', { name: 'Metric detail' });
  await detail.getByRole('button', { name: 'Correct…' }).click();
  const dialog = page.getByRole('dialog', { name: `Correct “${DOMESTIC}”` });
  await dialog.getByRole('textbox', { name: 'Force value' }).fill('12');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

  await page.getByRole('tab', { name: 'Reports' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles('tests/fixtures/gwent-2017.pdf');
  const zone = page.getByRole('region', { name: 'Import reports' });
  const outcome = zone.getByRole('listitem').first();
  await expect(outcome).toContainText('Duplicate detected: gwent-2017.pdf was not imported.', { timeout: IMPORT_TIMEOUT });
  const replace = outcome.getByRole('button', { name: 'Replace with this file (keeps your checks)' });
  await expect(replace).toHaveAccessibleDescription('Duplicate detected: gwent-2017.pdf was not imported.');
  await page.screenshot({ path: test.info().outputPath('reimport-1-duplicate.png'), fullPage: true });

  await replace.click();
  await expect(outcome).toContainText('Replaced PEEL: Police effectiveness 2017 – Gwent Police with gwent-2017.pdf.', {
    timeout: IMPORT_TIMEOUT,
  });
  await expect(outcome).toContainText('Kept 1 check or annotation. Nothing to review: every check still matches.');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  await page.screenshot({ path: test.info().outputPath('reimport-2-replaced.png'), fullPage: true });

  // The same file again (as a newer version of the workbench would read it): offered to be read again.
  const again = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await again).setFiles('tests/fixtures/gwent-2017.pdf');
  await expect(outcome).toContainText('(imported from gwent-2017.pdf; same content)', { timeout: IMPORT_TIMEOUT });
  await outcome.getByRole('button', { name: 'Read it again with this version' }).click();
  await expect(outcome).toContainText('Kept 1 check or annotation.', { timeout: IMPORT_TIMEOUT });

  await page.reload();
  const after = await openMetrics(page);
  await expect(cell(rowWith(after, DOMESTIC), 'force')).toHaveText('12 ✎, corrected from 1');
  await rowWith(after, DOMESTIC).scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('reimport-3-metrics.png'), fullPage: true });
});
