import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ReportOverview } from '../../../../src-core/query/model/overview';
import type { ReportSource } from '../../../../src-core/query/model/report-source';
import { openSeeded, workerHarness } from '../../../helpers/db-worker';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';

describe('the report.source request', () => {
  it('says where the Source panel finds a report’s original: its SHA-256, name, format and size', async () => {
    const w = workerHarness();
    await openSeeded(w);
    const [report] = await w.value<ReportOverview[]>({ type: 'reports.overview' });
    const source = await w.value<ReportSource | null>({ type: 'report.source', reportId: report!.id });
    const bytes = readFixture(SEED_FILES.markdown);
    expect(source).toEqual({
      reportId: report!.id,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      sourceName: 'gwent.md',
      sourceFormat: 'markdown',
      sourceBytes: bytes.length,
    });
  });

  it('answers null for a report that is not there, and refuses an id that is not one', async () => {
    const w = workerHarness();
    await openSeeded(w);
    expect(await w.value({ type: 'report.source', reportId: 999 })).toBeNull();
    const bad = await w.call({ type: 'report.source', reportId: -1 });
    expect(bad.ok).toBe(false);
  });

  it('gives the Reports view’s grades and areas for improvement the page and line their Show source opens at', async () => {
    const w = workerHarness();
    await openSeeded(w);
    const [report] = await w.value<ReportOverview[]>({ type: 'reports.overview' });
    const seed = await extractSeed('markdown');
    const lineOf = new Map(seed.judgments.map((j) => [j.question, j.where.line]));
    expect(report!.judgments.length).toBeGreaterThan(0);
    for (const j of report!.judgments)
      expect({ question: j.question, page: j.page, line: j.line }).toEqual({
        question: j.question,
        page: null,
        line: lineOf.get(j.question),
      });
    // The areas as the extractor lists them (their points are the workspace's nesting of them).
    expect(report!.areas.map((a) => a.line)).toEqual(seed.areasForImprovement.map((a) => a.where.line));
    expect(report!.areas.flatMap((a) => [a, ...a.points]).every((a) => a.page === null && a.line !== null)).toBe(true);
  });
});
