import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

export const DEFAULT_WORKSPACE_URL = 'default-workspace.sqlite';

const missing = (file: string) => `${file} is missing: run \`npm run build:workspace\` first`;

/**
 * Web build only (Electron reads the file in main): serves the CLI-built default workspace from
 * the page's own origin, in dev from disk and in a build as a copied asset, so the browser host
 * never needs any other server.
 */
export function defaultWorkspace(file: string): Plugin {
  return {
    name: 'peel:default-workspace',
    configureServer(server) {
      server.middlewares.use(`/${DEFAULT_WORKSPACE_URL}`, (_req, res) => {
        if (!existsSync(file)) {
          res.statusCode = 404;
          res.end(missing(file));
          return;
        }
        res.setHeader('Content-Type', 'application/vnd.sqlite3');
        createReadStream(file).pipe(res);
      });
    },
    async generateBundle() {
      if (!existsSync(file)) this.error(missing(file));
      this.emitFile({ type: 'asset', fileName: DEFAULT_WORKSPACE_URL, source: await readFile(file) });
    },
  };
}
