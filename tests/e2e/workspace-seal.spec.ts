import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';

// The browser host keeps each snapshot's seal (SHA-256 and length, src-core/workspace/seal.ts) in
// the workspace's IndexedDB row, written in the transaction that stores the snapshot, or, for bytes
// from elsewhere (the bundled default, a restored backup), once an open has checked them in full.
// On opening, the worker skips PRAGMA integrity_check only for bytes that match it. These tests
// look at the stored rows directly and tamper with them as a damaged disk would.

/** The default workspace holds one report, the seed; its content hash is the SHA-256 of the seed file. */
const SEED_HASH = createHash('sha256').update(readFileSync('data/gwent-peel-effectiveness-2017.md')).digest('hex');

interface Stored {
  /** The seal in the row (null when absent) and whether the row has the field at all. */
  seal: string | null;
  hasSealField: boolean;
  /** The size the row records, and the seal of the stored snapshot's bytes as they are now. */
  bytes: number;
  sealOfBytes: string;
}

interface Tamper {
  /** Flip one byte of the stored snapshot, inside the given text (a report's content hash). */
  flipIn?: string;
  /** What to leave in the row's seal: the seal of the (tampered) bytes, a given string, or no field at all. */
  seal?: 'of-bytes' | 'delete' | string;
}

/**
 * Reads (and optionally tampers with) the last-used workspace's row and snapshot, in the page. A
 * string, because the e2e tests compile with the Node project, which has no DOM types.
 */
const SEAL_LAB = `async (tamper) => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('peel-workbench'));
  // src-core/workspace/seal.ts: SHA-256 over the SHA-256 of each 16 MiB piece.
  const sealOf = async (bytes) => {
    const piece = 16 * 1024 * 1024;
    const digests = [];
    for (let at = 0; at < bytes.length; at += piece) digests.push(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.subarray(at, at + piece))));
    const all = new Uint8Array(digests.length * 32);
    digests.forEach((d, i) => all.set(d, i * 32));
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
    return 'sha256-16m:' + Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('') + ':' + bytes.length;
  };
  const handle = await req(db.transaction('meta').objectStore('meta').get('last'));
  const row = await req(db.transaction('workspaces').objectStore('workspaces').get(handle));
  const snap = await req(db.transaction('snapshots').objectStore('snapshots').get(row.snapshotId));
  let bytes = snap.snapshot instanceof Blob ? new Uint8Array(await snap.snapshot.arrayBuffer()) : snap.snapshot;
  const stored = { seal: row.seal ?? null, hasSealField: 'seal' in row, bytes: row.bytes, sealOfBytes: await sealOf(bytes) };
  if (tamper.flipIn) {
    const needle = new TextEncoder().encode(tamper.flipIn);
    let at = -1;
    outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
      for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      at = i;
      break;
    }
    if (at < 0) throw new Error('not in the snapshot: ' + tamper.flipIn);
    bytes = bytes.slice();
    bytes[at + 10] ^= 1;
  }
  if (tamper.flipIn || tamper.seal !== undefined) {
    const next = { ...row };
    if (tamper.seal === 'delete') delete next.seal;
    else if (tamper.seal === 'of-bytes') next.seal = await sealOf(bytes);
    else if (tamper.seal !== undefined) next.seal = tamper.seal;
    const tx = db.transaction(['workspaces', 'snapshots'], 'readwrite');
    if (tamper.flipIn) tx.objectStore('snapshots').put({ id: snap.id, snapshot: new Blob([bytes]) });
    tx.objectStore('workspaces').put(next);
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
  }
  db.close();
  return stored;
}`;

function sealLab(page: Page, tamper: Tamper = {}): Promise<Stored> {
  return page.evaluate(`(${SEAL_LAB})(${JSON.stringify(tamper)})`) as Promise<Stored>;
}

/** The stored row as sealLab reads it, or null while there is none yet (the first visit is still storing it). */
const storedOrNull = (page: Page): Promise<Stored | null> => sealLab(page).catch(() => null);

/** Whether the row holds the seal of the snapshot stored with it: what an open that passed the full check leaves. */
const sealedAsStored = async (page: Page): Promise<boolean> => {
  const stored = await storedOrNull(page);
  return stored !== null && stored.seal === stored.sealOfBytes;
};

async function openFindings(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Findings' }).click();
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible();
  return page.getByRole('region', { name: 'Findings' });
}

const toggle = (grid: Locator, row: number) => grid.locator(`[role="row"][aria-rowindex="${row + 1}"] .brief-toggle`);

/** Marks a finding for the brief and checkpoints at once (as leaving the page does). */
async function editAndCheckpoint(page: Page, grid: Locator, row: number): Promise<void> {
  const before = (await sealLab(page)).sealOfBytes;
  await toggle(grid, row).click();
  await expect(toggle(grid, row)).toBeChecked();
  await page.evaluate("window.dispatchEvent(new Event('pagehide'))");
  await expect.poll(async () => (await sealLab(page)).sealOfBytes).not.toBe(before);
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
}

test('the first visit stores the bundled workspace without a seal; the open that checks it in full seals it', async ({ page }) => {
  // The DB worker is held back, so the stored row can be read before any open has checked it.
  let release = () => undefined as void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/worker-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  // The private copy of the bundled workspace is not bytes this app exported: stored with no seal.
  await expect.poll(() => storedOrNull(page)).toMatchObject({ seal: null, hasSealField: true });
  const added = await sealLab(page);
  release();
  await expect(await openFindings(page)).toBeVisible();
  // Once the worker's full integrity check has passed, the row holds the seal of the very bytes
  // stored (which the open left as they were), so the next open can skip the check.
  await expect.poll(() => sealLab(page)).toMatchObject({ seal: added.sealOfBytes, sealOfBytes: added.sealOfBytes, bytes: added.bytes });

  await page.unroute(/\/assets\/worker-[^/]*\.js$/);
  await page.reload();
  await expect(toggle(await openFindings(page), 1)).not.toBeChecked();
  // A sealed open changes nothing in the row.
  expect(await sealLab(page)).toMatchObject({ seal: added.sealOfBytes, sealOfBytes: added.sealOfBytes });
});

test('a checkpoint stores the seal of its snapshot; the open trusts only a seal that matches the bytes', async ({ page }) => {
  await page.goto('/');
  const grid = await openFindings(page);
  await expect.poll(() => sealedAsStored(page)).toBe(true);

  await editAndCheckpoint(page, grid, 1);
  const stored = await sealLab(page);
  expect(stored.seal).toMatch(/^sha256-16m:[0-9a-f]{64}:\d+$/);
  expect(stored.seal).toBe(stored.sealOfBytes);
  expect(stored.seal?.endsWith(`:${stored.bytes}`)).toBe(true);

  await page.reload();
  await expect(toggle(await openFindings(page), 1)).toBeChecked();

  // One byte of the snapshot flipped, its old seal kept: no match, so the full integrity check
  // runs and refuses the damaged workspace.
  await sealLab(page, { flipIn: SEED_HASH });
  await page.reload();
  await expect(page.getByText('The workspace could not be opened')).toBeVisible();
  await expect(page.getByText(/failed its integrity check: row 1 missing from index sqlite_autoindex_reports_1/)).toBeVisible();

  // The same damaged bytes with a seal taken of them: the open uses the stored seal and skips
  // the check. This is why only a checkpoint, which seals exactly what sql.js exported, writes one.
  await sealLab(page, { seal: 'of-bytes' });
  await page.reload();
  await expect(toggle(await openFindings(page), 1)).toBeChecked();
});

test('rows from before seals, and restored backups, open with the full check, which seals them', async ({ page }) => {
  await page.goto('/');
  const grid = await openFindings(page);
  await editAndCheckpoint(page, grid, 1);
  await editAndCheckpoint(page, grid, 2);

  // A row written by an earlier version has no seal field at all: checked in full, then sealed.
  await sealLab(page, { seal: 'delete' });
  expect(await sealLab(page)).toMatchObject({ hasSealField: false });
  await page.reload();
  const again = await openFindings(page);
  await expect(toggle(again, 2)).toBeChecked();
  await expect.poll(() => sealedAsStored(page)).toBe(true);
  // A malformed seal in the row is treated as none, and replaced once the full check has passed.
  await sealLab(page, { seal: 'sha256-16m:not-a-seal' });
  await page.reload();
  await expect(toggle(await openFindings(page), 2)).toBeChecked();
  await expect.poll(() => sealedAsStored(page)).toBe(true);

  await page.getByText('Backups', { exact: true }).click();
  await page.getByRole('list', { name: 'Backups, newest first' }).getByRole('button').first().click();
  const restored = await openFindings(page);
  await expect(toggle(restored, 1)).toBeChecked();
  await expect(toggle(restored, 2)).not.toBeChecked();
  // A backup's bytes have sat in storage since they were sealed: restored without a seal, then
  // sealed by the open that checked them in full (the row's snapshot is the restored one).
  await expect.poll(() => sealedAsStored(page)).toBe(true);
  const restoredRow = await sealLab(page);
  await page.reload();
  await expect(toggle(await openFindings(page), 1)).toBeChecked();
  expect(await sealLab(page)).toEqual(restoredRow);
});
