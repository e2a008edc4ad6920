import { describe, expect, it } from 'vitest';
import { looksLikeSql } from '../../../scripts/eslint-no-sql.mjs';
import { expectEachRefused, violations } from './lint-helper';

/** No SQL text in the renderer (scripts/eslint-no-sql.mjs), and of the workspace service the UI imports only its protocol. */
const NO_SQL = 'sql/no-sql';
const RESTRICTED = 'no-restricted-imports';

describe('no SQL text in src-renderer', () => {
  it('refuses a query written in a view, as a string, a template or a concatenation', async () => {
    for (const code of [
      `export const q = 'SELECT id FROM findings';\n`,
      'export const q = (cols: string) => `SELECT ${cols} FROM findings WHERE id = ?`;\n',
      `export const q = 'UPDATE annotations ' + 'SET note = ?';\n`,
      `export const q = "INSERT INTO saved_views (name) VALUES (?)";\n`,
      `export const q = 'PRAGMA integrity_check';\n`,
      `export const q = 'delete from findings where id = ?';\n`,
      `export const q = 'select id, text from findings order by id';\n`,
    ]) {
      const found = await violations('src-renderer/features/x.ts', code, NO_SQL);
      expect(found, code).toHaveLength(1);
      expect(found[0]?.message).toContain('belongs in the workspace service');
    }
  });

  it('refuses it in the DB worker and its adapters as well', async () => {
    expect(await violations('src-renderer/db/worker.ts', `export const q = 'SELECT id FROM findings';\n`, NO_SQL)).toHaveLength(1);
    expect(await violations('src-renderer/db/adapters/x.ts', `export const q = 'DELETE FROM review_samples';\n`, NO_SQL)).toHaveLength(1);
  });

  it('lets UI prose through, whatever words it shares with SQL', async () => {
    const prose = [
      'Select a finding from the list',
      'Select the findings to update, then set their status',
      'Delete from this pack?',
      'Create a saved view from the filter',
      'Update the table when the import is done',
      'Insert into the brief the findings you marked',
      'Drop a report here to import it',
      'OFFICIAL-SENSITIVE – NOT FOR ONWARD CIRCULATION',
    ];
    for (const text of prose) {
      expect(looksLikeSql(text), text).toBe(false);
      expect(await violations('src-renderer/features/x.ts', `export const label = ${JSON.stringify(text)};\n`, NO_SQL), text).toEqual([]);
    }
    // An import's path is not text.
    expect(await violations('src-renderer/features/x.ts', `import '../select/from/where';\n`, NO_SQL)).toEqual([]);
  });

  it('lets the same SQL stand in the query modules and the service', async () => {
    for (const file of ['src-core/query/sql/x.ts', 'src-core/service/x.ts']) {
      expect(await violations(file, `export const q = 'SELECT id FROM findings';\n`, NO_SQL), file).toEqual([]);
    }
  });
});

describe('the UI imports the workspace service’s protocol, nothing else of it', () => {
  it('refuses the service itself, its in-process client and its modules in a view', async () => {
    const cases = ['db-service', 'local-client', 'brief-service', 'grid-rows'].map(
      (mod) => ['src-renderer/features/findings/x.ts', `import '../../../src-core/service/${mod}';\n`] as const,
    );
    await expectEachRefused(cases, RESTRICTED, 'imports only its protocol.ts');
  });

  it('lets a view import the protocol, and the DB worker the service', async () => {
    expect(
      await violations(
        'src-renderer/features/findings/x.ts',
        `import type { DbResult } from '../../../src-core/service/protocol';\nexport type R = DbResult<number>;\n`,
        RESTRICTED,
      ),
    ).toEqual([]);
    expect(
      await violations(
        'src-renderer/db/worker.ts',
        `import { DbService } from '../../src-core/service/db-service';\nexport { DbService };\n`,
        RESTRICTED,
      ),
    ).toEqual([]);
  });
});
