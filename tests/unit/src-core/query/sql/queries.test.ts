import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../../src-core/db/import-report';
import { all, one, type SqlDatabase } from '../../../../../src-core/db/sql-db';
import { readFacets } from '../../../../../src-core/query/sql/facets';
import { readFindingDetail, readTagSuggestions } from '../../../../../src-core/query/sql/finding-detail';
import { searchTerms, type FindingsQuery } from '../../../../../src-core/query/model/findings';
import { compileFindingsCount, compileFindingsPage } from '../../../../../src-core/query/sql/findings';
import { readMetrics } from '../../../../../src-core/query/sql/metrics';
import { readWarnings } from '../../../../../src-core/query/sql/reports';
import { applyEdit, parseEdit } from '../../../../../src-core/workspace/edits';
import { extractSeed, readFixture, SEED_FILES } from '../../../../helpers/seed';
import { freshWorkspace } from '../../../../helpers/workspace';

async function seeded(): Promise<SqlDatabase> {
  const db = await freshWorkspace();
  await importReport(db, await extractSeed('markdown'), { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) });
  return db;
}

const at = '2026-11-27T11:00:00.000Z';
function annotate(db: SqlDatabase, targetId: number, field: string, value: unknown) {
  const e = parseEdit('annotation.set', { targetType: 'finding', targetId, field, value, author: 'ann', at });
  applyEdit(db, e.op, e.params);
}

const count = (db: SqlDatabase, q: FindingsQuery) => {
  const c = compileFindingsCount(q);
  return Number(one(db, c.sql, c.params)?.n);
};

describe('findings queries', () => {
  it('search through the full-text index, treating what the analyst types as words, not syntax', async () => {
    const db = await seeded();
    expect(count(db, { search: 'county lines' })).toBe(2);
    // OR is the word "or" here, not an operator that would widen the match.
    expect(count(db, { search: 'county OR lines' })).toBeLessThanOrEqual(2);
    expect(() => count(db, { search: 'NEAR( "county* -lines)' })).not.toThrow();
    expect(count(db, { search: '"county' })).toBe(count(db, { search: 'county' }));
    expect(count(db, { search: 'custod' })).toBe(3); // the last word is a prefix, so results follow typing
    expect(searchTerms("county 'lines', DVPOs")).toEqual(['county', 'lines', 'DVPOs']);
  });

  it('filter by column text with % and _ taken literally', async () => {
    const db = await seeded();
    expect(count(db, { contains: [{ column: 'section', value: 'Annex' }] })).toBe(65);
    expect(count(db, { contains: [{ column: 'text', value: '44 percent' }] })).toBe(1);
    expect(count(db, { contains: [{ column: 'text', value: '100%' }] })).toBe(0);
  });

  it('filter by tags and RAG, including findings with no rating', async () => {
    const db = await seeded();
    annotate(db, 1, 'tags', ['custody', 'arrests']);
    annotate(db, 2, 'tags', ['custody']);
    annotate(db, 2, 'rag', 'red');
    expect(count(db, { tags: ['custody'] })).toBe(2);
    expect(count(db, { tags: ['arrests'], rags: ['red'] })).toBe(0);
    expect(count(db, { rags: ['red'] })).toBe(1);
    expect(count(db, { rags: ['none'] })).toBe(120);
    const page = compileFindingsPage({ tags: ['custody'], sort: [{ column: 'rag', direction: 'desc' }] }, 0, 10);
    expect(all(db, page.sql, page.params).map((r) => r.id)).toEqual([2, 1]);
  });
});

describe('facets', () => {
  it('count by report, section, kind, tag, status and RAG; each facet ignores its own filter', async () => {
    const db = await seeded();
    annotate(db, 10, 'tags', ['custody']);
    annotate(db, 10, 'status', 'flagged');
    const all = readFacets(db, {});
    expect(all.report).toEqual([{ value: '1', label: 'Gwent Police 2017', count: 121 }]);
    expect(all.kind.find((k) => k.value === 'concern')?.count).toBe(10);
    expect(all.section[0]).toEqual({ value: 'Risk-based inspection', label: 'Risk-based inspection', count: 2 });
    expect(all.tag).toEqual([{ value: 'custody', label: 'custody', count: 1 }]);
    expect(all.status).toEqual([
      { value: 'new', label: 'new', count: 120 },
      { value: 'flagged', label: 'flagged', count: 1 },
    ]);
    expect(all.rag).toEqual([{ value: 'none', label: 'none', count: 121 }]);
    const concerns = readFacets(db, { kinds: ['concern'] });
    // The kind facet still lists every kind; the others count only concerns.
    expect(concerns.kind.length).toBe(all.kind.length);
    expect(concerns.report[0]?.count).toBe(10);
    expect(concerns.section.reduce((n, s) => n + s.count, 0)).toBe(10);
  });
});

describe('the finding detail', () => {
  it('gives the paragraph with its footnotes, its neighbours, its place and its history', async () => {
    const db = await seeded();
    const id = Number(one(db, "SELECT id FROM findings WHERE text LIKE 'A mental health triage pilot%'")?.id);
    annotate(db, id, 'note', 'ask for the evaluation');
    annotate(db, id, 'kindOverride', 'positive practice');
    const d = readFindingDetail(db, id);
    expect(d?.finding).toMatchObject({
      section: 'Protecting vulnerable people and supporting victims',
      subsection: 'Mental health',
      paragraph: 2,
      kind: 'positive practice',
      suggestedKind: 'narrative',
      kindOverride: 'positive practice',
      note: 'ask for the evaluation',
    });
    // With where it was read, for its Show source.
    expect(d?.footnotes).toEqual([
      { number: 9, text: expect.stringMatching(/^Section 136 of the Mental Health Act 1983/), page: null, line: 299 },
    ]);
    expect(d?.before?.text).toMatch(/^Gwent Police recognises that the role of the police/);
    expect(d?.after?.text).toMatch(/^Gwent Police has provided mental health training/);
    expect(d?.history.map((h) => [h.field, h.newValue])).toEqual([
      ['kindOverride', 'positive practice'],
      ['note', 'ask for the evaluation'],
    ]);
    expect(readFindingDetail(db, 999_999)).toBeNull();
    const cites14 = Number(
      one(db, "SELECT id FROM findings WHERE text LIKE 'The force has a multi-agency risk-assessment conference%'")?.id,
    );
    expect(readFindingDetail(db, cites14)?.footnotes).toEqual([{ number: 14, text: null, page: null, line: null }]);
  });

  it('suggests tags already in use, commonest first', async () => {
    const db = await seeded();
    annotate(db, 1, 'tags', ['custody', 'county lines']);
    annotate(db, 2, 'tags', ['custody']);
    expect(readTagSuggestions(db, 'c')).toEqual(['custody', 'county lines']);
    expect(readTagSuggestions(db, 'cou')).toEqual(['county lines']);
    expect(readTagSuggestions(db, '%')).toEqual([]);
  });
});

describe('metrics and warnings', () => {
  it('work out difference and ratio, and carry the extraction warning and verification', async () => {
    const db = await seeded();
    const e = parseEdit('metric.verify', { metricId: 1, verified: true, author: 'ann', at });
    applyEdit(db, e.op, e.params);
    const metrics = readMetrics(db);
    expect(metrics).toHaveLength(24);
    expect(metrics[0]).toMatchObject({
      label: 'Incidents per 1,000 population',
      force: 338,
      englandWales: 282,
      difference: 56,
      ratio: 1.199,
      verified: true,
      verifiedBy: 'ann',
    });
    expect(metrics.find((m) => m.label === 'Change in ASB incidents')).toMatchObject({ difference: -15.95, ratio: null });
    expect(metrics.find((m) => m.label === 'Domestic abuse incidents per 1,000 population')?.warning).toMatch(/more than ten times apart/);
    expect(metrics.filter((m) => m.warning)).toHaveLength(1);
    expect(
      readMetrics(db, { source: 'text' })
        .filter((m) => m.englandWales !== null)
        .map((m) => m.force),
    ).toEqual([36, 107.9, 0.2, 6.8]);
    expect(readMetrics(db, { source: 'text' }).filter((m) => m.englandWales === null)).toHaveLength(9);
    expect(readMetrics(db, { search: 'safety' }).map((m) => m.force)).toEqual([107.9]);
  });

  it('list warnings with who checked them', async () => {
    const db = await seeded();
    const e = parseEdit('warning.check', { warningId: 2, checked: true, author: 'ann', at });
    applyEdit(db, e.op, e.params);
    expect(readWarnings(db).map((w) => [w.code, w.checked, w.checkedBy])).toEqual([
      ['metric-implausible', false, null],
      ['footnote-undefined', true, 'ann'],
    ]);
  });
});
