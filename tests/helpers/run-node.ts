import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from './seed';

const run = promisify(execFile);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a Node script (from the project root unless told otherwise) as a user would, capturing its exit code and output. */
export async function runNode(script: string, args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<RunResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      maxBuffer: 32 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as RunResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}
