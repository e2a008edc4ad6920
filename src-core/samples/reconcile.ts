import { all, one, type SqlDatabase } from '../db/sql-db';
import type { CriterionKey } from './fields';
import { readScoredFiles, type ScoredFile } from './stats';

export interface Reconciliation {
  label: string;
  /** The sentence of the report that states the figure. */
  statement: string;
  /** The finding it is in (for a link to its paragraph), or the footnote. */
  findingId: number | null;
  footnote: number | null;
  stated: number;
  /** Computed from the sample for the report's force; null when there is no sample. */
  computed: number | null;
  matches: boolean;
}

const PHRASES: [RegExp, CriterionKey][] = [
  [/vulnerab\w* victim|victim\w* (?:was|were) vulnerable/, 'vulnerable_victim'],
  [/first contact/, 'vulnerability_at_first_contact'],
  [/risk assessment/, 'risk_assessment'],
  [/allocated/, 'allocated_appropriately'],
  [/effective investigation|investigat\w* effectively/, 'effective_investigation'],
  [/supervis/, 'supervision_evident'],
  [/kept (?:up to date|updated|informed)|updated/, 'victim_kept_updated'],
  [/needs/, 'victim_needs_assessed'],
];

function criterionOf(phrase: string): CriterionKey | null {
  const p = phrase.toLowerCase();
  return PHRASES.find(([re]) => re.test(p))?.[1] ?? null;
}

const OF_THE =
  /Of the (\d+) (?:case )?files reviewed (?:which|that) had an? ([^,]+?), (\d+) (?:were|had) ([^,.]+?)(?:,? and (\d+) (?:were|had) ([^,.]+?))?\./g;
const PER_FORCE = /^(\d+) case files were reviewed in each force/;

/**
 * Each figure the report states about its file review, lined up against the same figure computed
 * from the sample: "Of the 16 files reviewed which had a vulnerable victim, 15 were allocated to
 * the most appropriate team and 8 had an effective investigation" gives three, each counted among
 * the files the sentence is about; the Annex's "60 case files were reviewed in each force" gives
 * the sample size.
 */
export function readReconciliation(db: SqlDatabase, reportId?: number): Reconciliation[] {
  const report = one<{ id: number; force: string }>(
    db,
    `SELECT id, force FROM reports ${reportId ? 'WHERE id = ?' : 'ORDER BY id'} LIMIT 1`,
    reportId ? [reportId] : [],
  );
  if (!report) return [];
  const files = readScoredFiles(db, String(report.force));
  const computed = (count: (f: ScoredFile) => boolean) => (files.length ? files.filter(count).length : null);
  const out: Reconciliation[] = [];
  const findings = all<{ id: number; text: string }>(
    db,
    "SELECT id, text FROM findings WHERE report_id = ? AND text LIKE '%files reviewed%' ORDER BY ordinal",
    [Number(report.id)],
  );
  for (const f of findings) {
    for (const m of String(f.text).matchAll(OF_THE)) {
      const base = criterionOf(m[2] ?? '');
      if (!base) continue;
      const sentence = m[0];
      const inBase = (x: ScoredFile) => x.scores[base] === 'yes';
      const add = (label: string, stated: number, value: number | null) =>
        out.push({
          label,
          statement: sentence,
          findingId: Number(f.id),
          footnote: null,
          stated,
          computed: value,
          matches: value === stated,
        });
      add(`Files with a ${m[2]}`, Number(m[1]), computed(inBase));
      for (const [n, phrase] of [
        [m[3], m[4]],
        [m[5], m[6]],
      ]) {
        const c = phrase ? criterionOf(phrase) : null;
        if (!n || !phrase || !c) continue;
        add(
          `…of which ${phrase}`,
          Number(n),
          computed((x) => inBase(x) && x.scores[c] === 'yes'),
        );
      }
    }
  }
  for (const fn of all<{ number: number; text: string }>(db, 'SELECT number, text FROM footnotes WHERE report_id = ?', [
    Number(report.id),
  ])) {
    const m = PER_FORCE.exec(String(fn.text));
    if (!m) continue;
    const value = computed(() => true);
    out.push({
      label: 'Case files reviewed in the force',
      statement: String(fn.text),
      findingId: null,
      footnote: Number(fn.number),
      stated: Number(m[1]),
      computed: value,
      matches: value === Number(m[1]),
    });
  }
  return out;
}
