#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx, so it works right after `npm ci`.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('../src-main/cli/main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
