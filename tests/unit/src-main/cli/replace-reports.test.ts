import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../../helpers/run-node';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
const cli = (...args: string[]) => runNode(BIN, args);

describe('peel-workbench build --add --replace-reports', () => {
  it('replaces a report already in the workspace by its new reading, keeping the checks on it', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'peel-replace-')), 'ws.sqlite');
    expect((await cli('build', SEED_FILES.markdown, '--out', out)).code).toBe(0);
    const db = new Database(out);
    db.prepare("UPDATE metrics SET verified = 1, verified_by = 'A. Analyst', verified_at = '2026-12-07T10:00:00.000Z' WHERE id = 1").run();
    db.prepare(
      "INSERT INTO annotations (target_type, target_id, note, author, created_at, updated_at) VALUES ('finding', 3, 'Ask the force', 'A. Analyst', 'x', 'x')",
    ).run();
    db.close();

    // Without the flag, the same report is skipped as before.
    const skipped = await cli('build', SEED_FILES.pdf, '--out', out, '--add');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).toMatch(
      /skipped {3}gwent-2017\.pdf: PEEL: Police effectiveness 2017 – Gwent Police is already in this workspace/,
    );

    const replaced = await cli('build', SEED_FILES.pdf, '--out', out, '--add', '--replace-reports');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toContain(
      'replaced  gwent-2017.pdf: PEEL: Police effectiveness 2017 – Gwent Police (kept 2 checks and annotations, 0 to review)',
    );
    const after = new Database(out, { readonly: true });
    expect(after.prepare('SELECT source_name FROM reports').all()).toEqual([{ source_name: 'gwent-2017.pdf' }]);
    expect(after.prepare('SELECT id, verified_by FROM metrics WHERE verified = 1').all()).toEqual([{ id: 1, verified_by: 'A. Analyst' }]);
    expect(after.prepare("SELECT target_id, note FROM annotations WHERE target_type = 'finding'").all()).toEqual([
      { target_id: 3, note: 'Ask the force' },
    ]);
    after.close();
  }, 120_000);
});
