import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../../../../src-core/db/import-report';
import { all, type SqlDatabase } from '../../../../../src-core/db/sql-db';
import { FINDING_KINDS } from '../../../../../src-core/extract/types';
import type { FacetCount, FacetName } from '../../../../../src-core/query/model/facets';
import { readFacets } from '../../../../../src-core/query/sql/facets';
import type { FindingsQuery } from '../../../../../src-core/query/model/findings';
import {
  compileFindingsCount,
  compileFindingsPage,
  FINDING_SELECT,
  FINDING_SORT_COLUMNS,
  FINDINGS_FROM,
  findingsWhere,
  FREQUENT_MATCHES,
  ftsMatch,
  readFindingsPage,
  windowedIds,
  type FindingFilter,
} from '../../../../../src-core/query/sql/findings';
import { searchFacets } from '../../../../../src-core/query/sql/search-facets';
import { applyEdit, parseEdit } from '../../../../../src-core/workspace/edits';
import { extractSeed, readFixture, SEED_FILES } from '../../../../helpers/seed';
import { freshWorkspace } from '../../../../helpers/workspace';

/**
 * The facet and page queries take short cuts for speed (the finding_counts summary of migration
 * 002, counting only annotated findings, choosing a page's ids before reading its rows). These
 * tests hold them to the plain GROUP BY and ORDER BY over every finding, which they replaced.
 */

const at = '2026-11-27T11:00:00.000Z';

function edit(db: SqlDatabase, targetId: number, field: string, value: unknown) {
  const e = parseEdit('annotation.set', { targetType: 'finding', targetId, field, value, author: 'ann', at });
  applyEdit(db, e.op, e.params);
}

/** Three reports (the seed as three forces), some findings annotated and one kind overridden. */
async function workspace(): Promise<SqlDatabase> {
  const db = await freshWorkspace();
  const seed = await extractSeed('markdown');
  const bytes = readFixture(SEED_FILES.markdown);
  for (const [i, force] of ['Gwent Police', 'Dyfed-Powys Police', 'Kent Police'].entries()) {
    const copy = { ...seed, report: { ...seed.report, force, year: 2017 + i, period: String(2017 + i) } };
    await importReport(db, copy, { name: `${force}.md`, bytes: new Uint8Array([...bytes, i]) });
  }
  edit(db, 3, 'tags', ['custody', 'arrests']);
  edit(db, 3, 'status', 'flagged');
  edit(db, 4, 'tags', ['custody']);
  edit(db, 4, 'rag', 'red');
  edit(db, 140, 'rag', 'green');
  edit(db, 141, 'status', 'reviewed');
  edit(db, 200, 'includeInBrief', true);
  edit(db, 7, 'kindOverride', 'concern');
  return db;
}

/** The facet queries as they were before the summary: one GROUP BY over every finding. */
const ORACLE: Record<FacetName, { filter: FindingFilter; value: string; label: string; join?: string; order: string }> = {
  report: { filter: 'reportIds', value: 'CAST(f.report_id AS TEXT)', label: "r.force || ' ' || r.year", order: 'label, value' },
  section: { filter: 'sections', value: 'f.section', label: 'f.section', order: 'min(f.report_id), min(f.ordinal)' },
  kind: { filter: 'kinds', value: 'f.kind', label: 'f.kind', order: 'count DESC, label' },
  tag: { filter: 'tags', value: 't.value', label: 't.value', join: "JOIN json_each(coalesce(a.tags, '[]')) t", order: 'count DESC, label' },
  status: {
    filter: 'statuses',
    value: "coalesce(a.status, 'new')",
    label: "coalesce(a.status, 'new')",
    order: "CASE value WHEN 'new' THEN 1 WHEN 'reviewed' THEN 2 WHEN 'flagged' THEN 3 ELSE 4 END",
  },
  rag: {
    filter: 'rags',
    value: "coalesce(a.rag, 'none')",
    label: "coalesce(a.rag, 'none')",
    order: "CASE value WHEN 'red' THEN 1 WHEN 'amber' THEN 2 WHEN 'green' THEN 3 ELSE 4 END",
  },
};

function oracleFacets(db: SqlDatabase, q: FindingsQuery): Record<FacetName, FacetCount[]> {
  const out = {} as Record<FacetName, FacetCount[]>;
  for (const [name, f] of Object.entries(ORACLE) as [FacetName, (typeof ORACLE)[FacetName]][]) {
    const w = findingsWhere(q, f.filter);
    const sql = `SELECT ${f.value} AS value, ${f.label} AS label, count(DISTINCT f.id) AS count
      ${FINDINGS_FROM} ${f.join ?? ''} ${w.sql} GROUP BY value ORDER BY ${f.order}`;
    out[name] = all(db, sql, w.params).map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.count) }));
  }
  return out;
}

function oraclePage(db: SqlDatabase, q: FindingsQuery, offset: number, limit: number): number[] {
  const w = findingsWhere(q);
  const order = q.sort?.length ? null : 'f.report_id, f.ordinal';
  const sql = `SELECT ${FINDING_SELECT} ${FINDINGS_FROM} ${w.sql} ORDER BY ${order ?? 'f.report_id, f.ordinal'} LIMIT ? OFFSET ?`;
  return all(db, sql, [...w.params, limit, offset]).map((r) => Number(r.id));
}

const sortReportLabels = (facets: Record<FacetName, FacetCount[]>) => ({
  ...facets,
  // Two reports can share a label ("Gwent Police 2017" for two programmes): order those by id.
  report: [...facets.report].sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value)),
});

const SECTIONS = ['Risk-based inspection', 'Tackling serious and organised crime', 'Annex A – About the data', 'Effectiveness overview'];

const queryArb: fc.Arbitrary<FindingsQuery> = fc.record(
  {
    search: fc.constantFrom('custody', 'county lines', 'force', 'vulnerab', 'zzzz'),
    reportIds: fc.subarray([1, 2, 3], { minLength: 1 }),
    kinds: fc.subarray([...FINDING_KINDS], { minLength: 1 }),
    sections: fc.subarray(SECTIONS, { minLength: 1 }),
    statuses: fc.subarray(['new', 'reviewed', 'flagged', 'verified'] as const, { minLength: 1 }),
    tags: fc.subarray(['custody', 'arrests'], { minLength: 1 }),
    rags: fc.subarray(['red', 'amber', 'green', 'none'] as const, { minLength: 1 }),
    includeInBrief: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('facet counts from the finding_counts summary and the annotations', () => {
  it('equal the plain GROUP BY over every finding, for any mix of filters', async () => {
    const db = await workspace();
    fc.assert(
      fc.property(queryArb, (q) => {
        const expected = sortReportLabels(oracleFacets(db, q));
        expect(sortReportLabels(readFacets(db, q))).toEqual(expected);
        // A search with only facet filters is counted in memory (search-facets.ts): held to the
        // same GROUP BY, and shown to be the path taken.
        const inMemory = searchFacets(db, q, 200);
        if (q.search && q.includeInBrief === undefined) expect(inMemory && sortReportLabels(inMemory)).toEqual(expected);
        else expect(inMemory).toBeNull();
      }),
      { numRuns: 120 },
    );
  });

  it('stay exact when a kind is overridden and when a report is removed', async () => {
    const db = await workspace();
    edit(db, 8, 'kindOverride', 'positive practice');
    edit(db, 7, 'kindOverride', null);
    expect(readFacets(db, {})).toEqual(oracleFacets(db, {}));
    db.run('DELETE FROM reports WHERE id = 2');
    const after = readFacets(db, {});
    expect(after).toEqual(oracleFacets(db, {}));
    expect(after.report.map((r) => r.label)).toEqual(['Gwent Police 2017', 'Kent Police 2019']);
    expect(all(db, 'SELECT count(*) AS n FROM finding_counts WHERE report_id = 2')[0]?.n).toBe(0);
  });
});

describe('grid pages chosen by id first', () => {
  it('give the same rows, in the same order, as sorting every matching finding', async () => {
    const db = await workspace();
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 120 }), (q, offset, limit) => {
        const page = compileFindingsPage(q, offset, limit);
        expect(all(db, page.sql, page.params).map((r) => Number(r.id))).toEqual(oraclePage(db, q, offset, limit));
        expect(readFindingsPage(db, q, offset, limit).map((r) => r.id)).toEqual(oraclePage(db, q, offset, limit));
        const count = compileFindingsCount(q);
        expect(Number(all(db, count.sql, count.params)[0]?.n)).toBe(
          Number(all(db, `SELECT count(*) AS n ${FINDINGS_FROM} ${findingsWhere(q).sql}`, findingsWhere(q).params)[0]?.n),
        );
      }),
      { numRuns: 120 },
    );
  });
});

/** The seed imported 20 times (as 20 years of one force), one finding tagged. */
async function twentyReports(): Promise<SqlDatabase> {
  const db = await freshWorkspace();
  const seed = await extractSeed('markdown');
  const bytes = readFixture(SEED_FILES.markdown);
  for (let i = 0; i < 20; i++) {
    const copy = { ...seed, report: { ...seed.report, year: 2000 + i, period: String(2000 + i) } };
    await importReport(db, copy, { name: `gwent-${i}.md`, bytes: new Uint8Array([...bytes, i]) });
  }
  edit(db, 5, 'tags', ['custody']);
  return db;
}

describe('a frequent search (over FREQUENT_MATCHES findings) walks the report index', () => {
  it('and gives the same pages, counts and facets as the plain queries', async () => {
    const db = await twentyReports();
    const frequent = Number(all(db, `SELECT count(*) AS n FROM findings_fts WHERE findings_fts MATCH '"the"'`)[0]?.n);
    expect(frequent).toBeGreaterThanOrEqual(FREQUENT_MATCHES);
    for (const q of [
      { search: 'the' },
      { search: 'the', kinds: ['concern', 'narrative'] },
      { search: 'the', tags: ['custody'] },
    ] as FindingsQuery[]) {
      for (const offset of [0, 150, 2400]) {
        const page = compileFindingsPage(q, offset, 100);
        expect(all(db, page.sql, page.params).map((r) => Number(r.id))).toEqual(oraclePage(db, q, offset, 100));
      }
      expect(sortReportLabels(readFacets(db, q))).toEqual(sortReportLabels(oracleFacets(db, q)));
    }
  });
});

describe('a search in report order is read a window of reports at a time', () => {
  it('gives the same pages as sorting every match, one window or several, and falls back when matches are sparse', async () => {
    const db = await twentyReports();
    edit(db, 900, 'status', 'flagged');
    for (const q of [
      { search: 'the' },
      { search: 'the', kinds: ['concern', 'narrative'] },
      { search: 'the', statuses: ['flagged'] },
      { search: 'force' },
      { search: 'custody', reportIds: [3, 9, 17] },
      { search: 'zzzz' },
    ] as FindingsQuery[]) {
      for (const [offset, limit] of [
        [0, 100],
        [150, 100],
        [2400, 100],
        [4990, 10],
        [5200, 100],
      ] as const) {
        expect(readFindingsPage(db, q, offset, limit).map((r) => r.id)).toEqual(oraclePage(db, q, offset, limit));
      }
    }
    // The windows are what answered: one window for the first page of a frequent word, several
    // for a deep page; a word in no finding falls back to the plain plan.
    const match = ftsMatch('the') as string;
    const matches = Number(all(db, 'SELECT count(*) AS n FROM findings_fts WHERE findings_fts MATCH ?', [match])[0]?.n);
    const first = windowedIds(db, { search: 'the' }, match, 100) as number[];
    expect(first.slice(0, 100)).toEqual(oraclePage(db, { search: 'the' }, 0, 100));
    expect(first.length).toBeLessThan(matches / 2);
    const deep = windowedIds(db, { search: 'the' }, match, 2500) as number[];
    expect(deep.slice(0, 2500)).toEqual(oraclePage(db, { search: 'the' }, 0, 2500));
    expect(windowedIds(db, { search: 'zzzz' }, ftsMatch('zzzz') as string, 100)).toBeNull();
  });
});

describe('the finding map behind in-memory search facets', () => {
  it('is read again after findings change, and not after annotations do', async () => {
    const db = await twentyReports();
    const epoch = () => Number(all(db, 'SELECT epoch FROM findings_epoch')[0]?.epoch);
    const check = (q: FindingsQuery) =>
      expect(sortReportLabels(searchFacets(db, q, 200) as never)).toEqual(sortReportLabels(oracleFacets(db, q)));
    check({ search: 'the' });
    const before = epoch();
    edit(db, 12, 'status', 'verified');
    edit(db, 12, 'tags', ['new tag']);
    expect(epoch()).toBe(before);
    check({ search: 'the', statuses: ['verified'] });
    edit(db, 12, 'kindOverride', 'concern');
    expect(epoch()).toBeGreaterThan(before);
    check({ search: 'the', kinds: ['concern'] });
    db.run('DELETE FROM reports WHERE id = 4');
    check({ search: 'the' });
    const seed = await extractSeed('markdown');
    await importReport(
      db,
      { ...seed, report: { ...seed.report, force: 'Kent Police', year: 1999 } },
      { name: 'kent.md', bytes: new Uint8Array([1, 2, 3]) },
    );
    check({ search: 'the', reportIds: [1, 21] });
    db.run("UPDATE reports SET force = 'Aardvark Police' WHERE id = 9");
    check({ search: 'the' });
    // A change rolled back leaves the epoch, and the map, as they were.
    const now = epoch();
    db.exec('BEGIN');
    db.run("UPDATE findings SET kind = 'concern' WHERE id = 30");
    db.exec('ROLLBACK');
    expect(epoch()).toBe(now);
    check({ search: 'the', kinds: ['concern'] });
  });
});

describe('a page sorted by report over FREQUENT_MATCHES findings walks the reports in force and year order', () => {
  /** Every matching finding sorted in full: what the walk (and its sort within a force and year) must equal. */
  function sortedOracle(db: SqlDatabase, q: FindingsQuery, offset: number, limit: number): number[] {
    const w = findingsWhere(q);
    const order = [...(q.sort ?? []).map((s) => `${FINDING_SORT_COLUMNS[s.column]} ${s.direction}`), 'f.report_id', 'f.ordinal'].join(', ');
    const sql = `SELECT f.id ${FINDINGS_FROM} ${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`;
    return all(db, sql, [...w.params, limit, offset]).map((r) => Number(r.id));
  }

  it('and gives the same pages as sorting every matching finding, in both directions', async () => {
    const db = await freshWorkspace();
    const seed = await extractSeed('markdown');
    const bytes = readFixture(SEED_FILES.markdown);
    // Imported out of force order, and three programmes share each force and year, so that the
    // walk must sort within a force and year and cannot follow report ids.
    const forces = ['Kent Police', 'Avon and Somerset Constabulary', 'Gwent Police'];
    for (let i = 0; i < 18; i++) {
      const report = {
        ...seed.report,
        force: forces[i % 3] as string,
        year: 2016 + (i % 2),
        period: String(2016 + (i % 2)),
        programme: `programme ${Math.floor(i / 3)}`,
      };
      await importReport(db, { ...seed, report }, { name: `r${i}.md`, bytes: new Uint8Array([...bytes, i]) });
    }
    edit(db, 5, 'status', 'flagged');
    const many = Number(all(db, 'SELECT count(*) AS n FROM findings')[0]?.n);
    expect(many).toBeGreaterThanOrEqual(FREQUENT_MATCHES);
    const sections = all<{ section: string }>(db, 'SELECT DISTINCT section FROM findings ORDER BY section').map((r) => r.section);
    for (const direction of ['asc', 'desc'] as const) {
      for (const filter of [
        {},
        { kinds: ['narrative', 'concern'] },
        { kinds: ['concern'], sections: sections.slice(0, 2) },
        { reportIds: [2, 5, 7, 11] },
      ] as FindingsQuery[]) {
        for (const sort of [
          [{ column: 'report', direction }],
          [
            { column: 'report', direction },
            { column: 'status', direction: 'desc' },
          ],
        ]) {
          const q = { ...filter, sort } as FindingsQuery;
          for (const offset of [0, 150, 2400]) {
            const page = compileFindingsPage(q, offset, 100);
            expect(all(db, page.sql, page.params).map((r) => Number(r.id))).toEqual(sortedOracle(db, q, offset, 100));
          }
        }
      }
    }
  });
});
