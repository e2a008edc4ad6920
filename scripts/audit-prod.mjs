// `npm run audit:prod`: no high or critical advisory in the production dependencies (what ships).
//
// Fails on any such advisory and on any error in checking, except one: where the registry refuses
// npm's bulk advisory endpoint with HTTP 405 (the build machines' registry mirror does), nothing
// was checked rather than something found, so it says NOT CHECKED and exits 0; AUDIT_REQUIRED=1
// makes that fail too. The rules are in audit-verdict.mjs.
//
// The verdict's one line is also written to out/audit-status (or --status-file), which .ci/run
// prints as the last line of CI's log, so a run that was not checked never ends looking clean.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditVerdict } from './audit-verdict.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--status-file');
const statusFile = path.resolve(ROOT, at >= 0 ? (args[at + 1] ?? '') : 'out/audit-status');

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
  cwd: ROOT,
  encoding: 'utf8',
  shell: process.platform === 'win32',
  maxBuffer: 64 * 1024 * 1024,
});
const verdict = auditVerdict({ status: run.status, stdout: run.stdout ?? '', stderr: run.error ? String(run.error) : (run.stderr ?? '') });

mkdirSync(path.dirname(statusFile), { recursive: true });
writeFileSync(statusFile, `${verdict.summary}\n`);
const out = verdict.outcome === 'passed' ? console.log : console.error;
out(verdict.summary);
for (const line of verdict.details) out(line);
process.exitCode = verdict.outcome === 'passed' || (verdict.outcome === 'not-checked' && process.env.AUDIT_REQUIRED !== '1') ? 0 : 1;
