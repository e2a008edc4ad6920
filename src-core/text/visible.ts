/**
 * Text that cannot mislead. A report, a note or a workspace from elsewhere can hold characters
 * that print nothing yet change what a reader sees: U+202E (right-to-left override) makes "exe.pdf"
 * read "fdp.exe", U+2066..U+2069 isolate text so a grade reads in another order, a zero-width space
 * splits "custody" so a search misses it, and control bytes (NUL, ESC) can end a string early or
 * drive a terminal. Every export, the screen and the command line pass their text through
 * `visible`, which writes each such character as its code point, e.g. "⟨U+202E⟩".
 *
 * Shown, not removed: an analyst checks what a pack says against the report, and a quote that
 * silently lost characters would no longer be the report's words, while two different strings
 * would look the same. The marker says that something was there and exactly what.
 *
 * The set is Unicode's Cc (control) and Cf (format) categories, as the JavaScript engine knows
 * them, except:
 *  - tab and line feed: the layout of ordinary text; a CR LF pair becomes a line feed (the same
 *    line break), a lone CR is shown (a terminal would return to the start of the line with it);
 *  - U+00AD soft hyphen: a line-break hint, shown as a hyphen where the line breaks and otherwise
 *    nothing; it reorders and hides nothing, and reports converted from PDF or HTML contain it;
 *  - the prepended concatenation marks (U+0600..U+0605, U+06DD, U+070F, U+0890, U+0891, U+08E2,
 *    U+110BD, U+110CD): Cf, but printed as visible signs over the digits that follow;
 *  - U+200D zero-width joiner where it joins: inside an emoji sequence (👩‍💻, 🏳️‍🌈) and between
 *    two letters of a script that uses it (Devanagari, Bengali, Sinhala, Arabic…); between Latin
 *    letters, at the start or the end it joins nothing and is shown;
 *  - U+200C zero-width non-joiner between two such letters (Persian, the Indic scripts);
 *  - tag characters (U+E0020..U+E007F) inside a well-formed emoji tag sequence, which is how the
 *    flags of Wales, Scotland and England are written (🏴 + "gbwls" in tags + cancel tag); tags
 *    anywhere else are hidden text, the "ASCII smuggling" trick, and are shown.
 * Welsh ŵ and ŷ are ordinary letters (Ll) and never in the set.
 */

/** Everything that may need replacing (a superset, exceptions included): one test decides the fast path. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CANDIDATE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/u;

/**
 * The replacement pass: a whole emoji tag sequence (kept as it is), a CR LF pair, or one candidate.
 * Tag sequences come first so that the tags inside one are never taken one by one.
 */
const PASS =
  // eslint-disable-next-line no-control-regex -- as above
  /\u{1F3F4}[\u{E0030}-\u{E0039}\u{E0061}-\u{E007A}]{1,30}\u{E007F}|\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\p{Cf}]/gu;

/** Cf characters that print as visible signs, or only as a hyphen at a line break. */
const ALWAYS_KEPT = /^[\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u{110bd}\u{110cd}]$/u;

/** A letter or mark of a script where joiners have a meaning (not Latin, Greek, Cyrillic or common punctuation). */
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const NON_JOINING_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}\p{Script=Inherited}]$/u;
/** What may stand before the joiner of an emoji ZWJ sequence: a pictograph, its emoji presentation selector, a skin tone. */
const EMOJI_BEFORE_ZWJ = /^(?:\p{Extended_Pictographic}|\u{FE0F}|[\u{1F3FB}-\u{1F3FF}])$/u;
const EMOJI = /^\p{Extended_Pictographic}$/u;

const ZWNJ = '\u200c';
const ZWJ = '\u200d';

/** The visible form of one code point: "⟨U+202E⟩", at least four hex digits, upper case. */
export function codePointLabel(cp: number): string {
  return `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** True when the text holds nothing `visible` would change: the fast path, one regex test. */
export function isPlainText(text: string): boolean {
  return !CANDIDATE.test(text);
}

/**
 * The text with every invisible control or format character written as its code point
 * ("⟨U+202E⟩"), under the rules above. Text with none comes back as the same string, after one
 * regex test, so calling this on every cell of a 300,000-row grid costs little.
 */
export function visible(text: string): string {
  if (!CANDIDATE.test(text)) return text;
  return text.replace(PASS, (match: string, offset: number, whole: string) => {
    if (match === '\r\n') return '\n';
    if (match.length > 2) return match; // a whole emoji tag sequence (one candidate is at most 2 code units)
    if (ALWAYS_KEPT.test(match)) return match;
    if ((match === ZWJ || match === ZWNJ) && joins(match, whole, offset)) return match;
    return codePointLabel(match.codePointAt(0) ?? 0);
  });
}

/** Whether the joiner at `offset` stands where it has a meaning (see the module comment). */
function joins(joiner: string, text: string, offset: number): boolean {
  const before = codePointBefore(text, offset);
  const after = codePointAt(text, offset + joiner.length);
  if (before === '' || after === '') return false;
  if (joiner === ZWJ && EMOJI_BEFORE_ZWJ.test(before) && EMOJI.test(after)) return true;
  return isJoiningLetter(before) && isJoiningLetter(after);
}

function isJoiningLetter(ch: string): boolean {
  return JOINING_LETTER.test(ch) && !NON_JOINING_SCRIPT.test(ch);
}

function codePointAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const last = text.charCodeAt(index - 1);
  // The second half of a surrogate pair: the code point starts one unit earlier.
  if (last >= 0xdc00 && last <= 0xdfff && index >= 2) {
    const first = text.charCodeAt(index - 2);
    if (first >= 0xd800 && first <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

/**
 * A value with every string inside it made visible: strings, arrays and plain objects are walked;
 * anything else (numbers, bytes, dates) is returned as it is. Nothing is copied unless something
 * changed, so a pack or a reply without such characters comes back as the very same object.
 */
export function visibleDeep<T>(value: T): T {
  return walk(value, 0) as T;
}

/** Deeper than any pack or reply we build; a cycle or a pathological value stops here instead of overflowing the stack. */
const MAX_DEPTH = 64;

function walk(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return visible(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const next = walk(item, depth + 1);
      if (next !== item) {
        out ??= value.slice();
        out[i] = next;
      }
    }
    return out ?? value;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  let out: Record<string, unknown> | null = null;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    const next = walk(item, depth + 1);
    if (next !== item) {
      out ??= { ...record };
      out[key] = next;
    }
  }
  return out ?? value;
}
