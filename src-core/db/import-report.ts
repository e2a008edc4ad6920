import { programmePillar } from '../extract/questions';
import type { Extraction } from '../extract/types';
import { sha256Hex } from './hash';
import { insert, one, transaction, type SqlDatabase } from './sql-db';

/** The report file: its bytes, or (when another thread read them) their size and SHA-256. */
export type ImportSource = { name: string; bytes: Uint8Array } | { name: string; size: number; sha256: string };

export type ImportResult =
  | {
      status: 'imported';
      reportId: number;
      title: string;
      counts: { findings: number; metrics: number; judgments: number; footnotes: number; areasForImprovement: number; warnings: number };
    }
  | { status: 'duplicate'; reportId: number; by: 'file' | 'report'; reason: string };

/** The report already in the workspace that a file would duplicate: the same file, or the same report. */
export interface Duplicate {
  reportId: number;
  /** 'file': the same bytes (by content hash); 'report': the same force, programme and period. */
  by: 'file' | 'report';
  reason: string;
}

export function findDuplicate(db: SqlDatabase, ex: Extraction, source: { name: string }, hash: string): Duplicate | null {
  const sameFile = one<{ id: number; source_name: string }>(db, 'SELECT id, source_name FROM reports WHERE content_hash = ?', [hash]);
  if (sameFile) {
    return {
      reportId: Number(sameFile.id),
      by: 'file',
      reason: `${source.name} is already in this workspace (imported from ${String(sameFile.source_name)}; same content)`,
    };
  }
  const r = ex.report;
  const sameReport = one<{ id: number; source_name: string }>(
    db,
    'SELECT id, source_name FROM reports WHERE force = ? AND programme = ? AND coalesce(period, CAST(year AS TEXT)) = ?',
    [r.force, r.programme, r.period],
  );
  if (sameReport) {
    return {
      reportId: Number(sameReport.id),
      by: 'report',
      reason: `${r.title} – ${r.force} is already in this workspace (imported from ${String(sameReport.source_name)})`,
    };
  }
  return null;
}

export const sourceHash = async (source: ImportSource) => ('bytes' in source ? await sha256Hex(source.bytes) : source.sha256);

/**
 * Writes one extracted report into a workspace as a single transaction: a failure part-way leaves
 * the workspace exactly as it was. The same file (by content hash) or the same report (force,
 * programme and year) already present is reported as a duplicate, not imported again (a
 * re-import that replaces it is ./reimport.ts).
 */
export async function importReport(db: SqlDatabase, ex: Extraction, source: ImportSource, now = new Date()): Promise<ImportResult> {
  const hash = await sourceHash(source);
  const dup = findDuplicate(db, ex, source, hash);
  if (dup) return { status: 'duplicate', reportId: dup.reportId, by: dup.by, reason: dup.reason };
  return transaction(db, () => writeReport(db, ex, { name: source.name, hash, size: sourceSize(source) }, now));
}

export const sourceSize = (source: ImportSource) => ('bytes' in source ? source.bytes.length : source.size);

/**
 * The ids of a replaced report's rows (./reimport.ts): the report keeps its id, and every other row
 * is numbered above any id its table or the audit trail has ever held, so that no new item inherits
 * another's history. Absent for a plain import (SQLite numbers the rows).
 */
export interface RowIds {
  reportId: number;
  next: (table: 'findings' | 'metrics' | 'judgments' | 'areas_for_improvement' | 'extraction_warnings') => number;
}

/** The rows of one extracted report, written inside the caller's transaction. */
export function writeReport(
  db: SqlDatabase,
  ex: Extraction,
  file: { name: string; hash: string; size: number },
  now: Date,
  ids?: RowIds,
): ImportResult & { status: 'imported' } {
  const r = ex.report;
  const idOf = (table: Parameters<RowIds['next']>[0]) => (ids ? ids.next(table) : null);
  // The report's overall grade: its own pillar's, or the first pillar's an integrated report states.
  const own = programmePillar(r.programme);
  const overall = (ex.judgments.find((j) => j.overall && j.pillar === own) ?? ex.judgments.find((j) => j.overall))?.grade ?? null;
  const reportId = insert(
    db,
    `INSERT INTO reports (id, content_hash, title, force, programme, year, period, scale, published, isbn, overall_grade, source_name, source_format, source_bytes, imported_at, page, line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      ids?.reportId ?? null,
      file.hash,
      r.title,
      r.force,
      r.programme,
      r.year,
      r.period,
      r.scale,
      r.published,
      r.isbn,
      overall,
      file.name,
      // The column predates HTML input: a page is stored as the marked-up text it was read as.
      ex.format === 'html' ? 'markdown' : ex.format,
      file.size,
      now.toISOString(),
      r.where.page ?? null,
      r.where.line,
    ],
  );
  const sectionIds = new Map<string, number>();
  const sectionId = (title: string, parent: number | null) => {
    const key = `${parent ?? ''}\u0000${title}`;
    let id = sectionIds.get(key);
    if (id === undefined) {
      const grade =
        parent === null ? (ex.judgments.find((j) => title.toLowerCase().startsWith(j.question.toLowerCase()))?.grade ?? null) : null;
      id = insert(db, 'INSERT INTO sections (report_id, parent_id, level, title, grade, ordinal) VALUES (?, ?, ?, ?, ?, ?)', [
        reportId,
        parent,
        parent === null ? 1 : 2,
        title,
        grade,
        sectionIds.size + 1,
      ]);
      sectionIds.set(key, id);
    }
    return id;
  };
  const findingIds: number[] = [];
  ex.findings.forEach((f, i) => {
    const sec = sectionId(f.section, null);
    const sub = f.subsection ? sectionId(f.subsection, sec) : null;
    const id = insert(
      db,
      `INSERT INTO findings (id, report_id, section_id, subsection_id, section, subsection, paragraph, ordinal, kind, suggested_kind, text, rejoined, page, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        idOf('findings'),
        reportId,
        sec,
        sub,
        f.section,
        f.subsection,
        f.paragraph,
        i + 1,
        f.kind,
        f.kind,
        f.text,
        f.rejoined ? 1 : 0,
        f.where.page ?? null,
        f.where.line,
      ],
    );
    findingIds.push(id);
    for (const n of f.footnotes) db.run('INSERT INTO finding_footnotes (finding_id, number) VALUES (?, ?)', [id, n]);
  });
  for (const fn of ex.footnotes) {
    db.run('INSERT INTO footnotes (report_id, number, text, page, line) VALUES (?, ?, ?, ?, ?)', [
      reportId,
      fn.number,
      fn.text,
      fn.where.page ?? null,
      fn.where.line,
    ]);
  }
  for (const j of ex.judgments) {
    db.run(
      `INSERT INTO judgments (id, report_id, question, grade, last_inspected, is_overall, page, line, area, pillar, quote,
         change_direction, change_since, change_previous, change_quote)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        idOf('judgments'),
        reportId,
        j.question,
        j.grade,
        j.lastInspected,
        j.overall ? 1 : 0,
        j.where.page ?? null,
        j.where.line,
        j.area,
        j.pillar,
        j.quote,
        j.change?.direction ?? null,
        j.change?.since ?? null,
        j.change?.previous ?? null,
        j.change?.quote ?? null,
      ],
    );
  }
  for (const m of ex.metrics) {
    db.run(
      `INSERT INTO metrics (id, report_id, category, label, unit, period, force_value, force_text, ew_value, ew_text, source, quote, page, line, also_quoted)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        idOf('metrics'),
        reportId,
        m.category,
        m.label,
        m.unit,
        m.period,
        m.force,
        m.forceText,
        m.englandWales,
        m.englandWalesText,
        m.source,
        m.quote,
        m.where.page ?? null,
        m.where.line,
        m.alsoQuoted?.length
          ? JSON.stringify(m.alsoQuoted.map((q) => ({ quote: q.quote, page: q.where.page ?? null, line: q.where.line })))
          : null,
      ],
    );
  }
  ex.areasForImprovement.forEach((a, i) => {
    const finding = ex.findings.findIndex((f) => f.where === a.where);
    const parent = insert(
      db,
      'INSERT INTO areas_for_improvement (id, report_id, parent_id, finding_id, kind, section, ordinal, text, page, line) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)',
      [
        idOf('areas_for_improvement'),
        reportId,
        finding >= 0 ? (findingIds[finding] ?? null) : null,
        a.kind,
        a.section,
        i + 1,
        a.text,
        a.where.page ?? null,
        a.where.line,
      ],
    );
    a.items.forEach((item, k) => {
      db.run(
        'INSERT INTO areas_for_improvement (id, report_id, parent_id, kind, section, ordinal, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [idOf('areas_for_improvement'), reportId, parent, a.kind, a.section, k + 1, item, a.where.page ?? null, a.where.line],
      );
    });
  });
  for (const w of ex.warnings) {
    db.run('INSERT INTO extraction_warnings (id, report_id, code, message, page, line) VALUES (?, ?, ?, ?, ?, ?)', [
      idOf('extraction_warnings'),
      reportId,
      w.code,
      w.message,
      w.where?.page ?? null,
      w.where?.line ?? null,
    ]);
  }
  return {
    status: 'imported' as const,
    reportId,
    title: `${r.title} – ${r.force}`,
    counts: {
      findings: ex.findings.length,
      metrics: ex.metrics.length,
      judgments: ex.judgments.length,
      footnotes: ex.footnotes.length,
      areasForImprovement: ex.areasForImprovement.length,
      warnings: ex.warnings.length,
    },
  };
}
