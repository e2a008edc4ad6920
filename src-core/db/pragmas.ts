import type { SqlDatabase } from './sql-db';

/**
 * The settings of every workspace connection. Pragmas are per connection (older sql.js exports
 * reopened it, so callers re-apply them after export()).
 *  - trusted_schema OFF: what a schema holds (triggers, views, CHECKs, DEFAULTs, index and
 *    generated-column expressions) may only call functions and virtual tables SQLite marks as
 *    harmless; sql.js's own added functions (reverse(), sqrt()…) are not. The schema check
 *    (schema-check.ts) is the guard; this is SQLite's own second line behind it.
 *  - cell_size_check ON: each b-tree page's cells are checked as the page is read, so a damaged
 *    page is reported as corrupt rather than followed.
 *  - writable_schema is left at its default, off. SQLite's defensive mode
 *    (SQLITE_DBCONFIG_DEFENSIVE) would be set here too, but sql.js does not export
 *    sqlite3_db_config, so nothing in this program can turn it on.
 */
export function applyPragmas(db: SqlDatabase): void {
  db.exec('PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA foreign_keys = ON; PRAGMA recursive_triggers = OFF;');
}
