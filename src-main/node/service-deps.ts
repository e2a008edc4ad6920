import type { ServiceDeps } from '../../src-core/service/db-service';
import { nodeExportLibraries } from './export-libraries';
import { readMigrations } from './migrations-fs';
import { readPdfText } from './pdf-text';
import { loadSqlEngine } from './sqljs';
import { nodeInflate } from './xlsx-table';

/**
 * What the workspace service (src-core/service/db-service.ts) needs from Node, as the DB worker
 * hands it the browser's (src-renderer/db/worker.ts): sql.js with its wasm from node_modules (its
 * statements counted for the CLI's statement budget, ./sqljs.ts), the migrations read from
 * src-core/db/migrations, pdf.js's Node build, zlib for XLSX parts, and the export libraries.
 * The caller adds how the service's messages reach it (src-core/service/local-client.ts).
 */
export function nodeServiceDeps(appVersion: string): Omit<ServiceDeps, 'post'> {
  return {
    loadEngine: async () => {
      const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
      return { engine, migrations };
    },
    readPdf: readPdfText,
    inflate: nodeInflate,
    exports: nodeExportLibraries(appVersion),
  };
}
