import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAGS, STATUSES } from '../../../../src-core/annotations/vocabulary';
import { ROOT } from '../../../helpers/seed';

// The annotation vocabulary is declared once (src-core/annotations/vocabulary.ts): the database's
// CHECKs say the same, and no other source file writes the lists out again.

const sql = readdirSync(path.join(ROOT, 'src-core/db/migrations'))
  .filter((f) => f.endsWith('.sql'))
  .map((f) => readFileSync(path.join(ROOT, 'src-core/db/migrations', f), 'utf8'))
  .join('\n');

/** The values of every `CHECK (column IN (...))` on that column in the migrations. */
function checked(column: string): string[][] {
  return [...sql.matchAll(new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`, 'g'))].map((m) =>
    (m[1] ?? '').split(',').map((v) => v.trim().replace(/^'|'$/g, '')),
  );
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|mts)$/.test(name) ? [p] : [];
  });
}

describe('the annotation vocabulary', () => {
  it('is what the database allows: every CHECK on status and rag lists exactly these values', () => {
    expect(checked('status')).toEqual([[...STATUSES]]);
    expect(checked('rag')).toEqual([[...RAGS]]);
  });

  it('is written out in one source file only', () => {
    // A list or union of two of its values in a row, in any of the three source trees.
    const restated = /'new'\s*[,|]\s*'reviewed'|'reviewed'\s*[,|]\s*'flagged'|'red'\s*[,|]\s*'amber'|'amber'\s*[,|]\s*'green'/;
    const files = ['src-core', 'src-main', 'src-renderer'].flatMap((d) => sources(path.join(ROOT, d)));
    const offenders = files.filter((f) => restated.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f));
    expect(offenders).toEqual(['src-core/annotations/vocabulary.ts']);
  });
});
