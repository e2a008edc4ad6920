import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack, PackBuildError } from '../../../../src-core/brief/build';
import { workspaceContent, workspaceHash } from '../../../../src-core/brief/content-hash';
import type { BriefingPack, SourceRef } from '../../../../src-core/brief/model';
import { sha256Hex } from '../../../../src-core/db/hash';
import { importReport } from '../../../../src-core/db/import-report';
import { all, one } from '../../../../src-core/db/sql-db';
import { extractSeed, ROOT, SEED_FILES } from '../../../helpers/seed';
import { annotate, annotateDozen, BRIEFED, CTX, definition, edit, gwentWorkspace } from './gwent-workspace';

const SEED_LINES = readFileSync(path.join(ROOT, SEED_FILES.markdown), 'utf8').split('\n');

const sourceOf = (pack: BriefingPack, id: string): SourceRef => {
  const s = pack.sources.find((x) => x.id === id);
  if (!s) throw new Error(`no source ${id}`);
  return s;
};

describe('a pack built from the Gwent workspace with a dozen findings marked include-in-brief', async () => {
  const db = await gwentWorkspace();
  annotateDozen(db);
  const pack = await buildPack(db, definition(), CTX);

  it('carries the definition, the marking line, the time and version it was made with', () => {
    expect(pack.markingLine).toBe('OFFICIAL-SENSITIVE');
    expect([pack.generatedAt, pack.appVersion]).toEqual([CTX.now, '0.1.0']);
    expect(pack.definition.title).toBe('Gwent Police: effectiveness 2017');
    expect(pack.workspaceHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("summarises Gwent's 2017 judgments, overall first, with no previous grade when the workspace has no earlier report", () => {
    expect(pack.reports.map((r) => [r.title, r.force, r.year, r.overallGrade, r.published])).toEqual([
      ['PEEL: Police effectiveness 2017', 'Gwent Police', 2017, 'Requires improvement', 'March 2018'],
    ]);
    expect(pack.reports[0]?.judgments.map((j) => [j.question, j.grade, j.lastInspected, j.isOverall, j.previousGrade, j.change])).toEqual([
      ['Overall effectiveness', 'Requires improvement', 2017, true, null, null],
      ['Preventing crime and tackling anti-social behaviour', 'Good', 2016, false, null, null],
      ['Investigating crime and reducing re-offending', 'Good', 2016, false, null, null],
      ['Protecting vulnerable people', 'Requires improvement', 2017, false, null, null],
      ['Tackling serious and organised crime', 'Requires improvement', 2017, false, null, null],
      ['Specialist capabilities', 'Ungraded', 2017, false, null, null],
    ]);
    // The judgments table is in "Effectiveness overview › Judgments", from line 215 of the report.
    const s = sourceOf(pack, pack.reports[0]?.judgments[0]?.source ?? '');
    expect(s).toMatchObject({ id: 'S1', what: 'Judgment', section: 'Effectiveness overview', subsection: 'Judgments', line: 215 });
    expect(SEED_LINES[s.line - 1]).toContain('Overall effectiveness 2017');
  });

  it('compares every metric with England and Wales: difference and direction', () => {
    expect(pack.metrics).toHaveLength(15);
    const row = (label: string) => pack.metrics.find((m) => m.label === label);
    expect(row('Incidents per 1,000 population')).toMatchObject({ force: 338, englandWales: 282, difference: 56, direction: 'higher' });
    expect(row('Domestic abuse incidents per 1,000 population')).toMatchObject({
      force: 1,
      englandWales: 15,
      difference: -14,
      direction: 'lower',
    });
    expect(row('arrests per 100 domestic abuse-flagged crimes')).toMatchObject({ forceText: '36', ewText: '46', direction: 'lower' });
    expect(row('Change in ASB incidents')).toMatchObject({ forceText: '-16%', difference: -15.95 });
    // A "Force in numbers" figure is traced to that table and its category; a figure from the text to its paragraph.
    const table = sourceOf(pack, row('Incidents per 1,000 population')?.source ?? '');
    expect(table).toMatchObject({
      what: 'Metric',
      section: 'Force in numbers',
      subsection: 'Calls for assistance',
      paragraph: null,
      line: 43,
    });
    expect(SEED_LINES[42]).toContain('Incidents per 1,000');
    const text = sourceOf(pack, row('uses as a place of safety per 100,000 population')?.source ?? '');
    expect(text).toMatchObject({
      section: 'Protecting vulnerable people and supporting victims',
      subsection: 'Mental health',
      paragraph: 4,
      line: 295,
    });
    expect(SEED_LINES[294]).toContain('high use of custody as a place of safety');
  });

  it('charts the metrics as one panel per unit, force against England and Wales', () => {
    expect(pack.chart?.forceLabel).toBe('Gwent Police');
    expect(pack.chart?.panels.map((p) => p.unit)).toEqual([...new Set(pack.metrics.map((m) => m.unit))]);
    expect(pack.chart?.panels[0]).toEqual({
      unit: 'per 1,000 population',
      categories: [
        'Incidents per 1,000 population',
        'Anti-social behaviour (ASB) incidents per 1,000 population',
        'Crimes recorded per 1,000 population',
        'Domestic abuse incidents per 1,000 population',
      ],
      force: [338, 37, 74, 1],
      englandWales: [282, 31, 77, 15],
      // No figure is verified yet: each bar's label carries the mark.
      marks: ['unverified', 'unverified', 'unverified', 'unverified'],
    });
  });

  it('lists the twelve findings grouped by report and section in report order, with note, tags and RAG', () => {
    expect(pack.findings.map((g) => [g.report, g.section, g.findings.map((f) => f.id)])).toEqual([
      ['Gwent Police 2017', 'Effectiveness overview', [4, 5]],
      ['Gwent Police 2017', 'Protecting vulnerable people and supporting victims', [9, 13, 18, 21, 22, 28]],
      ['Gwent Police 2017', 'Tackling serious and organised crime', [33, 39, 47]],
      ['Gwent Police 2017', 'Specialist capabilities', [55]],
    ]);
    const all12 = pack.findings.flatMap((g) => g.findings);
    for (const b of BRIEFED) expect(all12.find((f) => f.id === b.id)).toMatchObject({ note: b.note, tags: b.tags, rag: b.rag });
    expect(all12.find((f) => f.id === 13)).toMatchObject({ subsection: 'Initial response', paragraph: 3, kind: 'concern' });
  });

  it('traces every finding to the line of the report its paragraph starts on', () => {
    for (const f of pack.findings.flatMap((g) => g.findings)) {
      const s = sourceOf(pack, f.source);
      expect(s).toMatchObject({ what: 'Finding', section: f.section, subsection: f.subsection, paragraph: f.paragraph, page: null });
      expect(s.reportTitle).toBe('PEEL: Police effectiveness 2017 – Gwent Police');
      expect(SEED_LINES[s.line - 1]?.replace(/^[-*]\s+/, '')).toContain(f.text.slice(0, 40));
    }
  });

  it('numbers sources S1, S2, … in the order the document cites them', () => {
    const cited = [
      ...pack.reports.flatMap((r) => r.judgments.map((j) => j.source)),
      ...pack.metrics.map((m) => m.source),
      ...pack.findings.flatMap((g) => g.findings.map((f) => f.source)),
      ...pack.areas.map((a) => a.source),
      ...pack.review.flatMap((r) => r.reconciliation.map((x) => x.source ?? '')),
    ];
    const firstSeen = [...new Set(cited)];
    expect(firstSeen).toEqual(pack.sources.map((s) => s.id));
    expect(pack.sources.map((s) => s.id)).toEqual(pack.sources.map((_, i) => `S${i + 1}`));
    expect(pack.sources).toHaveLength(6 + 15 + 12 + 6 + 2);
  });

  it('gives the areas for improvement with their bullets, traced to their paragraphs', () => {
    expect(pack.areas).toHaveLength(6);
    expect(pack.areas[2]).toMatchObject({
      section: 'Protecting vulnerable people and supporting victims',
      text: 'The force should improve its overall approach to safeguarding victims of domestic abuse by:',
    });
    expect(pack.areas[2]?.children).toHaveLength(4);
    expect(pack.areas[2]?.children[0]).toMatch(/^understanding and taking appropriate action/);
    expect(sourceOf(pack, pack.areas[5]?.source ?? '')).toMatchObject({ subsection: 'Areas for improvement', paragraph: 3, line: 416 });
  });

  it('summarises the synthetic review sample, reconciles the stated figures, and says the sample is synthetic', () => {
    expect(pack.review).toHaveLength(1);
    const r = pack.review[0];
    expect([r?.force, r?.files, r?.synthetic]).toEqual(['Gwent Police', 60, true]);
    expect(r?.criteria.find((c) => c.label === 'Vulnerable victim')).toMatchObject({ k: 16, n: 60, small: false });
    expect(r?.criteria.find((c) => c.label === 'Vulnerability identified at first contact')).toMatchObject({ n: 16, small: true });
    expect(r?.reconciliation.map((x) => [x.stated, x.computed, x.matches])).toEqual([
      [16, 16, true],
      [15, 15, true],
      [8, 8, true],
      [60, 60, true],
    ]);
    // "Of the 16 files reviewed…" is paragraph 1 of "Investigating crimes involving vulnerable people"; the sample size is footnote 25.
    expect(sourceOf(pack, r?.reconciliation[0]?.source ?? '')).toMatchObject({ paragraph: 1, line: 305, what: 'Review figure' });
    expect(sourceOf(pack, r?.reconciliation[3]?.source ?? '')).toMatchObject({ what: 'Review figure (footnote 25)', line: 507 });
    expect(SEED_LINES[506]).toContain('60 case files were reviewed in each force');
    expect(pack.notices).toContain(
      'Case-file review figures for Gwent Police come from a synthetic demonstration sample, not real case-file review data: they illustrate the method and must not be quoted as inspection findings.',
    );
  });

  it('records what fed each section and how many rows it had', () => {
    expect(pack.feeds).toEqual([
      { section: 'summary', feed: 'judgments of every report in the workspace (1 report)', rows: 6 },
      {
        section: 'metrics',
        feed: 'every metric of the reports covered with an England and Wales comparator (none is marked include-in-brief)',
        rows: 15,
      },
      { section: 'findings', feed: 'all findings (121 findings), keeping those marked include-in-brief', rows: 12 },
      { section: 'areas', feed: 'every area for improvement of the reports covered', rows: 6 },
      { section: 'review', feed: 'case-file review sample for Gwent Police (SYNTHETIC demonstration sample)', rows: 60 },
    ]);
    expect(pack.notices).toContain(
      'Of the 15 figures and 6 grades in this pack, 0 are verified against the report, 0 corrected, 21 not yet verified (marked † wherever they appear).',
    );
    expect(pack.notices.some((n) => n.startsWith('No finding'))).toBe(false);
  });
});

describe('when no finding is marked include-in-brief', () => {
  it('says so, and gives the summary and metrics with the other sections chosen', async () => {
    const db = await gwentWorkspace();
    const pack = await buildPack(db, definition(), CTX);
    expect(pack.findings).toEqual([]);
    expect(pack.notices[0]).toBe(
      'No finding is marked include-in-brief, so this pack has no findings: it gives the summary of judgments and the key metrics only, with the areas for improvement and the case-file review.',
    );
    expect(pack.reports[0]?.judgments).toHaveLength(6);
    expect(pack.metrics).toHaveLength(15);
    expect(pack.areas).toHaveLength(6);
    expect(pack.feeds.find((f) => f.section === 'findings')?.rows).toBe(0);
  });

  it('says when findings are marked, but none in the saved view that feeds the pack', async () => {
    const db = await gwentWorkspace();
    annotate(db, 5, { note: 'x' });
    edit(db, 'view.save', {
      name: 'Custody',
      view: 'findings',
      definition: { version: 1, search: 'custody', facets: {}, filters: {}, sort: [], columns: [] },
    });
    const id = Number(one(db, 'SELECT id FROM saved_views')?.id);
    const pack = await buildPack(db, definition({ sections: ['findings'], findings: { kind: 'saved-view', savedViewId: id } }), CTX);
    expect(pack.notices).toEqual([
      'No finding is marked include-in-brief in the saved view “Custody” (1 finding outside it is), so this pack has no findings: it gives the summary of judgments and the key metrics only.',
    ]);
  });
});

describe('the findings feed', () => {
  it('takes a saved view as the grid ran it: search, facets and text filters', async () => {
    const db = await gwentWorkspace();
    annotateDozen(db);
    edit(db, 'view.save', {
      name: 'Custody and mental health',
      view: 'findings',
      definition: { version: 1, search: 'custody', facets: { kind: ['concern'] }, filters: {}, sort: [], columns: [] },
    });
    edit(db, 'view.save', {
      name: 'Red notes on SOC',
      view: 'findings',
      definition: {
        version: 1,
        search: '',
        facets: { rag: ['red'] },
        filters: { note: { filterType: 'text', type: 'contains', filter: 'AFI' } },
      },
    });
    const views = all(db, 'SELECT id, name FROM saved_views ORDER BY id').map((r) => Number(r.id));
    const custody = await buildPack(db, definition({ findings: { kind: 'saved-view', savedViewId: views[0] ?? 0 } }), CTX);
    // "custody" is in three findings; one of them is a concern (21), and it is marked include-in-brief.
    expect(custody.findings.flatMap((g) => g.findings.map((f) => f.id))).toEqual([21]);
    expect(custody.feeds.find((f) => f.section === 'findings')).toEqual({
      section: 'findings',
      feed: 'saved view “Custody and mental health” (1 finding), keeping those marked include-in-brief',
      rows: 1,
    });
    const red = await buildPack(db, definition({ findings: { kind: 'saved-view', savedViewId: views[1] ?? 0 } }), CTX);
    expect(red.findings.flatMap((g) => g.findings.map((f) => f.id))).toEqual([47]);
  });

  it('takes an explicit query, within the reports the pack covers', async () => {
    const db = await gwentWorkspace();
    annotateDozen(db);
    const pack = await buildPack(
      db,
      definition({ findings: { kind: 'query', query: { tags: ['domestic abuse'] }, label: 'Findings tagged domestic abuse' } }),
      CTX,
    );
    expect(pack.findings.flatMap((g) => g.findings.map((f) => f.id))).toEqual([5, 13, 28]);
    expect(pack.feeds.find((f) => f.section === 'findings')?.feed).toBe(
      'Findings tagged domestic abuse (3 findings), keeping those marked include-in-brief',
    );
  });

  it('refuses an invalid definition, or a saved view that is gone or is not a findings view, saying which', async () => {
    const db = await gwentWorkspace();
    await expect(buildPack(db, definition({ findings: { kind: 'saved-view', savedViewId: 99 } }), CTX)).rejects.toThrow(
      new PackBuildError(
        "The saved view (id 99) that feeds this pack's findings is no longer in the workspace; choose another view or all findings",
      ),
    );
    await expect(buildPack(db, { ...definition(), title: ' ' }, CTX)).rejects.toThrow(
      new PackBuildError("The pack's title is not valid: Too small: expected string to have >=1 characters"),
    );
    edit(db, 'view.save', { name: 'Verified metrics', view: 'metrics', definition: {} });
    await expect(buildPack(db, definition({ findings: { kind: 'saved-view', savedViewId: 1 } }), CTX)).rejects.toThrow(
      'The saved view "Verified metrics" is a metrics view; a pack\'s findings need a findings view',
    );
  });
});

describe('the definition decides what is in the pack', () => {
  it('leaves out the sections not chosen, and prints the chosen ones in document order', async () => {
    const db = await gwentWorkspace();
    annotateDozen(db);
    const pack = await buildPack(db, definition({ sections: ['reproducibility', 'findings', 'summary'] }), CTX);
    expect(pack.definition.sections).toEqual(['summary', 'findings', 'reproducibility']);
    expect([pack.metrics, pack.chart, pack.areas, pack.review]).toEqual([[], null, [], []]);
    const metricsOnly = await buildPack(db, definition({ sections: ['metrics'] }), CTX);
    expect(metricsOnly.reports.map((r) => [r.title, r.judgments])).toEqual([['PEEL: Police effectiveness 2017', []]]);
    expect(pack.sources.map((s) => s.what)).toEqual([...Array(6).fill('Judgment'), ...Array(12).fill('Finding')]);
    expect(pack.notices.some((n) => /synthetic/.test(n))).toBe(false);
  });

  it('uses only the metrics marked include-in-brief when some are', async () => {
    const db = await gwentWorkspace();
    for (const id of [1, 9]) edit(db, 'annotation.set', { targetType: 'metric', targetId: id, field: 'includeInBrief', value: true });
    edit(db, 'metric.verify', { metricId: 9, verified: true });
    const pack = await buildPack(db, definition({ sections: ['metrics'] }), CTX);
    expect(pack.metrics.map((m) => [m.label, m.verified])).toEqual([
      ['Incidents per 1,000 population', false],
      ['Domestic abuse incidents per 1,000 population', true],
    ]);
    expect(pack.feeds).toEqual([{ section: 'metrics', feed: 'metrics marked include-in-brief (2 of 24)', rows: 2 }]);
    expect(pack.notices).toEqual([
      'Of the 2 figures in this pack, 1 is verified against the report, 0 corrected, 1 not yet verified (marked † wherever they appear).',
    ]);
  });

  it('covers only the reports chosen, and says when a chosen report is gone', async () => {
    const db = await gwentWorkspace();
    const pack = await buildPack(db, definition({ reportIds: [1, 7] }), CTX);
    expect(pack.reports.map((r) => r.id)).toEqual([1]);
    expect(pack.notices).toContain('1 report chosen for this pack is no longer in the workspace (id 7); the pack covers the others.');
    const none = await buildPack(db, definition({ reportIds: [7] }), CTX);
    expect([none.reports, none.metrics, none.areas, none.review]).toEqual([[], [], [], []]);
    expect(none.notices).toContain('This pack covers no report: the workspace has none, or none of those chosen.');
  });
});

describe('change since the previous report', () => {
  it("compares each grade with the same force's grade for the same question in its previous report of the programme", async () => {
    const db = await gwentWorkspace();
    const earlier = structuredClone(await extractSeed('markdown'));
    earlier.report.year = 2016;
    earlier.report.period = '2016';
    earlier.report.title = 'PEEL: Police effectiveness 2016';
    const grades: Record<string, 'Good' | 'Inadequate' | 'Requires improvement'> = {
      'Overall effectiveness': 'Good',
      'Protecting vulnerable people': 'Good',
      'Tackling serious and organised crime': 'Inadequate',
    };
    earlier.judgments = earlier.judgments
      .filter((j) => j.question !== 'Investigating crime and reducing re-offending')
      .map((j) => ({ ...j, grade: grades[j.question] ?? j.grade }));
    await importReport(db, earlier, { name: 'gwent-2016.md', bytes: new TextEncoder().encode('gwent 2016') });
    const pack = await buildPack(db, definition({ sections: ['summary'] }), CTX);
    expect(pack.reports.map((r) => r.year)).toEqual([2016, 2017]);
    expect(pack.reports[0]?.judgments.every((j) => j.previousGrade === null)).toBe(true);
    expect(pack.reports[1]?.judgments.map((j) => [j.question, j.previousGrade, j.grade, j.change])).toEqual([
      ['Overall effectiveness', 'Good', 'Requires improvement', 'down'],
      ['Preventing crime and tackling anti-social behaviour', 'Good', 'Good', 'same'],
      ['Investigating crime and reducing re-offending', null, 'Good', null],
      ['Protecting vulnerable people', 'Good', 'Requires improvement', 'down'],
      ['Tackling serious and organised crime', 'Inadequate', 'Requires improvement', 'up'],
      ['Specialist capabilities', 'Ungraded', 'Ungraded', 'same'],
    ]);
  });
});

describe('change since the previous report, however each report words its questions', () => {
  it('finds the previous grade of the same question of the shared vocabulary, and of the same pillar overall', async () => {
    const db = await gwentWorkspace();
    const earlier = structuredClone(await extractSeed('markdown'));
    earlier.report.year = 2016;
    earlier.report.period = '2016';
    earlier.report.title = 'PEEL: Police effectiveness 2016';
    // The 2016 report words its questions as a web page does; the shared list files them alike.
    earlier.judgments = earlier.judgments.map((j) =>
      j.question === 'Protecting vulnerable people'
        ? {
            ...j,
            question: 'How effective is the force at protecting those who are vulnerable from harm, and supporting victims?',
            grade: 'Good' as const,
          }
        : j.overall
          ? { ...j, question: 'How effective is the force at keeping people safe and reducing crime?', grade: 'Good' as const }
          : j,
    );
    await importReport(db, earlier, { name: 'gwent-2016.html', bytes: new TextEncoder().encode('gwent 2016 page') });
    const pack = await buildPack(db, definition({ sections: ['summary'] }), CTX);
    const latest = pack.reports.find((r) => r.year === 2017);
    const row = (q: string) => latest?.judgments.find((j) => j.question === q);
    expect(row('Overall effectiveness')).toMatchObject({ previousGrade: 'Good', change: 'down' });
    expect(row('Protecting vulnerable people')).toMatchObject({ previousGrade: 'Good', grade: 'Requires improvement', change: 'down' });
    expect(row('Specialist capabilities')).toMatchObject({ previousGrade: 'Ungraded', change: 'same' });
  });
});

describe('the workspace content hash', () => {
  it('is the same for the same content built at different times, and changes with an annotation', async () => {
    const a = await gwentWorkspace(new Date('2026-01-01T00:00:00Z'));
    const b = await gwentWorkspace(new Date('2026-11-27T12:00:00Z'));
    b.run("UPDATE reports SET source_name = 'renamed.md'");
    expect(await workspaceHash(a)).toBe(await workspaceHash(b));
    expect(await workspaceHash(a)).toBe(await sha256Hex(workspaceContent(a)));
    expect(workspaceContent(a)).toContain('Custody was used as a place of safety 63 times');
    annotate(b, 13, { note: 'one note', include: false });
    expect(await workspaceHash(b)).not.toBe(await workspaceHash(a));
    // The note's text is what changed it, not who wrote it or when.
    annotate(a, 13, { note: 'one note', include: false });
    a.run("UPDATE annotations SET author = 'someone else', updated_at = 'later'");
    expect(await workspaceHash(a)).toBe(await workspaceHash(b));
  });
});
