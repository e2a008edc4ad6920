import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/seed';

// Issue 8, "Offline": every end-to-end test must run under tests/e2e/offline.ts, whose automatic
// fixture records every request the page and its workers make and fails the test on any that
// leaves the app's origin. A spec that imported `test` from @playwright/test directly would run
// without it, silently; this test makes that a failure.

const E2E = path.join(ROOT, 'tests/e2e');
const specs = readdirSync(E2E).filter((f) => f.endsWith('.spec.ts'));
const source = (f: string) => readFileSync(path.join(E2E, f), 'utf8');

/** The value (non-type) imports of a module: `import { a, type B } from 'x'` → a from x. */
function valueImports(src: string): { names: string[]; from: string }[] {
  const out: { names: string[]; from: string }[] = [];
  for (const m of src.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s+from\s+['"]([^'"]+)['"]/gm)) {
    if (m[1]) continue;
    const clause = m[2] ?? '';
    const braces = /\{([\s\S]*)\}/.exec(clause)?.[1] ?? '';
    const names = braces
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/).pop() ?? n);
    const outside = clause
      .replace(/\{[\s\S]*\}/, '')
      .replace(/,/g, ' ')
      .trim();
    if (outside) names.push(outside);
    out.push({ names, from: m[3] ?? '' });
  }
  return out;
}

describe('the end-to-end suite runs offline', () => {
  it('has specs to check', () => {
    expect(specs.length).toBeGreaterThan(5);
  });

  it.each(specs)('%s takes `test` from ./offline and nothing but types from @playwright/test', (spec) => {
    const imports = valueImports(source(spec));
    const testFrom = imports.filter((i) => i.names.includes('test')).map((i) => i.from);
    expect(testFrom).toEqual(['./offline']);
    expect(imports.filter((i) => i.from === '@playwright/test' && i.names.length > 0)).toEqual([]);
  });

  it('the fixture is automatic and fails a test on any request off the page origin', () => {
    const fixture = readFileSync(path.join(E2E, 'offline.ts'), 'utf8');
    expect(fixture).toMatch(/\{ auto: true \}/);
    expect(fixture).toMatch(/page\.on\('request'/);
    expect(fixture).toMatch(/expect\(offsite, 'requests that left the page origin'\)\.toEqual\(\[\]\)/);
  });

  it('recognises a spec that bypasses the fixture (the check itself can fail)', () => {
    const bad = "import { expect, test } from '@playwright/test';\nimport type { Page } from '@playwright/test';\n";
    const imports = valueImports(bad);
    expect(imports.filter((i) => i.names.includes('test')).map((i) => i.from)).toEqual(['@playwright/test']);
    expect(valueImports("import type { Page } from '@playwright/test';\nimport { test } from './offline';\n")).toEqual([
      { names: ['test'], from: './offline' },
    ]);
  });
});
