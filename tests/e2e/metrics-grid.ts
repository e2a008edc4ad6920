import type { Locator, Page } from '@playwright/test';
import { expect } from './offline';

/** The Metrics view, its grid's first row drawn. */
export async function openMetrics(page: Page): Promise<Locator> {
  // The workspace open first: a tab chosen while it opens is the view of no workspace yet.
  await expect(page.getByRole('contentinfo')).toContainText('Workspace:', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const grid = page.getByRole('region', { name: 'Metrics' });
  // The grid and Chart.js load with the view's first opening: on a busy machine that takes a while.
  await expect(grid.getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });
  return grid;
}

/** A grid row by what it says (the grid renders only rows near the viewport; the seed's 24 all fit its buffer). */
export const rowWith = (grid: Locator, text: string | RegExp) => grid.getByRole('row').filter({ hasText: text });
export const cell = (row: Locator, colId: string) => row.locator(`[col-id="${colId}"]`);
