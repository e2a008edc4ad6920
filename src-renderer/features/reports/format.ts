const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface Month {
  label: string;
  /** yyyy-mm for <time dateTime>, when the text can be read as a month. */
  dateTime: string | null;
}

/** Reports print their publication date as "March 2018"; ISO dates are shown the same way. */
export function publicationMonth(published: string | null): Month | null {
  if (!published) return null;
  // A corrected date may give the day (src-core/corrections/values.ts parseDate: "27 March 2018").
  const day = /^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$/.exec(published.trim());
  if (day) {
    const index = MONTHS.findIndex((m) => m.toLowerCase() === day[2]?.toLowerCase());
    const dd = String(day[1]).padStart(2, '0');
    if (index >= 0)
      return { label: `${Number(day[1])} ${MONTHS[index]} ${day[3]}`, dateTime: `${day[3]}-${String(index + 1).padStart(2, '0')}-${dd}` };
  }
  const named = /^([A-Za-z]+)\s+(\d{4})$/.exec(published.trim());
  if (named) {
    const index = MONTHS.findIndex((m) => m.toLowerCase() === named[1]?.toLowerCase());
    if (index >= 0) return { label: `${MONTHS[index]} ${named[2]}`, dateTime: `${named[2]}-${String(index + 1).padStart(2, '0')}` };
  }
  const iso = /^(\d{4})-(\d{2})/.exec(published.trim());
  const month = iso ? MONTHS[Number(iso[2]) - 1] : undefined;
  if (iso && month) return { label: `${month} ${iso[1]}`, dateTime: `${iso[1]}-${iso[2]}` };
  return { label: published, dateTime: null };
}

export type GradeTone = 'outstanding' | 'good' | 'adequate' | 'requires-improvement' | 'inadequate' | 'ungraded';

export function gradeTone(grade: string): GradeTone {
  switch (grade) {
    case 'Outstanding':
      return 'outstanding';
    case 'Good':
      return 'good';
    case 'Adequate':
      return 'adequate';
    case 'Requires improvement':
      return 'requires-improvement';
    case 'Inadequate':
      return 'inadequate';
    default:
      return 'ungraded';
  }
}

/** Metric labels taken from running text start mid-sentence ("arrests per 100…"). */
export function sentenceStart(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const KIND_PLURAL: Record<string, string> = {
  'area for improvement': 'areas for improvement',
  'cause of concern': 'causes of concern',
  recommendation: 'recommendations',
};

/** "Areas for improvement (6)", "Causes of concern and recommendations (4)": what the list holds, in the report's words. */
export function areasHeading(areas: readonly { kind: string }[]): string {
  const kinds = [...new Set(areas.map((a) => a.kind))].map((k) => KIND_PLURAL[k] ?? k);
  const words = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}` : (kinds[0] ?? 'areas for improvement');
  return `${sentenceStart(words)} (${areas.length})`;
}
