-- Schema version 4: a counter that changes whenever a finding's report, section, kind or ordinal
-- does, or a report's force or year (the report facet's label), so that the DB worker can tell
-- when its in-memory map of findings has gone stale (src-core/query/finding-map.ts: it counts a
-- search's matches by report, section and kind). Kept by triggers, like finding_counts, so that no
-- write path can forget it; a rolled-back change rolls the counter back with it.
CREATE TABLE findings_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), epoch INTEGER NOT NULL);
INSERT INTO findings_epoch (id, epoch) VALUES (1, 0);

CREATE TRIGGER findings_epoch_ai AFTER INSERT ON findings BEGIN
  UPDATE findings_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
CREATE TRIGGER findings_epoch_ad AFTER DELETE ON findings BEGIN
  UPDATE findings_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
CREATE TRIGGER findings_epoch_au AFTER UPDATE OF id, report_id, section, kind, ordinal ON findings BEGIN
  UPDATE findings_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
CREATE TRIGGER findings_epoch_reports AFTER UPDATE OF id, force, year ON reports BEGIN
  UPDATE findings_epoch SET epoch = epoch + 1 WHERE id = 1;
END;
