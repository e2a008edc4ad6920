import { createReadStream, existsSync, lstatSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

export const DEFAULT_WORKSPACE_URL = 'default-workspace.sqlite';
/** The default workspace's report originals (`npm run build:workspace` keeps them beside it), by SHA-256. */
const ORIGINALS = `${DEFAULT_WORKSPACE_URL}.originals`;
const ORIGINAL_NAME = /^[0-9a-f]{64}$/;

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
      // Only names that are a SHA-256, only regular files: the browser host checks the hash anyway.
      server.middlewares.use(`/${ORIGINALS}/`, (req, res) => {
        const name = (req.url ?? '').replace(/^\//, '');
        const original = path.join(`${file}.originals`, name);
        if (!ORIGINAL_NAME.test(name) || !existsSync(original) || !lstatSync(original).isFile()) {
          res.statusCode = 404;
          res.end();
          return;
        }
        res.setHeader('Content-Type', 'application/octet-stream');
        createReadStream(original).pipe(res);
      });
    },
    async generateBundle() {
      if (!existsSync(file)) this.error(missing(file));
      this.emitFile({ type: 'asset', fileName: DEFAULT_WORKSPACE_URL, source: await readFile(file) });
      const originals = `${file}.originals`;
      const names = existsSync(originals) ? (await readdir(originals)).filter((n) => ORIGINAL_NAME.test(n)) : [];
      for (const name of names) {
        this.emitFile({ type: 'asset', fileName: `${ORIGINALS}/${name}`, source: await readFile(path.join(originals, name)) });
      }
    },
  };
}
