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
  | { status: 'duplicate'; reportId: number; reason: string };

/**
 * Writes one extracted report into a workspace as a single transaction: a failure part-way leaves
 * the workspace exactly as it was. The same file (by content hash) or the same report (force,
 * programme and year) already present is reported as a duplicate, not imported again.
 */
export async function importReport(db: SqlDatabase, ex: Extraction, source: ImportSource, now = new Date()): Promise<ImportResult> {
  const hash = 'bytes' in source ? await sha256Hex(source.bytes) : source.sha256;
  const size = 'bytes' in source ? source.bytes.length : source.size;
  const sameFile = one<{ id: number; source_name: string }>(db, 'SELECT id, source_name FROM reports WHERE content_hash = ?', [hash]);
  if (sameFile) {
    return {
      status: 'duplicate',
      reportId: Number(sameFile.id),
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
      status: 'duplicate',
      reportId: Number(sameReport.id),
      reason: `${r.title} – ${r.force} is already in this workspace (imported from ${String(sameReport.source_name)})`,
    };
  }
  return transaction(db, () => {
    // The report's overall grade: its own pillar's, or the first pillar's an integrated report states.
    const own = programmePillar(r.programme);
    const overall = (ex.judgments.find((j) => j.overall && j.pillar === own) ?? ex.judgments.find((j) => j.overall))?.grade ?? null;
    const reportId = insert(
      db,
      `INSERT INTO reports (content_hash, title, force, programme, year, period, scale, published, isbn, overall_grade, source_name, source_format, source_bytes, imported_at, page, line)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        hash,
        r.title,
        r.force,
        r.programme,
        r.year,
        r.period,
        r.scale,
        r.published,
        r.isbn,
        overall,
        source.name,
        // The column predates HTML input: a page is stored as the marked-up text it was read as.
        ex.format === 'html' ? 'markdown' : ex.format,
        size,
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
        `INSERT INTO findings (report_id, section_id, subsection_id, section, subsection, paragraph, ordinal, kind, suggested_kind, text, rejoined, page, line)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
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
        `INSERT INTO judgments (report_id, question, grade, last_inspected, is_overall, page, line, area, pillar, quote,
           change_direction, change_since, change_previous, change_quote)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
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
        `INSERT INTO metrics (report_id, category, label, unit, period, force_value, force_text, ew_value, ew_text, source, quote, page, line, also_quoted)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
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
        'INSERT INTO areas_for_improvement (report_id, parent_id, finding_id, kind, section, ordinal, text, page, line) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)',
        [
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
          'INSERT INTO areas_for_improvement (report_id, parent_id, kind, section, ordinal, text, page, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [reportId, parent, a.kind, a.section, k + 1, item, a.where.page ?? null, a.where.line],
        );
      });
    });
    for (const w of ex.warnings) {
      db.run('INSERT INTO extraction_warnings (report_id, code, message, page, line) VALUES (?, ?, ?, ?, ?)', [
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
  });
}
