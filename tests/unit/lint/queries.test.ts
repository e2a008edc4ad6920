import { describe, expect, it } from 'vitest';
import { expectEachRefused, violations } from './lint-helper';

/** The query modules' split (model the UI may import, SQL only the service runs), held by folders/import-zones. */
const ZONES = 'folders/import-zones';

describe('the SQL half of the queries stays in the workspace service', () => {
  it('refuses src-core/query/sql/ in the UI', async () => {
    const cases = ['src-renderer/features/findings/x.ts', 'src-renderer/app/x.ts', 'src-renderer/ui/x.ts'].map((file) => {
      const source = `${'../'.repeat(file.split('/').length - 1)}src-core/query/sql/findings`;
      return [file, `import { readFindingsPage } from '${source}';\nexport { readFindingsPage };\n`] as const;
    });
    await expectEachRefused(cases, ZONES, 'runs only in the workspace service');
  });

  it('lets the UI import the query model, and the workspace service the SQL', async () => {
    expect(
      await violations(
        'src-renderer/features/findings/x.ts',
        `import type { FindingsQuery } from '../../../src-core/query/model/findings';\nexport type Q = FindingsQuery;\n`,
        ZONES,
      ),
    ).toEqual([]);
    // The service moved from src-renderer/db/service/ to src-core/service/ (issue 16): there it runs the SQL.
    expect(
      await violations('src-core/service/x.ts', `import { readFacets } from '../query/sql/facets';\nexport { readFacets };\n`, ZONES),
    ).toEqual([]);
  });

  it('refuses the SQL and the database in the DB worker too, which only wires the service', async () => {
    for (const [source, words] of [
      ['../../src-core/query/sql/facets', 'runs only in the workspace service'],
      ['../../src-core/db/sql-db', 'is the workspace service’s'],
    ]) {
      const found = await violations('src-renderer/db/worker.ts', `import '${source}';\n`, ZONES);
      expect(found, source).toHaveLength(1);
      expect(found[0]?.message).toContain(words);
    }
    expect(await violations('src-renderer/db/adapters/x.ts', `import '../../../src-core/db/sql-db';\n`, ZONES)).toHaveLength(1);
  });
});

describe('the query model reads nothing', () => {
  it('refuses the SQL modules and the database in src-core/query/model/', async () => {
    for (const source of ['../sql/findings', '../../db/sql-db']) {
      const found = await violations('src-core/query/model/x.ts', `import '${source}';\n`, ZONES);
      expect(found, source).toHaveLength(1);
      expect(found[0]?.message).toContain('holds no SQL');
    }
  });

  it('lets a model module import another model, the annotation vocabulary and zod', async () => {
    const code = [`import './findings';`, `import '../../annotations/vocabulary';`, `import 'zod';`].join('\n');
    expect(await violations('src-core/query/model/x.ts', `${code}\n`, ZONES)).toEqual([]);
  });
});
