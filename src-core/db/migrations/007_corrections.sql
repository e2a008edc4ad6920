-- Schema version 7: every figure and grade checked against its source (issue 17).
--
-- A correction is the analyst's value for one extracted field. The item's own columns hold the value
-- in force, so every grid, chart, export and pack reads the corrected value with no change to its
-- query; the extracted value is kept here, beside who corrected it and when, and comes back if the
-- correction is withdrawn (undo, or "Revert to extracted"). `input` is what the analyst typed, `value`
-- and `extracted` the columns it set, as JSON objects of column and value.
CREATE TABLE corrections (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  target_type TEXT NOT NULL CHECK (target_type IN ('metric', 'judgment', 'report', 'finding', 'area')),
  target_id   INTEGER NOT NULL,
  field       TEXT NOT NULL,
  input       TEXT NOT NULL,
  value       TEXT NOT NULL,
  extracted   TEXT NOT NULL,
  author      TEXT NOT NULL,
  at          TEXT NOT NULL,
  UNIQUE (target_type, target_id, field)
);
CREATE INDEX corrections_report ON corrections (report_id);

-- A grade is verified against the report as a figure is.
ALTER TABLE judgments ADD COLUMN verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1));
ALTER TABLE judgments ADD COLUMN verified_by TEXT;
ALTER TABLE judgments ADD COLUMN verified_at TEXT;

-- A figure the analyst added from the source (a page of pictures the extractor cannot read): who and when.
ALTER TABLE metrics ADD COLUMN added_by TEXT;
ALTER TABLE metrics ADD COLUMN added_at TEXT;

-- A warning dismissed by the analyst says why ("the report's own figure: checked with the force").
ALTER TABLE extraction_warnings ADD COLUMN reason TEXT;

-- A figure's warning is found by the place it names (src-core/query/sql/warning-figures.ts): without
-- this, every figure listed would scan every warning of the workspace.
CREATE INDEX extraction_warnings_place ON extraction_warnings (report_id, line);
