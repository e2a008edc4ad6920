import type { Page } from '@playwright/test';
import { expect } from './offline';

/**
 * The header's File and Help menus (src-renderer/app/FileMenu.tsx), used by the mouse as a user
 * would: open the menu, then its submenu if any, then the item.
 */
export async function fromMenu(page: Page, menu: 'File' | 'Help', item: string, submenu?: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  if (submenu) await page.getByRole('menu', { name: menu }).getByRole('menuitem', { name: submenu }).click();
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

/** File › New workspace…, named, and opened (the browser keeps it under that name). */
export async function newWorkspace(page: Page, name = 'New workspace'): Promise<void> {
  await fromMenu(page, 'File', 'New workspace…');
  const dialog = page.getByRole('dialog', { name: 'New workspace' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}
