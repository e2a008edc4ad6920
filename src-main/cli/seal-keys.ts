import { homedir } from 'node:os';
import path from 'node:path';
import type { SealKey } from '../../src-core/workspace/seal';
import { readSealKey } from '../node/workspace/seal-key';

/**
 * The folders where the app keeps its seal key on this machine, where Electron's
 * app.getPath('userData') puts them: under the platform's application-data folder (%APPDATA% on
 * Windows, ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config elsewhere), named
 * for the packaged app (electron-builder's productName) and for a development run (package.json's
 * name). PEEL_CONFIG_DIR replaces them all, so that tests never read the real home folder.
 */
export function sealKeyFolders(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string[] {
  if (env.PEEL_CONFIG_DIR) return [path.resolve(env.PEEL_CONFIG_DIR)];
  const appData =
    platform === 'win32'
      ? env.APPDATA || path.join(home, 'AppData', 'Roaming')
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : env.XDG_CONFIG_HOME || path.join(home, '.config');
  return [path.join(appData, 'PEEL Workbench'), path.join(appData, 'peel-workbench')];
}

/**
 * The keys of the app's builds on this machine, read and never made: the CLI only reads workspaces,
 * so it seals nothing, and a key of its own could never match a seal. With none, nothing matches
 * and every brief runs the full integrity check.
 */
export async function cliSealKeys(folders = sealKeyFolders()): Promise<SealKey[]> {
  const keys = await Promise.all(folders.map(readSealKey));
  return [...new Set(keys.filter((k): k is SealKey => k !== null))];
}
