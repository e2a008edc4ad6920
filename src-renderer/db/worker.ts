import type { FromWorker } from './protocol';
import { DbService } from './service/db-service';
import { workerExportLibraries } from './service/export-libraries';
import { readPdfPages } from './service/pdf-reader';
import { loadEngine } from './service/sql-engine';
import { StatementBeat } from './statement-beat';

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

// Tells the UI thread when statements run, so that it can end this worker if one never returns.
const beat = new StatementBeat((message) => scope.postMessage(message, []));

const service = new DbService({
  loadEngine: () => loadEngine(beat),
  readPdf: readPdfPages,
  exports: workerExportLibraries(__APP_VERSION__),
  post: (message, transfer = []) => {
    beat.posted();
    scope.postMessage(message, transfer);
  },
});

scope.addEventListener('message', (event) => service.receive(event.data));
service.warmUp();
