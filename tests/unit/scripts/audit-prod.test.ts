import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerdict, type AuditRun } from '../../../scripts/audit-verdict.mjs';
import { runNode } from '../../helpers/run-node';
import { ROOT } from '../../helpers/seed';

// `npm run audit:prod` (scripts/audit-prod.mjs, rules in scripts/audit-verdict.mjs). The fixtures in
// tests/fixtures/audit/ are what `npm audit --omit=dev --json` (npm 11) printed for this project:
// registry-405 against registry.npmjs.org from the build machine (its mirror refuses the bulk
// POST), the others against a local stand-in registry (405, 404, 500, an empty answer, a high and
// a moderate advisory for zod) or none (ENOTFOUND, ECONNREFUSED).
const recorded = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/audit', `${name}.json`), 'utf8')) as AuditRun;

/** A recorded run whose JSON report is altered by `change`. */
function altered(name: string, change: (report: Record<string, unknown>) => void): AuditRun {
  const run = recorded(name);
  const report = JSON.parse(run.stdout) as Record<string, unknown>;
  change(report);
  return { ...run, stdout: JSON.stringify(report) };
}

describe('the audit verdict', () => {
  it.each(['registry-405', 'local-405'])(
    '%s: the registry refusing the bulk advisory endpoint passes as NOT CHECKED, saying so',
    (name) => {
      const v = auditVerdict(recorded(name));
      expect(v.outcome).toBe('not-checked');
      expect(v.summary).toMatch(
        /^audit:prod: NOT CHECKED — the registry refused the advisory endpoint \(405 to POST https?:\/\/[^ ]+\/-\/npm\/v1\/security\/advisories\/bulk\)$/,
      );
    },
  );

  it.each([
    ['enotfound', /getaddrinfo ENOTFOUND registry\.invalid/],
    ['econnrefused', /connect ECONNREFUSED 127\.0\.0\.1:9/],
    ['server-error-500', /500 Internal Server Error - POST/],
    ['not-found-404', /404 Not Found - POST/],
  ])('%s: any other error fails, naming it', (name, reason) => {
    const v = auditVerdict(recorded(name));
    expect(v.outcome).toBe('failed');
    expect(v.summary).toMatch(/^audit:prod: FAILED — npm audit could not check the advisories: /);
    expect(v.summary).toMatch(reason);
  });

  it('a 405 from anything but the POST to the bulk advisory endpoint fails', () => {
    const elsewhere = [
      altered('registry-405', (r) => (r.uri = 'https://registry.npmjs.org/-/npm/v1/security/audits/quick')),
      altered('registry-405', (r) => (r.method = 'GET')),
      altered('registry-405', (r) => delete r.uri),
      altered('registry-405', (r) => (r.uri = 'not a url')),
      altered('registry-405', (r) => (r.statusCode = 403)),
    ];
    for (const run of elsewhere) expect(auditVerdict(run).outcome, run.stdout.slice(0, 200)).toBe('failed');
  });

  it('output that is not a report fails (npm missing, crashed, or printing something else)', () => {
    expect(auditVerdict({ status: null, stdout: '', stderr: 'Error: spawnSync npm ENOENT' })).toEqual({
      outcome: 'failed',
      summary: 'audit:prod: FAILED — npm audit printed no report (exit null)',
      details: ['  Error: spawnSync npm ENOENT'],
    });
    expect(auditVerdict({ status: 1, stdout: '[]', stderr: '' }).outcome).toBe('failed');
    expect(auditVerdict({ status: 0, stdout: '{}', stderr: '' }).outcome).toBe('failed');
  });

  it('a high advisory in a production dependency fails, naming it', () => {
    const v = auditVerdict(recorded('high-advisory'));
    expect(v.outcome).toBe('failed');
    expect(v.summary).toBe(
      'audit:prod: FAILED — 1 high or critical advisories in production dependencies (critical 0, high 1, moderate 0, low 0)',
    );
    expect(v.details).toEqual(['  HIGH zod *']);
    const critical = altered('high-advisory', (r) => {
      (r.vulnerabilities as Record<string, { severity: string }>).zod!.severity = 'critical';
    });
    expect(auditVerdict(critical).outcome).toBe('failed');
  });

  it('no advisory, or only moderate ones, passes with the counts', () => {
    expect(auditVerdict(recorded('clean'))).toEqual({
      outcome: 'passed',
      summary: 'audit:prod: passed — 0 advisories in production dependencies (critical 0, high 0, moderate 0, low 0)',
      details: [],
    });
    const moderate = auditVerdict(recorded('moderate-advisory'));
    expect(moderate.outcome).toBe('passed');
    expect(moderate.summary).toContain('moderate 1');
  });
});

describe('npm run audit:prod, with the real npm against a local stand-in registry', () => {
  let server: Server;
  let registry = '';
  beforeAll(async () => {
    // Refuses the bulk advisory POST as the build machines' registry mirror does.
    server = createServer((_req, res) => {
      res.writeHead(405, { allow: 'GET,HEAD', 'content-length': 0 });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const audit = (env: Record<string, string>) => {
    const statusFile = path.join(mkdtempSync(path.join(tmpdir(), 'audit-')), 'audit-status');
    return runNode('scripts/audit-prod.mjs', ['--status-file', statusFile], { npm_config_fetch_retries: '0', ...env }).then((r) => ({
      ...r,
      status: readFileSync(statusFile, 'utf8'),
    }));
  };

  it('a 405 refusal exits 0 with NOT CHECKED, and leaves that line for the end of the CI log', async () => {
    const r = await audit({ npm_config_registry: registry });
    expect(r.code).toBe(0);
    const line = `audit:prod: NOT CHECKED — the registry refused the advisory endpoint (405 to POST ${registry}-/npm/v1/security/advisories/bulk)`;
    expect(r.stderr.trim()).toBe(line);
    expect(r.status).toBe(`${line}\n`);
  }, 60_000);

  it('AUDIT_REQUIRED=1 makes the refusal fail', async () => {
    const r = await audit({ npm_config_registry: registry, AUDIT_REQUIRED: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('audit:prod: NOT CHECKED');
  }, 60_000);

  it('a registry that cannot be reached fails', async () => {
    const r = await audit({ npm_config_registry: 'http://127.0.0.1:9/' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^audit:prod: FAILED — npm audit could not check the advisories: .*ECONNREFUSED/);
    expect(r.status).toMatch(/^audit:prod: FAILED/);
  }, 60_000);
});
