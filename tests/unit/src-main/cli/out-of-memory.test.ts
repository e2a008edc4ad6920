import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNode } from '../../../helpers/run-node';
import { ROOT } from '../../../helpers/seed';

// A command whose input is too much for the memory it has ends in one line, like any refusal,
// with nothing written: not Node's ERR_WORKER_OUT_OF_MEMORY and its stack (src-main/cli/main.ts).
// The input limits (src-core/limits.ts) keep every accepted input under 1 GB; here the heap is made
// tiny (16 MB) so that the bundled workspace's Word pack is past it.

const dir = mkdtempSync(path.join(tmpdir(), 'peel-oom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI out of memory', () => {
  it('says so in one line, exit code 1, the workspace unchanged and no pack written', async () => {
    const workspace = path.join(ROOT, 'data/default-workspace.sqlite');
    const before = readFileSync(workspace);
    const out = path.join(dir, 'pack.docx');
    const run = await runNode(path.join(ROOT, 'bin/peel-workbench.mjs'), ['brief', workspace, '--out', out, '--marking', 'OFFICIAL'], {
      NODE_OPTIONS: '--max-old-space-size=16',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `peel-workbench: the command ran out of memory and was stopped; ${workspace} was not changed and ${out} was not written\n`,
    );
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(workspace).equals(before)).toBe(true);
  }, 60_000);
});
