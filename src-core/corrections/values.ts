import { parsePrintedValue } from '../extract/values';
import { GRADES, type Grade, type GradeScale } from '../extract/types';

/**
 * What an analyst types into a correction, read as the report would print it, or refused in words
 * the form can show beside the field. Every parser returns either the value or why not; none throws.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string): Parsed<never> => ({ ok: false, message });

/**
 * A figure as a report prints it: "338", "-16%", "+13%", "0.05", "1,678", or a dash for "no data".
 * The text is kept as typed (trimmed), so the grid shows "13%" where the report does.
 */
export function parseFigure(input: string): Parsed<{ value: number | null; text: string }> {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return no('Enter a number, or a dash (–) where the report gives none.');
  const printed = parsePrintedValue(text);
  if (!printed) return no(`“${text}” is not a number: write it as the report prints it, such as 15, 0.8, 1,678 or -16%.`);
  return ok({ value: printed.value, text: printed.text });
}

/** Text that must say something (a label, a unit, a section): trimmed, one line, not too long. */
export function parseText(input: string, what: string, max = 300): Parsed<string> {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return no(`The ${what} cannot be empty.`);
  if (text.length > max) return no(`The ${what} is ${text.length} characters long; at most ${max} are kept.`);
  return ok(text);
}

/** Longer text that may run over lines (an area for improvement): trimmed, blank lines kept as they are. */
export function parseParagraph(input: string, what: string, max = 4000): Parsed<string> {
  const text = input.trim();
  if (text === '') return no(`The ${what} cannot be empty.`);
  if (text.length > max) return no(`The ${what} is ${text.length} characters long; at most ${max} are kept.`);
  return ok(text);
}

const FOUR_POINT: readonly Grade[] = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate', 'Ungraded', 'Not inspected'];
const FIVE_POINT: readonly Grade[] = ['Outstanding', 'Good', 'Adequate', 'Requires improvement', 'Inadequate', 'Ungraded', 'Not inspected'];

/** The grades a report of this scale can give, in the order a form lists them. */
export function gradesOf(scale: GradeScale): readonly Grade[] {
  return scale === 'five-point' ? FIVE_POINT : FOUR_POINT;
}

/** A grade on the report's own scale: "adequate" is refused for a 2017 report, whose scale has none. */
export function parseGrade(input: string, scale: GradeScale): Parsed<Grade> {
  const key = input.trim().toLowerCase();
  const grade = GRADES.find((g) => g.toLowerCase() === key);
  const allowed = gradesOf(scale);
  const list = allowed.map((g) => g.toLowerCase()).join(', ');
  if (!grade) return no(`“${input.trim()}” is not a grade; this report's scale has ${list}.`);
  if (!allowed.includes(grade)) return no(`“${grade}” is not on this report's ${scale} scale, which has ${list}.`);
  return ok(grade);
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(?:${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})`;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2}) (${MONTH}) (\\d{4})$`, 'i');
const MONTH_YEAR = new RegExp(`^(${MONTH}) (\\d{4})$`, 'i');

function monthIndex(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key));
}

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month && d.getUTCDate() === day;
}

const plausibleYear = (y: number) => y >= 1990 && y <= 2100;

/** "31 March 2017", "March 2017", "2017-03-31": a date, or why it is not one. */
export function parseDate(input: string): Parsed<string> {
  const text = input.trim().replace(/\s+/g, ' ');
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = DAY_MONTH_YEAR.exec(text);
  const my = MONTH_YEAR.exec(text);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
    if (plausibleYear(y) && validDay(y, m, d)) return ok(text);
    return no(`${text} is not a date in the calendar.`);
  }
  if (dmy) {
    const [d, m, y] = [Number(dmy[1]), monthIndex(dmy[2] ?? ''), Number(dmy[3])];
    if (plausibleYear(y) && validDay(y, m, d)) return ok(`${d} ${capital(MONTHS[m] ?? '')} ${y}`);
    return no(`${text} is not a date in the calendar.`);
  }
  if (my) {
    const y = Number(my[2]);
    if (plausibleYear(y)) return ok(`${capital(MONTHS[monthIndex(my[1] ?? '')] ?? '')} ${y}`);
  }
  return no(`“${text}” is not a date: write it as 31 March 2017, March 2017 or 2017-03-31.`);
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An inspection's period as reports name it: "2017", "2018/19", "2021/22", "2023–25". Its first year comes with it. */
export function parseReportPeriod(input: string): Parsed<{ period: string; year: number }> {
  const text = input.trim().replace(/\s+/g, '').replace(/-/g, '–');
  const m = /^(\d{4})(?:([/–])(\d{2}|\d{4}))?$/.exec(text);
  if (!m) return no(`“${input.trim()}” is not a period: write it as 2017, 2018/19 or 2023–25.`);
  const year = Number(m[1]);
  if (!plausibleYear(year)) return no(`${year} is not a year of PEEL inspections.`);
  if (m[3] !== undefined) {
    const end = m[3].length === 2 ? Math.floor(year / 100) * 100 + Number(m[3]) : Number(m[3]);
    if (end <= year || end - year > 3)
      return no(`“${input.trim()}” does not run forward from ${year}: write it as ${year}/${String(year + 1).slice(2)}.`);
  }
  return ok({ period: text, year });
}

/**
 * The period a figure covers, in the words reports use: "12 months to 30 June 2017", "as at 1 July
 * 2017", "year ending March 2017", "2016/17", "2017", "Q2 2017", "1 April 2016 to 31 March 2017",
 * and a change's "… against …". Refused when no part of it names a date or year that parses.
 */
export function parseFigurePeriod(input: string): Parsed<string> {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return no('Enter the period, such as “12 months to 30 June 2017”.');
  const parts = text.split(/ against | compared with | vs\.? /i);
  for (const part of parts) {
    const why = periodPartProblem(part);
    if (why) return no(why);
  }
  return ok(text);
}

function periodPartProblem(part: string): string | null {
  const p = part.trim();
  const bad = `“${p}” is not a period: write it as “12 months to 30 June 2017”, “as at 1 July 2017”, “year ending March 2017”, “2016/17” or “2017”.`;
  const lead = /^(?:(?:the )?(?:12|twelve|3|three|6|six) months (?:to|ending)|(?:the )?year (?:to|ending)|as at|as of|at|on) (.+)$/i.exec(
    p,
  );
  if (lead) return parseDate(lead[1] ?? '').ok ? null : bad;
  const range = /^(?:from )?(.+?) (?:to|until|–|-) (.+)$/i.exec(p);
  if (range && parseDate(range[1] ?? '').ok && parseDate(range[2] ?? '').ok) return null;
  const quarter = /^(?:Q[1-4]|quarter [1-4]) (\d{4}(?:\/\d{2})?)$/i.exec(p);
  if (quarter) return parseReportPeriod(quarter[1] ?? '').ok ? null : bad;
  if (parseReportPeriod(p).ok) return null;
  if (parseDate(p).ok) return null;
  return bad;
}
