import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node';

// scripts/electronegativity.mjs (npm run scan:electron): Doyensec's scanner over the Electron
// sources, failing on HIGH/MEDIUM findings without an inline justification.
describe('the Electronegativity scan', () => {
  it('passes on the app: every HIGH or MEDIUM finding is justified inline, and writes SARIF', async () => {
    const sarif = path.join(mkdtempSync(path.join(tmpdir(), 'eng-')), 'app.sarif');
    const r = await runNode('scripts/electronegativity.mjs', ['--sarif', sarif]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/scanned src-main, src-renderer\/index\.html: \d+ atomic \+ \d+ global checks/);
    expect(r.stdout).toMatch(/0 failing \(HIGH\/MEDIUM unjustified\)/);
    expect(r.stdout).toContain('excluded: AvailableSecurityFixesGlobalCheck');
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
  }, 60_000);

  it('fails on an insecure window, names it, and accepts only the finding justified on its line', async () => {
    const sarif = path.join(mkdtempSync(path.join(tmpdir(), 'eng-')), 'fixture.sarif');
    const r = await runNode('scripts/electronegativity.mjs', ['--sarif', sarif, 'tests/fixtures/electronegativity']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK at tests/fixtures/electronegativity/insecure-window.js:6:');
    expect(r.stdout).toContain('SANDBOX_JS_CHECK at tests/fixtures/electronegativity/insecure-window.js:6:');
    expect(r.stdout).toMatch(
      /AUXCLICK_JS_CHECK at tests\/fixtures\/electronegativity\/insecure-window\.js:11:\d+\n\s+justified: fixture: this window shows one static page/,
    );
    expect(r.stdout).toMatch(/HIGH\/MEDIUM NOT justified: [1-9]/);
  }, 60_000);
});
