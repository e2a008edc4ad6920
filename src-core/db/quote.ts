/**
 * A name read from a workspace file (an object in its schema, a migration in its history) as a
 * refusal shows it: in double quotes, on one line, at most `max` characters. The file may be
 * hostile, so control and format characters (a line feed, U+202E) are written as escapes and
 * never reach a terminal or a dialog as themselves.
 */
export function quoted(name: unknown, max = 80): string {
  const text = String(name);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(cut).replace(/[\p{Cf}\u2028\u2029]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}
