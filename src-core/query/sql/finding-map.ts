import { all, one, type SqlDatabase } from '../../db/sql-db';

/**
 * Every finding's report, section, kind and ordinal, held in typed arrays indexed by finding id:
 * what counting a search's matches by report, section and kind needs (search-facets.ts). Looking
 * each of 86,000 matches up in an index costs ~190 ms in sql.js; reading it from an array, well
 * under a millisecond.
 */
export interface FindingMap {
  /** The cell (a report, section and kind) of each finding id; −1 where there is no finding. */
  cellOf: Int32Array;
  ordinalOf: Int32Array;
  cells: { report: number; section: string; kind: string }[];
  /** Each report's label in the report facet (force and year). */
  labels: Map<number, string>;
}

/** By database: the map read at an epoch, or null when it could not be trusted at that epoch. */
const maps = new WeakMap<SqlDatabase, { epoch: number; map: FindingMap | null }>();

/**
 * The map of this database's findings, read once and again only when findings_epoch (migration
 * 004) says a finding was added, removed or changed (an import, a report removed, a kind
 * override, an undo) or a report's force or year was. Annotations do not touch it. The DB worker
 * runs one request at a time and an edit's transaction never spans another request, so the map is
 * only ever read from committed data (a rolled-back change rolls the epoch back with it).
 *
 * Null when the map cannot be trusted (the finding_counts summary does not cover every finding,
 * which its triggers rule out): the caller then counts in SQL.
 */
export function findingMap(db: SqlDatabase): FindingMap | null {
  const epoch = Number(one<{ epoch: number }>(db, 'SELECT epoch FROM findings_epoch WHERE id = 1')?.epoch);
  const cached = maps.get(db);
  if (cached && cached.epoch === epoch) return cached.map;
  const map = readFindingMap(db);
  maps.set(db, { epoch, map });
  return map;
}

/**
 * One statement per cell of the finding_counts summary (about 18,000 on 1,000 reports) gives its
 * findings' ids and ordinals as one string, read through the section index; the map is filled from
 * those strings: 0.25 s in sql.js for 310,000 findings, once per change to the findings.
 */
export function readFindingMap(db: SqlDatabase): FindingMap | null {
  // Apart: together, max(id) would no longer be a look-up at the end of the table.
  const top = Number(one<{ top: number | null }>(db, 'SELECT coalesce(max(id), 0) AS top FROM findings')?.top);
  const total = Number(one<{ n: number }>(db, 'SELECT count(*) AS n FROM findings')?.n);
  const cellOf = new Int32Array(top + 1).fill(-1);
  const ordinalOf = new Int32Array(top + 1);
  const cells: FindingMap['cells'] = [];
  let seen = 0;
  const rows = all<{ report_id: number; section: string; kind: string; members: string | null }>(
    db,
    `SELECT c.report_id, c.section, c.kind,
       (SELECT group_concat(f.id || ',' || f.ordinal) FROM findings f INDEXED BY findings_section
         WHERE f.section = c.section AND f.report_id = c.report_id AND f.kind = c.kind) AS members
     FROM finding_counts c`,
  );
  for (const row of rows) {
    const cell = cells.length;
    cells.push({ report: Number(row.report_id), section: String(row.section), kind: String(row.kind) });
    const pairs = parseIds(row.members); // id, ordinal, id, ordinal, …
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const id = pairs[i] as number;
      if (id < 0 || id > top || cellOf[id] !== -1) return null;
      cellOf[id] = cell;
      ordinalOf[id] = pairs[i + 1] as number;
      seen++;
    }
  }
  const labels = new Map(
    all<{ id: number; label: string }>(db, "SELECT id, force || ' ' || year AS label FROM reports").map((r) => [
      Number(r.id),
      String(r.label),
    ]),
  );
  return seen === total ? { cellOf, ordinalOf, cells, labels } : null;
}

/**
 * The integers in a comma-separated list (what group_concat gives), parsed in place into a typed
 * array (86,000 ids: a fraction of the time of split() and Number()).
 */
export function parseIds(s: string | null | undefined): Int32Array {
  if (!s) return new Int32Array(0);
  let n = 1;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) n++;
  const out = new Int32Array(n);
  let k = 0;
  let value = 0;
  let sign = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44) {
      out[k++] = sign * value;
      value = 0;
      sign = 1;
    } else if (c === 45) sign = -1;
    else value = value * 10 + (c - 48);
  }
  out[k] = sign * value;
  return out;
}
