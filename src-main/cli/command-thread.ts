import { parentPort, workerData } from 'node:worker_threads';
import { watchStatements } from '../node/sqljs';
import { runCommand, type CommandFiles } from './commands';
import { SlotWatch } from './statement-slot';

/**
 * The CLI's command thread: runs the command line main.ts hands it, counting every call into
 * sql.js in the shared slot, so that main.ts, free while this thread may be stuck in WebAssembly,
 * can end it when one statement runs past the budget.
 */
export interface CommandThreadData {
  argv: string[];
  slot: SharedArrayBuffer;
}

/** What this thread tells main.ts: the files the command works on, then its exit code. */
export type CommandThreadMessage = { kind: 'files'; files: CommandFiles } | { kind: 'done'; code: number };

if (!parentPort) throw new Error('command-thread runs as a worker thread');
const port = parentPort;
const { argv, slot } = workerData as CommandThreadData;
watchStatements(new SlotWatch(slot));
const code = await runCommand(argv, (files) => port.postMessage({ kind: 'files', files } satisfies CommandThreadMessage));
port.postMessage({ kind: 'done', code } satisfies CommandThreadMessage);
