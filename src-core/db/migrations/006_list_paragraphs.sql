-- Schema version 6: a finding is a paragraph. The extractor used to make each item of a list a
-- finding of its own; a sentence that introduces a list ("… assessed against the following
-- areas:") and the items it introduces are now one finding. Workspaces made before are brought in
-- line here so that every annotation stays on its paragraph:
--   * items follow their lead-in (a finding ending in ":") in the same section and subsection; a
--     list is of phrases, not sentences: its first item ends as items do (";", ",", ":", "and",
--     "or"), the list runs on while they do, and the item that ends otherwise (the last, with its
--     full stop) closes it. A list of whole sentences stays paragraphs of their own. The extractor
--     (src-core/extract/extract.ts) applies the same rule, so a workspace built before and one
--     built now agree;
--   * the lead-in takes the items' text and footnotes; an item's annotation moves to the lead-in,
--     or, where the lead-in or another item already has one, is merged into it (notes kept one
--     after another, tags joined, included in the brief if any was, the more severe RAG and status);
--   * finding_merges keeps where each item went: its history is read with its paragraph's, and an
--     edit journaled against an item before the upgrade is replayed on its paragraph.
-- Areas for improvement are lists of their own and are left as they are.
CREATE TABLE finding_merges (
  old_id INTEGER PRIMARY KEY,
  new_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE
);

WITH RECURSIVE chain (lead, id, ordinal, text, report_id, section, subsection) AS (
  SELECT f.id, n.id, n.ordinal, n.text, n.report_id, n.section, n.subsection
  FROM findings f
  JOIN findings n ON n.report_id = f.report_id AND n.ordinal = f.ordinal + 1
    AND n.section = f.section AND n.subsection IS f.subsection
  WHERE f.text LIKE '%:' AND f.kind <> 'area for improvement' AND n.kind <> 'area for improvement'
    AND (n.text LIKE '%;' OR n.text LIKE '%,' OR n.text LIKE '%:' OR n.text LIKE '% and' OR n.text LIKE '% or')
  UNION ALL
  SELECT c.lead, n.id, n.ordinal, n.text, n.report_id, n.section, n.subsection
  FROM chain c
  JOIN findings n ON n.report_id = c.report_id AND n.ordinal = c.ordinal + 1
    AND n.section = c.section AND n.subsection IS c.subsection
  WHERE n.kind <> 'area for improvement'
    AND (c.text LIKE '%;' OR c.text LIKE '%,' OR c.text LIKE '%:' OR c.text LIKE '% and' OR c.text LIKE '% or')
)
INSERT OR IGNORE INTO finding_merges (old_id, new_id) SELECT id, lead FROM chain ORDER BY lead, ordinal;

-- A lead-in that is itself an item of an outer list (a nested list) goes with the outer lead-in.
UPDATE finding_merges SET new_id = (SELECT m.new_id FROM finding_merges m WHERE m.old_id = finding_merges.new_id)
  WHERE new_id IN (SELECT old_id FROM finding_merges);
UPDATE finding_merges SET new_id = (SELECT m.new_id FROM finding_merges m WHERE m.old_id = finding_merges.new_id)
  WHERE new_id IN (SELECT old_id FROM finding_merges);

UPDATE findings SET text = text || ' ' || (
    SELECT group_concat(i.text, ' ' ORDER BY i.ordinal) FROM finding_merges m JOIN findings i ON i.id = m.old_id
    WHERE m.new_id = findings.id)
  WHERE id IN (SELECT new_id FROM finding_merges);

INSERT OR IGNORE INTO finding_footnotes (finding_id, number)
  SELECT m.new_id, ff.number FROM finding_footnotes ff JOIN finding_merges m ON m.old_id = ff.finding_id;

-- Annotations: every annotated item's annotation is merged into its lead-in's (made if it has
-- none): notes one after another, tags joined, in the brief if any was, the more severe RAG and
-- status (flagged, then reviewed, then verified).
CREATE TEMP TABLE merged_annotations AS
  SELECT m.new_id AS lead, a.* FROM finding_merges m
  JOIN annotations a ON a.target_type = 'finding' AND a.target_id = m.old_id;
INSERT INTO annotations (target_type, target_id, author, created_at, updated_at)
  SELECT 'finding', x.lead, min(x.author), min(x.created_at), max(x.updated_at) FROM merged_annotations x
  WHERE NOT EXISTS (SELECT 1 FROM annotations a WHERE a.target_type = 'finding' AND a.target_id = x.lead)
  GROUP BY x.lead;
UPDATE annotations SET
  note = trim(note || coalesce((SELECT group_concat(char(10) || char(10) || x.note, '' ORDER BY x.target_id)
                                FROM merged_annotations x WHERE x.lead = annotations.target_id AND x.note <> ''), ''), char(10)),
  tags = (SELECT json_group_array(DISTINCT t.value) FROM (
            SELECT j.value FROM json_each(annotations.tags) j
            UNION ALL SELECT j.value FROM merged_annotations x, json_each(x.tags) j WHERE x.lead = annotations.target_id) t),
  include_in_brief = max(include_in_brief, (SELECT max(x.include_in_brief) FROM merged_annotations x WHERE x.lead = annotations.target_id)),
  rag = (SELECT r FROM (SELECT annotations.rag AS r UNION ALL SELECT x.rag FROM merged_annotations x WHERE x.lead = annotations.target_id)
         WHERE r IS NOT NULL ORDER BY CASE r WHEN 'red' THEN 0 WHEN 'amber' THEN 1 ELSE 2 END LIMIT 1),
  status = (SELECT s FROM (SELECT annotations.status AS s UNION ALL SELECT x.status FROM merged_annotations x WHERE x.lead = annotations.target_id)
            ORDER BY CASE s WHEN 'flagged' THEN 0 WHEN 'reviewed' THEN 1 WHEN 'verified' THEN 2 ELSE 3 END LIMIT 1),
  updated_at = max(updated_at, (SELECT max(x.updated_at) FROM merged_annotations x WHERE x.lead = annotations.target_id))
  WHERE target_type = 'finding' AND target_id IN (SELECT lead FROM merged_annotations);
DELETE FROM annotations WHERE target_type = 'finding' AND target_id IN (SELECT old_id FROM finding_merges);
DROP TABLE merged_annotations;

-- The audit log is append-only: an item's history stays under its old id, which finding_merges
-- leads to (src-core/query/history.ts reads both), and a row per item says where it went.
INSERT INTO audit_log (at, author, target_type, target_id, field, old_value, new_value)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'PEEL Workbench (schema 6)', 'finding', m.new_id, 'merged', CAST(m.old_id AS TEXT), CAST(m.new_id AS TEXT)
  FROM finding_merges m JOIN findings f ON f.id = m.old_id ORDER BY m.new_id, f.ordinal;

DELETE FROM findings WHERE id IN (SELECT old_id FROM finding_merges);

-- Paragraph numbers count paragraphs again, within their subsection (or section).
UPDATE findings SET paragraph = (
    SELECT count(*) FROM findings p WHERE p.report_id = findings.report_id AND p.section = findings.section
      AND p.subsection IS findings.subsection AND p.ordinal <= findings.ordinal)
  WHERE report_id IN (SELECT DISTINCT f.report_id FROM finding_merges m JOIN findings f ON f.id = m.new_id);
