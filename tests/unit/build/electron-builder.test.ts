import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMiniYaml, type YamlValue } from '../../helpers/mini-yaml';
import { ROOT } from '../../helpers/seed';
import viteConfig from '../../../electron.vite.config';

const config = parseMiniYaml(readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8')) as Record<string, YamlValue>;

describe('the packaging configuration (build/electron-builder.yml)', () => {
  it('names the product and packs the app into an asar', () => {
    expect(config).toMatchObject({ appId: expect.stringMatching(/^[a-z]+(\.[a-z-]+)+$/), productName: 'PEEL Workbench', asar: true });
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships nothing from outside out/ but package.json, and excludes node_modules and the browser build', () => {
    const files = config.files as string[];
    const included = files.filter((f) => !f.startsWith('!'));
    expect(included.filter((f) => f !== 'package.json').every((f) => /^out\/(main|preload|renderer)\/\*\*$/.test(f))).toBe(true);
    expect(files).toContain('!node_modules');
    expect(included.some((f) => f.startsWith('out/web'))).toBe(false);
  });

  it('ships the default workspace beside the asar, where app-paths.ts looks for it, with its report originals beside it', () => {
    expect(config.extraResources).toEqual([
      { from: 'data/default-workspace.sqlite', to: 'default-workspace.sqlite' },
      // ensureDefaultCopy (src-main/node/workspace/default-copy.ts) reads `<bundled>.originals/`.
      { from: 'data/default-workspace.sqlite.originals', to: 'default-workspace.sqlite.originals' },
    ]);
  });

  it('builds AppImage and deb for Linux, NSIS for Windows', () => {
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.win).toMatchObject({ target: ['nsis'] });
  });

  it('bundles dependencies into out/ (main and the sandboxed preload cannot load node_modules once packaged)', () => {
    expect(viteConfig.main?.build?.externalizeDeps).toBe(false);
    expect(viteConfig.preload?.build?.externalizeDeps).toBe(false);
  });
});

describe('parseMiniYaml', () => {
  it('reads what it supports and refuses what it does not', () => {
    expect(parseMiniYaml("a: 1\nb:\n  - x\n  - 'y # z'\nc:\n  - k: v\n    n: true\n")).toEqual({
      a: 1,
      b: ['x', 'y # z'],
      c: [{ k: 'v', n: true }],
    });
    for (const bad of ['a: [1, 2]', 'a: &x 1', 'a: 1 # note', 'a:\n- x', 'a: 1\na: 2', 'a:\n\tb: 1', 'a: |\n  text']) {
      expect(() => parseMiniYaml(bad), bad).toThrow();
    }
  });
});
