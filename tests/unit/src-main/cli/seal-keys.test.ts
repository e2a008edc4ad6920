import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliSealKeys, sealKeyFolders } from '../../../../src-main/cli/seal-keys';
import { installationSealKey } from '../../../../src-main/node/workspace/seal-key';

const userData = () => path.join(mkdtempSync(path.join(tmpdir(), 'peel-key-')), 'userData');

describe("the CLI's seal keys", () => {
  it("are the app's, where Electron keeps its user data, for the packaged and the development build", () => {
    const home = '/home/ann';
    expect(sealKeyFolders({}, 'linux', home)).toEqual(['/home/ann/.config/PEEL Workbench', '/home/ann/.config/peel-workbench']);
    expect(sealKeyFolders({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toEqual(['/xdg/PEEL Workbench', '/xdg/peel-workbench']);
    expect(sealKeyFolders({}, 'darwin', home)[0]).toBe('/home/ann/Library/Application Support/PEEL Workbench');
    expect(sealKeyFolders({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', home)[0]).toBe(
      path.join('C:\\Users\\ann\\AppData\\Roaming', 'PEEL Workbench'),
    );
    // PEEL_CONFIG_DIR replaces them all: tests never look at the real home folder.
    expect(sealKeyFolders({ PEEL_CONFIG_DIR: '/tmp/cfg', XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toEqual(['/tmp/cfg']);
  });

  it('are read, never made: the CLI seals nothing, so a key of its own could match nothing', async () => {
    const empty = userData();
    expect(await cliSealKeys([empty])).toEqual([]);
    expect(existsSync(empty)).toBe(false);
    const app = userData();
    const key = await installationSealKey(app);
    expect(await cliSealKeys([empty, app, app])).toEqual([key]);
  });
});
