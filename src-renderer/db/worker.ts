import type { FromWorker } from './protocol';
import { DbService } from './service/db-service';
import { workerExportLibraries } from './service/export-libraries';
import { readPdfPages } from './service/pdf-reader';
import { loadEngine } from './service/sql-engine';

/**
 * The DB worker: owns the one sql.js database of the open workspace. Every SQL statement the app
 * runs is behind this file; the UI thread talks to it only through db-client.ts.
 */

/** The part of DedicatedWorkerGlobalScope used here (the renderer compiles against the DOM lib, not WebWorker's). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = self as unknown as WorkerScope;

const service = new DbService({
  loadEngine,
  readPdf: readPdfPages,
  exports: workerExportLibraries(__APP_VERSION__),
  post: (message, transfer = []) => scope.postMessage(message, transfer),
});

scope.addEventListener('message', (event) => service.receive(event.data));
service.warmUp();
