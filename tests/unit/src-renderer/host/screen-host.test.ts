import { describe, expect, it, vi } from 'vitest';
import { err, ok, type Host, type OpenedWorkspace } from '../../../../src-core/host/contract';
import { screenHost } from '../../../../src-renderer/host/screen-host';

/** The host's answers reach the page with invisible characters shown; what goes back to the host or worker is untouched. */

const opened: OpenedWorkspace = {
  info: { handle: 'h\u202e1', name: 'Gwent\u202edm.exe.sqlite', isDefault: false },
  snapshot: new Uint8Array([1, 2, 3]),
  journal: '{"seq":1,"op":"x","note":"\u202e"}\n',
  orphansRemoved: 0,
  seal: null,
} as unknown as OpenedWorkspace;

function fakeHost(): Host {
  const ws = {
    openLast: vi.fn(async () => ok(opened)),
    create: vi.fn(async () => ok(null)),
    open: vi.fn(async () => ok(opened)),
    openRecent: vi.fn(async () => ok(opened)),
    recent: vi.fn(async () => ok([{ handle: 'h', name: 'Old\u2066 one\u2069', isDefault: false }])),
    appendJournal: vi.fn(async () => err('write-failed', 'Could not write /media/stick/ws\u202e.sqlite.peel-journal')),
    checkpoint: vi.fn(async () => ok(undefined)),
    recordSeal: vi.fn(async () => ok(undefined)),
    backups: vi.fn(async () => ok([])),
    restoreBackup: vi.fn(async () => ok(opened)),
    saveCopy: vi.fn(async () => ok(null)),
  };
  return {
    kind: 'browser',
    version: '0.1.0',
    workspace: ws,
    pickReports: vi.fn(async () => ok([{ name: 'report\u202edm.exe', bytes: new Uint8Array([9]) }])),
    about: vi.fn(async () => ok({ name: 'PEEL Workbench', version: '0.1.0', electron: null, chrome: null, node: null, licences: '' })),
    author: vi.fn(async () => ok('Ann\u202e')),
    setAuthor: vi.fn(async (n: string) => ok(n)),
    saveExport: vi.fn(async () => ok({ saved: true, name: 'pack\u202efdp.docx' })),
    onMenuCommand: vi.fn(() => () => undefined),
  } as unknown as Host;
}

describe('screenHost', () => {
  it('shows the names the page displays: the workspace, the recent list, picked reports, a saved export', async () => {
    const host = screenHost(fakeHost());
    const o = await host.workspace.openLast();
    expect(o.ok && o.value.info.name).toBe('Gwent⟨U+202E⟩dm.exe.sqlite');
    expect(await host.workspace.recent()).toEqual(ok([{ handle: 'h', name: 'Old⟨U+2066⟩ one⟨U+2069⟩', isDefault: false }]));
    const picked = await host.pickReports();
    expect(picked.ok && picked.value[0]?.name).toBe('report⟨U+202E⟩dm.exe');
    expect(await host.saveExport({ suggestedName: 'x.docx', mime: 'text/html', bytes: new Uint8Array() })).toEqual(
      ok({ saved: true, name: 'pack⟨U+202E⟩fdp.docx' }),
    );
  });

  it('shows the characters in an error message, which may name a file', async () => {
    const r = await screenHost(fakeHost()).workspace.appendJournal('h', 'line');
    expect(r).toEqual({
      ok: false,
      error: { code: 'write-failed', message: 'Could not write /media/stick/ws⟨U+202E⟩.sqlite.peel-journal' },
    });
  });

  it('leaves what goes back untouched: the handle, snapshot, journal and seal, and the analyst’s own name', async () => {
    const inner = fakeHost();
    const host = screenHost(inner);
    const o = await host.workspace.open();
    if (!o.ok || !o.value) throw new Error('not opened');
    expect(o.value.info.handle).toBe('h\u202e1');
    expect(o.value.snapshot).toBe(opened.snapshot);
    expect(o.value.journal).toBe(opened.journal);
    expect(await host.author()).toEqual(ok('Ann\u202e'));
    const picked = await host.pickReports();
    expect(picked.ok && picked.value[0]?.bytes).toEqual(new Uint8Array([9]));
    await host.workspace.checkpoint('h\u202e1', new Uint8Array([7]), 3, 'seal');
    expect(inner.workspace.checkpoint).toHaveBeenCalledWith('h\u202e1', new Uint8Array([7]), 3, 'seal');
  });
});
