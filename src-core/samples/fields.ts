/** The criteria scored for each case file: yes, no or not applicable. */
export const CRITERIA = [
  { key: 'vulnerable_victim', label: 'Vulnerable victim' },
  { key: 'vulnerability_at_first_contact', label: 'Vulnerability identified at first contact' },
  { key: 'risk_assessment', label: 'Risk assessment completed' },
  { key: 'allocated_appropriately', label: 'Allocated to the most appropriate team' },
  { key: 'effective_investigation', label: 'Effective investigation' },
  { key: 'supervision_evident', label: 'Supervision evident' },
  { key: 'victim_kept_updated', label: 'Victim kept updated' },
  { key: 'victim_needs_assessed', label: 'Victim needs assessed' },
] as const;

export type CriterionKey = (typeof CRITERIA)[number]['key'];
export type Score = 'yes' | 'no' | 'n/a';

/** The seven crime types of the 2017 file review (Annex A). */
export const CRIME_TYPES = [
  'theft from person',
  'rape',
  'stalking',
  'harassment',
  'common assault',
  'grievous bodily harm',
  'actual bodily harm',
] as const;
export type CrimeType = (typeof CRIME_TYPES)[number];

export const FIELDS = [
  'force',
  'case_ref',
  'crime_type',
  'date_recorded',
  'reviewer',
  ...CRITERIA.map((c) => c.key),
  'outcome',
  'note',
] as const;
export type SampleField = (typeof FIELDS)[number];
export const REQUIRED_FIELDS: readonly SampleField[] = [
  'case_ref',
  'crime_type',
  'date_recorded',
  'reviewer',
  ...CRITERIA.map((c) => c.key),
];

export const FIELD_LABELS: Record<SampleField, string> = {
  force: 'Force',
  case_ref: 'Case reference',
  crime_type: 'Crime type',
  date_recorded: 'Date recorded',
  reviewer: 'Reviewer',
  ...(Object.fromEntries(CRITERIA.map((c) => [c.key, c.label])) as Record<CriterionKey, string>),
  outcome: 'Outcome',
  note: 'Note',
};

export interface SampleRow {
  force: string;
  caseRef: string;
  crimeType: CrimeType;
  /** ISO date, yyyy-mm-dd. */
  dateRecorded: string;
  reviewer: string;
  scores: Record<CriterionKey, Score>;
  outcome: string;
  note: string;
  /** The row of the source file, for messages. */
  sourceRow: number;
}
