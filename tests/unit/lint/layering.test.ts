import { describe, expect, it } from 'vitest';
import { expectEachRefused, violations } from './lint-helper';

/** The layering rules of eslint.config.js, each shown failing on a deliberate violation. */
const RESTRICTED = 'no-restricted-imports';

describe('layering lint rules', () => {
  it('keeps Node, Electron and React out of src-core', async () => {
    const cases = ['node:fs', 'electron', 'react', 'sql.js'].map((mod) => ['src-core/query/x.ts', `import '${mod}';\n`] as const);
    await expectEachRefused(cases, RESTRICTED, 'runtime-neutral');
    expect(await violations('src-core/query/x.ts', `import { z } from 'zod';\nexport const s = z.string();\n`, RESTRICTED)).toEqual([]);
  });

  it('keeps the main process out of src-core and src-renderer', async () => {
    expect(await violations('src-core/query/x.ts', `import '../../src-main/bridge';\n`, RESTRICTED)).toHaveLength(1);
    expect(await violations('src-renderer/app/x.ts', `import '../../src-main/bridge';\n`, RESTRICTED)).toHaveLength(1);
  });

  it('keeps sql.js and the DB worker out of the UI thread', async () => {
    expect(
      await violations('src-renderer/app/x.ts', `import initSqlJs from 'sql.js';\nexport default initSqlJs;\n`, RESTRICTED),
    ).toHaveLength(1);
    expect(await violations('src-renderer/app/x.ts', `import '../db/db-client';\n`, RESTRICTED)).toEqual([]);
  });

  it('keeps React out of the main process', async () => {
    expect(await violations('src-main/x.ts', `import 'react';\n`, RESTRICTED)).toHaveLength(1);
  });
});
