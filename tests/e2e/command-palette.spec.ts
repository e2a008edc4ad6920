import type { Page } from '@playwright/test';
import { expect, test } from './offline';

/**
 * The one command surface: the command palette (Ctrl+K) and the header's File and Help menus,
 * driven by the keyboard as an analyst would. The console must stay free of errors throughout
 * (./offline.ts): a CSP refusal of an injected <style> would show there.
 */

async function start(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('article').first()).toBeVisible({ timeout: 30_000 });
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const field = (page: Page) => palette(page).getByRole('combobox');

test('Ctrl+K finds a view by its name; Enter goes there; Escape closes and gives focus back', async ({ page }) => {
  await start(page);
  const reports = page.getByRole('tab', { name: 'Reports' });
  await reports.focus();
  await page.keyboard.press('Control+k');
  await expect(palette(page)).toBeVisible();
  await expect(field(page)).toBeFocused();
  await page.keyboard.type('metrics');
  // The view first, with its key beside it as the app answers to it.
  await expect(palette(page).getByRole('option').first()).toHaveText(/^Go to Metrics\s*Alt\+3$/);
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toHaveAttribute('aria-selected', 'true');

  // Ctrl+Shift+P opens it too; Escape closes it and focus is where it was.
  await page.getByRole('tab', { name: 'Metrics' }).focus();
  await page.keyboard.press('Control+Shift+P');
  await expect(field(page)).toBeFocused();
  await expect(field(page)).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Metrics' })).toBeFocused();

  // The keys it lists are the keys the app answers to.
  await page.keyboard.press('Alt+1');
  await expect(reports).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
});

test('a finding found by its words opens in the Findings view, selected', async ({ page }) => {
  await start(page);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('multi-agency risk-assessment conference');
  const found = palette(page).getByRole('group', { name: 'Findings' }).getByRole('option');
  const wanted = found.filter({ hasText: 'The force has a multi-agency risk-assessment conference' });
  // Each shown by its section and first words, with its report.
  await expect(wanted).toHaveCount(1);
  await expect(wanted).toContainText('Gwent Police 2017');
  expect(await found.count()).toBeLessThanOrEqual(8);
  // ↓ past the actions to the finding (the palette keeps focus in its field and moves the choice).
  for (let i = 0; i < 30 && (await wanted.getAttribute('aria-selected')) !== 'true'; i++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Finding detail' })).toContainText(
    'The force has a multi-agency risk-assessment conference',
    { timeout: 15_000 },
  );
});

test('a saved view found by its name opens in the Findings view with its search', async ({ page }) => {
  await start(page);
  await page.getByRole('tab', { name: 'Findings' }).click();
  const search = page.getByRole('searchbox', { name: 'Search findings' });
  await search.fill('custody');
  await expect(page.getByText(/findings matching “custody”/)).toBeVisible();
  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('button', { name: 'Save current view…' }).click();
  const naming = page.getByRole('dialog', { name: 'Save the current view' });
  await naming.getByRole('textbox', { name: 'Name' }).fill('Custody checks');
  await page.keyboard.press('Enter');
  await expect(naming).toBeHidden();
  await search.fill('');
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('custody che');
  const saved = palette(page).getByRole('group', { name: 'Saved views' }).getByRole('option');
  await expect(saved).toHaveText(['Open saved view: Custody checks']);
  await expect(saved).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Findings' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('searchbox', { name: 'Search findings' })).toHaveValue('custody');
});

test('a report found by its name: the Reports view scrolls to it and focuses it', async ({ page }) => {
  await start(page);
  await page.getByRole('tab', { name: 'Metrics' }).click();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('report gwent');
  const report = palette(page).getByRole('group', { name: 'Reports' }).getByRole('option').first();
  await expect(report).toContainText('Go to report:');
  await report.click();
  await expect(page.getByRole('tab', { name: 'Reports' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[id^="report-"]:focus')).toHaveCount(1);
  await expect(page.locator('[id^="report-"]:focus')).toBeInViewport();
});

test('says when nothing matches, and every key it shows is in Keyboard shortcuts', async ({ page }) => {
  await start(page);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('qqqzzz');
  await expect(palette(page)).toContainText('Nothing matches “qqqzzz”');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('keyboard');
  await page.keyboard.press('Enter');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  // Every key the palette shows is in Help too.
  for (const keys of ['Ctrl+K', 'Ctrl+Shift+P', 'Alt+3', 'Ctrl+Shift+S', 'Ctrl+Alt+N', 'Ctrl+,', 'Ctrl+/'])
    await expect(shortcuts).toContainText(keys);
  await page.keyboard.press('Escape');
});

test('File › New workspace… asks for a name: Cancel changes nothing, a name creates it and shows it', async ({ page }) => {
  await start(page);
  const file = page.getByRole('button', { name: 'File', exact: true });
  await file.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'File' });
  await expect(menu.getByRole('menuitem', { name: 'New workspace…' })).toBeFocused();
  await page.keyboard.press('Enter');
  const naming = page.getByRole('dialog', { name: 'New workspace' });
  await expect(naming.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.type('Not made');
  await naming.getByRole('button', { name: 'Cancel' }).click();
  await expect(naming).toBeHidden();
  // Nothing changed: the same workspace, its report still there.
  await expect(page.getByRole('contentinfo')).toContainText('Workspace: Default workspace');
  await expect(page.getByRole('article')).toHaveCount(1);

  // An empty name is refused in place.
  await file.click();
  await menu.getByRole('menuitem', { name: 'New workspace…' }).click();
  await naming.getByRole('button', { name: 'Create' }).click();
  await expect(naming).toContainText('Type a name first.');
  await naming.getByRole('textbox', { name: 'Name' }).fill('Gwent review 2026');
  await page.keyboard.press('Enter');
  await expect(naming).toBeHidden();
  await expect(page.getByRole('banner')).toContainText('Gwent review 2026');
  await expect(page.getByRole('contentinfo')).toContainText('Workspace: Gwent review 2026');
  await expect(page.getByText('This workspace has no reports yet.')).toBeVisible();

  // It is in Open recent under its name; the one that was open too.
  await file.click();
  await menu.getByRole('menuitem', { name: 'Open recent' }).click();
  const recent = page.getByRole('menu', { name: 'Open recent' });
  await expect(recent.getByRole('menuitem', { name: 'Gwent review 2026 (open)' })).toHaveAttribute('aria-disabled', 'true');
  await expect(recent.getByRole('menuitem', { name: 'Default workspace' })).toBeVisible();
});

test('Escape closes the File menu, its Open recent list and the Backups dialog, each giving focus back', async ({ page }) => {
  await start(page);
  const file = page.getByRole('button', { name: 'File', exact: true });
  await file.focus();
  await page.keyboard.press('ArrowDown');
  const menu = page.getByRole('menu', { name: 'File' });
  await expect(menu).toBeVisible();
  await expect(file).toHaveAttribute('aria-expanded', 'true');
  // ↓ opened it on its first item; ↑ wraps to the last; Home and End go to the ends.
  await expect(menu.getByRole('menuitem', { name: 'New workspace…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Preferences…' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(menu.getByRole('menuitem', { name: 'New workspace…' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Preferences…' })).toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const openRecent = menu.getByRole('menuitem', { name: 'Open recent' });
  await expect(openRecent).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const recent = page.getByRole('menu', { name: 'Open recent' });
  await expect(recent.getByRole('menuitem', { name: 'Default workspace (open)' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(recent).toBeHidden();
  await expect(openRecent).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(recent).toBeHidden();
  await expect(openRecent).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(file).toBeFocused();
  await expect(file).toHaveAttribute('aria-expanded', 'false');

  await page.keyboard.press('Enter');
  const backupsItem = menu.getByRole('menuitem', { name: 'Backups…' });
  for (let i = 0; i < 8 && !(await backupsItem.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(backupsItem).toBeFocused();
  await page.keyboard.press('Enter');
  const backups = page.getByRole('dialog', { name: 'Backups' });
  await expect(backups).toBeVisible();
  await expect(backups.getByRole('list', { name: 'Backups, newest first' })).toBeAttached();
  await page.keyboard.press('Escape');
  await expect(backups).toBeHidden();
  await expect(file).toBeFocused();

  // A click outside closes the menu too.
  await file.click();
  await expect(menu).toBeVisible();
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(menu).toBeHidden();
});

for (const [width, height] of [
  [1024, 700],
  [1440, 900],
] as const) {
  test(`the header is one line at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await start(page);
    const header = page.getByRole('banner');
    const box = await header.boundingBox();
    expect(box?.height ?? 0).toBeLessThanOrEqual(44);
    expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth)).toBe(true);
    const tops = await header.evaluate((h) =>
      [...h.querySelectorAll('h1, button, p')].map((el) =>
        Math.round(el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2),
      ),
    );
    expect(Math.max(...tops) - Math.min(...tops), 'every part of the header on one line').toBeLessThanOrEqual(4);
    await page.screenshot({ path: `/tmp/h18/shell-header-${width}x${height}.png`, clip: { x: 0, y: 0, width, height: 120 } });
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Open recent' }).hover();
    await page.screenshot({ path: `/tmp/h18/shell-file-menu-${width}x${height}.png` });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('gwent');
    await expect(palette(page).getByRole('group', { name: 'Findings' }).getByRole('option').first()).toBeVisible();
    await page.screenshot({ path: `/tmp/h18/shell-palette-${width}x${height}.png` });
  });
}
