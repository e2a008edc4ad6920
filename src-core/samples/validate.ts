import { CRITERIA, FIELD_LABELS, FIELDS, REQUIRED_FIELDS, type CriterionKey, type SampleField, type SampleRow, type Score } from './fields';
import { parseCrimeType, parseScore, parseUkDate } from './parse-values';
import type { RawTable } from './table';

export interface SampleError {
  /** Spreadsheet row (the header is row 1). */
  row: number;
  /** The column as the file names it. */
  column: string;
  value: string;
  message: string;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// Header spellings seen in review spreadsheets; matched after lower-casing and dropping punctuation.
const SYNONYMS: Record<SampleField, string[]> = {
  force: ['force', 'police force', 'force name'],
  case_ref: [
    'case ref',
    'case reference',
    'case',
    'case id',
    'case no',
    'case number',
    'reference',
    'ref',
    'file ref',
    'file reference',
    'urn',
  ],
  crime_type: ['crime type', 'crime', 'offence', 'offence type', 'crime category', 'offence category'],
  date_recorded: ['date recorded', 'recorded', 'date', 'recorded date', 'date crime recorded', 'crime date'],
  reviewer: ['reviewer', 'reviewed by', 'inspector', 'assessor', 'scored by'],
  vulnerable_victim: ['vulnerable victim', 'vulnerable', 'victim vulnerable', 'is the victim vulnerable'],
  vulnerability_at_first_contact: [
    'vulnerability identified at first contact',
    'identified at first contact',
    'first contact',
    'vulnerability at first contact',
  ],
  risk_assessment: ['risk assessment completed', 'risk assessment', 'dash completed', 'risk assessed'],
  allocated_appropriately: [
    'allocated to the most appropriate team',
    'allocated appropriately',
    'allocation appropriate',
    'allocated',
    'appropriate team',
  ],
  effective_investigation: ['effective investigation', 'investigation effective', 'effective'],
  supervision_evident: ['supervision evident', 'supervision', 'supervised'],
  victim_kept_updated: ['victim kept updated', 'victim updated', 'kept updated', 'victim kept informed'],
  victim_needs_assessed: ['victim needs assessed', 'needs assessed', 'victim needs assessment'],
  outcome: ['outcome', 'outcome type', 'result'],
  note: ['note', 'notes', 'comment', 'comments'],
};

/** A field for each header the file has, guessed from its name; null where nothing fits. */
export function suggestMapping(headers: string[]): Record<string, SampleField | null> {
  const taken = new Set<SampleField>();
  const out: Record<string, SampleField | null> = {};
  for (const h of headers) {
    const k = norm(h);
    const field = FIELDS.find((f) => !taken.has(f) && (k === f.replace(/_/g, ' ') || SYNONYMS[f].includes(k))) ?? null;
    if (field) taken.add(field);
    out[h] = field;
  }
  return out;
}

export interface ValidateOptions {
  /** The force the sample belongs to, when the file has no force column. */
  force: string;
  /** The file's header → field; by default what suggestMapping guesses. */
  mapping?: Record<string, SampleField | null>;
}

export type ValidateResult = { ok: true; rows: SampleRow[] } | { ok: false; errors: SampleError[] };

const MAX_ERRORS = 500;

/**
 * Checks a whole sample file. All or nothing: any error rejects the file, with every problem
 * listed by row, column, value and what was expected. Cell text is kept as typed: "=…" and "+…"
 * are notes, never formulas.
 */
export function validateSamples(table: RawTable, opts: ValidateOptions): ValidateResult {
  const mapping = opts.mapping ?? suggestMapping(table.headers);
  const errors: SampleError[] = [];
  if (!opts.force.trim() && !Object.values(mapping).includes('force')) {
    return {
      ok: false,
      errors: [{ row: 1, column: '', value: '', message: 'no force: choose the report the sample belongs to, or map a column to Force' }],
    };
  }
  const column = new Map<SampleField, number>();
  table.headers.forEach((h, i) => {
    const f = mapping[h];
    if (!f) return;
    if (column.has(f)) errors.push({ row: 1, column: h, value: h, message: `two columns are mapped to ${FIELD_LABELS[f]}` });
    else column.set(f, i);
  });
  for (const f of REQUIRED_FIELDS) {
    if (!column.has(f))
      errors.push({ row: 1, column: '', value: '', message: `no column for ${FIELD_LABELS[f]}: map one of the file's columns to it` });
  }
  if (errors.length) return { ok: false, errors };
  if (table.rows.length === 0)
    return { ok: false, errors: [{ row: 2, column: '', value: '', message: 'the file has a header row but no case files' }] };

  const rows: SampleRow[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, r) => {
    const rowNo = table.rowNumbers[r] ?? r + 2;
    const cell = (f: SampleField) => (column.has(f) ? (cells[column.get(f) as number] ?? '').trim() : '');
    const header = (f: SampleField) => table.headers[column.get(f) ?? -1] ?? FIELD_LABELS[f];
    const fail = (f: SampleField, message: string) => {
      if (errors.length < MAX_ERRORS) errors.push({ row: rowNo, column: header(f), value: cell(f), message });
    };
    const caseRef = cell('case_ref');
    if (!caseRef) fail('case_ref', 'expected a case reference');
    else if (caseRef.length > 100) fail('case_ref', 'expected a case reference of at most 100 characters');
    const crimeType = parseCrimeType(cell('crime_type'));
    if (!crimeType)
      fail(
        'crime_type',
        'expected one of: theft from person, rape, stalking, harassment, common assault, grievous bodily harm, actual bodily harm',
      );
    const date = parseUkDate(cell('date_recorded'));
    if (!date) fail('date_recorded', 'expected a date such as 03/02/2017 or 3 Feb 2017 (day first)');
    const reviewer = cell('reviewer');
    if (!reviewer) fail('reviewer', "expected the reviewer's name or initials");
    const scores = {} as Record<CriterionKey, Score>;
    for (const c of CRITERIA) {
      const s = parseScore(cell(c.key));
      if (!s) fail(c.key, 'expected Y, N or N/A (Yes, No and Not applicable are fine too)');
      else scores[c.key] = s;
    }
    const force = cell('force') || opts.force;
    const key = `${force}\u0000${caseRef.toLowerCase()}\u0000${reviewer.toLowerCase()}`;
    if (caseRef && reviewer) {
      const first = seen.get(key);
      if (first !== undefined)
        fail('case_ref', `case ${caseRef} was already scored by ${reviewer} on row ${first}; one reviewer scores a file once`);
      else seen.set(key, rowNo);
    }
    if (crimeType && date && caseRef && reviewer && Object.keys(scores).length === CRITERIA.length) {
      rows.push({
        force,
        caseRef,
        crimeType,
        dateRecorded: date,
        reviewer,
        scores,
        outcome: cell('outcome'),
        note: cell('note'),
        sourceRow: rowNo,
      });
    }
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
