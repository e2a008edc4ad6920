import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './offline';
import { newWorkspace } from './app-menus';

const GWENT_PDF = 'tests/fixtures/gwent-2017.pdf';
const GWENT_MD = 'data/gwent-peel-effectiveness-2017.md';
const IMPORT_TIMEOUT = 60_000;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface StoredOriginal {
  handle: string;
  sha256: string;
  size: number;
  /** The SHA-256 of the stored Blob's bytes, taken in the page. */
  hashOfBytes: string;
}

// Runs in the page (a string, as the tests compile without the DOM library): every original the
// browser host keeps (src-renderer/host/browser-originals.ts), with the hash of its stored bytes.
const STORED_ORIGINALS = `(async () => {
  const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  // Not opened when it does not exist yet: opening would create it, empty, before the app does.
  if (!(await indexedDB.databases()).some((d) => d.name === 'peel-workbench-originals')) return [];
  const db = await req(indexedDB.open('peel-workbench-originals'));
  const rows = await req(db.transaction('originals').objectStore('originals').getAll());
  db.close();
  const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
  return Promise.all(rows.map(async (r) => ({
    handle: r.handle, sha256: r.sha256, size: r.size,
    hashOfBytes: hex(await crypto.subtle.digest('SHA-256', await r.original.arrayBuffer())),
  })));
})()`;

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(path);
}

test("an imported PDF's original is kept byte for byte in the browser, beside the workspace, and survives a reload", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const pdf = readFileSync(GWENT_PDF);
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  await newWorkspace(page);
  await expect(page.getByText('This workspace has no reports yet.')).toBeVisible();

  await importFile(page, GWENT_PDF);
  const outcome = page.getByRole('region', { name: 'Import reports' }).getByRole('listitem');
  await expect(outcome).toContainText('Imported PEEL: Police effectiveness 2017 – Gwent Police', { timeout: IMPORT_TIMEOUT });
  await expect(page.getByRole('contentinfo')).toContainText('All changes saved');
  await page.screenshot({ path: testInfo.outputPath('originals-imported.png') });

  const stored = (await page.evaluate(STORED_ORIGINALS)) as StoredOriginal[];
  expect(stored.map(({ sha256, size, hashOfBytes }) => ({ sha256, size, hashOfBytes }))).toEqual([
    { sha256: sha256(pdf), size: pdf.length, hashOfBytes: sha256(pdf) },
  ]);

  await page.reload();
  await expect(page.getByRole('article')).toHaveCount(1);
  expect(((await page.evaluate(STORED_ORIGINALS)) as StoredOriginal[]).map((s) => s.hashOfBytes)).toEqual([sha256(pdf)]);

  // Read back through the host (readOriginal) by the Source panel: the PDF's pages, not a message.
  await page.getByRole('button', { name: 'Show source' }).first().click();
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toBeVisible();
  await expect(source).not.toContainText(/not kept|not beside|no longer matches/);
  await expect(source.locator('canvas').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath('originals-pdf-source.png') });
});

test("the default workspace's report is shown as its source on the first visit, from the web build, checked by hash", async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('article')).toHaveCount(1);
  expect(await page.evaluate(STORED_ORIGINALS)).toEqual([]);
  await page.getByRole('button', { name: 'Show source' }).first().click();
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toBeVisible();
  await expect(source).toContainText('Gwent', { timeout: 30_000 });
  await expect(source).not.toContainText(/not kept|not beside|no longer matches/);
  await page.screenshot({ path: testInfo.outputPath('originals-default-source.png') });
  // Kept in the browser once read: the next visit needs the build no more.
  const md = readFileSync(GWENT_MD);
  const stored = (await page.evaluate(STORED_ORIGINALS)) as StoredOriginal[];
  expect(stored.map((s) => [s.sha256, s.hashOfBytes])).toEqual([[sha256(md), sha256(md)]]);
});

test("the web build serves the default workspace's report beside it, by its SHA-256, and nothing else from that folder", async ({
  page,
}) => {
  const md = readFileSync(GWENT_MD);
  const res = await page.request.get(`/default-workspace.sqlite.originals/${sha256(md)}`);
  expect(res.status()).toBe(200);
  expect(sha256(await res.body())).toBe(sha256(md));
  const other = await page.request.get(`/default-workspace.sqlite.originals/${'0'.repeat(64)}`);
  // A name the folder does not hold is not found: the preview server answers it with its 404 or with
  // the app's own page (its fallback for unknown paths), never with a file's bytes.
  const index = await (await page.request.get('/')).text();
  expect(other.status() === 404 || (await other.text()) === index, `status ${other.status()}`).toBe(true);
});
