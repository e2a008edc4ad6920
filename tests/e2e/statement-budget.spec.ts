import type { Page } from '@playwright/test';
import { expect, test } from './offline';

/**
 * A database step that never returns, in the browser build: the test serves the DB worker's own
 * bundle with one more migration after the app's (as a build whose migrations went wrong would
 * have), a trigger whose statement never ends when a view named "hang" is saved. Nothing in the
 * shipped app is changed or switched on for this. The UI thread's clock is Playwright's, so the
 * minute of the budget passes at once; the worker runs on the real clock, stuck for real.
 */
const MIGRATION_KEY = /"\.\.\/\.\.\/\.\.\/src-core\/db\/migrations\/(\d{3})_[a-z0-9_]+\.sql":[\w$]+/g;
const ENDLESS =
  "CREATE TRIGGER endless AFTER INSERT ON saved_views WHEN NEW.name = 'hang' BEGIN " +
  'SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c); END;';

/** The worker bundle with the endless migration added after the last of the app's. */
function withEndlessMigration(code: string): string {
  const keys = [...code.matchAll(MIGRATION_KEY)];
  const last = keys.at(-1);
  if (!last || last.index === undefined) throw new Error('the worker bundle no longer lists its migrations as expected');
  const next = String(keys.length + 1).padStart(3, '0');
  const at = last.index + last[0].length;
  return `${code.slice(0, at)},"../../../src-core/db/migrations/${next}_endless.sql":${JSON.stringify(ENDLESS)}${code.slice(at)}`;
}

async function saveView(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Saved views' }).click();
  await page.getByRole('button', { name: 'Save current view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Save the current view' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Save view' }).click();
}

test('a step past the budget is stopped, the workspace reopened as saved, and the analyst told', async ({ page }) => {
  test.setTimeout(180_000);
  let served = 0;
  await page.route(/\/assets\/worker-[\w-]+\.js$/, async (route) => {
    served++;
    const response = await route.fetch();
    await route.fulfill({ response, body: withEndlessMigration(await response.text()) });
  });
  await page.clock.install();
  await page.goto('/');
  await page.getByRole('tab', { name: 'Findings' }).click();
  // The first load of a build on a loaded machine can take longer than expect's default.
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible({ timeout: 60_000 });

  await saveView(page, 'Kept');
  await expect(page.getByRole('dialog', { name: 'Save the current view' })).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  await saveView(page, 'hang');
  await expect(page.getByRole('status').filter({ hasText: 'Saving…' })).toBeVisible();
  // The worker is in the trigger's statement (or about to be): a minute and a beat pass on the UI
  // thread's clock, again each second until the client ends the worker and asks for a new one.
  // Never after that: the reopened workspace's own steps must get their real time.
  await expect
    .poll(
      async () => {
        if (served < 2) await page.clock.runFor(62_000);
        return served;
      },
      { timeout: 60_000, intervals: [1000] },
    )
    .toBe(2);

  const alert = page.getByRole('alert').filter({ hasText: 'A database step ran for more than 60 s' });
  await expect(alert).toContainText(
    'A database step ran for more than 60 s and was stopped. The workspace was reopened from its last saved state; every saved change is kept. A change being saved at that moment may not have been: check it, and make it again if it is missing.',
    { timeout: 60_000 },
  );
  await expect(page.getByRole('status').filter({ hasText: 'Changes not saved' })).toHaveText(
    'Changes not saved: a database step ran for more than 60 s and was stopped; check the last change, and make it again if it is missing',
  );
  // The new worker opened the workspace as saved: "Kept" is there, "hang" is not.
  expect(served).toBe(2);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Saved views' }).click();
  const views = page.getByRole('list', { name: 'Saved views' });
  await expect(views).toContainText('Kept');
  await expect(views).not.toContainText('hang');
  await page.keyboard.press('Escape');
  await page.screenshot({ path: test.info().outputPath('statement-budget.png') });
});
