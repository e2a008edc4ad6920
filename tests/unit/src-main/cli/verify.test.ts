import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../../helpers/run-node';
import { ROOT } from '../../../helpers/seed';
import { openSession, workspaceCopy } from '../../../helpers/session';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
/** An installation of the app for the CLI to find its seal key in (PEEL_CONFIG_DIR): never the real home folder. */
const CONFIG = mkdtempSync(path.join(tmpdir(), 'peel-config-'));
const cli = (...args: string[]) => runNode(BIN, args, { PEEL_CONFIG_DIR: CONFIG });
/** Each run starts Node: seconds apiece on a loaded 2-core machine. */
const SLOW = 180_000;

const at = '2026-12-07T10:00:00.000Z';
const DOMESTIC_WARNING =
  '  open warning (line 151): "Domestic abuse incidents per 1,000 population": Gwent Police 1 against England and Wales 15 is more than ten times apart; check it against the source';
const FOOTNOTE_WARNING = '  open warning (line 331): Footnote 14 is cited (line 331) but never defined';

describe('peel-workbench verify', () => {
  it(
    'prints each report’s coverage and its open warnings with where they point, and changes nothing',
    async () => {
      const ws = workspaceCopy();
      const before = readFileSync(ws);
      const r = await cli('verify', ws);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout.split('\n')).toEqual([
        'Gwent Police 2017: 0 of 30 figures and grades verified · 0 corrected · 2 warnings open',
        DOMESTIC_WARNING,
        FOOTNOTE_WARNING,
        '',
      ]);
      expect(readFileSync(ws).equals(before)).toBe(true);
      expect(readdirSync(path.dirname(ws)).filter((f) => !f.endsWith('.originals'))).toEqual(['ws.sqlite']);
    },
    SLOW,
  );

  it(
    'counts the checks journaled since the last save: a figure corrected from 1 to 12, a figure and a grade verified',
    async () => {
      const ws = workspaceCopy();
      const { session } = await openSession(ws);
      await session.edit('item.correct', { target: 'metric', id: 9, field: 'force', value: '12', author: 'ann', at });
      await session.edit('metric.verify', { metricId: 1, verified: true, author: 'ann', at });
      await session.edit('judgment.verify', { judgmentId: 2, verified: true, author: 'ann', at });
      session.close();
      const journal = readFileSync(`${ws}.peel-journal`, 'utf8');
      const r = await cli('verify', ws);
      expect([r.code, r.stderr]).toEqual([0, '']);
      // Correcting the flagged figure settles its warning; the footnote's stays open.
      expect(r.stdout.split('\n')).toEqual([
        'Gwent Police 2017: 2 of 30 figures and grades verified · 1 corrected · 1 warning open',
        FOOTNOTE_WARNING,
        '',
      ]);
      expect(readFileSync(`${ws}.peel-journal`, 'utf8')).toBe(journal);

      const json = await cli('verify', ws, '--json');
      expect(json.code).toBe(0);
      expect(JSON.parse(json.stdout)).toEqual({
        reports: [
          {
            reportId: 1,
            report: 'Gwent Police 2017',
            figures: { total: 24, verified: 1, corrected: 1 },
            grades: { total: 6, verified: 1, corrected: 0 },
            openWarnings: [{ id: 2, message: 'Footnote 14 is cited (line 331) but never defined', page: null, line: 331 }],
          },
        ],
      });
    },
    SLOW,
  );

  it(
    'refuses a missing file and a file that is not a workspace in one line, exit code 1',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'peel-verify-'));
      const missing = await cli('verify', path.join(dir, 'nope.sqlite'));
      expect([missing.code, missing.stdout]).toEqual([1, '']);
      expect(missing.stderr).toBe(`peel-workbench: ${path.join(dir, 'nope.sqlite')}: no such workspace file\n`);
      const notes = path.join(dir, 'notes.sqlite');
      writeFileSync(notes, 'not a database');
      const foreign = await cli('verify', notes, '--json');
      expect([foreign.code, foreign.stdout]).toEqual([1, '']);
      expect(foreign.stderr).toBe('peel-workbench: notes.sqlite is not a SQLite database, so it cannot be a PEEL Workbench workspace\n');
    },
    SLOW,
  );

  it(
    'is listed in the help',
    async () => {
      const r = await cli('--help');
      expect(r.stdout).toMatch(/^\s+verify \[options\] <workspace>\s+print how many figures and grades/m);
      const own = await cli('verify', '--help');
      expect(own.stdout).toContain('--json');
    },
    SLOW,
  );
});
