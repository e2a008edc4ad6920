import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../helpers/run-node';
import { ROOT } from '../../helpers/seed';

// scripts/electronegativity.mjs (npm run scan:electron): Doyensec's scanner over the Electron
// sources, failing on HIGH/MEDIUM findings without an inline justification that names the exact
// code it covers, and on any file it could not parse.

const sarifFile = (name: string) => path.join(mkdtempSync(path.join(tmpdir(), 'eng-')), `${name}.sarif`);

/** A copy of what the scan reads (src-main and the renderer's HTML), altered by `change`, to scan with --root. */
function alteredTree(change: (root: string) => void): string {
  const root = mkdtempSync(path.join(tmpdir(), 'eng-tree-'));
  cpSync(path.join(ROOT, 'src-main'), path.join(root, 'src-main'), { recursive: true });
  mkdirSync(path.join(root, 'src-renderer'));
  cpSync(path.join(ROOT, 'src-renderer/index.html'), path.join(root, 'src-renderer/index.html'));
  change(root);
  return root;
}

const CALL = 'new BrowserWindow(mainWindowOptions(options))';

/** src-main/electron/window.ts with its one call given other options; the justification comments above it are left as they are. */
function withWindowCall(root: string, call: string): void {
  const file = path.join(root, 'src-main/electron/window.ts');
  const src = readFileSync(file, 'utf8');
  const line = `  const win = ${CALL};`;
  expect(src.split('\n').filter((l) => l === line)).toHaveLength(1);
  writeFileSync(file, src.replace(line, `  const win = ${call};`));
}

const scan = (root: string, name: string) => runNode('scripts/electronegativity.mjs', ['--sarif', sarifFile(name), '--root', root]);

describe('the Electronegativity scan', () => {
  it('passes on the app: every HIGH or MEDIUM finding is justified at its exact code, every file parsed, and writes SARIF', async () => {
    const sarif = sarifFile('app');
    const r = await runNode('scripts/electronegativity.mjs', ['--sarif', sarif]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/scanned src-main, src-renderer\/index\.html: \d+ files, \d+ atomic \+ \d+ global checks/);
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK']) {
      expect(r.stdout).toMatch(
        new RegExp(`${check} at src-main/electron/window\\.ts:\\d+:\\d+\\n\\s+justified at \`${CALL.replace(/[()]/g, '\\$&')}\``),
      );
    }
    expect(r.stdout).toMatch(/0 failing \(HIGH\/MEDIUM unjustified\), \d+ justified, \d+ low\/informational, 0 unparsed files/);
    expect(r.stdout).toContain('excluded: AvailableSecurityFixesGlobalCheck');
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(sarif, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
  }, 60_000);

  it('fails when the main window is given contextIsolation: false, sandbox: false at the call, the justifications above it notwithstanding', async () => {
    const root = alteredTree((r) =>
      withWindowCall(
        r,
        'new BrowserWindow({ ...mainWindowOptions(options), webPreferences: { contextIsolation: false, sandbox: false } })',
      ),
    );
    const r = await scan(root, 'inline-unsafe');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /HIGH\s+CONTEXT_ISOLATION_JS_CHECK at src-main\/electron\/window\.ts:\d+:\d+\n.*\n\s+not justified: the justification covers `new BrowserWindow\(mainWindowOptions\(options\)\)`, but the finding is at `contextIsolation: false`/,
    );
    expect(r.stdout).toMatch(
      /MEDIUM\s+SANDBOX_JS_CHECK at src-main\/electron\/window\.ts:\d+:\d+\n.*\n\s+not justified: .* the finding is at `sandbox: false`/,
    );
    expect(r.stdout).toMatch(/HIGH\/MEDIUM NOT justified: 3\n/);
  }, 60_000);

  it('fails when the justifications are rewritten for the new call: an insecure key is flagged where it is, not at the call', async () => {
    const unsafe = 'new BrowserWindow({ ...mainWindowOptions(options), webPreferences: { contextIsolation: false, sandbox: false } })';
    const root = alteredTree((r) => {
      withWindowCall(r, unsafe);
      const file = path.join(r, 'src-main/electron/window.ts');
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll(`at \`${CALL}\``, `at \`${unsafe}\``));
    });
    const r = await scan(root, 'rewritten');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /CONTEXT_ISOLATION_JS_CHECK at src-main\/electron\/window\.ts:.*\n.*\n\s+not justified: .* the finding is at `contextIsolation: false`/,
    );
    expect(r.stdout).toMatch(
      /SANDBOX_JS_CHECK at src-main\/electron\/window\.ts:.*\n.*\n\s+not justified: .* the finding is at `sandbox: false`/,
    );
    expect(r.stdout).toMatch(/HIGH\/MEDIUM NOT justified: 2\n/);
  }, 60_000);

  it('fails when the window gets other options it cannot see, and refuses a justification that names no code', async () => {
    const root = alteredTree((r) => {
      withWindowCall(r, 'new BrowserWindow(legacyOptions(options))');
      const file = path.join(r, 'src-main/electron/window.ts');
      const src = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        src.replace(`// electronegativity: AUXCLICK_JS_CHECK at \`${CALL}\` — `, '// electronegativity: AUXCLICK_JS_CHECK — '),
      );
    });
    const r = await scan(root, 'other-options');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /CONTEXT_ISOLATION_JS_CHECK at src-main\/electron\/window\.ts:.*\n.*\n\s+not justified: .* the finding is at `new BrowserWindow\(legacyOptions\(options\)\)`/,
    );
    expect(r.stdout).toMatch(
      /AUXCLICK_JS_CHECK at src-main\/electron\/window\.ts:.*\n.*\n\s+not justified: a justification must name the code it covers/,
    );
    expect(r.stdout).toMatch(/HIGH\/MEDIUM NOT justified: 3\n/);
  }, 60_000);

  it('fails on a file it cannot parse, naming it, and reads .mjs files too', async () => {
    const root = alteredTree((r) => {
      writeFileSync(path.join(r, 'src-main/broken.ts'), 'export const x = (;\n');
      writeFileSync(
        path.join(r, 'src-main/helper.mjs'),
        "import { BrowserWindow } from 'electron';\nexport const w = () => new BrowserWindow({ webPreferences: { contextIsolation: false } });\n",
      );
    });
    const r = await scan(root, 'unparsed');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/files the scanner could not parse \(not checked\): 1\n\s+src-main\/broken\.ts: Unexpected token \(1:18\)/);
    expect(r.stdout).toMatch(/CONTEXT_ISOLATION_JS_CHECK at src-main\/helper\.mjs:2:\d+/);
    expect(r.stdout).toMatch(/, 1 unparsed files;/);
  }, 60_000);

  it('fails on a path that does not exist rather than scanning nothing', async () => {
    const r = await runNode('scripts/electronegativity.mjs', ['--sarif', sarifFile('none'), 'src-nowhere']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('electronegativity: nothing to scan at');
  }, 60_000);

  it('fails on an insecure window, names it, and accepts only the finding justified at its code', async () => {
    const sarif = sarifFile('fixture');
    const r = await runNode('scripts/electronegativity.mjs', ['--sarif', sarif, 'tests/fixtures/electronegativity']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK at tests/fixtures/electronegativity/insecure-window.js:6:');
    expect(r.stdout).toContain('SANDBOX_JS_CHECK at tests/fixtures/electronegativity/insecure-window.js:6:');
    expect(r.stdout).toMatch(
      /AUXCLICK_JS_CHECK at tests\/fixtures\/electronegativity\/insecure-window\.js:11:\d+\n\s+justified at `new BrowserWindow\(.*\)`: fixture: this window shows one static page/,
    );
    expect(r.stdout).toMatch(/HIGH\/MEDIUM NOT justified: [1-9]/);
  }, 60_000);
});
