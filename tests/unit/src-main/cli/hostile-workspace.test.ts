import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../../src-core/db/workspace';
import {
  ENDLESS_HISTORY_VIEW,
  ENDLESS_TRIGGER,
  GRADE_INFLATION,
  JUDGMENTS_VIEW,
  makeHostile,
  PLANTED_NOTE,
  type Hostile,
} from '../../../helpers/hostile-workspace';
import { ROOT, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations } from '../../../helpers/workspace';
import { edit, gwentWorkspace } from '../../src-core/brief/gwent-workspace';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
/** Each run starts Node (and tsx from the sources): seconds apiece on a loaded 2-core machine. */
const SLOW = 240_000;
/**
 * A run that has not ended by then is killed and the test fails: the endless trigger and view must
 * be refused, not run. Generous, because the box is shared; an endless query never ends at all.
 */
const LIMIT_MS = 120_000;

interface Run {
  code: number | null;
  killed: boolean;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: LIMIT_MS, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, killed: Boolean(e?.killed), stdout, stderr });
    });
  });
}

/** A folder holding one hostile workspace file; `base` is the workspace it was made from. */
async function hostileFile(h: Hostile, base: 'empty' | 'gwent'): Promise<{ dir: string; ws: string; bytes: Buffer }> {
  const { engine, migrations } = await engineAndMigrations();
  let bytes: Uint8Array;
  if (base === 'empty') bytes = createWorkspace(engine, migrations).export();
  else {
    const db = await gwentWorkspace();
    edit(db, 'annotation.set', { targetType: 'finding', targetId: 4, field: 'note', value: 'check this' });
    edit(db, 'annotation.set', { targetType: 'finding', targetId: 4, field: 'includeInBrief', value: true });
    bytes = db.export();
    db.close();
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'peel-hostile-'));
  const ws = path.join(dir, 'from-elsewhere.sqlite');
  writeFileSync(ws, makeHostile(engine, bytes, h));
  return { dir, ws, bytes: readFileSync(ws) };
}

/** build names the file as given (--out); brief by its name alone, as the app does. */
const refusal = (name: string, what: string) => `peel-workbench: ${name} ${what}: it may have been altered; it has been left untouched`;

/** What the run said of the workspace: the one line it ends with (build's progress lines come first), and no stack trace. */
function said(r: Run): string {
  expect(r.stderr).not.toMatch(/^\s+at |Error:/m);
  return r.stderr.trimEnd().split('\n').at(-1) ?? '';
}

describe('the CLI and a workspace whose schema PEEL Workbench did not make', () => {
  it(
    'build --add refuses a workspace with a trigger on judgments: exit 1, one line, nothing imported, the file byte for byte as it was',
    async () => {
      const { dir, ws, bytes } = await hostileFile(GRADE_INFLATION, 'empty');
      const r = await cli('build', SEED_FILES.markdown, '--out', ws, '--add');
      expect(r.killed).toBe(false);
      expect(r.code).toBe(1);
      expect(said(r)).toBe(refusal(ws, 'contains a trigger "grade_inflation" that PEEL Workbench did not create'));
      expect(r.stdout).not.toMatch(/imported|wrote/);
      expect(readFileSync(ws).equals(bytes)).toBe(true);
      expect(readdirSync(dir)).toEqual(['from-elsewhere.sqlite']);
    },
    SLOW,
  );

  it(
    'build --add refuses a workspace with an endless recursive trigger at once instead of running it',
    async () => {
      const { ws, bytes } = await hostileFile(ENDLESS_TRIGGER, 'empty');
      const r = await cli('build', SEED_FILES.markdown, '--out', ws, '--add');
      expect(r.killed).toBe(false);
      expect(r.code).toBe(1);
      expect(said(r)).toBe(refusal(ws, 'contains a trigger "forever" that PEEL Workbench did not create'));
      expect(readFileSync(ws).equals(bytes)).toBe(true);
    },
    SLOW,
  );

  it(
    'brief refuses a workspace with a trigger on annotations, or a view in place of judgments, and writes no pack',
    async () => {
      for (const [h, what] of [
        [PLANTED_NOTE, 'contains a trigger "plant_note" that PEEL Workbench did not create'],
        [
          JUDGMENTS_VIEW,
          'has a view "judgments" where PEEL Workbench creates a table (and 3 other differences from the schema it creates)',
        ],
      ] as const) {
        const { dir, ws, bytes } = await hostileFile(h, 'gwent');
        const out = path.join(dir, 'pack.md');
        const r = await cli('brief', ws, '--out', out, '--marking', 'OFFICIAL');
        expect(r.killed).toBe(false);
        expect(r.code).toBe(1);
        expect(said(r)).toBe(refusal(path.basename(ws), what));
        expect(r.stdout).toBe('');
        expect(readFileSync(ws).equals(bytes)).toBe(true);
        expect(readdirSync(dir)).toEqual(['from-elsewhere.sqlite']);
      }
    },
    SLOW,
  );

  it(
    'brief refuses a migration history replaced by an endless view without reading it',
    async () => {
      const { ws, bytes } = await hostileFile(ENDLESS_HISTORY_VIEW, 'gwent');
      const r = await cli('brief', ws, '--out', path.join(path.dirname(ws), 'pack.md'), '--marking', 'OFFICIAL');
      expect(r.killed).toBe(false);
      expect(r.code).toBe(1);
      expect(said(r)).toBe(refusal(path.basename(ws), 'has a view "schema_migrations" where PEEL Workbench creates a table'));
      expect(readFileSync(ws).equals(bytes)).toBe(true);
    },
    SLOW,
  );
});
