import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../../src-main/electron/app-paths';

const facts = { appPath: '/src/peel', resourcesPath: '/opt/peel/resources', mainDir: '/src/peel/out/main' };

describe('appPaths', () => {
  it('finds the renderer and the CommonJS preload beside the built main script', () => {
    const p = appPaths({ ...facts, isPackaged: false }, path.posix);
    expect(p.rendererRoot).toBe('/src/peel/out/renderer');
    expect(p.preload).toBe('/src/peel/out/preload/preload.cjs');
  });

  it('reads the CLI-built workspace from data/ in development and from resources when packaged', () => {
    expect(appPaths({ ...facts, isPackaged: false }, path.posix).defaultWorkspace).toBe('/src/peel/data/default-workspace.sqlite');
    expect(appPaths({ ...facts, isPackaged: true }, path.posix).defaultWorkspace).toBe('/opt/peel/resources/default-workspace.sqlite');
  });
});
