-- Schema version 3: covering indexes for the facet panel on ~1,000 reports (docs/PERFORMANCE.md).

-- The kind and section facets group finding_counts by kind or by section. Carrying n and
-- first_ordinal in the index lets SQLite read the ~18,000 summary rows from the narrow index in
-- group order, instead of a table look-up per row.
DROP INDEX finding_counts_kind;
CREATE INDEX finding_counts_kind ON finding_counts (kind, section, n, first_ordinal);
CREATE INDEX finding_counts_section ON finding_counts (section, kind, n, first_ordinal);

-- A search's matches (docids from the full-text index) counted by report, section and kind: each
-- match is looked up here, a few dozen bytes, rather than in its wide findings row (a paragraph).
CREATE INDEX findings_attrs ON findings (id, report_id, section, kind, ordinal);

-- Status and RAG counts group the analyst's annotations; this reads them without their notes.
CREATE INDEX annotations_facets ON annotations (target_type, status, rag, target_id);

-- Grid pages sorted by report (force, then year) walk the reports in that order (findings.ts).
CREATE INDEX reports_order ON reports (force, year);
