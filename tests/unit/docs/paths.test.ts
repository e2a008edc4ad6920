import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The docs name files for a newcomer to open ("the handler in `src-core/service/db-service.ts`"):
 * a file that moved leaves the doc pointing at nothing. Every repository path written in
 * backquotes in the README and docs/ must exist; a template (NNN, <view>) is not a path.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const TOP = ['src-core', 'src-main', 'src-renderer', 'tests', 'bench', 'scripts', 'build', 'data', 'bin', 'docs'];
/** What a command writes (`npm run bench` writes bench/out/, ignored by git): named in the docs, absent from a fresh clone. */
const GENERATED = ['bench/out/'];
const PATH = new RegExp(`\`((?:${TOP.join('|')})/[^\`\\s]*)\``, 'g');

function pathsIn(text: string): string[] {
  return [...text.matchAll(PATH)]
    .map((m) => (m[1] ?? '').replace(/[.,:;]+$/, ''))
    .filter((p) => !/NNN|[<>*{}]/.test(p) && !GENERATED.some((g) => p.startsWith(g)))
    .map((p) => p.replace(/#.*$/, ''));
}

describe('paths named in the docs', () => {
  it('finds paths to check', () => {
    expect(pathsIn(readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8')).length).toBeGreaterThan(40);
    expect(pathsIn('see `src-core/x.ts`, `src-core/db/migrations/NNN_name.sql` and `src-renderer/features/<view>/`')).toEqual([
      'src-core/x.ts',
    ]);
  });

  it.each(DOCS)('%s names only files that exist', (doc) => {
    const missing = pathsIn(readFileSync(path.join(ROOT, doc), 'utf8')).filter((p) => !existsSync(path.join(ROOT, p)));
    expect([...new Set(missing)]).toEqual([]);
  });
});
