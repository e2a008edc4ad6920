import { importReport } from '../../src-core/db/import-report';
import type { SqlDatabase } from '../../src-core/db/sql-db';
import { applyEdit, parseEdit, type UnstampedEdit } from '../../src-core/workspace/edits';
import { extractSeed, readFixture, SEED_FILES } from './seed';
import { freshWorkspace } from './workspace';

/** A new workspace holding the seed, imported from its Markdown. */
export async function seededWorkspace(): Promise<SqlDatabase> {
  const db = await freshWorkspace();
  await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
  return db;
}

export const ANALYST = { author: 'A. Analyst', at: '2026-12-07T10:00:00.000Z' };

/**
 * One edit as the session applies it: validated, in one transaction (rolled back whole if it is
 * refused), stamped with who and when. Returns the edit that undoes it.
 */
export function editAs(db: SqlDatabase, op: string, params: object, stamp = ANALYST): UnstampedEdit {
  const e = parseEdit(op, { ...params, ...stamp });
  db.exec('BEGIN');
  try {
    const inverse = applyEdit(db, e.op, e.params);
    db.exec('COMMIT');
    return inverse;
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
}
