import { all, one, type SqlDatabase, type SqlValue } from '../db/sql-db';
import { count, packTooLarge, type PackFileFormat } from '../limits';
import type { FindingsQuery } from '../query/model/findings';
import { FINDING_SELECT, FINDINGS_FROM, findingsWhere, toFindingRow } from '../query/sql/findings';
import type { MetricRow } from '../query/model/metrics';
import { readCorrections } from '../query/sql/corrections';
import { readMetrics } from '../query/sql/metrics';
import { readReconciliation } from '../samples/reconcile';
import { readSampleSummary, SMALL_SAMPLE } from '../samples/stats';
import { workspaceHash } from './content-hash';
import { PackBuildError, resolveFeed } from './feed';
import { gradeChange, previousReport } from './judgments-change';
import { markingLine, PACK_SECTIONS, packDefinitionSchema, type PackDefinition, type PackSectionKey } from './definition';
import {
  type BriefingPack,
  type ChartSpec,
  type PackArea,
  type PackFeedRecord,
  type PackFinding,
  type PackFindingGroup,
  type PackJudgment,
  type PackMetric,
  type PackReport,
  type PackReview,
} from './model';
import { paragraphAfter, paragraphAt, SourceList, type Located } from './sources';
import { checkBeforeUse, checkOf, correctionSentence, packCoverage } from './check';
import { isRag } from '../annotations/vocabulary';
import { plural } from '../text/plural';

export { PackBuildError } from './feed';

/**
 * Fills a pack definition from the workspace: one read of everything the pack says, so that every
 * writer prints the same thing. Sections are walked in the order the writers print them
 * (PACK_SECTIONS order), so sources are numbered in the order a reader meets them.
 */

interface ReportRow {
  id: number;
  title: string;
  force: string;
  programme: string;
  year: number;
  published: string | null;
  overallGrade: string | null;
}

interface ParagraphRow extends Located {
  id: number;
  paragraph: number;
}

const str = (v: SqlValue | undefined) => (v === null || v === undefined ? null : String(v));
const num = (v: SqlValue | undefined) => (typeof v === 'number' ? v : null);

function readReports(db: SqlDatabase): ReportRow[] {
  return all(db, 'SELECT id, title, force, programme, year, published, overall_grade FROM reports ORDER BY force, programme, year, id').map(
    (r) => ({
      id: Number(r.id),
      title: String(r.title),
      force: String(r.force),
      programme: String(r.programme),
      year: Number(r.year),
      published: str(r.published),
      overallGrade: str(r.overall_grade),
    }),
  );
}

/** The definition as the pack uses it: sections once each, in the order every writer prints them. */
function normalised(definition: PackDefinition): PackDefinition {
  const parsed = packDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PackBuildError(`The pack's ${issue?.path.join('.') || 'definition'} is not valid: ${issue?.message ?? 'unreadable'}`);
  }
  const d = parsed.data;
  return { ...d, sections: PACK_SECTIONS.filter((s) => d.sections.includes(s)) };
}

export async function buildPack(
  db: SqlDatabase,
  definition: PackDefinition,
  ctx: {
    appVersion: string;
    now: string;
    /** The file it is for, when known: its limit is checked before any finding is read. */ format?: PackFileFormat;
  },
): Promise<BriefingPack> {
  const p = packContext(db, normalised(definition), ctx.format);
  // In this order: each section adds its feed record and notices as it is read.
  const reports = summarySection(p);
  const { metrics, chart } = p.wants('metrics') ? metricsSection(p) : { metrics: [], chart: null };
  // What the pack states, as checked: said before anything else the reader meets after the title.
  const coverage = packCoverage(
    metrics,
    reports.flatMap((r) => r.judgments),
  );
  if (coverage) p.notices.push(coverage.statement);
  const findings = p.wants('findings') ? findingsSection(p) : [];
  const areas = p.wants('areas') ? areasSection(p) : [];
  const review = p.wants('review') ? reviewSection(p) : [];
  return {
    definition: p.def,
    markingLine: markingLine(p.def.marking, p.def.caveat),
    generatedAt: ctx.now,
    appVersion: ctx.appVersion,
    workspaceHash: await workspaceHash(db),
    reports,
    metrics,
    chart,
    findings,
    areas,
    review,
    sources: p.sources.list,
    feeds: p.feeds,
    coverage,
    checkBeforeUse: checkBeforeUse(metrics, chart?.forceLabel ?? 'Force'),
    notices: p.notices,
  };
}

/** What every section of a pack reads from and adds to while the pack is built. */
interface PackContext {
  db: SqlDatabase;
  def: PackDefinition;
  format: PackFileFormat | undefined;
  wants: (s: PackSectionKey) => boolean;
  everyReport: ReportRow[];
  covered: ReportRow[];
  coveredIds: number[];
  reportLabel: Map<number, string>;
  paragraphsOf: (reportId: number) => ParagraphRow[];
  cite: Cite;
  sources: SourceList;
  feeds: PackFeedRecord[];
  notices: string[];
}

function packContext(db: SqlDatabase, def: PackDefinition, format: PackFileFormat | undefined): PackContext {
  const sources = new SourceList();
  const notices: string[] = [];
  const feeds: PackFeedRecord[] = [];

  const everyReport = readReports(db);
  const covered = def.reportIds.length ? everyReport.filter((r) => def.reportIds.includes(r.id)) : everyReport;
  const missing = def.reportIds.filter((id) => !everyReport.some((r) => r.id === id));
  if (missing.length) {
    notices.push(
      `${plural(missing.length, 'report')} chosen for this pack ${missing.length === 1 ? 'is' : 'are'} no longer in the workspace (id ${missing.join(', ')}); the pack covers the others.`,
    );
  }
  if (covered.length === 0) notices.push('This pack covers no report: the workspace has none, or none of those chosen.');
  const coveredIds = covered.map((r) => r.id);
  const reportLabel = new Map(covered.map((r) => [r.id, `${r.force} ${r.year}`]));
  const reportTitle = new Map(covered.map((r) => [r.id, `${r.title} – ${r.force}`]));

  // Every paragraph's position per report, in report order: what text metrics and footnotes are traced to.
  const paragraphs = new Map<number, ParagraphRow[]>();
  const paragraphsOf = (reportId: number): ParagraphRow[] => {
    let list = paragraphs.get(reportId);
    if (!list) {
      list = all(db, 'SELECT id, section, subsection, paragraph, page, line FROM findings WHERE report_id = ? ORDER BY ordinal', [
        reportId,
      ]).map((r) => ({
        id: Number(r.id),
        section: String(r.section),
        subsection: str(r.subsection),
        paragraph: Number(r.paragraph),
        page: num(r.page),
        line: Number(r.line),
      }));
      paragraphs.set(reportId, list);
    }
    return list;
  };
  const cite: Cite = (reportId, what, at, corrections) =>
    sources.cite({ reportId, reportTitle: reportTitle.get(reportId) ?? `report ${reportId}`, what, ...at }, corrections);
  return {
    db,
    def,
    format,
    wants: (s) => def.sections.includes(s),
    everyReport,
    covered,
    coveredIds,
    reportLabel,
    paragraphsOf,
    cite,
    sources,
    feeds,
    notices,
  };
}

// Summary of judgments, with the change since the same force's previous report in the programme.
// Every report covered is listed (the title block names them); its judgments only with the summary.
function summarySection(p: PackContext): PackReport[] {
  const { db } = p;
  if (!p.wants('summary')) return p.covered.map((r) => ({ ...r, judgments: [] }));
  const reports: PackReport[] = [];
  let rows = 0;
  for (const r of p.covered) {
    const previous = previousReport(r, p.everyReport);
    // A question's grade in the previous report: the same pillar's overall grade, the same question
    // of the shared vocabulary however each report words it, or else the same words.
    const keysOf = (j: Record<string, SqlValue>) =>
      j.is_overall === 1
        ? [`pillar:${String(j.pillar ?? 'effectiveness')}`]
        : [...(j.area ? [`area:${String(j.area)}`] : []), `q:${String(j.question)}`];
    const before = new Map<string, string>();
    if (previous) {
      for (const j of all(p.db, 'SELECT question, grade, area, pillar, is_overall FROM judgments WHERE report_id = ?', [previous.id])) {
        for (const k of keysOf(j)) if (!before.has(k)) before.set(k, String(j.grade));
      }
    }
    const rowsOfReport = all(
      db,
      'SELECT id, question, grade, last_inspected, is_overall, area, pillar, page, line, verified FROM judgments WHERE report_id = ? ORDER BY is_overall DESC, id',
      [r.id],
    );
    const correctionsOf = readCorrections(
      db,
      'judgment',
      rowsOfReport.map((j) => Number(j.id)),
    );
    const judgments = rowsOfReport.map((j): PackJudgment => {
      const corrections = correctionsOf.get(Number(j.id)) ?? [];
      const at = { page: num(j.page), line: Number(j.line) };
      // The judgments table heads the effectiveness overview; the paragraph after it names that section.
      const next = paragraphAfter(p.paragraphsOf(r.id), at);
      const previousGrade =
        keysOf(j)
          .map((k) => before.get(k))
          .find((g) => g !== undefined) ?? null;
      return {
        question: String(j.question),
        grade: String(j.grade),
        lastInspected: num(j.last_inspected),
        previousGrade,
        change: gradeChange(previousGrade, String(j.grade)),
        isOverall: j.is_overall === 1,
        check: checkOf(j.verified === 1, corrections),
        corrections,
        source: p.cite(
          r.id,
          'Judgment',
          { section: next?.section ?? 'Judgments', subsection: 'Judgments', paragraph: null, ...at },
          corrections.map(correctionSentence),
        ),
      };
    });
    rows += judgments.length;
    reports.push({ ...r, judgments });
  }
  p.feeds.push({
    section: 'summary',
    feed: `judgments of ${p.def.reportIds.length ? 'the chosen reports' : 'every report in the workspace'} (${plural(p.covered.length, 'report')})`,
    rows,
  });
  return reports;
}

// Key metrics: those marked include-in-brief, or, when none is marked, every metric of the reports
// that has an England and Wales comparator (a figure stated alone is no comparison; an analyst who
// wants one in the pack marks it).
function metricsSection(p: PackContext): { metrics: PackMetric[]; chart: ChartSpec | null } {
  const metrics: PackMetric[] = [];
  const every = p.covered.length ? readMetrics(p.db, { reportIds: p.coveredIds }) : [];
  const marked = every.filter((m) => m.includeInBrief);
  const chosen = marked.length ? marked : every.filter((m) => m.englandWales !== null);
  for (const m of chosen) metrics.push(packMetric(m, p.cite, p.paragraphsOf));
  p.feeds.push({
    section: 'metrics',
    feed: marked.length
      ? `metrics marked include-in-brief (${marked.length} of ${every.length})`
      : `every metric of the reports covered with an England and Wales comparator (none is marked include-in-brief)`,
    rows: metrics.length,
  });
  const chart = chartOf(metrics, p.covered);
  const drawn = chart ? chart.panels.reduce((n, panel) => n + panel.categories.length, 0) : 0;
  const drawable = metrics.filter(canDraw).length;
  if (drawn < drawable) {
    p.notices.push(
      `The chart shows the first ${drawn} of the ${count(drawable)} metrics with both values (a chart of more would not fit a page); the table lists them all.`,
    );
  }
  return { metrics, chart };
}

// Findings marked include-in-brief within the feed, grouped by report then section, in report order.
function findingsSection(p: PackContext): PackFindingGroup[] {
  const findings: PackFindingGroup[] = [];
  const feed = resolveFeed(p.db, p.def.findings);
  const marked: FindingsQuery = { ...feed.query, includeInBrief: true };
  const inFeed = countFindings(p.db, feed.query, p.coveredIds);
  const included = countFindings(p.db, marked, p.coveredIds);
  // Counted before any is read: a pack past the limit (its format's, when the format is known)
  // is refused with nothing built or written.
  const tooLarge = packTooLarge(included, p.format ?? 'html');
  if (tooLarge) throw new PackBuildError(tooLarge);
  for (const f of includedFindings(p.db, marked, p.covered)) {
    const item: PackFinding = {
      id: f.id,
      report: f.report,
      section: f.section,
      subsection: f.subsection,
      paragraph: f.paragraph,
      kind: f.kind,
      text: f.text,
      note: f.note,
      tags: f.tags,
      rag: isRag(f.rag) ? f.rag : null,
      source: p.cite(f.reportId, 'Finding', {
        section: f.section,
        subsection: f.subsection,
        paragraph: f.paragraph,
        page: f.page,
        line: f.line,
      }),
    };
    const last = findings[findings.length - 1];
    if (last && last.report === item.report && last.section === item.section) last.findings.push(item);
    else findings.push({ report: item.report, section: item.section, findings: [item] });
  }
  p.feeds.push({
    section: 'findings',
    feed: `${feed.label} (${plural(inFeed, 'finding')}), keeping those marked include-in-brief`,
    rows: included,
  });
  if (included === 0) {
    const elsewhere = p.def.findings.kind === 'all' ? 0 : countFindings(p.db, { includeInBrief: true }, p.coveredIds);
    const others = (['areas', 'review'] as const)
      .filter(p.wants)
      .map((s) => (s === 'areas' ? 'the areas for improvement' : 'the case-file review'));
    // First: the reader must know why the pack has no findings before anything else.
    p.notices.unshift(
      `No finding is marked include-in-brief${p.def.findings.kind === 'all' ? '' : ` in the ${feed.label}`}` +
        (elsewhere ? ` (${plural(elsewhere, 'finding')} outside it ${elsewhere === 1 ? 'is' : 'are'})` : '') +
        `, so this pack has no findings: it gives the summary of judgments and the key metrics only${others.length ? `, with ${others.join(' and ')}` : ''}.`,
    );
  }
  return findings;
}

// Areas for improvement, each with the bullets that spell it out.
function areasSection(p: PackContext): PackArea[] {
  const areas = readAreas(p.db, p.covered, p.reportLabel, p.cite);
  p.feeds.push({ section: 'areas', feed: 'every area for improvement of the reports covered', rows: areas.length });
  return areas;
}

// The case-file review per force: the sample's figures and the report's stated figures against them.
function reviewSection(p: PackContext): PackReview[] {
  const review: PackReview[] = [];
  for (const force of [...new Set(p.covered.map((r) => r.force))]) {
    const summary = readSampleSummary(p.db, { force });
    if (summary.n === 0) continue;
    const reconciliation = p.covered
      .filter((r) => r.force === force)
      .flatMap((r) =>
        readReconciliation(p.db, r.id).map((x) => {
          const paragraph = x.findingId === null ? null : (p.paragraphsOf(r.id).find((p) => p.id === x.findingId) ?? null);
          let source: string | null = null;
          if (paragraph) {
            const { section, subsection, paragraph: n, page, line } = paragraph;
            source = p.cite(r.id, 'Review figure', { section, subsection, paragraph: n, page, line });
          } else if (x.footnote !== null) source = citeFootnote(p.db, r.id, x.footnote, p.paragraphsOf(r.id), p.cite);
          return { label: x.label, stated: x.stated, computed: x.computed, matches: x.matches, source };
        }),
      );
    review.push({
      force,
      files: summary.n,
      synthetic: summary.synthetic,
      criteria: summary.criteria
        .filter((c) => c.n > 0 && c.p !== null)
        .map((c) => ({
          label: c.label,
          k: c.yes,
          n: c.n,
          proportion: c.p ?? 0,
          low: c.low ?? 0,
          high: c.high ?? 0,
          small: c.smallSample,
        })),
      reconciliation,
    });
    p.feeds.push({
      section: 'review',
      feed: `case-file review sample for ${force}${summary.synthetic ? ' (SYNTHETIC demonstration sample)' : ''}`,
      rows: summary.n,
    });
    if (summary.synthetic) {
      p.notices.push(
        `Case-file review figures for ${force} come from a synthetic demonstration sample, not real case-file review data: they illustrate the method and must not be quoted as inspection findings.`,
      );
    }
  }
  if (review.some((r) => r.criteria.some((c) => c.small))) {
    p.notices.push(`Review proportions marked as a small sample rest on fewer than ${SMALL_SAMPLE} files: treat them as indicative only.`);
  }
  return review;
}

/** Registers where an item was read (and what the analyst corrected in it), giving its source id. */
type Cite = (reportId: number, what: string, at: Located, corrections?: readonly string[]) => string;

function packMetric(m: MetricRow, cite: Cite, paragraphsOf: (reportId: number) => ParagraphRow[]): PackMetric {
  const at = { page: m.page, line: m.line };
  // "Force in numbers" figures sit in that table, under their category; text figures in a paragraph.
  const where: Located =
    m.source === 'force-in-numbers'
      ? { section: 'Force in numbers', subsection: m.category, paragraph: null, ...at }
      : (() => {
          const p = paragraphAt(paragraphsOf(m.reportId), at);
          return { section: p?.section ?? 'Report text', subsection: p?.subsection ?? null, paragraph: p?.paragraph ?? null, ...at };
        })();
  return {
    report: m.report,
    label: m.label,
    category: m.category,
    unit: m.unit,
    period: m.period,
    force: m.force,
    englandWales: m.englandWales,
    forceText: m.forceText,
    ewText: m.ewText,
    difference: m.difference,
    direction: m.difference === null ? null : m.difference > 0 ? 'higher' : m.difference < 0 ? 'lower' : 'same',
    verified: m.verified,
    check: m.check,
    corrections: m.corrections,
    openWarning: m.warningState === 'open' ? m.warning : null,
    note: m.note,
    source: cite(m.reportId, 'Metric', where, m.corrections.map(correctionSentence)),
  };
}

/**
 * Bars a pack's chart holds at most: about one A4 page of them. A workspace of many reports has
 * thousands of metrics; a chart of them all would be metres tall (past what a canvas can hold, so
 * DOCX and PDF could not be written at all) and no one could read it.
 */
export const CHART_MAX_BARS = 30;

const canDraw = (m: PackMetric): boolean => m.force !== null && m.englandWales !== null;

/**
 * One panel per unit, in the order the units first appear; only metrics with both values can be
 * drawn, and only the first CHART_MAX_BARS of them (buildPack says so in a notice).
 */
function chartOf(metrics: PackMetric[], covered: ReportRow[]): ChartSpec | null {
  const drawable = metrics.filter(canDraw).slice(0, CHART_MAX_BARS);
  if (drawable.length === 0) return null;
  const forces = [...new Set(covered.map((r) => r.force))];
  const several = new Set(drawable.map((m) => m.report)).size > 1;
  const panels = new Map<string, ChartSpec['panels'][number]>();
  for (const m of drawable) {
    let p = panels.get(m.unit);
    if (!p) {
      p = { unit: m.unit, categories: [], force: [], englandWales: [], marks: [] };
      panels.set(m.unit, p);
    }
    p.categories.push(several ? `${m.label} (${m.report})` : m.label);
    p.marks?.push(m.check === 'verified' ? null : m.check);
    p.force.push(m.force);
    p.englandWales.push(m.englandWales);
  }
  const forceLabel = forces.length === 1 ? (forces[0] ?? 'Force') : 'Force';
  return { title: `${forceLabel} against England and Wales`, forceLabel, panels: [...panels.values()] };
}

interface FeedFinding {
  id: number;
  reportId: number;
  report: string;
  section: string;
  subsection: string | null;
  paragraph: number;
  ordinal: number;
  kind: string;
  text: string;
  page: number | null;
  line: number;
  tags: string[];
  rag: string | null;
  note: string;
  includeInBrief: boolean;
}

/** How many findings the query matches within the reports covered. */
function countFindings(db: SqlDatabase, query: FindingsQuery, reportIds: number[]): number {
  if (reportIds.length === 0) return 0;
  const w = findingsWhere(query);
  const inReports = `f.report_id IN (${reportIds.map(() => '?').join(', ')})`;
  const sql = `SELECT count(*) AS n ${FINDINGS_FROM} ${w.sql ? `${w.sql} AND ${inReports}` : `WHERE ${inReports}`}`;
  return Number(one(db, sql, [...w.params, ...reportIds])?.n ?? 0);
}

/** Findings read at a time while a pack is built. */
export const PACK_FINDINGS_CHUNK = 500;

/**
 * The findings the query matches, report by report in the pack's order and in each report's order,
 * read a chunk at a time (keyset pages of PACK_FINDINGS_CHUNK): neither the whole feed (a large
 * workspace's hundreds of thousands of findings, of which a few are marked) nor one result of every
 * finding is ever held; only what the pack keeps.
 */
export function* includedFindings(
  db: SqlDatabase,
  query: FindingsQuery,
  reports: readonly { id: number }[],
  chunk = PACK_FINDINGS_CHUNK,
): Generator<FeedFinding> {
  const w = findingsWhere(query);
  const sql = `SELECT ${FINDING_SELECT}, f.ordinal ${FINDINGS_FROM} ${w.sql ? `${w.sql} AND` : 'WHERE'} f.report_id = ? AND f.ordinal > ?
    ORDER BY f.ordinal LIMIT ?`;
  for (const r of reports) {
    let after = -1;
    for (;;) {
      const rows = all(db, sql, [...w.params, r.id, after, chunk]);
      for (const row of rows) yield { ...toFindingRow(row), ordinal: Number(row.ordinal) };
      if (rows.length < chunk) break;
      after = Number(rows[rows.length - 1]?.ordinal);
    }
  }
}

function readAreas(db: SqlDatabase, covered: ReportRow[], reportLabel: Map<number, string>, cite: Cite): PackArea[] {
  const out: PackArea[] = [];
  for (const r of covered) {
    const rows = all(
      db,
      `SELECT a.id, a.parent_id, a.section, a.text, a.page, a.line,
         f.section AS f_section, f.subsection AS f_subsection, f.paragraph AS f_paragraph, f.page AS f_page, f.line AS f_line, f.id AS f_id
       FROM areas_for_improvement a LEFT JOIN findings f ON f.id = a.finding_id
       WHERE a.report_id = ? ORDER BY a.id`,
      [r.id],
    );
    const byId = new Map<number, PackArea>();
    for (const a of rows) {
      const parent = num(a.parent_id);
      if (parent !== null) {
        byId.get(parent)?.children.push(String(a.text));
        continue;
      }
      const where: Located =
        a.f_id === null
          ? { section: String(a.section), subsection: null, paragraph: null, page: num(a.page), line: Number(a.line) }
          : {
              section: String(a.f_section),
              subsection: str(a.f_subsection),
              paragraph: num(a.f_paragraph),
              page: num(a.f_page),
              line: Number(a.f_line),
            };
      const area: PackArea = {
        report: reportLabel.get(r.id) ?? String(r.id),
        section: String(a.section),
        text: String(a.text),
        children: [],
        source: cite(r.id, 'Area for improvement', where),
      };
      byId.set(Number(a.id), area);
      out.push(area);
    }
  }
  return out;
}

function citeFootnote(db: SqlDatabase, reportId: number, number: number, paragraphs: ParagraphRow[], cite: Cite): string | null {
  const fn = all(db, 'SELECT page, line FROM footnotes WHERE report_id = ? AND number = ?', [reportId, number])[0];
  if (!fn) return null;
  const at = { page: num(fn.page), line: Number(fn.line) };
  const p = paragraphAt(paragraphs, at);
  return cite(reportId, `Review figure (footnote ${number})`, {
    section: p?.section ?? 'Footnotes',
    subsection: p?.subsection ?? null,
    paragraph: null,
    ...at,
  });
}
