// The DB worker's service on a Node worker thread (db-worker-thread.ts), loaded through tsx's API:
// a worker thread does not inherit the test runner's TypeScript loader.
import { tsImport } from 'tsx/esm/api';

await tsImport('./db-worker-thread.ts', import.meta.url);
