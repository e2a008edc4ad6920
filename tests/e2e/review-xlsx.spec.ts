import { expect, test } from './offline';

// An XLSX sample read in the browser: the DB worker inflates its parts with DecompressionStream and
// reads their XML with saxes (src-core/samples/xml-stream.ts), bundled into the worker and run
// under the app's CSP (no eval: a violation would be a console error, which fails every test).
test('imports an XLSX sample read in the DB worker, as its CSV twin', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'File review' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import sample…' }).click();
  await (await chooser).setFiles('tests/fixtures/samples/good.xlsx');
  const dialog = page.getByRole('dialog', { name: 'Import a sample' });
  await expect(dialog).toContainText('good.xlsx: 20 rows of case files, 14 columns (Excel workbook).');
  await expect(dialog.getByLabel('Case reference')).toHaveValue('case_ref');
  // The first cells as the worker read them from the sheet's XML.
  await expect(dialog).toContainText('GW17-0101 · GW17-0102 · GW17-0103');
  await expect(dialog).toContainText('ISVA referral made on day 2 · Allocated to response, not CID');
  await page.screenshot({ path: testInfo.outputPath('xlsx-import.png') });
  await dialog.getByRole('button', { name: 'Import 20 rows' }).click();
  await expect(page.getByText('Imported 20 case file scorings from good.xlsx.')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: 'Summary' })).toContainText('17 case files of Gwent Police');
});
