// `npm run audit:prod`: no high or critical advisory in the production dependencies (what ships).
// Fails on any such advisory. Where the registry's advisory endpoint cannot be reached (the build
// machines' registry mirror answers 405 to npm's bulk audit POST), it says so loudly and exits 0,
// because nothing was checked rather than something was found; AUDIT_REQUIRED=1 makes that fail too.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', shell: process.platform === 'win32' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit printed no JSON (exit ${run.status}):\n${run.stderr}`);
  process.exit(1);
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const reason = report.message ?? report.error?.summary ?? 'no advisory data';
  console.warn(`audit:prod: NOT CHECKED — the advisory endpoint did not answer (${reason}).`);
  process.exit(process.env.AUDIT_REQUIRED === '1' ? 1 : 0);
}

const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
console.log(
  `audit:prod: ${counts.total} advisories in production dependencies (critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}).`,
);
for (const [name, v] of serious) console.error(`  ${v.severity.toUpperCase()} ${name} ${v.range ?? ''}`);
process.exit(serious.length > 0 ? 1 : 0);
