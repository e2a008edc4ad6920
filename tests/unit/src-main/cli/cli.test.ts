import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runNode } from '../../../helpers/run-node';
import { ROOT, SEED_FILES } from '../../../helpers/seed';

const BIN = path.join(ROOT, 'bin/peel-workbench.mjs');
const cli = (...args: string[]) => runNode(BIN, args);

describe('peel-workbench extract', () => {
  it('prints one JSON object with the report, judgments, metrics, findings, areas for improvement, footnotes and warnings', async () => {
    const { code, stdout } = await cli('extract', SEED_FILES.pdf, '--json');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Record<string, unknown[]> & { report: Record<string, unknown> };
    expect(out.report).toMatchObject({
      title: 'PEEL: Police effectiveness 2017',
      force: 'Gwent Police',
      year: 2017,
      published: 'March 2018',
      isbn: '978-1-78655-540-3',
    });
    expect(out.report).toMatchObject({ programme: 'Police effectiveness', period: '2017', scale: 'four-point' });
    expect(out.judgments?.[0]).toEqual({
      question: 'Overall effectiveness',
      area: null,
      pillar: 'effectiveness',
      overall: true,
      grade: 'Requires improvement',
      lastInspected: 2017,
      quote: null,
      change: null,
      where: { page: 6, line: expect.any(Number) },
    });
    expect(out.metrics?.[0]).toMatchObject({
      label: 'Incidents per 1,000 population',
      unit: 'per 1,000 population',
      period: '12 months to 30 June 2017',
      force: 338,
      englandWales: 282,
      source: 'force-in-numbers',
    });
    expect(out.metrics?.find((m) => (m as { source: string }).source === 'text')).toMatchObject({
      force: 36,
      englandWales: 46,
      source: 'text',
    });
    expect(out.findings?.[0]).toEqual(
      expect.objectContaining({
        section: 'Risk-based inspection',
        subsection: null,
        kind: expect.any(String),
        text: expect.any(String),
        footnotes: [1],
      }),
    );
    expect(out.areasForImprovement).toHaveLength(6);
    expect(out.footnotes).toHaveLength(25);
    expect(out.warnings?.map((w) => (w as { code: string }).code)).toEqual(['metric-implausible', 'footnote-undefined']);
  });

  it('prints a readable summary without --json', async () => {
    const { code, stdout } = await cli('extract', SEED_FILES.markdown);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^PEEL: Police effectiveness 2017 – Gwent Police/);
    expect(stdout).toMatch(/Overall effectiveness\s+Requires improvement\s+2017/);
    expect(stdout).toMatch(/\[footnote-undefined\] line \d+: Footnote 14 is cited/);
  });

  it.each([
    ['tests/fixtures/empty.txt', /^peel-workbench: empty\.txt is empty/],
    ['tests/fixtures/random.txt', /^peel-workbench: random\.txt is not a PEEL inspection report/],
    ['tests/fixtures/truncated.pdf', /^peel-workbench: truncated\.pdf could not be read as a PDF/],
    ['tests/fixtures/binary.bin', /^peel-workbench: "binary\.bin" is not a text report: it contains a control character \(U\+0000, NUL\)/],
    ['tests/fixtures/no-such-file.md', /^peel-workbench: tests\/fixtures\/no-such-file\.md does not exist/],
  ])('refuses %s with exit code 1 and a one-line reason', async (file, reason) => {
    const { code, stdout, stderr } = await cli('extract', file, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(reason);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('peel-workbench build', () => {
  it('builds a workspace that another SQLite library opens, checks and searches', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-build-'));
    const out = path.join(dir, 'ws.sqlite');
    const { code, stdout } = await cli('build', SEED_FILES.markdown, SEED_FILES.pdf, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /imported {2}gwent-peel-effectiveness-2017\.md: PEEL: Police effectiveness 2017 – Gwent Police \(121 findings, 24 metrics/,
    );
    expect(stdout).toMatch(/skipped {3}gwent-2017\.pdf: .* is already in this workspace/);
    const db = new Database(out, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare("SELECT count(*) AS n FROM findings_fts WHERE findings_fts MATCH 'custody'").get()).toEqual({ n: 3 });
      expect(db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    // Beside it, the original of the report imported (the PDF was a duplicate: not kept), byte for byte.
    expect(readdirSync(dir).sort()).toEqual(['ws.sqlite', 'ws.sqlite.originals']);
    const md = readFileSync(path.join(ROOT, SEED_FILES.markdown));
    const sha = createHash('sha256').update(md).digest('hex');
    expect(readdirSync(`${out}.originals`)).toEqual([sha]);
    expect(readFileSync(path.join(`${out}.originals`, sha)).equals(md)).toBe(true);
  });

  it('writes nothing when one of the reports is bad', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-build-'));
    const out = path.join(dir, 'ws.sqlite');
    const { code, stdout, stderr } = await cli('build', SEED_FILES.markdown, 'tests/fixtures/random.txt', '--out', out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^refused {3}tests\/fixtures\/random\.txt: random\.txt is not a PEEL inspection report: it lacks/m);
    expect(stderr).toMatch(/1 of 2 files refused \(listed above\); nothing was written \(pass --skip-refused to build from the others\)/);
    expect(existsSync(out)).toBe(false);
  });

  it('builds from a folder with a line of progress and a result per file, and --skip-refused builds from the readable ones', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-build-'));
    const reports = path.join(dir, 'reports');
    mkdirSync(reports);
    copyFileSync(path.join(ROOT, SEED_FILES.markdown), path.join(reports, 'gwent.md'));
    copyFileSync(path.join(ROOT, 'tests/fixtures/reports/kent-efficiency-2016-web.txt'), path.join(reports, 'kent.txt'));
    copyFileSync(path.join(ROOT, 'tests/fixtures/random.txt'), path.join(reports, 'recipe.txt'));
    writeFileSync(path.join(reports, 'notes.docx'), 'not a report type: left out of the folder');
    const out = path.join(dir, 'ws.sqlite');
    const { code, stdout, stderr } = await cli('build', reports, '--out', out, '--skip-refused');
    expect(code).toBe(0);
    const progress = stderr.trim().split('\n');
    expect(progress).toHaveLength(3);
    expect(progress).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[\d\/3\] read {5}.*gwent\.md \(\d+ warnings\)$/),
        expect.stringMatching(/^\[\d\/3\] read {5}.*kent\.txt \(\d+ warnings\)$/),
        expect.stringMatching(/^\[\d\/3\] refused {2}.*recipe\.txt: recipe\.txt is not a PEEL inspection report/),
      ]),
    );
    expect(stdout).toMatch(/^imported {2}gwent\.md: PEEL: Police effectiveness 2017 – Gwent Police/m);
    expect(stdout).toMatch(/^imported {2}kent\.txt: PEEL: Police efficiency 2016 – Kent Police \(.*, 3 judgments,/m);
    expect(stdout).toMatch(/^refused {3}.*recipe\.txt: /m);
    const db = new Database(out, { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('SELECT force, programme, period, scale FROM reports ORDER BY id').all()).toEqual([
        { force: 'Gwent Police', programme: 'Police effectiveness', period: '2017', scale: 'four-point' },
        { force: 'Kent Police', programme: 'Police efficiency', period: '2016', scale: 'four-point' },
      ]);
    } finally {
      db.close();
    }
  });

  it('takes --force, --programme and --year for what a text cannot say, and refuses a programme it does not know', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-x-'));
    const file = path.join(dir, 'excerpt.txt');
    writeFileSync(file, 'HMICFRS found that the force is good at investigating crime and reducing re-offending.\n');
    const bare = await cli('extract', file);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toMatch(/give it with --year.*give it with --force/);
    const told = await cli(
      'extract',
      file,
      '--json',
      '--force',
      'Devon & Cornwall',
      '--programme',
      'Police effectiveness',
      '--year',
      '2016',
    );
    expect(told.code).toBe(0);
    expect((JSON.parse(told.stdout) as { report: unknown }).report).toMatchObject({ force: 'Devon and Cornwall Police', period: '2016' });
    const bad = await cli('extract', file, '--programme', 'Police effectivness', '--year', '2016');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--programme must be one of: "Police effectiveness"/);
  });

  it('will not overwrite an existing file unless told to', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'peel-build-'));
    const out = path.join(dir, 'precious.sqlite');
    writeFileSync(out, 'an afternoon of annotations');
    const { code, stderr } = await cli('build', SEED_FILES.markdown, '--out', out);
    expect(code).toBe(1);
    expect(stderr).toMatch(/precious\.sqlite exists; pass --add to import into it or --replace to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe('an afternoon of annotations');
    const add = await cli('build', SEED_FILES.markdown, '--out', out, '--add');
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/precious\.sqlite is not a SQLite database/);
    expect(readFileSync(out, 'utf8')).toBe('an afternoon of annotations');
  });
});
