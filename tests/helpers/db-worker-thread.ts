import { parentPort, workerData } from 'node:worker_threads';
import type { FromWorker } from '../../src-core/service/protocol';
import { DbService } from '../../src-core/service/db-service';
import { streamInflate } from '../../src-renderer/db/adapters/inflate';
import { StatementBeat } from '../../src-renderer/db/statement-beat';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { loadSqlEngine, watchStatements } from '../../src-main/node/sqljs';
import { migrationsPlus } from './workspace';

/**
 * The DB worker as src-renderer/db/worker.ts assembles it (the service, its statements beating to
 * the UI thread), on a Node worker thread with the real sql.js: a statement that never returns
 * blocks this thread only, as it blocks the browser's worker, and the test's UI thread (the
 * DbClient) sees what the app would. workerData.extraMigration, when given, is one more migration
 * after the real ones: what it creates is schema "of ours", so it passes the schema check.
 */
export interface DbWorkerThreadData {
  extraMigration?: { file: string; sql: string };
}

if (!parentPort) throw new Error('db-worker-thread runs as a worker thread');
const port = parentPort;
const { extraMigration } = workerData as DbWorkerThreadData;
const beat = new StatementBeat((message) => port.postMessage(message));
watchStatements(beat);
const service = new DbService({
  loadEngine: async () => ({
    engine: await loadSqlEngine(),
    migrations: extraMigration ? await migrationsPlus(extraMigration.file, extraMigration.sql) : await readMigrations(),
  }),
  readPdf: () => Promise.reject(new Error('no PDFs in this test')),
  inflate: streamInflate,
  post: (message: FromWorker, transfer: ArrayBuffer[] = []) => {
    beat.posted();
    port.postMessage(message, transfer);
  },
});
port.on('message', (data: unknown) => service.receive(data));
