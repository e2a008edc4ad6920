import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';

// The browser host keeps the journal in IndexedDB, one row per record keyed [handle, seq]. When
// replay stops at a record (damaged, out of order, or no longer applying), that record and every
// one after it are discarded and the analyst is told; the session then checkpoints at once. That
// checkpoint must drop them all: a row left behind would be replayed on a later open, on top of
// the new edits that took its seq (an edit the analyst was told was discarded coming back, applied
// to a different workspace). These tests put such rows in IndexedDB as a damaged profile would
// hold them, then edit and reload as the analyst would.

// Three opens, each with the full integrity check of the bundled workspace: seconds apiece on a loaded machine.
test.describe.configure({ timeout: 120_000 });
const OPENING = 30_000;

type Damage = 'checksum' | 'out-of-order' | 'does-not-apply';

/**
 * Puts three journal rows after the stored snapshot of the last-used workspace: at lastSeq + 1 a
 * record damaged as `damage` says (marking finding `first` for the brief), then two good records
 * marking `second` and `third`. A string, because the e2e tests compile without DOM types.
 */
const DAMAGE_LAB = `async ({ damage, first, second, third }) => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('peel-workbench'));
  const handle = await req(db.transaction('meta').objectStore('meta').get('last'));
  const row = await req(db.transaction('workspaces').objectStore('workspaces').get(handle));
  const mark = (targetId) => ({ at: '2026-11-27T10:00:00.000Z', author: 'ann', field: 'includeInBrief', targetId, targetType: 'finding', value: true });
  // src-core/workspace/journal.ts: the checksum is the SHA-256 of the record's JSON with its keys sorted.
  const checksum = async (seq, op, params) => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ op, params, seq }))));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  };
  const line = async (seq, params, sum) => JSON.stringify({ seq, op: 'annotation.set', params, checksum: sum ?? (await checksum(seq, 'annotation.set', params)) }) + '\\n';
  const s = row.lastSeq + 1;
  const damaged =
    damage === 'checksum'
      ? await line(s, mark(first), await checksum(s, 'annotation.set', mark(third)))
      : damage === 'out-of-order'
        ? await line(s + 6, mark(first))
        : await line(s, mark(99999999));
  const tx = db.transaction('journal', 'readwrite');
  tx.objectStore('journal').put({ handle, seq: s, line: damaged });
  tx.objectStore('journal').put({ handle, seq: s + 1, line: await line(s + 1, mark(second)) });
  tx.objectStore('journal').put({ handle, seq: s + 2, line: await line(s + 2, mark(third)) });
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
  db.close();
}`;

async function openFindings(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible({ timeout: OPENING });
  return page.getByRole('region', { name: 'Findings' });
}

/** The id of the finding on a row of the grid (from 1), as the grid's row-id attribute has it. */
async function findingOnRow(grid: Locator, row: number): Promise<number> {
  return Number(
    await grid
      .locator(`[role="row"][aria-rowindex="${row + 1}"][row-id]`)
      .first()
      .getAttribute('row-id'),
  );
}

const toggle = (grid: Locator, id: number) => grid.locator(`[role="row"][row-id="${id}"] .brief-toggle`);

/** What is wrong with the row, as the test's title says it. */
const DAMAGES: Record<Damage, string> = {
  checksum: 'fails its checksum',
  'out-of-order': 'is out of sequence',
  'does-not-apply': 'no longer applies',
};

for (const [damage, what] of Object.entries(DAMAGES) as [Damage, string][]) {
  test(`a journal row that ${what} stays discarded, with the rows after it, after a new edit`, async ({ page }) => {
    await page.goto('/');
    let grid = await openFindings(page);
    const first = await findingOnRow(grid, 1);
    const second = await findingOnRow(grid, 2);
    const third = await findingOnRow(grid, 3);
    const fourth = await findingOnRow(grid, 4);
    // Four different findings, each with its id: the records below name them.
    expect(new Set([first, second, third, fourth].filter((id) => id > 0)).size).toBe(4);
    for (const id of [first, second, third, fourth]) await expect(toggle(grid, id)).not.toBeChecked();
    await page.evaluate(`(${DAMAGE_LAB})(${JSON.stringify({ damage, first, second, third })})`);

    await page.reload();
    await expect(
      page.getByText('3 damaged journal record(s) at the end could not be applied; every edit before them was recovered.'),
    ).toBeVisible({ timeout: OPENING });
    grid = await openFindings(page);
    for (const id of [first, second, third]) await expect(toggle(grid, id)).not.toBeChecked();

    // The analyst carries on: this edit takes the seq the damaged record had.
    await toggle(grid, fourth).click();
    await expect(toggle(grid, fourth)).toBeChecked();
    await expect(page.getByRole('contentinfo')).toContainText('All changes saved');

    // The edit is kept; the records discarded above do not come back behind it, and there is
    // nothing left to report.
    await page.reload();
    grid = await openFindings(page);
    await expect(toggle(grid, fourth)).toBeChecked();
    for (const id of [first, second, third]) await expect(toggle(grid, id)).not.toBeChecked();
    await expect(page.getByText(/damaged journal record/)).toHaveCount(0);
  });
}
