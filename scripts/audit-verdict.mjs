// What `npm audit --omit=dev --json` said, as a verdict for `npm run audit:prod` (scripts/audit-prod.mjs).
//
// Exactly one failure to check may pass: the registry refusing npm's bulk advisory request with
// HTTP 405 (the build machines' registry mirror does; npm then prints the fetch error as JSON:
// statusCode 405, method POST, uri …/-/npm/v1/security/advisories/bulk). Nothing was checked,
// and the verdict says so. Any other error (no network, ENOTFOUND, a 404 or 500, output that is
// not npm's report) fails, as does any high or critical advisory.

const BULK_ADVISORIES = '/-/npm/v1/security/advisories/bulk';
const SERIOUS = new Set(['high', 'critical']);

/** The refusal that may pass: HTTP 405 to npm's POST of the bulk advisory endpoint, and nothing else. */
function isBulkEndpointRefusal(report) {
  if (report.statusCode !== 405 || report.method !== 'POST' || typeof report.uri !== 'string') return false;
  try {
    return new URL(report.uri).pathname.endsWith(BULK_ADVISORIES);
  } catch {
    return false;
  }
}

const lastLines = (text, n = 5) =>
  String(text ?? '')
    .trim()
    .split('\n')
    .slice(-n)
    .map((l) => `  ${l}`);

/**
 * @param {{ status: number | null, stdout: string, stderr: string }} run
 * @returns {{ outcome: 'passed' | 'failed' | 'not-checked', summary: string, details: string[] }}
 */
export function auditVerdict(run) {
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = null;
  }
  if (report === null || typeof report !== 'object' || Array.isArray(report)) {
    return {
      outcome: 'failed',
      summary: `audit:prod: FAILED — npm audit printed no report (exit ${run.status})`,
      details: lastLines(run.stderr),
    };
  }
  const counts = report.metadata?.vulnerabilities;
  if (report.vulnerabilities && typeof report.vulnerabilities === 'object' && counts && typeof counts.total === 'number') {
    const serious = Object.entries(report.vulnerabilities).filter(([, v]) => SERIOUS.has(v?.severity));
    const tally = `critical ${counts.critical}, high ${counts.high}, moderate ${counts.moderate}, low ${counts.low}`;
    const details = serious.map(([name, v]) => `  ${String(v.severity).toUpperCase()} ${name} ${v.range ?? ''}`.trimEnd());
    return serious.length > 0
      ? {
          outcome: 'failed',
          summary: `audit:prod: FAILED — ${serious.length} high or critical advisories in production dependencies (${tally})`,
          details,
        }
      : { outcome: 'passed', summary: `audit:prod: passed — ${counts.total} advisories in production dependencies (${tally})`, details };
  }
  if (isBulkEndpointRefusal(report)) {
    return {
      outcome: 'not-checked',
      summary: `audit:prod: NOT CHECKED — the registry refused the advisory endpoint (405 to POST ${report.uri})`,
      details: [],
    };
  }
  const reason = report.message || report.error?.summary || 'no advisory data';
  return {
    outcome: 'failed',
    summary: `audit:prod: FAILED — npm audit could not check the advisories: ${reason}`,
    details: lastLines(run.stderr),
  };
}
