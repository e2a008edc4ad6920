import { describe, expect, it } from 'vitest';
import { migrate } from '../../../../src-core/db/migrate';
import { all, one, type SqlDatabase } from '../../../../src-core/db/sql-db';
import { extractReport } from '../../../../src-core/extract/extract';
import { readHistory } from '../../../../src-core/query/sql/history';
import { applyEdit, parseEdit } from '../../../../src-core/workspace/edits';
import { engineAndMigrations } from '../../../helpers/workspace';
import { readFixture, SEED_FILES } from '../../../helpers/seed';

const AT = '2026-01-01T00:00:00Z';

/**
 * A workspace at schema 5, with findings as the extractor made them before schema 6: each item of a
 * list a finding of its own, some annotated by an analyst.
 */
async function beforeSchema6(): Promise<{ db: SqlDatabase; migrate6: () => void }> {
  const { engine, migrations } = await engineAndMigrations();
  const db = new engine.Database();
  migrate(db, migrations.slice(0, 5));
  db.run(`INSERT INTO reports (id, content_hash, title, force, programme, year, source_name, source_format, source_bytes, imported_at, line)
          VALUES (1, 'h', 'PEEL: Police effectiveness 2017', 'Gwent Police', 'Police effectiveness', 2017, 'g.md', 'markdown', 1, '${AT}', 1)`);
  db.run(
    "INSERT INTO sections (id, report_id, level, title, ordinal) VALUES (1, 1, 1, 'Risk-based inspection', 1), (2, 1, 1, 'Annex A', 2)",
  );
  const rows: [number, number, string, string, string][] = [
    [1, 1, 'Risk-based inspection', 'narrative', 'Gwent Police was assessed against the following areas:'],
    [2, 1, 'Risk-based inspection', 'narrative', 'Protecting vulnerable people;'],
    [3, 1, 'Risk-based inspection', 'narrative', 'Tackling serious and organised crime; and'],
    [4, 1, 'Risk-based inspection', 'narrative', 'Specialist capabilities.'],
    [5, 1, 'Risk-based inspection', 'narrative', 'Judgments from 2016 remain in place for areas which were not re-inspected.'],
    // A list of whole sentences: paragraphs of their own.
    [6, 2, 'Annex A', 'data note', 'When viewing this data the reader should be aware of the following:'],
    [7, 2, 'Annex A', 'data note', 'Durham forces were unable to provide data.'],
    [8, 2, 'Annex A', 'data note', 'North Yorkshire Police was unable to give comparable data.'],
    // Areas for improvement keep their own list handling.
    [9, 2, 'Annex A', 'area for improvement', 'The force should improve by:'],
    [10, 2, 'Annex A', 'area for improvement', 'checking files;'],
  ];
  for (const [id, section, title, kind, text] of rows) {
    db.run(
      `INSERT INTO findings (id, report_id, section_id, section, subsection, paragraph, ordinal, kind, suggested_kind, text, line)
       VALUES (?, 1, ?, ?, NULL, ?, ?, ?, ?, ?, ?)`,
      [id, section, title, id, id, kind, kind, text, id * 10],
    );
  }
  db.run('INSERT INTO finding_footnotes (finding_id, number) VALUES (3, 4)');
  const annotate = (id: number, cols: Record<string, string | number>) => {
    const keys = Object.keys(cols);
    db.run(
      `INSERT INTO annotations (target_type, target_id, ${keys.join(', ')}, author, created_at, updated_at) VALUES ('finding', ?, ${keys.map(() => '?').join(', ')}, 'ann', ?, ?)`,
      [id, ...Object.values(cols), AT, AT],
    );
    db.run(
      "INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value) VALUES (?, 'ann', 'finding', ?, 'note', NULL, ?)",
      [AT, id, String(cols.note ?? '')],
    );
  };
  annotate(1, { note: 'the areas inspected', tags: '["scope"]', status: 'reviewed' });
  annotate(3, { note: 'check SOC grade', tags: '["soc","scope"]', rag: 'amber', include_in_brief: 1 });
  annotate(4, { rag: 'red', status: 'flagged', note: '' });
  annotate(7, { note: 'Durham caveat' });
  return { db, migrate6: () => migrate(db, migrations) };
}

describe('schema 6: a list and the sentence that introduces it are one finding', () => {
  it('folds a list of phrases into its lead-in, keeping every annotation on the paragraph, and leaves sentence lists alone', async () => {
    const { db, migrate6 } = await beforeSchema6();
    migrate6();
    const findings = all(db, 'SELECT id, paragraph, text FROM findings ORDER BY ordinal').map((r) => [r.id, r.paragraph, r.text]);
    expect(findings).toEqual([
      [
        1,
        1,
        'Gwent Police was assessed against the following areas: Protecting vulnerable people; Tackling serious and organised crime; and Specialist capabilities.',
      ],
      [5, 2, 'Judgments from 2016 remain in place for areas which were not re-inspected.'],
      [6, 1, 'When viewing this data the reader should be aware of the following:'],
      [7, 2, 'Durham forces were unable to provide data.'],
      [8, 3, 'North Yorkshire Police was unable to give comparable data.'],
      [9, 4, 'The force should improve by:'],
      [10, 5, 'checking files;'],
    ]);
    const a = one(db, "SELECT note, tags, rag, status, include_in_brief FROM annotations WHERE target_type = 'finding' AND target_id = 1");
    expect(a).toEqual({
      note: 'the areas inspected\n\ncheck SOC grade',
      tags: '["scope","soc"]',
      rag: 'red',
      status: 'flagged',
      include_in_brief: 1,
    });
    expect(one(db, "SELECT note FROM annotations WHERE target_type = 'finding' AND target_id = 7")?.note).toBe('Durham caveat');
    expect(all(db, "SELECT target_id FROM annotations WHERE target_type = 'finding' ORDER BY target_id").map((r) => r.target_id)).toEqual([
      1, 7,
    ]);
    expect(all(db, 'SELECT number FROM finding_footnotes WHERE finding_id = 1').map((r) => r.number)).toEqual([4]);
    // Search finds the items' words in the paragraph.
    expect(all(db, "SELECT docid FROM findings_fts WHERE findings_fts MATCH 'specialist'").map((r) => r.docid)).toEqual([1]);
    // The items' history is the paragraph's, with a row saying where each went.
    const history = readHistory(db, 'finding', 1);
    expect(history.filter((h) => h.field === 'note').map((h) => h.newValue)).toEqual(
      expect.arrayContaining(['the areas inspected', 'check SOC grade', '']),
    );
    expect(history.filter((h) => h.field === 'merged').map((h) => h.oldValue)).toEqual(['4', '3', '2']);
    expect(one(db, 'PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
  });

  it('replays an edit journaled against a list item before the upgrade on its paragraph', async () => {
    const { db, migrate6 } = await beforeSchema6();
    migrate6();
    const e = parseEdit('annotation.set', {
      targetType: 'finding',
      targetId: 3,
      field: 'note',
      value: 'written before the upgrade',
      author: 'ann',
      at: AT,
    });
    applyEdit(db, e.op, e.params);
    expect(one(db, "SELECT note FROM annotations WHERE target_type = 'finding' AND target_id = 1")?.note).toBe(
      'written before the upgrade',
    );
    const missing = parseEdit('annotation.set', { targetType: 'finding', targetId: 999, field: 'note', value: 'x', author: 'ann', at: AT });
    expect(() => applyEdit(db, missing.op, missing.params)).toThrow(/There is no finding 999/);
  });

  it('is the rule the extractor reads the seed by: its lists of phrases one finding each, its lists of sentences paragraphs', async () => {
    // The seed's lists: the areas inspected, the crime types of the file review, the ASB powers.
    const e = await extractReport('gwent.md', readFixture(SEED_FILES.markdown), { readPdf: () => Promise.reject(new Error('no')) });
    const lists = e.findings.filter((f) => f.kind !== 'area for improvement' && /: [^:]+; .*\.$/.test(f.text));
    expect(lists.map((f) => f.text.slice(0, 60))).toEqual([
      'HMICFRS adopted an interim risk-based approach to inspection',
      'HMICFRS reviewed 2,700 police case files across crime types ',
      'These data were collected directly from all 43 geographic po',
    ]);
    expect(lists[0]?.text).toMatch(/: Protecting vulnerable people; Tackling serious and organised crime; and Specialist capabilities\.$/);
    // Sentence lists stay paragraphs: the annex's caveats about other forces' data.
    expect(e.findings.some((f) => f.text.startsWith('All forces were asked to check the final data'))).toBe(true);
  });
});
