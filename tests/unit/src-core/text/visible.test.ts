import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLabel, isPlainText, visible, visibleDeep } from '../../../../src-core/text/visible';

// What an analyst sees must be what the text holds: bidi controls, zero-width and other format
// characters, and control characters are written as their code points, everywhere text leaves us.

const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const WALES = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}';
/** The documented exceptions: Cf characters that are always kept (soft hyphen, prepended concatenation marks). */
const ALWAYS_KEPT = [0xad, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6dd, 0x70f, 0x890, 0x891, 0x8e2, 0x110bd, 0x110cd];
/** Kept only in context (tested below): the joiners and the tag characters. */
const IN_CONTEXT = (cp: number) => cp === 0x200c || cp === 0x200d || (cp >= 0xe0001 && cp <= 0xe007f);

describe('visible', () => {
  it('returns ordinary text as the very same string (the fast path), Welsh ŵ and ŷ included', () => {
    for (const s of ['', 'Requires improvement', 'Heddlu Gwent: ŵyr, ŷd, Ŵ, Ŷ – “quoted” — 12%', 'tab\tand\nnewline', '👍 café']) {
      expect(visible(s)).toBe(s);
      expect(isPlainText(s)).toBe(true);
    }
  });

  it('shows every bidi control as its code point: an override cannot reorder a grade', () => {
    for (const c of BIDI) expect(visible(`Good${c}Inadequate`)).toBe(`Good${codePointLabel(c.codePointAt(0) ?? 0)}Inadequate`);
    expect(visible('Outstanding \u202edoog\u202c')).toBe('Outstanding ⟨U+202E⟩doog⟨U+202C⟩');
    expect(visible('a\u2066b\u2069')).toBe('a⟨U+2066⟩b⟨U+2069⟩');
  });

  it('shows C0 controls but tab and line feed, DEL and the C1 controls; CR LF is a line feed, a lone CR is shown', () => {
    expect(visible('nul\u0000 bell\u0007 esc\u001b[31m del\u007f nel\u0085 csi\u009b')).toBe(
      'nul⟨U+0000⟩ bell⟨U+0007⟩ esc⟨U+001B⟩[31m del⟨U+007F⟩ nel⟨U+0085⟩ csi⟨U+009B⟩',
    );
    expect(visible('one\r\ntwo\rthree\ffour\vfive')).toBe('one\ntwo⟨U+000D⟩three⟨U+000C⟩four⟨U+000B⟩five');
  });

  it('covers the whole Cf category the engine knows, but for the documented exceptions', () => {
    const cf = /^\p{Cf}$/u;
    let checked = 0;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (!cf.test(ch) || IN_CONTEXT(cp)) continue;
      checked++;
      const out = visible(`x${ch}y`);
      expect(out, `U+${cp.toString(16)}`).toBe(ALWAYS_KEPT.includes(cp) ? `x${ch}y` : `x${codePointLabel(cp)}y`);
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('keeps a zero-width joiner where it joins: emoji sequences and scripts that use it; shows it elsewhere', () => {
    for (const s of ['👩\u200d💻', '🏳\ufe0f\u200d🌈', '👩🏽\u200d🚒', '❤\ufe0f\u200d🔥', 'क्\u200dष', 'ර්\u200dය']) expect(visible(s)).toBe(s);
    expect(visible('cus\u200dtody')).toBe('cus⟨U+200D⟩tody');
    expect(visible('\u200dstart')).toBe('⟨U+200D⟩start');
    expect(visible('end👩\u200d')).toBe('end👩⟨U+200D⟩');
    expect(visible('👩\u200dx')).toBe('👩⟨U+200D⟩x');
  });

  it('keeps a zero-width non-joiner between letters of a script that uses it (Persian), shows it in Latin text', () => {
    expect(visible('می\u200cخواهم')).toBe('می\u200cخواهم');
    expect(visible('Auf\u200clage')).toBe('Auf⟨U+200C⟩lage');
  });

  it('keeps the tags of a flag (Wales, Scotland) and shows tags hidden anywhere else ("ASCII smuggling")', () => {
    expect(visible(`Heddlu Gwent ${WALES}`)).toBe(`Heddlu Gwent ${WALES}`);
    expect(visible('Good\u{E0049}\u{E0067}\u{E006E}')).toBe('Good⟨U+E0049⟩⟨U+E0067⟩⟨U+E006E⟩');
    // A flag left unterminated is not a flag: its tags are shown.
    expect(visible('\u{1F3F4}\u{E0067}\u{E0062}')).toBe('\u{1F3F4}⟨U+E0067⟩⟨U+E0062⟩');
  });

  it('keeps the soft hyphen and the prepended concatenation marks, which print or only break lines', () => {
    expect(visible('custo\u00addy')).toBe('custo\u00addy');
    expect(visible('\u0601١٢')).toBe('\u0601١٢');
  });

  it('is stable and leaves nothing invisible behind, for any text (property)', () => {
    const risky = fc.constantFrom(
      ...BIDI,
      '\u0000',
      '\u001b',
      '\r',
      '\r\n',
      '\u200b',
      '\u200d',
      '\u200c',
      '\ufeff',
      '\u{E0041}',
      '\u0085',
      '\u00ad',
    );
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }), risky), { maxLength: 12 }).map((a) => a.join(''));
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const leftover = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]/u;
    fc.assert(
      fc.property(text, (s) => {
        const out = visible(s);
        expect(visible(out)).toBe(out);
        expect(leftover.test(out), JSON.stringify(out)).toBe(false);
        // Only the invisible characters changed: taking the markers out gives the text without them.
        const stripped = s.replace(/\r\n/g, '\n').replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\t' || c === '\n' ? c : ''));
        const unmarked = out.replace(/⟨U\+[0-9A-F]{4,6}⟩/g, '').replace(/[\p{Cf}]/gu, '');
        expect(unmarked).toBe(stripped);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('visibleDeep', () => {
  it('makes every string in a plain object or array visible, and copies only what changed', () => {
    const clean = { title: 'Pack', tags: ['a', 'b'], n: 3 };
    const pack = { clean, findings: [{ note: 'ok' }, { note: 'x\u202ey', tags: ['t\u2066'] }], bytes: new Uint8Array([0, 27]) };
    const out = visibleDeep(pack);
    expect(out.findings[1]).toEqual({ note: 'x⟨U+202E⟩y', tags: ['t⟨U+2066⟩'] });
    expect(out).not.toBe(pack);
    expect(out.clean).toBe(clean);
    expect(out.findings[0]).toBe(pack.findings[0]);
    expect(out.bytes).toBe(pack.bytes);
    // The original is left as it was.
    expect(pack.findings[1]?.note).toBe('x\u202ey');
  });

  it('returns a value with nothing to change as the same object', () => {
    const reply = { rows: Array.from({ length: 100 }, (_, i) => ({ id: i, text: `finding ${i}`, note: null })) };
    expect(visibleDeep(reply)).toBe(reply);
  });

  it('leaves class instances alone and stops at depth on a pathological value instead of overflowing', () => {
    const when = new Date(0);
    expect(visibleDeep({ when }).when).toBe(when);
    let deep: unknown = 'x\u202e';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(() => visibleDeep(deep)).not.toThrow();
  });
});
