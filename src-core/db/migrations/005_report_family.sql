-- Schema version 5: reports of every PEEL programme and year, not only the 2017 effectiveness ones.
-- A report keeps its period as published ("2018/19", "2023–25") beside its first year, and the
-- grading scale it was graded on; grades take the five-point scale's "Adequate" and a question's
-- "Not inspected"; a grade read from prose keeps its quote, its place in the shared vocabulary of
-- questions and what the report says of the change since the last inspection; areas for
-- improvement are told apart from causes of concern and recommendations; a figure stated twice
-- (in "Force in numbers" and in the text) keeps its second quote.
ALTER TABLE reports ADD COLUMN period TEXT;
ALTER TABLE reports ADD COLUMN scale TEXT NOT NULL DEFAULT 'four-point' CHECK (scale IN ('four-point', 'five-point'));
UPDATE reports SET period = CAST(year AS TEXT);

-- SQLite cannot widen a CHECK in place: the table is rebuilt with its rows and ids.
CREATE TABLE judgments_v5 (
  id             INTEGER PRIMARY KEY,
  report_id      INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  question       TEXT NOT NULL,
  grade          TEXT NOT NULL CHECK (grade IN ('Outstanding', 'Good', 'Adequate', 'Requires improvement', 'Inadequate', 'Ungraded', 'Not inspected')),
  last_inspected INTEGER,
  is_overall     INTEGER NOT NULL DEFAULT 0,
  page           INTEGER,
  line           INTEGER NOT NULL,
  area           TEXT,
  pillar         TEXT CHECK (pillar IN ('effectiveness', 'efficiency', 'legitimacy')),
  quote          TEXT,
  change_direction TEXT CHECK (change_direction IN ('improved', 'deteriorated', 'unchanged')),
  change_since   INTEGER,
  change_previous TEXT,
  change_quote   TEXT,
  UNIQUE (report_id, question)
);
INSERT INTO judgments_v5 (id, report_id, question, grade, last_inspected, is_overall, page, line, pillar)
  SELECT id, report_id, question, grade, last_inspected, is_overall, page, line,
         CASE WHEN is_overall = 1 THEN 'effectiveness' END
  FROM judgments;
DROP TABLE judgments;
ALTER TABLE judgments_v5 RENAME TO judgments;

ALTER TABLE areas_for_improvement ADD COLUMN kind TEXT NOT NULL DEFAULT 'area for improvement'
  CHECK (kind IN ('area for improvement', 'cause of concern', 'recommendation'));
-- JSON array of {quote, page, line}: the same figure's other statements in the report.
ALTER TABLE metrics ADD COLUMN also_quoted TEXT;
