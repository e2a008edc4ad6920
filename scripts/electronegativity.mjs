#!/usr/bin/env node
// `npm run scan:electron`: Doyensec's Electronegativity over the Electron sources, with SARIF output,
// failing on any HIGH or MEDIUM finding that is not justified inline.
//
// A justification is a comment on the flagged line or the line above it:
//     // electronegativity: CHECK_ID — why this is safe here
// naming the check and giving a reason (at least a few words); the scan prints every finding it
// accepted this way, so a justification is reviewed each time CI runs rather than hidden.
//
// The AVAILABLE_SECURITY_FIXES check is excluded: it asks the network for Electron's advisories.
// Electronegativity also fetches translations at start-up; that is replaced by its bundled
// English strings, so the scan makes no request at all.
//
//   node scripts/electronegativity.mjs [--sarif out/electronegativity.sarif] [paths…]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Check names as Electronegativity's -x option takes them (its class names).
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);
const JUSTIFICATION = /electronegativity:\s*([A-Z0-9_]+)\s*[—–-]+\s*(\S.{9,})/;

/**
 * What is scanned, as one application: the main process and preload sources and the renderer's
 * HTML (its CSP <meta>). Electronegativity's global checks (CSP, navigation limits, permission
 * handler) look across everything scanned together, so the pieces are copied side by side into one
 * folder, keeping their paths, rather than scanned one by one.
 */
const SCANNED = ['src-main', 'src-renderer/index.html'];

/** Electronegativity's i18n module, but offline: its bundled en-US strings, registered as the global `__` it expects. */
function offlineI18n() {
  const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const i18nFile = path.join(pkgDir, 'dist/locales/i18n.js');
  const i18n = createRequire(i18nFile)('i18n');
  const setup = () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nFile),
      updateFiles: false,
      objectNotation: true,
      register: global,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  };
  require.cache[i18nFile] = { id: i18nFile, filename: i18nFile, loaded: true, exports: Object.assign(setup, { default: setup }) };
  return require(path.join(pkgDir, 'dist/runner.js'));
}

/** The justification for a finding: on its line, or in the block of comment lines right above it. */
function justificationFor(issue) {
  let lines;
  try {
    lines = readFileSync(issue.file, 'utf8').split('\n');
  } catch {
    return null;
  }
  for (let n = issue.location.line; n >= 1; n--) {
    const text = lines[n - 1] ?? '';
    if (n < issue.location.line && !/^\s*\/\//.test(text)) break;
    const m = JUSTIFICATION.exec(text);
    if (m && m[1] === issue.id) return m[2].trim();
  }
  return null;
}

async function main() {
  const args = process.argv.slice(2);
  const sarifAt = args.indexOf('--sarif');
  const sarif = path.resolve(ROOT, sarifAt >= 0 ? args.splice(sarifAt, 2)[1] : 'out/electronegativity.sarif');
  const stage = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  for (const rel of args.length ? args : SCANNED) {
    if (existsSync(path.join(ROOT, rel))) cpSync(path.join(ROOT, rel), path.join(stage, rel), { recursive: true });
  }
  mkdirSync(path.dirname(sarif), { recursive: true });
  const run = offlineI18n();
  let result;
  try {
    result = await run(
      {
        input: stage,
        output: sarif,
        isSarif: true,
        customScan: [],
        excludeFromScan: EXCLUDED,
        isRelative: true,
        electronVersionOverride: electronVersion(),
      },
      false,
    );
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  for (const e of result.errors.filter((x) => !x.tolerable)) console.log(`  parse error (not scanned): ${e.file}: ${e.message}`);
  console.log(
    `scanned ${(args.length ? args : SCANNED).join(', ')}: ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} findings; SARIF in ${path.relative(ROOT, sarif)}`,
  );
  // Paths in the results are relative to the staging folder, which mirrors the repository.
  const all = result.issues.map((issue) => ({ ...issue, file: path.join(ROOT, issue.file) }));

  const failing = [];
  const justified = [];
  const info = [];
  for (const issue of all) {
    const where = `${path.relative(ROOT, issue.file)}:${issue.location.line}:${issue.location.column}`;
    const severity = issue.severity.name ?? String(issue.severity);
    const line = `${severity.padEnd(13)} ${issue.id} at ${where}`;
    if (!FAILING.has(severity)) info.push(line);
    else {
      const reason = justificationFor(issue);
      if (reason) justified.push(`${line}\n      justified: ${reason}`);
      else failing.push(`${line}\n      ${issue.description ?? ''} ${issue.shortenedURL ?? ''}`);
    }
  }
  for (const [title, list] of [
    ['low/informational (review, not failing)', info],
    ['HIGH/MEDIUM justified inline', justified],
    ['HIGH/MEDIUM NOT justified', failing],
  ]) {
    console.log(`\n${title}: ${list.length}`);
    for (const l of list) console.log(`  ${l}`);
  }
  console.log(
    `\nelectronegativity: ${all.length} findings, ${failing.length} failing (HIGH/MEDIUM unjustified), ${justified.length} justified, ${info.length} low/informational; excluded: ${EXCLUDED.join(', ')}`,
  );
  process.exitCode = failing.length ? 1 : 0;
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

await main();
