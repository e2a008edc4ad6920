// The command thread when the CLI runs from its TypeScript sources (no build in out/cli/): a worker
// thread does not inherit tsx's loader, so it loads the TypeScript thread through tsx's API.
import { tsImport } from 'tsx/esm/api';

await tsImport('./command-thread.ts', import.meta.url);
