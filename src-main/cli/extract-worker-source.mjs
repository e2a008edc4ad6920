// The extraction worker when the CLI runs from its TypeScript sources (no build in out/cli/): a
// worker thread does not inherit tsx's loader, so it loads the TypeScript worker through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./extract-worker.ts', import.meta.url);
