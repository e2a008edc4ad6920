const STAMP = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO time as the analyst reads it ("27 Nov 2026, 09:30", local time); the raw text if it is not a date. */
export function whenText(at: string): string {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? at : STAMP.format(d);
}

/** "Analyst, 27 Nov 2026, 09:30" — who ticked something off and when, for the audit-minded reader. */
export function whoWhen(by: string | null, at: string | null): string {
  const when = at ? whenText(at) : null;
  return [by, when].filter((p): p is string => !!p).join(', ');
}
