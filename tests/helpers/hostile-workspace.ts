import type { SqlEngine } from '../../src-core/db/sql-db';

/**
 * Workspaces as an attacker with only a SQLite tool would make them (issue 15): the app's own
 * file with something added to or changed in its schema. Each is made by ordinary SQL on a copy of
 * the bytes, except where only an edit of sqlite_master itself can do it (writable_schema).
 */
export interface Hostile {
  label: string;
  /** The object the refusal must name, as it names it: `a trigger "x"`, `a view "judgments"`. */
  names: RegExp;
  sql: string;
}

/** Every grade of a report imported into the workspace becomes "Outstanding" (issue 15, item 1). */
export const GRADE_INFLATION: Hostile = {
  label: 'an AFTER INSERT ON judgments trigger',
  names: /contains a trigger "grade_inflation" that PEEL Workbench did not create/,
  sql: `CREATE TRIGGER grade_inflation AFTER INSERT ON judgments BEGIN
          UPDATE judgments SET grade = 'Outstanding' WHERE id = new.id;
        END`,
};

/** An analyst's status change puts the finding in the brief with a planted note. */
export const PLANTED_NOTE: Hostile = {
  label: 'a trigger on annotations',
  names: /contains a trigger "plant_note" that PEEL Workbench did not create/,
  sql: `CREATE TRIGGER plant_note AFTER UPDATE OF status ON annotations BEGIN
          UPDATE annotations SET include_in_brief = 1, note = 'PLANTED: disregard the grade' WHERE id = new.id;
        END`,
};

/** A view answers for the judgments table: "Requires improvement" reads as "Good". */
export const JUDGMENTS_VIEW: Hostile = {
  label: 'a view named judgments in place of the table',
  names: /contains a table "judgments_real" that PEEL Workbench did not create|has a view "judgments" where PEEL Workbench creates a table/,
  sql: `ALTER TABLE judgments RENAME TO judgments_real;
        CREATE VIEW judgments AS SELECT id, report_id, question,
          CASE grade WHEN 'Requires improvement' THEN 'Good' ELSE grade END AS grade,
          last_inspected, is_overall, page, line, area, pillar, quote, change_direction, change_since, change_previous, change_quote
        FROM judgments_real`,
};

export const EXTRA_TABLE: Hostile = {
  label: 'an extra table',
  names: /contains a table "payload" that PEEL Workbench did not create/,
  sql: `CREATE TABLE payload (id INTEGER PRIMARY KEY, body BLOB); INSERT INTO payload (body) VALUES (x'00ff')`,
};

export const EXTRA_INDEX: Hostile = {
  label: 'an extra index',
  names: /contains an? index "judgments_by_grade" that PEEL Workbench did not create/,
  sql: 'CREATE INDEX judgments_by_grade ON judgments (grade)',
};

/** A trigger whose body never ends: an endless recursive query (issue 15, item 2). */
export const ENDLESS_TRIGGER: Hostile = {
  label: 'an endless recursive trigger',
  names: /contains a trigger "forever" that PEEL Workbench did not create/,
  sql: `CREATE TRIGGER forever AFTER INSERT ON judgments BEGIN
          SELECT count(*) FROM (WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n);
        END`,
};

/**
 * The migration history replaced by an endless view: reading it (to learn the schema version)
 * would never return, so it must be refused from sqlite_master alone.
 */
export const ENDLESS_HISTORY_VIEW: Hostile = {
  label: 'schema_migrations as an endless view',
  names: /has a view "schema_migrations" where PEEL Workbench creates a table/,
  sql: `ALTER TABLE schema_migrations RENAME TO history_real;
        CREATE VIEW schema_migrations AS
          WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n)
          SELECT h.version, h.name, h.checksum, h.applied_at FROM history_real h, n WHERE n.x < 0`,
};

/** annotations rebuilt (the usual 12-step way) with new annotations included in the brief by default. */
export const REBUILT_DEFAULT: Hostile = {
  label: 'annotations rebuilt with a changed DEFAULT',
  names: /has a table "annotations" that differs from the one PEEL Workbench creates at schema version \d+/,
  sql: `PRAGMA legacy_alter_table = ON;
        CREATE TABLE annotations_new (
          id               INTEGER PRIMARY KEY,
          target_type      TEXT NOT NULL CHECK (target_type IN ('finding', 'metric', 'review_sample')),
          target_id        INTEGER NOT NULL,
          status           TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'flagged', 'verified')),
          tags             TEXT NOT NULL DEFAULT '[]',
          rag              TEXT CHECK (rag IN ('red', 'amber', 'green')),
          note             TEXT NOT NULL DEFAULT 'PLANTED',
          include_in_brief INTEGER NOT NULL DEFAULT 1 CHECK (include_in_brief IN (0, 1)),
          kind_override    TEXT,
          author           TEXT NOT NULL,
          created_at       TEXT NOT NULL,
          updated_at       TEXT NOT NULL,
          UNIQUE (target_type, target_id)
        );
        -- The columns named, so that a column a later migration adds does not break this fixture.
        INSERT INTO annotations_new (id, target_type, target_id, status, tags, rag, note, include_in_brief, kind_override, author, created_at, updated_at)
          SELECT id, target_type, target_id, status, tags, rag, note, include_in_brief, kind_override, author, created_at, updated_at FROM annotations;
        DROP TABLE annotations;
        ALTER TABLE annotations_new RENAME TO annotations;
        CREATE INDEX annotations_facets ON annotations (target_type, status, rag, target_id)`,
};

/**
 * The same change made in place, by editing the CREATE text in sqlite_master: everything else
 * (name, quoting, every other column) is as the app made it; only the DEFAULT differs.
 */
export const EDITED_DEFAULT: Hostile = {
  label: "annotations' DEFAULT edited in sqlite_master",
  names: /has a table "annotations" that differs from the one PEEL Workbench creates at schema version \d+/,
  sql: `PRAGMA writable_schema = ON;
        UPDATE sqlite_master SET sql = replace(sql, 'include_in_brief INTEGER NOT NULL DEFAULT 0', 'include_in_brief INTEGER NOT NULL DEFAULT 1')
          WHERE name = 'annotations';
        PRAGMA writable_schema = OFF`,
};

/** judgments' CHECK widened in place to let any grade in. */
export const EDITED_CHECK: Hostile = {
  label: "judgments' CHECK edited in sqlite_master",
  names: /has a table "judgments" that differs from the one PEEL Workbench creates at schema version \d+/,
  sql: `PRAGMA writable_schema = ON;
        UPDATE sqlite_master SET sql = replace(sql, 'CHECK (grade IN (', 'CHECK (grade NOT IN (') WHERE name = 'judgments';
        PRAGMA writable_schema = OFF`,
};

/** A generated column added to reports: its expression runs on every read of the row. */
export const GENERATED_COLUMN: Hostile = {
  label: 'a generated column added to reports',
  names: /has a table "reports" that differs from the one PEEL Workbench creates at schema version \d+/,
  sql: `ALTER TABLE reports ADD COLUMN shout TEXT GENERATED ALWAYS AS (upper(title)) VIRTUAL`,
};

export const ALL_HOSTILE: Hostile[] = [
  GRADE_INFLATION,
  PLANTED_NOTE,
  JUDGMENTS_VIEW,
  EXTRA_TABLE,
  EXTRA_INDEX,
  ENDLESS_TRIGGER,
  ENDLESS_HISTORY_VIEW,
  REBUILT_DEFAULT,
  EDITED_DEFAULT,
  EDITED_CHECK,
  GENERATED_COLUMN,
];

/** A copy of workspace bytes with the hostile change made, as a SQLite tool would save it. */
export function makeHostile(engine: SqlEngine, bytes: Uint8Array, h: Hostile): Uint8Array {
  const db = new engine.Database(bytes);
  try {
    db.exec(h.sql);
    return db.export();
  } finally {
    db.close();
  }
}
