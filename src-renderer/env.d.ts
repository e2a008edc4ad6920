/** package.json's version, substituted at build time (build/vite/renderer.ts `define`). */
declare const __APP_VERSION__: string;

/** pdf.js's parser, loaded into the DB worker so that pdf.js does not start a worker of its own. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

/**
 * exceljs's browser build (a UMD bundle with its own polyfills), read in the DB worker. Its shape
 * is checked where it is loaded (db/adapters/export-libraries.ts); the package's types describe the Node build.
 */
declare module 'exceljs/dist/exceljs.min.js' {
  const excel: unknown;
  export default excel;
}
