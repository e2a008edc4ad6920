import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandleRegistry } from '../../../../../src-main/node/workspace/handles';
import { WorkspaceOpener } from '../../../../../src-main/node/workspace/opener';
import { workspaceBytes } from '../../../../helpers/main-host';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await workspaceBytes();
});
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function setup(bundledBytes: Uint8Array | null = bytes) {
  const root = mkdtempSync(path.join(tmpdir(), 'peel-opener-'));
  roots.push(root);
  const bundled = path.join(root, 'default-workspace.sqlite');
  if (bundledBytes) writeFileSync(bundled, bundledBytes);
  const userData = path.join(root, 'userData');
  let changes = 0;
  const opener = new WorkspaceOpener(new HandleRegistry(), { userData, bundledDefault: bundled, onRecentChanged: () => changes++ });
  return { root, userData, opener, changes: () => changes };
}

describe('WorkspaceOpener.openLast', () => {
  it('falls back to the default copy when recent.json is damaged', async () => {
    const { userData, opener, changes } = setup();
    mkdirSync(userData, { recursive: true });
    writeFileSync(path.join(userData, 'recent.json'), '{"version":1,"last":');
    const r = await opener.openLast();
    expect(r).toMatchObject({ ok: true, value: { info: { isDefault: true } } });
    expect(changes()).toBe(1);
  });

  it('falls back to the default copy, and forgets the file, when the last workspace was deleted', async () => {
    const { root, opener } = setup();
    const file = path.join(root, 'gone.sqlite');
    writeFileSync(file, bytes);
    expect((await opener.openExisting(file)).ok).toBe(true);
    rmSync(file);
    expect(await opener.openLast()).toMatchObject({ ok: true, value: { info: { isDefault: true } } });
    expect((await opener.recent()).map((w) => w.name)).toEqual(['Default workspace']);
  });

  it('reports a damaged last workspace instead of quietly switching to the default, and leaves it alone', async () => {
    const { root, opener } = setup();
    const file = path.join(root, 'mine.sqlite');
    writeFileSync(file, bytes);
    expect((await opener.openExisting(file)).ok).toBe(true);
    writeFileSync(file, 'overwritten by something else');
    const r = await opener.openLast();
    expect(r).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(readFileSync(file, 'utf8')).toBe('overwritten by something else');
  });

  it('says how to build the default workspace when the installation lacks it', async () => {
    const { opener, userData } = setup(null);
    const r = await opener.openLast();
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    if (!r.ok) expect(r.error.message).toContain('npm run build:workspace');
    expect(existsSync(path.join(userData, 'workspaces', 'default-workspace.sqlite'))).toBe(false);
  });

  it('refuses a bundled default that is not SQLite rather than copying it', async () => {
    const { opener } = setup(new TextEncoder().encode('<html>not a database</html>'));
    expect(await opener.openLast()).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('keeps using an existing private copy rather than copying the bundled file again', async () => {
    const { opener, userData } = setup();
    await opener.openLast();
    const copy = path.join(userData, 'workspaces', 'default-workspace.sqlite');
    const edited = new Uint8Array(bytes);
    edited[99] = 0x7f; // any change the analyst made
    writeFileSync(copy, edited);
    const r = await opener.openLast();
    expect(r.ok && r.value.snapshot[99]).toBe(0x7f);
  });
});

describe('WorkspaceOpener, asked twice at once', () => {
  it('opens the default workspace once per request without racing on first start', async () => {
    const { opener } = setup();
    const [a, b] = await Promise.all([opener.openLast(), opener.openLast()]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.value.info.handle === b.value.info.handle).toBe(true);
  });
});
