import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_BYTES, readCsvTable, SampleFileError } from '../../../../src-core/samples/table';
import { MAX_SAMPLE_ROWS } from '../../../../src-core/limits';
import type { InflateStream } from '../../../../src-core/samples/xlsx';
import { readXlsxTable as readInWorker } from '../../../../src-renderer/db/adapters/inflate';
import { readSampleBytes } from '../../../../src-main/node/sample-file';
import { nodeInflate, readXlsxTable } from '../../../../src-main/node/xlsx-table';
import { readFixture } from '../../../helpers/seed';

const fixture = (name: string) => readFixture(`tests/fixtures/samples/${name}`);

/** zlib, recording how many parts anything asked it to inflate. */
function spyInflate(): { inflate: InflateStream; inflated: () => number } {
  let inflated = 0;
  return {
    inflate: (data) => {
      inflated++;
      return nodeInflate(data);
    },
    inflated: () => inflated,
  };
}

async function refusal(p: Promise<unknown>): Promise<SampleFileError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SampleFileError);
  return e as SampleFileError;
}

async function workbookBytes(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Sample'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('reading an XLSX sample', () => {
  it('reads good.xlsx exactly as good.csv: formula as "=…" text, date cell as dd/mm/yyyy, second sheet ignored', async () => {
    const csv = readCsvTable('good.csv', fixture('good.csv'));
    const xlsx = await readXlsxTable('good.xlsx', fixture('good.xlsx'));
    expect({ ...xlsx, name: 'good.csv' }).toEqual(csv);
    const note = xlsx.headers.indexOf('Note');
    const date = xlsx.headers.indexOf('Date recorded');
    // The workbook holds a real formula with the cached result "case file"; the text is what was typed.
    expect(xlsx.rows[6]?.[note]).toBe('=HYPERLINK("https://records.example.invalid/GW17-0107","case file")');
    expect(xlsx.rows[2]?.[date]).toBe('14/02/2017');
    expect(xlsx.rows[7]?.[note]).toBe('+44 29 2000 0108 is the OIC desk line');
    expect(xlsx.rowNumbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it("reads the same in the renderer's DB worker, which inflates with DecompressionStream", async () => {
    const node = await readXlsxTable('good.xlsx', fixture('good.xlsx'));
    expect(await readInWorker('good.xlsx', fixture('good.xlsx'))).toEqual(node);
  });

  it('gives every kind of cell as the text the sheet shows, never a computed value', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.getRow(2).values = ['Ref', 'Amount', 'Flag', 'Rich', 'Link', 'Twice', 'Error'];
      ws.getRow(3).values = ['A-1', 0.1, true];
      ws.getCell('D3').value = { richText: [{ text: 'Vulnerable ' }, { text: 'victim', font: { bold: true } }] };
      ws.getCell('E3').value = { text: 'case notes', hyperlink: 'https://records.example.invalid/1' };
      // exceljs's types leave out the shared-formula fields it reads and writes.
      ws.getCell('F3').value = { formula: 'B3*2', shareType: 'shared', ref: 'F3:F4', result: 0.2 } as ExcelJS.CellFormulaValue;
      ws.getCell('G3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
      // Row 5 is left blank: skipped, and the rows after it keep the sheet's numbers.
      ws.getRow(4).values = [447700900123, 12, false];
      ws.getCell('F4').value = { sharedFormula: 'F3', result: 24 };
      ws.getRow(6).values = ['A-3', new Date(Date.UTC(2017, 2, 31, 23, 59, 59))];
      ws.getCell('B6').numFmt = 'dd/mm/yyyy';
      ws.getCell('C6').value = 'merged';
      ws.mergeCells('C6:E6');
    });
    const t = await readXlsxTable('kinds.xlsx', bytes);
    expect(t.headers).toEqual(['Ref', 'Amount', 'Flag', 'Rich', 'Link', 'Twice', 'Error']);
    expect(t.rowNumbers).toEqual([3, 4, 6]);
    expect(t.rows).toEqual([
      ['A-1', '0.1', 'TRUE', 'Vulnerable victim', 'case notes', '=B3*2', '=1/0'],
      // A shared formula's copy is read as its own formula, not the master's or the cached 24.
      ['447700900123', '12', 'FALSE', '', '', '=B4*2', ''],
      // Only the top-left cell of a merged range has the value, as Excel's own CSV export gives it.
      ['A-3', '31/03/2017', 'merged', '', '', '', ''],
    ]);
  });

  it('refuses a zip bomb from its ZIP directory, before anything is inflated', async () => {
    const { inflate, inflated } = spyInflate();
    const e = await refusal(readXlsxTable('bomb.xlsx', fixture('bomb.xlsx'), inflate));
    expect(e.code).toBe('zip-bomb');
    expect(e.message).toBe('bomb.xlsx would inflate to 256 MB from 255 KB; refused as unsafe to open (a "zip bomb")');
    expect(inflated()).toBe(0);
  });

  it('refuses a file over 50 MB without opening it', async () => {
    const { inflate, inflated } = spyInflate();
    const huge = new Uint8Array(MAX_SAMPLE_BYTES + 1);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const e = await refusal(readXlsxTable('huge.xlsx', huge, inflate));
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('huge.xlsx is 50.1 MB; sample files over 50 MB are refused');
    expect(inflated()).toBe(0);
    expect((await refusal(readSampleBytes('huge.csv', huge))).code).toBe('too-large');
  });

  it('refuses a truncated workbook', async () => {
    const good = fixture('good.xlsx');
    const e = await refusal(readXlsxTable('truncated.xlsx', good.slice(0, Math.floor(good.length * 0.6))));
    expect(e.code).toBe('not-a-table');
    expect(e.message).toBe('truncated.xlsx is not an XLSX workbook (no ZIP directory found); save it as .xlsx or .csv');
  });

  it('refuses a damaged workbook whose directory is intact, before any part is read', async () => {
    const damaged = fixture('good.xlsx').slice();
    // Overwrite the compressed bytes of the first part; the ZIP directory at the end is untouched.
    damaged.fill(0xff, 60, 400);
    const e = await refusal(readXlsxTable('damaged.xlsx', damaged));
    expect(['zip-bomb', 'not-a-table']).toContain(e.code);
    expect(e.message).toMatch(
      /^damaged\.xlsx is (damaged or unsafe: a part inflates beyond the size its directory declares|a damaged XLSX workbook)/,
    );
  });

  it('refuses a workbook whose first sheet is blank', async () => {
    const e = await refusal(readXlsxTable('blank.xlsx', await workbookBytes(() => {})));
    expect(e.code).toBe('empty');
    expect(e.message).toBe('blank.xlsx has no header row; expected column names in the first row of its first worksheet');
  });
});

describe('choosing the reader by file name', () => {
  it.each([
    ['good.xlsx renamed .csv', 'good.csv', fixture('good.xlsx'), /^good\.csv is a workbook, not CSV text/],
    ['an old .xls workbook', 'old.xls', fixture('good.csv'), /^old\.xls is an old-style \.xls workbook; save it as \.xlsx/],
    ['another kind of file', 'notes.docx', fixture('good.csv'), /^notes\.docx is not a sample file; expected a \.csv or \.xlsx file/],
    ['UTF-16 text', 'bom-utf16.csv', fixture('bom-utf16.csv'), /^bom-utf16\.csv is UTF-16 text; save it as CSV UTF-8/],
  ])('refuses %s', async (_, name, bytes, message) => {
    expect((await refusal(readSampleBytes(name, bytes))).message).toMatch(message);
  });
});

describe('a zip bomb that lies about its sizes', () => {
  it('is refused while inflating, before any part is read', async () => {
    const bytes = readFixture('tests/fixtures/samples/bomb.xlsx');
    // Rewrite every central-directory entry to declare 1,000 bytes, so the directory check passes.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 <= bytes.length; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1000, true);
    await expect(readXlsxTable('liar.xlsx', bytes)).rejects.toThrow(
      'liar.xlsx is damaged or unsafe: a part inflates beyond the size its directory declares; refused',
    );
  });
});

// ---- the XML of the parts, read by saxes through src-core/samples/xml-stream.ts -----------------

/** A ZIP archive of the given parts, each deflated (or stored): an XLSX whose XML the test writes. */
async function zipOf(parts: Record<string, string>, method: 0 | 8 = 8): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text, { compression: method === 8 ? 'DEFLATE' : 'STORE' });
  return zip.generateAsync({ type: 'uint8array' });
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET = 'xl/worksheets/sheet1.xml';

/** A workbook of one sheet whose XML is `sheet` (a whole document: prolog, root and all). */
function workbookOf(sheet: string, method: 0 | 8 = 8): Promise<Uint8Array> {
  return zipOf(
    {
      '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Sample" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      [SHEET]: sheet,
    },
    method,
  );
}

/** A sheet document around `inside` (rows and whatever else sheetData is to hold), its names prefixed by `p`. */
const sheetOf = (inside: string, p = '', doctype = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${doctype}<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="${MAIN_NS}"><${p}sheetData>${inside}</${p}sheetData></${p}worksheet>`;

const HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>Ref</t></is></c><c r="B1" t="inlineStr"><is><t>Note</t></is></c></row>';

/** Rows 2 and 3 with text that straddles every kind of boundary: multi-byte characters, entities, CDATA, a formula. */
const tricky = (p = '') =>
  `<${p}row r="1"><${p}c r="A1" t="inlineStr"><${p}is><${p}t>Ref</${p}t></${p}is></${p}c><${p}c r="B1" t="inlineStr"><${p}is><${p}t>Note</${p}t></${p}is></${p}c><${p}c r="C1" t="inlineStr"><${p}is><${p}t>Sum</${p}t></${p}is></${p}c></${p}row>` +
  `<${p}row r="2"><${p}c r="A2" t="inlineStr"><${p}is><${p}t>GW-1</${p}t></${p}is></${p}c><${p}c r="B2" t="inlineStr"><${p}is><${p}t xml:space="preserve">Ffion Llŷr 🚓 &lt;&amp;&gt; &#169;&#x1F693;</${p}t></${p}is></${p}c>` +
  `<${p}c r="C2"><${p}f>SUM(A1,&quot;x&quot;)</${p}f><${p}v>3</${p}v></${p}c></${p}row>` +
  `<!-- a comment --><?pi ignored?><${p}row r="3"><${p}c r="A3" t="inlineStr"><${p}is><${p}t><![CDATA[a <b> & c]]></${p}t></${p}is></${p}c><${p}c r="B3"><${p}v>12.5</${p}v></${p}c></${p}row>`;

const TRICKY_TABLE = {
  headers: ['Ref', 'Note', 'Sum'],
  rows: [
    ['GW-1', 'Ffion Llŷr 🚓 <&> ©🚓', '=SUM(A1,"x")'],
    ['a <b> & c', '12.5', ''],
  ],
  rowNumbers: [2, 3],
};

/** zlib's chunks cut into single bytes: every tag, entity and UTF-8 sequence is split somewhere. */
const byteByByte: InflateStream = async function* (data) {
  for await (const chunk of nodeInflate(data)) for (let i = 0; i < chunk.length; i++) yield chunk.subarray(i, i + 1);
};

/** zlib, recording for each part inflated how many bytes the reader took before it stopped. */
function takenInflate(): { inflate: InflateStream; taken: number[] } {
  const taken: number[] = [];
  return {
    taken,
    inflate: async function* (data) {
      const at = taken.push(0) - 1;
      for await (const chunk of nodeInflate(data)) {
        taken[at] = (taken[at] ?? 0) + chunk.length;
        yield chunk;
      }
    },
  };
}

/** Letters that do not compress (a run of one letter would be refused as a zip bomb first). */
function noise(length: number): string {
  let seed = 2017;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out.push(String.fromCharCode(97 + ((seed >>> 16) % 26)));
  }
  return out.join('');
}

const MiB = 1 << 20;

/** One over-long token of each kind, `length` characters, placed between the header row and the end. */
const longToken: [string, (length: number) => string][] = [
  ['a text run', (n) => noise(n)],
  ['an attribute', (n) => `<row r="5" note="${noise(n)}"/>`],
  [
    'a tag of many attributes',
    (n) => `<row r="5"${Array.from({ length: Math.floor(n / 13) }, (_, i) => ` a${String(i).padStart(7, '0')}="1"`).join('')}/>`,
  ],
  ['a comment', (n) => `<!--${noise(n)}-->`],
  ['a CDATA section', (n) => `<![CDATA[${noise(n)}]]>`],
];

describe("reading a workbook's XML", () => {
  it('reads a sheet the same whatever chunks it inflates in, down to single bytes, and as a stored part', async () => {
    const bytes = await workbookOf(sheetOf(tricky()));
    const whole = await readXlsxTable('tricky.xlsx', bytes);
    expect(whole).toEqual({ name: 'tricky.xlsx', ...TRICKY_TABLE });
    expect(await readXlsxTable('tricky.xlsx', bytes, byteByByte)).toEqual(whole);
    expect(await readXlsxTable('tricky.xlsx', await workbookOf(sheetOf(tricky()), 0))).toEqual(whole);
    expect(await readXlsxTable('good.xlsx', fixture('good.xlsx'), byteByByte)).toEqual(
      await readXlsxTable('good.xlsx', fixture('good.xlsx')),
    );
  });

  it('reads element names with a namespace prefix as the same names without one', async () => {
    const prefixed = await readXlsxTable('tricky.xlsx', await workbookOf(sheetOf(tricky('x:'), 'x:')));
    expect(prefixed).toEqual({ name: 'tricky.xlsx', ...TRICKY_TABLE });
  });

  it.each(longToken)('refuses %s longer than 1 MiB as damaged, reading no further; one under 1 MiB is read', async (_, token) => {
    const under = await readXlsxTable('under.xlsx', await workbookOf(sheetOf(`${HEAD}${token(MiB - 4096)}`)));
    expect(under.headers).toEqual(['Ref', 'Note']);

    const { inflate, taken } = takenInflate();
    const sheet = sheetOf(`${HEAD}${token(3 * MiB)}`);
    const e = await refusal(readXlsxTable('long.xlsx', await workbookOf(sheet), inflate));
    expect(e.code).toBe('not-a-table');
    expect(e.message).toBe('long.xlsx is a damaged XLSX workbook (xl/worksheets/sheet1.xml is not XML)');
    // The last part inflated is the sheet: left once 1 MiB had come with nothing read, not held whole.
    expect(sheet.length).toBeGreaterThan(3 * MiB);
    expect(taken.at(-1)).toBeLessThan(MiB + 256 * 1024);
  });

  it('never expands an entity a DOCTYPE declares: a workbook that uses one is refused as damaged', async () => {
    const cell = (text: string) => `<row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row>`;
    const internal = '<!DOCTYPE worksheet [<!ENTITY who "EXPANDED">]>';
    const external = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>';
    for (const [doctype, ref] of [
      [internal, '&who;'],
      [external, '&xxe;'],
    ] as const) {
      const e = await refusal(readXlsxTable('entity.xlsx', await workbookOf(sheetOf(`${HEAD}${cell(ref)}`, '', doctype))));
      expect(e.message).toBe('entity.xlsx is a damaged XLSX workbook (xl/worksheets/sheet1.xml is not XML)');
    }
    // A DOCTYPE alone (an entity bomb declared, never used) is skipped: the sheet reads as it is.
    const laughs = `<!DOCTYPE worksheet [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const t = await readXlsxTable('laughs.xlsx', await workbookOf(sheetOf(`${HEAD}${cell('GW-1 &amp; &#x41;')}`, '', laughs)));
    expect(t.rows).toEqual([['GW-1 & A', '']]);
  });

  it('refuses XML that is not well formed, or nests deep enough to fill memory', async () => {
    const damaged = [
      `${HEAD}<row r="2"><c r="A2"><v>1</v></row>`,
      `${HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>a & b</t></is></c></row>`,
      // 5,000 open elements: saxes keeps a stack of them, so a sheet of nothing else would fill memory.
      `${HEAD}${'<x>'.repeat(5_000)}${'</x>'.repeat(5_000)}`,
    ];
    for (const inside of damaged) {
      const e = await refusal(readXlsxTable('bad.xlsx', await workbookOf(sheetOf(inside))));
      expect(e.message).toBe('bad.xlsx is a damaged XLSX workbook (xl/worksheets/sheet1.xml is not XML)');
    }
  });
});

describe('the limits of a sheet', () => {
  /** A sheet document with `merges` listed after its data, as Excel writes them. */
  const sheetWithMerges = (rows: string, merges: string[]) =>
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData><mergeCells count="${merges.length}">${merges
      .map((m) => `<mergeCell ref="${m}"/>`)
      .join('')}</mergeCells></worksheet>`;
  const rowsOf = (n: number) =>
    HEAD +
    Array.from(
      { length: n },
      (_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>C${i}</t></is></c><c r="B${i + 2}"><v>${i}</v></c></row>`,
    ).join('');

  it('blanks the cells a merged range covers but its first, as Excel’s CSV does', async () => {
    const t = await readXlsxTable('merged.xlsx', await workbookOf(sheetWithMerges(rowsOf(3), ['A2:B2', 'B3:B4'])));
    expect(t.rows).toEqual([
      ['C0', ''],
      ['C1', '1'],
      ['C2', ''],
    ]);
  });

  it('refuses merged ranges that overlap (a hostile A1:ZZZ9999999, many times) at once, rather than walking them for minutes', async () => {
    const hostile = Array.from({ length: 500 }, () => 'A1:ZZZ9999999');
    const e = await refusal(readXlsxTable('merges.xlsx', await workbookOf(sheetWithMerges(rowsOf(2_000), hostile))));
    expect(e.message).toBe('merges.xlsx has merged cells that overlap, which Excel never writes; refused as damaged');
  });

  it('reads a cell in column IV (the 256th); drops a formatted blank past it, as Excel writes them; refuses a value past it', async () => {
    const row2 = (extra: string) =>
      `${HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>C1</t></is></c><c r="IV2" t="inlineStr"><is><t>last</t></is></c>${extra}</row>`;
    const at = await readXlsxTable('iv.xlsx', await workbookOf(sheetOf(row2('<c r="XFD2" s="3"/>'))));
    expect(at.rows[0]?.[255]).toBe('last');
    expect(at.rows[0]).toHaveLength(256);
    const e = await refusal(readXlsxTable('iw.xlsx', await workbookOf(sheetOf(row2('<c r="IW2"><v>7</v></c>')))));
    expect(e.message).toBe('iw.xlsx has a cell in column IW (row 2); sample files of more than 256 columns are refused');
  });

  it('keeps an inline string of a formula cell to that cell: the next inline cell reads only its own text', async () => {
    const sheet = sheetOf(
      `${HEAD}<row r="2"><c r="A2" t="inlineStr"><f>1+1</f><is><t>stale</t></is></c><c r="B2" t="inlineStr"><is><t>own</t></is></c></row>`,
    );
    const t = await readXlsxTable('inline.xlsx', await workbookOf(sheet));
    expect(t.rows).toEqual([['=1+1', 'own']]);
  });

  it('reads 100,000 rows of case files; refuses one more, as soon as it is read', async () => {
    const at = await readXlsxTable('rows.xlsx', await workbookOf(sheetOf(rowsOf(MAX_SAMPLE_ROWS))));
    expect(at.rows).toHaveLength(MAX_SAMPLE_ROWS);
    expect(at.rowNumbers.at(-1)).toBe(MAX_SAMPLE_ROWS + 1);
    const e = await refusal(readXlsxTable('more.xlsx', await workbookOf(sheetOf(rowsOf(MAX_SAMPLE_ROWS + 1)))));
    expect(e.message).toBe(
      'more.xlsx has more than 100,000 rows of case files; sample files past that are refused (split it and import the parts)',
    );
  }, 60_000);
});
