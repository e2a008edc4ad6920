/**
 * Which figures an extraction warning is about, and when it still stands: one rule for the Metrics
 * grid (./metrics.ts), the coverage (./coverage.ts), the Reports view (./overview.ts) and so the
 * briefing pack. A "metric-implausible" warning names the place it was read (report, page, line);
 * its figures are the extracted ones read there (a figure the analyst added has no warning). It is
 * settled when every one of them is verified or corrected, or dismissed with a reason; any other
 * warning only by dismissing it. SQL fragments over the given table aliases, no user text in them.
 */
export function figureAtWarning(m: string, w: string): string {
  return `${w}.code = 'metric-implausible' AND ${m}.report_id = ${w}.report_id AND ${m}.added_by IS NULL
    AND ${m}.line = ${w}.line AND coalesce(${m}.page, -1) = coalesce(${w}.page, -1)`;
}

/** An item (a figure, a grade, a report, an area) with a correction of any of its fields: one index probe. */
export function itemCorrected(target: string, alias: string): string {
  return `EXISTS (SELECT 1 FROM corrections c WHERE c.target_type = '${target}' AND c.target_id = ${alias}.id)`;
}

/** A figure corrected by the analyst (a correction outranks a tick). */
export function figureCorrected(m: string): string {
  return itemCorrected('metric', m);
}

/** A figure neither verified nor corrected. */
export function figureUnchecked(m: string): string {
  return `(${m}.verified = 0 AND NOT ${figureCorrected(m)})`;
}

/** The warning `w` still stands. */
export function warningOpen(w: string): string {
  return `(${w}.checked = 0 AND NOT (EXISTS (SELECT 1 FROM metrics fa WHERE ${figureAtWarning('fa', w)})
    AND NOT EXISTS (SELECT 1 FROM metrics fu WHERE ${figureAtWarning('fu', w)} AND ${figureUnchecked('fu')})))`;
}
