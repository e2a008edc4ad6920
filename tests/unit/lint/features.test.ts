import { describe, expect, it } from 'vitest';
import { violations } from './lint-helper';

/** The renderer's folder rules of eslint.config.js (folders/import-zones), each shown failing on a deliberate violation. */
const ZONES = 'folders/import-zones';
const RESTRICTED = 'no-restricted-imports';

describe('views do not import each other', () => {
  it('refuses an import from another feature, however the path is written', async () => {
    for (const source of ['../briefing/ExportGridMenu', '../../features/briefing/ExportGridMenu', './../briefing/ExportGridMenu']) {
      const found = await violations('src-renderer/features/metrics/x.ts', `import '${source}';\n`, ZONES);
      expect(found, source).toHaveLength(1);
      expect(found[0]?.message).toContain('A view does not import another view');
    }
    // Re-exports and lazy imports are imports too.
    expect(
      await violations('src-renderer/features/review/x.ts', `export { capitalised } from '../metrics/metric-format';\n`, ZONES),
    ).toHaveLength(1);
    expect(
      await violations('src-renderer/features/briefing/x.ts', `export const load = () => import('../findings/FindingsView');\n`, ZONES),
    ).toHaveLength(1);
  });

  it('lets a feature import its own files, the shared UI and core', async () => {
    const code = [
      `import './findings-query';`,
      `import '../findings/findings-datasource';`,
      `import '../../shared/grid-export/ExportGridMenu';`,
      `import '../../ui/PopoverMenu';`,
      `import '../../../src-core/query/model/findings';`,
      `import 'ag-grid-community';`,
    ].join('\n');
    expect(await violations('src-renderer/features/findings/x.ts', `${code}\n`, ZONES)).toEqual([]);
  });

  it('keeps every feature out of the shared folders', async () => {
    const found = await violations('src-renderer/shared/grid-export/x.ts', `import '../../features/findings/findings-query';\n`, ZONES);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('src-renderer/shared/ is shared by every view and imports none');
    expect(await violations('src-renderer/ui/x.ts', `import '../features/review/samples-export';\n`, ZONES)).toHaveLength(1);
    expect(
      await violations('src-renderer/shared/grid-export/x.ts', `import '../text/words';\nimport '../../db/db-client';\n`, ZONES),
    ).toEqual([]);
  });

  it('still applies the UI thread’s layering rules to feature files', async () => {
    // The zone rule is a rule of its own, so it does not replace no-restricted-imports for these files.
    expect(
      await violations('src-renderer/features/findings/x.ts', `import initSqlJs from 'sql.js';\nexport default initSqlJs;\n`, RESTRICTED),
    ).toHaveLength(1);
  });
});
