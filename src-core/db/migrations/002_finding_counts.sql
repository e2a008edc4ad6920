-- Schema version 2: what keeps the Findings view instant on ~1,000 reports (docs/PERFORMANCE.md).

-- Findings counted by report, section and kind, kept exact by triggers. The facet panel's
-- report, section and kind counts (and the total that the status and RAG counts are worked out
-- from) read these ~30 rows a report instead of grouping ~300 findings a report. first_ordinal
-- keeps the section facet in report order.
CREATE TABLE finding_counts (
  report_id     INTEGER NOT NULL,
  section       TEXT NOT NULL,
  kind          TEXT NOT NULL,
  n             INTEGER NOT NULL,
  first_ordinal INTEGER NOT NULL,
  PRIMARY KEY (report_id, section, kind)
) WITHOUT ROWID;
CREATE INDEX finding_counts_kind ON finding_counts (kind, section);

INSERT INTO finding_counts (report_id, section, kind, n, first_ordinal)
  SELECT report_id, section, kind, count(*), min(ordinal) FROM findings GROUP BY report_id, section, kind;

CREATE TRIGGER finding_counts_ai AFTER INSERT ON findings BEGIN
  INSERT INTO finding_counts (report_id, section, kind, n, first_ordinal) VALUES (new.report_id, new.section, new.kind, 1, new.ordinal)
    ON CONFLICT (report_id, section, kind) DO UPDATE SET n = n + 1, first_ordinal = min(first_ordinal, excluded.first_ordinal);
END;

-- Also fired by ON DELETE CASCADE when a report is removed.
CREATE TRIGGER finding_counts_ad AFTER DELETE ON findings BEGIN
  UPDATE finding_counts SET n = n - 1,
      first_ordinal = coalesce((SELECT min(ordinal) FROM findings WHERE report_id = old.report_id AND section = old.section AND kind = old.kind), first_ordinal)
    WHERE report_id = old.report_id AND section = old.section AND kind = old.kind;
  DELETE FROM finding_counts WHERE report_id = old.report_id AND section = old.section AND kind = old.kind AND n <= 0;
END;

-- A kind override (annotation.set kindOverride) rewrites findings.kind: move the row's count.
CREATE TRIGGER finding_counts_au AFTER UPDATE OF report_id, section, kind, ordinal ON findings BEGIN
  UPDATE finding_counts SET n = n - 1,
      first_ordinal = coalesce((SELECT min(ordinal) FROM findings WHERE report_id = old.report_id AND section = old.section AND kind = old.kind), first_ordinal)
    WHERE report_id = old.report_id AND section = old.section AND kind = old.kind;
  DELETE FROM finding_counts WHERE report_id = old.report_id AND section = old.section AND kind = old.kind AND n <= 0;
  INSERT INTO finding_counts (report_id, section, kind, n, first_ordinal) VALUES (new.report_id, new.section, new.kind, 1, new.ordinal)
    ON CONFLICT (report_id, section, kind) DO UPDATE SET n = n + 1, first_ordinal = min(first_ordinal, excluded.first_ordinal);
END;

-- Grid pages are in report order (report_id, ordinal). These indexes give that order for a kind
-- or a section filter, and carry kind and section, so a page's ids are found, and a search's
-- matches walked in report order, without visiting the wide findings rows (each with its text).
DROP INDEX findings_report;
CREATE INDEX findings_report ON findings (report_id, ordinal, kind, section);
DROP INDEX findings_kind;
CREATE INDEX findings_kind ON findings (kind, report_id, ordinal, section);
DROP INDEX findings_section;
CREATE INDEX findings_section ON findings (section, report_id, ordinal, kind);

-- An annotation belongs to its finding: when the finding goes (its report is removed), so does the
-- annotation (its history stays in the audit log). The tag, status and RAG counts can then group
-- the annotations alone, without looking every annotated finding up.
DELETE FROM annotations WHERE target_type = 'finding' AND target_id NOT IN (SELECT id FROM findings);
CREATE TRIGGER annotations_follow_findings AFTER DELETE ON findings BEGIN
  DELETE FROM annotations WHERE target_type = 'finding' AND target_id = old.id;
END;
