import { sha256Hex } from '../db/hash';
import { all, type SqlDatabase, type SqlValue } from '../db/sql-db';

/**
 * The workspace's content as one hash, for a pack's reproducibility note: two workspaces built
 * from the same reports, with the same annotations and samples, hash the same even though their
 * files differ (SQLite pages, import times, file names, who clicked when). So the hash covers what a pack can
 * say, row by row in id order, and leaves out when things happened and who did them.
 */
const TABLES = [
  'reports',
  'sections',
  'findings',
  'finding_footnotes',
  'footnotes',
  'judgments',
  'metrics',
  'areas_for_improvement',
  'annotations',
  'review_samples',
] as const;

/**
 * Columns that record an event, not content: when (…_at), who (…_by, author), and the name of the
 * file something was imported from (the same report saved under another name is the same report;
 * its bytes are in content_hash).
 */
const EVENT_COLUMN = /(_at|_by)$|^(author|source_name)$/;

const ORDER: Record<(typeof TABLES)[number], string> = {
  reports: 'id',
  sections: 'id',
  findings: 'id',
  finding_footnotes: 'finding_id, number',
  footnotes: 'id',
  judgments: 'id',
  metrics: 'id',
  areas_for_improvement: 'id',
  annotations: 'id',
  review_samples: 'id',
};

function cell(v: SqlValue): string | number | null {
  // No content column holds bytes today; should one appear, its hex keeps the hash defined.
  if (v instanceof Uint8Array) return Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('');
  return v;
}

/** The canonical text the hash is taken over (exposed for tests and for anyone checking a hash by hand). */
export function workspaceContent(db: SqlDatabase): string {
  const parts: string[] = [];
  for (const table of TABLES) {
    const columns = all(db, `SELECT name FROM pragma_table_info('${table}')`)
      .map((r) => String(r.name))
      .filter((c) => !EVENT_COLUMN.test(c))
      .sort();
    parts.push(`${table}\t${JSON.stringify(columns)}`);
    const rows = db.exec(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM ${table} ORDER BY ${ORDER[table]}`)[0]?.values ?? [];
    for (const r of rows) parts.push(JSON.stringify(r.map(cell)));
  }
  return parts.join('\n');
}

export function workspaceHash(db: SqlDatabase): Promise<string> {
  return sha256Hex(workspaceContent(db));
}
