#!/usr/bin/env node
// `npm run scan:electron`: Doyensec's Electronegativity over the Electron sources, with SARIF output,
// failing on any HIGH or MEDIUM finding that is not justified inline, and on any file it could not
// read in full.
//
// A justification is a comment on the flagged line or in the block of comment lines right above it:
//     // electronegativity: CHECK_ID at `exact code` — why this is safe here
// naming the check, the code it vouches for, and a reason (at least a few words). It covers a
// finding only when the finding sits at the start of that very code (the text of the syntax node
// there, whitespace aside): a justification written for `new BrowserWindow(mainWindowOptions(options))`
// no longer applies once the call is given other options, even on the same line, because the
// scanner then flags the call's new text or the insecure key inside it. The scan prints every
// finding it accepted this way, so a justification is reviewed each time CI runs rather than hidden.
//
// A file the scanner cannot parse (a syntax error, tolerated or not) fails the scan: its checks did
// not run. .mjs/.cjs/.mts/.cts files, which Electronegativity would skip, are scanned under a .js
// or .ts name.
//
// The AVAILABLE_SECURITY_FIXES check is excluded: it asks the network for Electron's advisories.
// Electronegativity also fetches translations at start-up; that is replaced by its bundled
// English strings, so the scan makes no request at all.
//
//   node scripts/electronegativity.mjs [--sarif out/electronegativity.sarif] [--root DIR] [paths…]
//
// --root scans a copy of the tree (paths are then relative to it); the tests use it to scan
// altered copies of src-main.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Check names as Electronegativity's -x option takes them (its class names).
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);
const JUSTIFICATION = /electronegativity:\s*([A-Z0-9_]+)\b(.*)$/;
const JUSTIFICATION_PARTS = /^\s+at\s+`([^`]+)`\s*[—–-]+\s*(\S.{9,})$/;
/** Extensions Electronegativity reads as they are, and those it would skip, with the name they are scanned under. */
const RENAMED = { '.mjs': '.js', '.cjs': '.js', '.mts': '.ts', '.cts': '.ts' };
const CODE = /\.(js|jsx|ts|tsx|mjs|cjs|mts|cts)$/;

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

/**
 * Copies each scanned path from `base` into `stage`, keeping its relative path (a file Electronegativity
 * would skip gets a name it reads). Returns staged relative path → real file.
 */
function stageFiles(base, rels, stage) {
  const real = new Map();
  const copy = (rel) => {
    const from = path.join(base, rel);
    if (statSync(from).isDirectory()) {
      for (const name of readdirSync(from)) copy(path.join(rel, name));
      return;
    }
    const staged = rel + (RENAMED[path.extname(rel)] ?? '');
    mkdirSync(path.dirname(path.join(stage, staged)), { recursive: true });
    copyFileSync(from, path.join(stage, staged));
    real.set(staged, from);
  };
  for (const rel of rels) {
    if (!existsSync(path.join(base, rel))) throw new Error(`nothing to scan at ${path.join(base, rel)}`);
    copy(rel);
  }
  return real;
}

const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** The text of every syntax node that starts exactly at (line, column), outermost first. */
function codeAt(file, line, column) {
  const text = readFileSync(file, 'utf8');
  const kind = /\.(tsx|jsx)$/.test(file) ? ts.ScriptKind.TSX : /\.[mc]?ts$/.test(file) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const lineStarts = sf.getLineStarts();
  if (line < 1 || line > lineStarts.length) return [];
  const pos = lineStarts[line - 1] + column;
  const found = [];
  const visit = (node) => {
    if (node.getStart(sf) === pos) found.push(squash(node.getText(sf)));
    if (node.pos <= pos && pos < node.end) ts.forEachChild(node, visit);
  };
  ts.forEachChild(sf, visit);
  return found;
}

/**
 * Whether a finding is justified: `{ reason }` when a justification on its line or in the comment
 * block above names its check and exactly the code it sits at, else `{ refused }` saying why not
 * (or null when nothing names the check).
 */
function justificationFor(issue) {
  if (!CODE.test(issue.file)) return null;
  let lines;
  try {
    lines = readFileSync(issue.file, 'utf8').split('\n');
  } catch {
    return null;
  }
  let refused = null;
  for (let n = issue.location.line; n >= 1; n--) {
    const text = lines[n - 1] ?? '';
    if (n < issue.location.line && !/^\s*\/\//.test(text)) break;
    const m = JUSTIFICATION.exec(text);
    if (!m || m[1] !== issue.id) continue;
    const parts = JUSTIFICATION_PARTS.exec(m[2]);
    if (!parts) {
      refused = 'a justification must name the code it covers and why: `// electronegativity: CHECK at `code` — reason`';
      continue;
    }
    const [, code, reason] = parts;
    const here = codeAt(issue.file, issue.location.line, issue.location.column);
    if (here.includes(squash(code))) return { reason: reason.trim(), code };
    refused = `the justification covers \`${code}\`, but the finding is at \`${clip(here[0] ?? '?')}\``;
  }
  return refused ? { refused } : null;
}

const clip = (s) => (s.length > 100 ? `${s.slice(0, 97)}...` : s);

function parseArgs(argv) {
  const args = [...argv];
  const take = (flag) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const sarif = path.resolve(ROOT, take('--sarif') ?? 'out/electronegativity.sarif');
  const base = path.resolve(ROOT, take('--root') ?? '.');
  return { sarif, base, rels: args.length ? args : SCANNED };
}

async function main() {
  const { sarif, base, rels } = parseArgs(process.argv.slice(2));
  const stage = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
  mkdirSync(path.dirname(sarif), { recursive: true });
  const run = offlineI18n();
  let result;
  let real;
  try {
    real = stageFiles(base, rels, stage);
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
  const shown = (file) => path.relative(base, file);
  const realOf = (staged) => real.get(path.relative(stage, path.resolve(stage, staged))) ?? path.join(base, staged);
  // Tolerated errors too: Electronegativity recovered from a syntax error and may have checked part of the file, or nothing.
  const unparsed = result.errors.map((e) => `${shown(realOf(e.file))}: ${e.message}${e.tolerable ? ' (tolerated by the parser)' : ''}`);
  console.log(
    `scanned ${rels.join(', ')}: ${real.size} files, ${result.atomicChecks} atomic + ${result.globalChecks} global checks, ${result.issues.length} findings; SARIF in ${path.relative(ROOT, sarif)}`,
  );
  // Paths in the results are relative to the staging folder, which mirrors the scanned tree.
  const all = result.issues.map((issue) => ({ ...issue, file: realOf(issue.file) }));

  const failing = [];
  const justified = [];
  const info = [];
  for (const issue of all) {
    const where = `${shown(issue.file)}:${issue.location.line}:${issue.location.column}`;
    const severity = issue.severity.name ?? String(issue.severity);
    const line = `${severity.padEnd(13)} ${issue.id} at ${where}`;
    if (!FAILING.has(severity)) info.push(line);
    else {
      const j = justificationFor(issue);
      if (j?.reason) justified.push(`${line}\n      justified at \`${j.code}\`: ${j.reason}`);
      else
        failing.push(
          `${line}\n      ${issue.description ?? ''} ${issue.shortenedURL ?? ''}${j?.refused ? `\n      not justified: ${j.refused}` : ''}`,
        );
    }
  }
  for (const [title, list] of [
    ['low/informational (review, not failing)', info],
    ['HIGH/MEDIUM justified inline', justified],
    ['HIGH/MEDIUM NOT justified', failing],
    ['files the scanner could not parse (not checked)', unparsed],
  ]) {
    console.log(`\n${title}: ${list.length}`);
    for (const l of list) console.log(`  ${l}`);
  }
  console.log(
    `\nelectronegativity: ${all.length} findings, ${failing.length} failing (HIGH/MEDIUM unjustified), ${justified.length} justified, ${info.length} low/informational, ${unparsed.length} unparsed files; excluded: ${EXCLUDED.join(', ')}`,
  );
  process.exitCode = failing.length || unparsed.length ? 1 : 0;
}

function electronVersion() {
  try {
    return JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

try {
  await main();
} catch (e) {
  console.error(`electronegativity: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
