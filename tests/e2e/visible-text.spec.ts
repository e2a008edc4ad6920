import type { Locator } from '@playwright/test';
import { expect, test } from './offline';

/**
 * Text that cannot mislead, on screen: a note holding a right-to-left override (U+202E) and an
 * isolate (U+2066) is shown in the Findings grid and the detail panel with each character as its
 * code point, so "Inadequate" written backwards behind an override reads as what it is. The
 * worker's replies are where this happens (src-core/service/screen-text.ts).
 */

const rowWith = (grid: Locator, text: string | RegExp) => grid.getByRole('row').filter({ hasText: text });
const CONCERN = 'The force needs to improve its response to';
const NOTE = 'Grade: \u202eetauqedanI\u202c; ask about \u2066county lines\u2069';
const SHOWN = 'Grade: ⟨U+202E⟩etauqedanI⟨U+202C⟩; ask about ⟨U+2066⟩county lines⟨U+2069⟩';
const SCREENSHOT_DIR = process.env.PEEL_SCREENSHOT_DIR;

test('a note with a bidi override is shown with its code points in the grid and the detail panel', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();
  const grid = page.getByRole('region', { name: 'Findings' });
  const detail = page.getByRole('region', { name: 'Finding detail' });

  await page.getByRole('searchbox', { name: 'Search findings' }).fill('county lines');
  await rowWith(grid, CONCERN)
    .getByRole('gridcell', { name: /^The force needs/ })
    .click();
  const note = detail.getByRole('textbox', { name: 'Note' });
  await note.fill(NOTE);
  await note.press('Tab');
  await expect(detail.getByRole('status')).toHaveText('Note saved');

  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Visible columns' }).getByRole('checkbox', { name: 'Note' }).check();
  await page.keyboard.press('Escape');

  // The grid's note cell: the code points, and not one raw override or isolate anywhere in the grid.
  const row = rowWith(grid, CONCERN);
  await expect(row.getByRole('gridcell', { name: SHOWN, exact: true })).toBeVisible();
  expect(await grid.innerText()).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);

  // The detail panel as read back from the workspace (a reload), its history too.
  await page.reload();
  await page.getByRole('tab', { name: 'Findings' }).click();
  await page.getByRole('searchbox', { name: 'Search findings' }).fill('county lines');
  await rowWith(grid, CONCERN)
    .getByRole('gridcell', { name: /^The force needs/ })
    .click();
  await expect(detail.getByRole('textbox', { name: 'Note' })).toHaveValue(SHOWN);
  await expect(detail.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toContainText(`Note: empty → “${SHOWN}”`);
  expect(await detail.innerText()).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/u);
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('group', { name: 'Visible columns' }).getByRole('checkbox', { name: 'Note' }).check();
  await page.keyboard.press('Escape');
  const cell = rowWith(grid, CONCERN).getByRole('gridcell', { name: SHOWN, exact: true });
  await expect(cell).toBeVisible();

  // Pictures to look at: the grid scrolled to the note, and the detail panel's note field.
  const picture = (name: string) => (SCREENSHOT_DIR ? `${SCREENSHOT_DIR}/${name}` : testInfo.outputPath(name));
  await cell.scrollIntoViewIfNeeded();
  await page.screenshot({ path: picture('text-findings-grid.png') });
  await detail.getByRole('textbox', { name: 'Note' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: picture('text-findings-detail.png') });
});
