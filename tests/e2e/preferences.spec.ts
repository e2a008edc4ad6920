import { expect, test } from './offline';

test('edits are recorded under the name set in Preferences, which survives a reload', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Preferences…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Preferences' });
  const name = dialog.getByRole('textbox', { name: /Your name/ });
  await expect(name).toHaveValue('Analyst');
  await name.fill('Jo Smith (HMICFRS)');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Your edits are now recorded as “Jo Smith (HMICFRS)”.');
  await page.screenshot({ path: testInfo.outputPath('preferences.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('MARAC');
  const grid = page.getByRole('grid');
  await grid.getByRole('gridcell', { name: /^The force has a multi-agency risk-assessment conference/ }).click();
  const detail = page.getByRole('region', { name: 'Finding detail' });
  await detail.getByRole('combobox', { name: 'Status' }).selectOption('Reviewed');
  await expect(detail.getByRole('status')).toHaveText('Status saved');
  const history = detail.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history.first()).toContainText('Jo Smith (HMICFRS)');

  await page.reload();
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Preferences…' }).click();
  await expect(page.getByRole('dialog', { name: 'Preferences' }).getByRole('textbox', { name: /Your name/ })).toHaveValue(
    'Jo Smith (HMICFRS)',
  );
});
