import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { budgetInWords, STATEMENT_BUDGET_MS, statementBudgetFor } from '../../src-core/db/statement-watch';
import type { CommandFiles } from './commands';
import { printed } from './format';
import type { CommandThreadData, CommandThreadMessage } from './command-thread';
import { SlotWatcher, statementSlot } from './statement-slot';

/**
 * The CLI's entry: a command that opens a workspace runs on a worker thread (command-thread.ts)
 * and this thread only watches it (those that open none run here: see UNWATCHED). A statement
 * runs synchronously in sql.js's WebAssembly and sql.js offers no way to interrupt one, so a
 * statement that never returns (a hostile trigger, say) can be stopped only from another thread;
 * and only the main thread can end the process with an exit code of its choosing (a signal sent to
 * itself from a worker ends it as "killed", 143, not 1). So the command
 * thread counts its statements in a shared slot, this thread looks every tick, and past the budget
 * it ends the command thread, which stops the statement, and says so in one line with exit code 1.
 * Every file the CLI writes is written whole at the end (../node/atomic-write.ts), after its last
 * statement, so a command stopped mid-statement has changed nothing.
 */

/** Overrides the statement budget, in milliseconds (tests use a short one). */
export const BUDGET_ENV = 'PEEL_STATEMENT_BUDGET_MS';

/** The budget this run allows each statement, at the least; a malformed setting is refused rather than ignored. */
export function budgetOf(env: NodeJS.ProcessEnv): number | string {
  const raw = env[BUDGET_ENV];
  if (raw === undefined || raw === '') return STATEMENT_BUDGET_MS;
  const ms = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || ms < 100 || ms > 86_400_000) {
    return `${BUDGET_ENV} must be a whole number of milliseconds from 100 to 86400000, not "${raw}"`;
  }
  return ms;
}

/** The command thread beside this module: the bundle's .mjs when run from out/cli/, else the sources through tsx. */
function commandThread(data: CommandThreadData): Worker {
  const js = new URL('./command-thread.mjs', import.meta.url);
  const file = existsSync(fileURLToPath(js)) ? js : new URL('./command-thread-source.mjs', import.meta.url);
  return new Worker(file, { workerData: data });
}

/** "ws.sqlite was not changed" for a file there, "pack.md was not written" for one that is not. */
function untouched(files: CommandFiles): string {
  const said = [files.workspace, files.out]
    .filter((f): f is string => typeof f === 'string' && f !== '')
    .map((f) => `${f} was not ${existsSync(f) ? 'changed' : 'written'}`);
  return said.length ? said.join(' and ') : 'nothing was written';
}

function sizeOf(file: string | undefined): number {
  try {
    return file ? statSync(file).size : 0;
  } catch {
    return 0; // not there (yet): a workspace being built
  }
}

/**
 * Commands that open no workspace (reading reports and samples, help): they run no SQL, so they
 * run here, unwatched, without the cost of starting the command thread (tens of ms of every
 * `--help`; `extract` reads its report on an extraction thread of its own, extract-pool.ts).
 * Anything else, including a command added later, runs watched.
 */
const UNWATCHED = new Set(['extract', 'samples', 'help']);

function opensNoWorkspace(argv: string[]): boolean {
  const first = argv[0];
  // No command at all, or only the program's own options (--help, --version): commander answers them.
  return first === undefined || first.startsWith('-') || UNWATCHED.has(first);
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Checked for every command, so that a mistyped setting is found before it matters.
  const base = budgetOf(env);
  if (typeof base === 'string') {
    process.stderr.write(printed(`peel-workbench: ${base}`));
    return 1;
  }
  if (opensNoWorkspace(argv)) {
    const { runCommand } = await import('./commands');
    return runCommand(argv);
  }
  let budget = base;
  const slot = statementSlot();
  const watcher = new SlotWatcher(slot);
  const thread = commandThread({ argv, slot });
  let files: CommandFiles = {};
  let code: number | null = null;
  return new Promise<number>((resolve, reject) => {
    const tick = setInterval(
      () => {
        if (!watcher.stuck(performance.now(), budget)) return;
        clearInterval(tick);
        // Said before the thread is ended: the line is the news, whatever terminate() does next.
        process.stderr.write(
          printed(`peel-workbench: a database statement ran for more than ${budgetInWords(budget)} and was stopped; ${untouched(files)}`),
        );
        code = 1;
        void thread.terminate();
      },
      Math.min(1000, Math.max(25, Math.floor(base / 4))),
    );
    thread.on('message', (message: CommandThreadMessage) => {
      if (message.kind === 'files') {
        files = message.files;
        // A very large workspace gets more time for its integrity check (statement-watch.ts).
        budget = statementBudgetFor(sizeOf(files.workspace), base);
      } else code ??= message.code;
    });
    // A bug in a command (not a refusal, which it answers with its exit code) surfaces as before:
    // thrown, with its stack. Running out of memory is no bug of the command's but the input's size:
    // one line, like any other refusal, and nothing was written.
    thread.on('error', (e) => {
      clearInterval(tick);
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        process.stderr.write(printed(`peel-workbench: the command ran out of memory and was stopped; ${untouched(files)}`));
        code = 1;
        return;
      }
      reject(e);
    });
    // After the thread's output has all been written here.
    thread.on('exit', () => {
      clearInterval(tick);
      resolve(code ?? 1);
    });
  });
}
