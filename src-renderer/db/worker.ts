import type { FromWorker } from '../../src-core/service/protocol';
import { DbService } from '../../src-core/service/db-service';
import { workerExportLibraries } from './adapters/export-libraries';
import { streamInflate } from './adapters/inflate';
import { readPdfPages } from './adapters/pdf-reader';
import { loadEngine } from './adapters/sql-engine';
import { StatementBeat } from './statement-beat';

/**
 * The DB worker: runs the workspace service (src-core/service/db-service.ts), which owns the one
 * sql.js database of the open workspace and every SQL statement the app runs, with this browser's
 * adapters (./adapters/: sql.js and its wasm, pdf.js, DecompressionStream, pdfkit's and exceljs's
 * browser builds, OffscreenCanvas). The UI thread talks to it only through db-client.ts.
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
  inflate: streamInflate,
  exports: workerExportLibraries(__APP_VERSION__),
  post: (message, transfer = []) => {
    beat.posted();
    scope.postMessage(message, transfer);
  },
});

scope.addEventListener('message', (event) => service.receive(event.data));
service.warmUp();
