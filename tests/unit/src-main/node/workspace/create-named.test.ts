import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CHANNELS } from '../../../../../src-core/host/methods';
import { workspaceFileName } from '../../../../../src-main/node/workspace/dialogs';
import { MAIN_FRAME, makeMainHost, removeMainHostFolders, workspaceBytes } from '../../../../helpers/main-host';

let bytes: Uint8Array;
beforeAll(async () => {
  bytes = await workspaceBytes();
});
afterAll(removeMainHostFolders);

const create = (host: ReturnType<typeof makeMainHost>, ...args: unknown[]) => host.handlers[IPC_CHANNELS.create](MAIN_FRAME, ...args);

describe('New workspace… on the desktop: the name first, then where', () => {
  it('offers the typed name as the file name in the save dialog, and opens the workspace under the file chosen', async () => {
    const host = makeMainHost(bytes);
    host.dialogs.saves.push(path.join(host.docs, 'Gwent 2017 review'));
    const reply = await create(host, 'Gwent 2017 review');
    expect(host.dialogs.suggested).toBe('Gwent 2017 review.sqlite');
    expect(reply).toMatchObject({ ok: true, value: { info: { name: 'Gwent 2017 review.sqlite', isDefault: false } } });
  });

  it('cancelling the save dialog creates nothing', async () => {
    const host = makeMainHost(bytes);
    const before = readdirSync(host.docs);
    expect(await create(host, 'Never made')).toEqual({ ok: true, value: null });
    expect(host.dialogs.suggested).toBe('Never made.sqlite');
    expect(readdirSync(host.docs)).toEqual(before);
  });

  it('refuses a missing, empty or control-character name before any dialog, saying what is wrong', async () => {
    const host = makeMainHost(bytes);
    for (const bad of [[], ['   '], ['Gwent\u0000'], [42], ['x'.repeat(121)]]) {
      const reply = await create(host, ...bad);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(host.dialogs.suggested).toBeNull();
  });
});

describe('workspaceFileName', () => {
  it('keeps an ordinary name and adds the extension once', () => {
    expect(workspaceFileName('Gwent review')).toBe('Gwent review.sqlite');
    expect(workspaceFileName('Gwent review.sqlite')).toBe('Gwent review.sqlite');
  });

  it('cannot steer the folder or hide the file: separators, reserved characters and leading dots become harmless', () => {
    expect(workspaceFileName('../../etc/passwd')).toBe('-..-etc-passwd.sqlite');
    expect(workspaceFileName('C:\\Users\\x')).toBe('C--Users-x.sqlite');
    expect(workspaceFileName('a*b?c"d<e>f|g')).toBe('a-b-c-d-e-f-g.sqlite');
    expect(workspaceFileName('.hidden')).toBe('hidden.sqlite');
    expect(workspaceFileName('...')).toBe('Workspace.sqlite');
  });
});
