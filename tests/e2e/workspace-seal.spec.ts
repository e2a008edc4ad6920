import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './offline';
import { fromMenu } from './app-menus';

// The browser host keeps each snapshot's seal (an HMAC under this profile's key, and the length,
// src-core/workspace/seal.ts) in the workspace's IndexedDB row, written in the transaction that
// stores the snapshot, or, for bytes from elsewhere (the bundled default, a restored backup), once
// an open has checked them in full. The key is made on first use and kept in the 'meta' store. On
// opening, the worker skips PRAGMA integrity_check only for bytes that match their seal under that
// key. These tests look at the stored rows directly and tamper with them as a damaged disk, or
// someone forging a seal, would.

// Each test reloads the page several times, and every open that is not sealed runs the full
// integrity check: seconds apiece on a loaded two-core machine, past the default 30 s in all.
test.describe.configure({ timeout: 120_000 });
/** How long an open may take to show its outcome: one with the full integrity check takes seconds on a loaded machine. */
const OPENING = 30_000;

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
  /**
   * What to leave in the row's seal: the seal of the (tampered) bytes under this profile's key, or
   * forged for them (the old unkeyed way, or under another key), a given string, or no field at all.
   */
  seal?: 'of-bytes' | 'unkeyed-of-bytes' | 'other-key-of-bytes' | 'delete' | string;
}

/**
 * Reads (and optionally tampers with) the last-used workspace's row and snapshot, in the page. A
 * string, because the e2e tests compile with the Node project, which has no DOM types.
 */
const SEAL_LAB = `async (tamper) => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('peel-workbench'));
  const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  const digests = async (bytes) => {
    const piece = 16 * 1024 * 1024;
    const all = new Uint8Array(Math.ceil(bytes.length / piece) * 32);
    for (let at = 0, i = 0; at < bytes.length; at += piece, i++) all.set(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.subarray(at, at + piece))), i * 32);
    return all;
  };
  // src-core/workspace/seal.ts: HMAC-SHA-256 under the key of the label, the length and the SHA-256 of each 16 MiB piece.
  const keyedSeal = async (bytes, keyHex) => {
    const key = await crypto.subtle.importKey('raw', new Uint8Array(keyHex.match(/../g).map((h) => parseInt(h, 16))), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const label = new TextEncoder().encode('PEEL Workbench snapshot seal v1\u0000');
    const d = await digests(bytes);
    const msg = new Uint8Array(label.length + 8 + d.length);
    msg.set(label);
    new DataView(msg.buffer).setBigUint64(label.length, BigInt(bytes.length));
    msg.set(d, label.length + 8);
    return 'hmac-sha256-16m:' + hex(new Uint8Array(await crypto.subtle.sign('HMAC', key, msg))) + ':' + bytes.length;
  };
  // The seal of earlier versions: SHA-256 over the piece digests, which anyone can compute.
  const unkeyedSeal = async (bytes) => 'sha256-16m:' + hex(new Uint8Array(await crypto.subtle.digest('SHA-256', await digests(bytes)))) + ':' + bytes.length;
  const profileKey = await req(db.transaction('meta').objectStore('meta').get('sealKey'));
  const sealOf = (bytes) => keyedSeal(bytes, profileKey);
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
    else if (tamper.seal === 'unkeyed-of-bytes') next.seal = await unkeyedSeal(bytes);
    else if (tamper.seal === 'other-key-of-bytes') next.seal = await keyedSeal(bytes, hex(crypto.getRandomValues(new Uint8Array(32))));
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
  await expect(page.getByText(/^[\d,]+ findings$/)).toBeVisible({ timeout: OPENING });
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
  expect(stored.seal).toMatch(/^hmac-sha256-16m:[0-9a-f]{64}:\d+$/);
  expect(stored.seal).toBe(stored.sealOfBytes);
  expect(stored.seal?.endsWith(`:${stored.bytes}`)).toBe(true);

  await page.reload();
  await expect(toggle(await openFindings(page), 1)).toBeChecked();

  // One byte of the snapshot flipped, its old seal kept: no match, so the full integrity check
  // runs and refuses the damaged workspace.
  await sealLab(page, { flipIn: SEED_HASH });
  await page.reload();
  await expect(page.getByText('The workspace could not be opened')).toBeVisible({ timeout: OPENING });
  // The check's own words are the technical detail, one click away under the analyst's.
  await page.getByText('Technical detail').click();
  await expect(page.getByText(/failed its integrity check: row 1 missing from index sqlite_autoindex_reports_1/)).toBeVisible();

  // Seals forged for the damaged bytes, as anyone could before seals were keyed (the first of
  // these let the damage in), or under another profile's key: neither matches, the check runs.
  for (const forged of ['unkeyed-of-bytes', 'other-key-of-bytes'] as const) {
    await sealLab(page, { seal: forged });
    await page.reload();
    await expect(page.getByText('The workspace could not be opened')).toBeVisible({ timeout: OPENING });
    await page.getByText('Technical detail').click();
    await expect(page.getByText(/failed its integrity check: row 1 missing from index sqlite_autoindex_reports_1/)).toBeVisible();
  }

  // The same damaged bytes with a seal taken of them under this profile's key: the open uses the
  // stored seal and skips the check. This is why only a checkpoint, which seals exactly what sql.js
  // exported, writes one, and why the key never leaves the profile.
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
  await sealLab(page, { seal: 'hmac-sha256-16m:not-a-seal' });
  await page.reload();
  await expect(toggle(await openFindings(page), 2)).toBeChecked();
  await expect.poll(() => sealedAsStored(page)).toBe(true);

  await fromMenu(page, 'File', 'Backups…');
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

/**
 * Puts journal rows for the last-used workspace into IndexedDB, as a damaged profile might hold
 * them: a well-formed record of the edit the snapshot already holds, but with 1.5 MB of params
 * (over the 1 MiB a record may be), then a good record of the next edit (finding 1 marked for the
 * brief). Both pass their checksums: only the limit on a record tells the first from a good one.
 */
const JOURNAL_LAB = `async () => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('peel-workbench'));
  const handle = await req(db.transaction('meta').objectStore('meta').get('last'));
  const row = await req(db.transaction('workspaces').objectStore('workspaces').get(handle));
  // src-core/workspace/journal.ts: the checksum is the SHA-256 of the record's JSON with its keys sorted.
  const line = async (seq, op, params) => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify({ op, params, seq }))));
    const checksum = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    return JSON.stringify({ seq, op, params, checksum }) + '\\n';
  };
  const huge = await line(row.lastSeq, 'annotation.set', { bulk: 'x'.repeat(1500000) });
  const next = await line(row.lastSeq + 1, 'annotation.set', {
    at: '2026-11-27T10:00:00.000Z', author: 'ann', field: 'includeInBrief', targetId: 1, targetType: 'finding', value: true,
  });
  const tx = db.transaction('journal', 'readwrite');
  tx.objectStore('journal').put({ handle, seq: row.lastSeq, line: huge });
  tx.objectStore('journal').put({ handle, seq: row.lastSeq + 1, line: next });
  await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onabort = () => reject(tx.error); });
  db.close();
}`;

/** How many journal rows the last-used workspace has. */
const JOURNAL_ROWS = `async () => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('peel-workbench'));
  const handle = await req(db.transaction('meta').objectStore('meta').get('last'));
  const n = await req(db.transaction('journal').objectStore('journal').count(IDBKeyRange.bound([handle, 0], [handle, Infinity])));
  db.close();
  return n;
}`;

/** The last seq the last-used workspace's stored snapshot holds. */
const LAST_SEQ = `async () => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const db = await req(indexedDB.open('peel-workbench'));
  const handle = await req(db.transaction('meta').objectStore('meta').get('last'));
  const row = await req(db.transaction('workspaces').objectStore('workspaces').get(handle));
  db.close();
  return row.lastSeq;
}`;

test('a journal row in IndexedDB over the record limit ends replay there, and the analyst is told', async ({ page }) => {
  await page.goto('/');
  const grid = await openFindings(page);
  await expect.poll(() => sealedAsStored(page)).toBe(true);
  await editAndCheckpoint(page, grid, 2);
  const before = (await page.evaluate(`(${LAST_SEQ})()`)) as number;
  await page.evaluate(`(${JOURNAL_LAB})()`);
  await page.reload();
  // Without the limit the oversized record (already in the snapshot) would be skipped and the next
  // one replayed, silently; with it, replay stops at the oversized one, and says so.
  await expect(
    page.getByText('1 damaged journal record(s) at the end could not be applied; every edit before them was recovered.'),
  ).toBeVisible({
    timeout: OPENING,
  });
  await expect(toggle(await openFindings(page), 2)).toBeChecked();
  expect(await page.evaluate(`(${LAST_SEQ})()`)).toBe(before);
  // Nothing from the cut on is left to be replayed later: the next open has nothing to report.
  await page.reload();
  await expect(toggle(await openFindings(page), 2)).toBeChecked();
  await expect(page.getByText(/damaged journal record/)).toHaveCount(0);
  expect(await page.evaluate(`(${JOURNAL_ROWS})()`)).toBe(0);
});
