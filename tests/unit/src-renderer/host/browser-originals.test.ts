import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_BYTES } from '../../../../src-core/limits';
import { BrowserOriginals, BUNDLED_ORIGINALS, type OriginalsStore } from '../../../../src-renderer/host/browser-originals';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

/**
 * The browser host's originals over a store in memory (the project has no IndexedDB for Node; the
 * IndexedDB side, idbOriginals, is a get and a put, and tests/e2e/originals.spec.ts drives it in
 * Chromium): the checks are the same whatever holds the bytes.
 */
function memoryStore(): OriginalsStore & { rows: Map<string, Blob>; puts: number } {
  const rows = new Map<string, Blob>();
  return {
    rows,
    puts: 0,
    async get(handle, sha256) {
      return rows.get(`${handle}/${sha256}`);
    },
    async put(handle, sha256, original) {
      this.puts++;
      rows.set(`${handle}/${sha256}`, original);
    },
  };
}

const GWENT = new Uint8Array(readFileSync(path.join(ROOT, SEED_FILES.markdown)));
const GWENT_SHA = createHash('sha256').update(GWENT).digest('hex');
const WORKSPACES: Record<string, { isDefault: boolean }> = { mine: { isDefault: false }, default: { isDefault: true } };

function originals(bundle: Record<string, Uint8Array> = {}) {
  const store = memoryStore();
  const fetched: string[] = [];
  const o = new BrowserOriginals(
    async () => store,
    async (handle) => WORKSPACES[handle] ?? null,
    async (file) => {
      fetched.push(file);
      const bytes = bundle[file];
      return bytes ? new Blob([bytes as Uint8Array<ArrayBuffer>]) : null;
    },
  );
  return { o, store, fetched };
}

const bytesOf = async (blob: Blob | undefined) => new Uint8Array((await blob?.arrayBuffer()) ?? new ArrayBuffer(0));

describe("the browser host's originals", () => {
  it('keeps an original under its workspace and hash, reads it back, and keeps it only once', async () => {
    const { o, store } = originals();
    expect(await o.keep('mine', GWENT_SHA, GWENT)).toEqual({ ok: true, value: undefined });
    expect(await o.keep('mine', GWENT_SHA, GWENT)).toEqual({ ok: true, value: undefined });
    expect(store.puts).toBe(1);
    expect(await o.read('mine', GWENT_SHA, 'gwent.md')).toEqual({ ok: true, value: { bytes: GWENT } });
    // Another workspace has its own originals.
    expect(await o.read('default', GWENT_SHA)).toMatchObject({ ok: false, error: { code: 'original-missing' } });
  });

  it('refuses bytes that do not hash to the name, and a workspace it does not know', async () => {
    const { o, store } = originals();
    expect(await o.keep('mine', GWENT_SHA, new TextEncoder().encode('# other'))).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await o.keep('gone', GWENT_SHA, GWENT)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(store.rows.size).toBe(0);
  });

  it('says a changed original (one byte) is not shown as the source, and a missing one is not kept, naming the report', async () => {
    const { o, store } = originals();
    await o.keep('mine', GWENT_SHA, GWENT);
    const changed = GWENT.slice();
    changed[10] = (changed[10] ?? 0) ^ 1;
    store.rows.set(`mine/${GWENT_SHA}`, new Blob([changed]));
    expect(await o.read('mine', GWENT_SHA, 'gwent.md')).toEqual({
      ok: false,
      error: {
        code: 'original-changed',
        message: `The original of this report, gwent.md, no longer matches the file that was imported: it is not shown as the source (this browser's stored ${GWENT_SHA} has been changed).`,
      },
    });
    store.rows.clear();
    expect(await o.read('mine', GWENT_SHA, 'gwent.md')).toEqual({
      ok: false,
      error: {
        code: 'original-missing',
        message: `The original of this report, gwent.md, is not kept in this browser with the workspace (looked for ${GWENT_SHA}).`,
      },
    });
  });

  it('refuses a stored original larger than a report can be, without reading it', async () => {
    const { o, store } = originals();
    store.rows.set(`mine/${GWENT_SHA}`, new Blob([new Uint8Array(MAX_REPORT_BYTES + 1)]));
    const read = await o.read('mine', GWENT_SHA, 'gwent.md');
    expect(read).toMatchObject({ ok: false, error: { code: 'original-changed' } });
    expect(read.ok ? '' : read.error.message).toMatch(/is 50\.1 MB; reports over 50 MB are refused/);
  });

  it('takes a file the analyst points at only if it is the original; the wrong one is refused, naming both, and nothing is kept', async () => {
    const { o, store } = originals();
    const wrong = new File([new TextEncoder().encode('# Gwent 2016')], 'gwent-2016.md');
    expect(await o.adopt('mine', GWENT_SHA, 'gwent-peel-effectiveness-2017.md', wrong)).toEqual({
      ok: false,
      error: {
        code: 'original-changed',
        message:
          '"gwent-2016.md" is not the file gwent-peel-effectiveness-2017.md was imported from (its contents differ), so it cannot stand for its original. Nothing was kept.',
      },
    });
    expect(store.rows.size).toBe(0);
    const right = new File([GWENT], 'Gwent (1).md');
    expect(await o.adopt('mine', GWENT_SHA, 'gwent-peel-effectiveness-2017.md', right)).toEqual({ ok: true, value: { bytes: GWENT } });
    expect(await bytesOf(store.rows.get(`mine/${GWENT_SHA}`))).toEqual(GWENT);
  });

  it("serves the default workspace's report from the web build, checked by hash, and keeps it for the next read", async () => {
    const file = `${BUNDLED_ORIGINALS}/${GWENT_SHA}`;
    const { o, store, fetched } = originals({ [file]: GWENT });
    expect(await o.read('default', GWENT_SHA, 'gwent-peel-effectiveness-2017.md')).toEqual({ ok: true, value: { bytes: GWENT } });
    expect(fetched).toEqual([file]);
    expect(await bytesOf(store.rows.get(`default/${GWENT_SHA}`))).toEqual(GWENT);
    expect(await o.read('default', GWENT_SHA)).toEqual({ ok: true, value: { bytes: GWENT } });
    expect(fetched).toHaveLength(1);
    // Only for the default workspace: another one's missing original is not looked for in the build.
    expect(await o.read('mine', GWENT_SHA)).toMatchObject({ ok: false, error: { code: 'original-missing' } });
    expect(fetched).toHaveLength(1);
  });

  it('refuses a bundled file that does not hash to its name, and keeps nothing', async () => {
    const file = `${BUNDLED_ORIGINALS}/${GWENT_SHA}`;
    const { o, store } = originals({ [file]: new TextEncoder().encode('# swapped') });
    expect(await o.read('default', GWENT_SHA, 'gwent.md')).toMatchObject({ ok: false, error: { code: 'original-changed' } });
    expect(store.rows.size).toBe(0);
  });
});
