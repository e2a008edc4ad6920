import nodePath from 'node:path';

export interface AppPathFacts {
  isPackaged: boolean;
  /** app.getAppPath(): the project root in development, the asar in a package. */
  appPath: string;
  /** process.resourcesPath: where packaged extra resources land. */
  resourcesPath: string;
  /** The folder of the built main script (out/main). */
  mainDir: string;
}

export interface AppPaths {
  rendererRoot: string;
  preload: string;
  defaultWorkspace: string;
}

export const DEFAULT_WORKSPACE_FILE = 'default-workspace.sqlite';

/**
 * Where the built pieces live. The default workspace is built by the CLI into data/ during
 * development and shipped beside the asar (not inside it) when packaged, so it can be read as a
 * plain file.
 */
export function appPaths(f: AppPathFacts, path: Pick<typeof nodePath, 'join'> = nodePath): AppPaths {
  return {
    rendererRoot: path.join(f.mainDir, '..', 'renderer'),
    preload: path.join(f.mainDir, '..', 'preload', 'preload.cjs'),
    defaultWorkspace: f.isPackaged
      ? path.join(f.resourcesPath, DEFAULT_WORKSPACE_FILE)
      : path.join(f.appPath, 'data', DEFAULT_WORKSPACE_FILE),
  };
}
