import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetOf } from '../../../../src-main/cli/main';
import { SlotWatch, SlotWatcher, statementSlot } from '../../../../src-main/cli/statement-slot';
import { cliCopy, type CliCopy } from '../../../helpers/cli-copy';
import { runNode } from '../../../helpers/run-node';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

/**
 * A statement that never returns: the trigger fires on the row a migration records for itself,
 * and counts an endless recursive query. In a copy of the CLI whose own migrations hold it, it
 * passes the schema check (it is "ours" there), so only the statement budget can stop it.
 */
const ENDLESS = `CREATE TRIGGER endless AFTER INSERT ON schema_migrations BEGIN
  SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT x FROM c);
END;
`;

const BUDGET_MS = 1500;
/** Far longer than the budget on any machine: the command must be stopped well within it. */
const LIMIT_MS = 60_000;

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the CLI’s statement budget', () => {
  let copy: CliCopy;
  let dir: string;
  let workspace: string;

  beforeAll(async () => {
    const next = readdirSync(path.join(ROOT, 'src-core/db/migrations')).filter((f) => f.endsWith('.sql')).length + 1;
    copy = await cliCopy([{ file: `${String(next).padStart(3, '0')}_endless.sql`, sql: ENDLESS }]);
    dir = mkdtempSync(path.join(tmpdir(), 'peel-budget-'));
    workspace = path.join(dir, 'gwent.sqlite');
    // Built by the real CLI: a workspace of ours, one migration behind the copy, which migrates it on opening.
    const built = await runNode(path.join(ROOT, 'bin/peel-workbench.mjs'), ['build', SEED_FILES.markdown, '--out', workspace]);
    expect(built.code, built.stderr).toBe(0);
    // A journal beside it, which a brief reads and must leave as it is.
    writeFileSync(`${workspace}.peel-journal`, '');
  }, 120_000);

  afterAll(() => {
    copy?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stops `build --add` stuck in a statement: one line, exit code 1, the workspace byte for byte as it was', async () => {
    const before = sha256(workspace);
    const files = readdirSync(dir).sort();
    const run = await copy.cli(
      ['build', path.join(ROOT, 'tests/fixtures/synthetic-testshire-2017.md'), '--add', '--out', workspace],
      { PEEL_STATEMENT_BUDGET_MS: String(BUDGET_MS) },
      LIMIT_MS,
    );
    expect(run.signal, 'killed by the test’s time limit: the budget did not stop it').toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `peel-workbench: a database statement ran for more than 1.5 s and was stopped; ${workspace} was not changed\n`,
    );
    // The extraction ran (a line of progress), the import did not.
    expect(run.stderr).toMatch(/read {5}.*synthetic-testshire-2017\.md/);
    expect(run.stdout).not.toMatch(/imported|wrote/);
    expect(sha256(workspace)).toBe(before);
    // No temporary file left behind either.
    expect(readdirSync(dir).sort()).toEqual(files);
  }, 90_000);

  it('stops the read-only `brief` the same way: the workspace and its journal unchanged, no pack written', async () => {
    const before = sha256(workspace);
    const pack = path.join(dir, 'pack.md');
    const run = await copy.cli(
      ['brief', workspace, '--out', pack, '--marking', 'OFFICIAL'],
      { PEEL_STATEMENT_BUDGET_MS: String(BUDGET_MS) },
      LIMIT_MS,
    );
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `peel-workbench: a database statement ran for more than 1.5 s and was stopped; ${workspace} was not changed and ${pack} was not written\n`,
    );
    expect(sha256(workspace)).toBe(before);
    expect(readFileSync(`${workspace}.peel-journal`, 'utf8')).toBe('');
    expect(existsSync(pack)).toBe(false);
  }, 90_000);

  it('is what stopped them: with a budget of a day the same command is still running when the test gives up', async () => {
    const run = await copy.cli(
      ['brief', workspace, '--out', path.join(dir, 'other.md'), '--marking', 'OFFICIAL'],
      { PEEL_STATEMENT_BUDGET_MS: '86400000' },
      8000,
    );
    expect(run.signal).toBe('SIGTERM');
    expect(run.stderr).not.toContain('was stopped');
  }, 30_000);

  it('still builds a workspace with the real migrations, the budget set short', async () => {
    const out = path.join(dir, 'plain.sqlite');
    const run = await runNode(path.join(ROOT, 'bin/peel-workbench.mjs'), ['build', SEED_FILES.markdown, '--out', out], {
      PEEL_STATEMENT_BUDGET_MS: String(BUDGET_MS),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^imported {2}gwent-peel-effectiveness-2017\.md: .*\nwrote {5}/m);
  }, 60_000);

  it('refuses a malformed budget in one line rather than running without one', async () => {
    expect(budgetOf({})).toBe(60_000);
    expect(budgetOf({ PEEL_STATEMENT_BUDGET_MS: '2500' })).toBe(2500);
    for (const bad of ['0', '50', '1.5', 'soon', '-1000', '1e9'])
      expect(budgetOf({ PEEL_STATEMENT_BUDGET_MS: bad })).toMatch(/^PEEL_STATEMENT_BUDGET_MS must be/);
    const run = await runNode(path.join(ROOT, 'bin/peel-workbench.mjs'), ['extract', SEED_FILES.markdown], {
      PEEL_STATEMENT_BUDGET_MS: 'soon',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'peel-workbench: PEEL_STATEMENT_BUDGET_MS must be a whole number of milliseconds from 100 to 86400000, not "soon"\n',
    );
  });
});

describe('the statement slot', () => {
  it('reports a statement stuck only once the same one has been seen running for the budget', () => {
    const slot = statementSlot();
    const watch = new SlotWatch(slot);
    const watcher = new SlotWatcher(slot);
    expect(watcher.stuck(0, 1000)).toBe(false);
    watch.enter();
    expect(watcher.stuck(0, 1000)).toBe(false); // first seen
    expect(watcher.stuck(999, 1000)).toBe(false);
    // Many short statements in a row are never one long one.
    watch.leave();
    watch.enter();
    expect(watcher.stuck(1500, 1000)).toBe(false);
    expect(watcher.stuck(2400, 1000)).toBe(false);
    expect(watcher.stuck(2500, 1000)).toBe(true);
    watch.leave();
    expect(watcher.stuck(9000, 1000)).toBe(false);
  });
});
