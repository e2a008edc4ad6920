-- PEEL Workbench workspace schema, version 1.
-- Positions (page, line) say where in the imported source each row came from: line is the
-- 1-based line of the text (of the page, for PDFs); page is null for unpaginated text.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE reports (
  id            INTEGER PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT NOT NULL,
  force         TEXT NOT NULL,
  programme     TEXT NOT NULL,
  year          INTEGER NOT NULL,
  published     TEXT,
  isbn          TEXT,
  overall_grade TEXT,
  source_name   TEXT NOT NULL,
  source_format TEXT NOT NULL CHECK (source_format IN ('markdown', 'text', 'pdf')),
  source_bytes  INTEGER NOT NULL,
  imported_at   TEXT NOT NULL,
  synthetic     INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
  page          INTEGER,
  line          INTEGER
);
-- One report per force, programme and year: a second copy (another format, say) is a duplicate.
CREATE UNIQUE INDEX reports_identity ON reports (force, programme, year);

CREATE TABLE sections (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES sections (id) ON DELETE CASCADE,
  level     INTEGER NOT NULL CHECK (level IN (1, 2)),
  title     TEXT NOT NULL,
  grade     TEXT,
  ordinal   INTEGER NOT NULL,
  UNIQUE (report_id, parent_id, title)
);

CREATE TABLE findings (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  section_id     INTEGER NOT NULL REFERENCES sections (id),
  subsection_id  INTEGER REFERENCES sections (id),
  section        TEXT NOT NULL,
  subsection     TEXT,
  paragraph      INTEGER NOT NULL,
  ordinal        INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('judgment summary', 'narrative', 'positive practice', 'concern', 'area for improvement', 'progress on a previous area for improvement', 'data note')),
  suggested_kind TEXT NOT NULL,
  text           TEXT NOT NULL,
  rejoined       INTEGER NOT NULL DEFAULT 0,
  page           INTEGER,
  line           INTEGER NOT NULL,
  UNIQUE (report_id, ordinal)
);
CREATE INDEX findings_report ON findings (report_id, ordinal);
CREATE INDEX findings_kind ON findings (kind);
CREATE INDEX findings_section ON findings (section, subsection);

-- Full-text search over findings. sql.js has FTS3/4 but not FTS5.
CREATE VIRTUAL TABLE findings_fts USING fts4 (content="findings", text, section, subsection, tokenize=unicode61);
CREATE TRIGGER findings_fts_ai AFTER INSERT ON findings BEGIN
  INSERT INTO findings_fts (docid, text, section, subsection) VALUES (new.id, new.text, new.section, new.subsection);
END;
CREATE TRIGGER findings_fts_bu BEFORE UPDATE ON findings BEGIN
  DELETE FROM findings_fts WHERE docid = old.id;
END;
CREATE TRIGGER findings_fts_au AFTER UPDATE ON findings BEGIN
  INSERT INTO findings_fts (docid, text, section, subsection) VALUES (new.id, new.text, new.section, new.subsection);
END;
CREATE TRIGGER findings_fts_bd BEFORE DELETE ON findings BEGIN
  DELETE FROM findings_fts WHERE docid = old.id;
END;

CREATE TABLE footnotes (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  number    INTEGER NOT NULL,
  text      TEXT NOT NULL,
  page      INTEGER,
  line      INTEGER NOT NULL,
  UNIQUE (report_id, number)
);

-- A finding cites a footnote by number; the number may have no definition (a warning says so).
CREATE TABLE finding_footnotes (
  finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
  number     INTEGER NOT NULL,
  PRIMARY KEY (finding_id, number)
);

CREATE TABLE judgments (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  question       TEXT NOT NULL,
  grade          TEXT NOT NULL CHECK (grade IN ('Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded')),
  last_inspected INTEGER,
  is_overall     INTEGER NOT NULL DEFAULT 0,
  page           INTEGER,
  line           INTEGER NOT NULL,
  UNIQUE (report_id, question)
);

CREATE TABLE metrics (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  category    TEXT,
  label       TEXT NOT NULL,
  unit        TEXT NOT NULL,
  period      TEXT,
  force_value REAL,
  force_text  TEXT NOT NULL,
  ew_value    REAL,
  ew_text     TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('force-in-numbers', 'text')),
  quote       TEXT NOT NULL,
  page        INTEGER,
  line        INTEGER NOT NULL,
  verified    INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  verified_by TEXT,
  verified_at TEXT
);
CREATE INDEX metrics_report ON metrics (report_id);
CREATE INDEX metrics_label ON metrics (label);

CREATE TABLE areas_for_improvement (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  parent_id  INTEGER REFERENCES areas_for_improvement (id) ON DELETE CASCADE,
  finding_id INTEGER REFERENCES findings (id) ON DELETE SET NULL,
  section    TEXT NOT NULL,
  ordinal    INTEGER NOT NULL,
  text       TEXT NOT NULL,
  page       INTEGER,
  line       INTEGER NOT NULL
);

CREATE TABLE extraction_warnings (
  id         INTEGER PRIMARY KEY,
  report_id  INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  code       TEXT NOT NULL,
  message    TEXT NOT NULL,
  page       INTEGER,
  line       INTEGER,
  checked    INTEGER NOT NULL DEFAULT 0 CHECK (checked IN (0, 1)),
  checked_by TEXT,
  checked_at TEXT
);

-- Case-file review samples (one row per file reviewed). Criteria are 'yes', 'no' or 'n/a'.
CREATE TABLE review_samples (
  id                      INTEGER PRIMARY KEY,
  report_id               INTEGER REFERENCES reports (id) ON DELETE SET NULL,
  force                   TEXT NOT NULL,
  case_ref                TEXT NOT NULL,
  crime_type              TEXT NOT NULL CHECK (crime_type IN ('theft from person', 'rape', 'stalking', 'harassment', 'common assault', 'grievous bodily harm', 'actual bodily harm')),
  date_recorded           TEXT NOT NULL,
  reviewer                TEXT NOT NULL,
  vulnerable_victim       TEXT CHECK (vulnerable_victim IN ('yes', 'no', 'n/a')),
  vulnerability_at_first_contact TEXT CHECK (vulnerability_at_first_contact IN ('yes', 'no', 'n/a')),
  risk_assessment         TEXT CHECK (risk_assessment IN ('yes', 'no', 'n/a')),
  allocated_appropriately TEXT CHECK (allocated_appropriately IN ('yes', 'no', 'n/a')),
  effective_investigation TEXT CHECK (effective_investigation IN ('yes', 'no', 'n/a')),
  supervision_evident     TEXT CHECK (supervision_evident IN ('yes', 'no', 'n/a')),
  victim_kept_updated     TEXT CHECK (victim_kept_updated IN ('yes', 'no', 'n/a')),
  victim_needs_assessed   TEXT CHECK (victim_needs_assessed IN ('yes', 'no', 'n/a')),
  outcome                 TEXT,
  note                    TEXT,
  synthetic               INTEGER NOT NULL DEFAULT 0 CHECK (synthetic IN (0, 1)),
  source_name             TEXT,
  source_row              INTEGER,
  UNIQUE (force, case_ref, reviewer)
);

-- The analyst's layer. target_type/target_id point at a finding, metric or review sample.
CREATE TABLE annotations (
  id               INTEGER PRIMARY KEY,
  target_type      TEXT NOT NULL CHECK (target_type IN ('finding', 'metric', 'review_sample')),
  target_id        INTEGER NOT NULL,
  status           TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'reviewed', 'flagged', 'verified')),
  tags             TEXT NOT NULL DEFAULT '[]',
  rag              TEXT CHECK (rag IN ('red', 'amber', 'green')),
  note             TEXT NOT NULL DEFAULT '',
  include_in_brief INTEGER NOT NULL DEFAULT 0 CHECK (include_in_brief IN (0, 1)),
  kind_override    TEXT,
  author           TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (target_type, target_id)
);

-- Append-only: no UPDATE or DELETE is allowed on the audit trail.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  author      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   INTEGER NOT NULL,
  field       TEXT NOT NULL,
  old_value   TEXT,
  new_value   TEXT
);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE saved_views (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  view       TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE briefing_packs (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  definition TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
