import type { Locator, Page } from '@playwright/test';
import { expect } from './offline';

/** The Metrics view, its grid's first row drawn. */
export async function openMetrics(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Metrics' }).click();
  const grid = page.getByRole('region', { name: 'Metrics' });
  await expect(grid.getByRole('row').nth(1)).toBeVisible();
  return grid;
}

/** A grid row by what it says (the grid renders only rows near the viewport; the seed's 24 all fit its buffer). */
export const rowWith = (grid: Locator, text: string | RegExp) => grid.getByRole('row').filter({ hasText: text });
export const cell = (row: Locator, colId: string) => row.locator(`[col-id="${colId}"]`);
