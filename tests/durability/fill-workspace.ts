import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importReport } from '../../src-core/db/import-report';
import { createWorkspace } from '../../src-core/db/workspace';
import { extractReport } from '../../src-core/extract/extract';
import { readMigrations } from '../../src-main/node/migrations-fs';
import { readPdfText } from '../../src-main/node/pdf-text';
import { loadSqlEngine } from '../../src-main/node/sqljs';
import { ROOT } from '../helpers/seed';

/**
 * Builds a workspace of about `targetBytes` through the real schema and importer: the seed report,
 * imported as the app imports it (with the migrations in PEEL_MIGRATIONS_DIR, so a run can pin
 * them), then synthetic
 * findings (each a shuffled mix of the seed's own paragraphs, so FTS indexes real words) under the
 * seed report, plus an analyst note on every tenth one. Used by the durability run to get the small
 * (≈25 MB) and large (≈300 MB) workspaces DESIGN.md's scale section describes.
 */
export async function fillWorkspace(target: string, targetBytes: number): Promise<{ bytes: number; findings: number }> {
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations(process.env.PEEL_MIGRATIONS_DIR)]);
  const db = createWorkspace(engine, migrations);
  const seedFile = path.join(ROOT, 'data/gwent-peel-effectiveness-2017.md');
  const seed = new Uint8Array(readFileSync(seedFile));
  await importReport(db, await extractReport(path.basename(seedFile), seed, { readPdf: readPdfText }), {
    name: path.basename(seedFile),
    bytes: seed,
  });
  // Bulk load: nothing here needs crash safety (the file is written once, at the end).
  db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
  const batch = 2_000;
  const sizeNow = () => Number(db.exec('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()')[0]?.values[0]?.[0]);
  db.exec(`CREATE TEMP TABLE seed AS SELECT row_number() OVER () - 1 AS k, text, section, subsection, section_id, subsection_id, kind
           FROM findings WHERE report_id = 1`);
  const seeds = Number(db.exec('SELECT count(*) FROM temp.seed')[0]?.values[0]?.[0]);
  while (sizeNow() < targetBytes) {
    db.exec('BEGIN');
    // Each synthetic finding joins two seed paragraphs picked at random (correlated on i, so per row).
    db.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?),
            base AS (SELECT coalesce(max(ordinal), 0) AS o FROM findings WHERE report_id = 1)
       INSERT INTO findings (report_id, section_id, subsection_id, section, subsection, paragraph, ordinal, kind, suggested_kind, text, page, line)
       SELECT 1, a.section_id, a.subsection_id, a.section, a.subsection, 0, base.o + n.i, a.kind, a.kind,
              'Synthetic ' || (base.o + n.i) || ': ' || a.text || ' ' || b.text, NULL, 1
       FROM n, base
       JOIN temp.seed a ON a.k = abs(random() + n.i * 0) % ?
       JOIN temp.seed b ON b.k = abs(random() + n.i * 0) % ?`,
      [batch, seeds, seeds],
    );
    db.run(
      `INSERT OR IGNORE INTO annotations (target_type, target_id, note, author, created_at, updated_at)
       SELECT 'finding', id, 'filler note ' || id, 'filler', '2026-11-27T00:00:00Z', '2026-11-27T00:00:00Z'
       FROM findings WHERE id % 10 = 0`,
    );
    db.exec('COMMIT');
  }
  const bytes = db.export();
  const findings = Number(db.exec('SELECT count(*) FROM findings')[0]?.values[0]?.[0] ?? 0);
  db.close();
  writeFileSync(target, bytes);
  return { bytes: bytes.length, findings };
}
