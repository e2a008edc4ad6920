// The largest inputs each importer and writer accepts, generated (deterministic, clearly synthetic)
// for bench/bounds.ts and for the limit tests: a report of plain words, a review sample as CSV and
// as XLSX, and a workspace with findings marked for the brief.
//   tsx bench/gen-inputs.ts report <out.md|out.txt|out.html> <MB> [lines|paragraphs|sentences|one-line]
//   tsx bench/gen-inputs.ts report <out.pdf> <pages>
//   tsx bench/gen-inputs.ts sample <out.csv|out.xlsx> <MB> [rows]
//   tsx bench/gen-inputs.ts pack <out.sqlite> <findings>
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { escapeHtml } from '../src-core/brief/escape';
import { CRIME_TYPES, CRITERIA } from '../src-core/samples/fields';
import { readMigrations } from '../src-main/node/migrations-fs';
import { loadSqlEngine } from '../src-main/node/sqljs';
import { generateLarge, prng, SEED_REPORT } from './gen-large';

const WORDS = [
  'the',
  'force',
  'police',
  'victims',
  'crime',
  'officers',
  'should',
  'improve',
  'and',
  'of',
  'to',
  'in',
  'its',
  'vulnerable',
  'people',
  'understanding',
  'neighbourhood',
  'investigations',
  'supervision',
  'partners',
];

/**
 * How the words are laid out: "lines" wraps them at 80 characters with no blank line (one endless
 * paragraph in Markdown, lines of a page in text), "paragraphs" sets 600-character paragraphs that
 * end without a full stop (so each carries on into the next), "sentences" sets 600-character
 * paragraphs of full sentences (each one a finding: the largest report the extractor accepts),
 * "wrapped" sets the same paragraphs wrapped at 80 characters (as pdftotext writes a report: the
 * most lines, so the most objects, for the size), "one-line" writes them all on a single line.
 */
export type ReportShape = 'lines' | 'paragraphs' | 'sentences' | 'wrapped' | 'one-line';

/** The seed's Markdown as a web page: headings as headings, every other line a paragraph. */
function seedAsHtml(md: string): string {
  const body = md
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const h = /^(#{1,6})\s+(.*)$/.exec(l);
      return h ? `<h${h[1]?.length}>${escapeHtml(h[2] ?? '')}</h${h[1]?.length}>` : `<p>${escapeHtml(l)}</p>`;
    });
  return `<!DOCTYPE html><html><head><title>PEEL</title></head><body>\n${body.join('\n')}\n`;
}

/** Words in lines of at most `width` characters. */
function wrap(words: string[], width: number): string {
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    if (cur && cur.length + 1 + w.length > width) {
      lines.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  if (cur) lines.push(cur);
  return lines.join('\n');
}

/** The seed report followed by `bytes` worth of plain words in its last section. */
export async function wordsReport(bytes: number, shape: ReportShape, format: 'md' | 'txt' | 'html' = 'md'): Promise<Uint8Array> {
  const seedFile = format === 'txt' ? path.resolve(import.meta.dirname, '../tests/fixtures/gwent-2017.txt') : SEED_REPORT;
  const seed = format === 'html' ? seedAsHtml(await readFile(seedFile, 'utf8')) : await readFile(seedFile, 'utf8');
  const random = prng(45);
  const parts: string[] = [seed, '\n\n'];
  let length = seed.length + 2;
  let line: string[] = [];
  let lineLength = 0;
  const width = shape === 'one-line' ? Number.POSITIVE_INFINITY : shape === 'lines' ? 80 : 600;
  let sentence = 0;
  while (length < bytes) {
    let word = WORDS[Math.floor(random() * WORDS.length)] as string;
    if (shape === 'sentences' || shape === 'wrapped') {
      if (sentence === 0) word = word[0]?.toUpperCase() + word.slice(1);
      if (++sentence === 12) {
        word += '.';
        sentence = 0;
      }
    }
    line.push(word);
    lineLength += word.length + 1;
    if (lineLength >= width || length + lineLength >= bytes) {
      const end = shape === 'lines' || shape === 'one-line' ? '\n' : '\n\n';
      // A paragraph of sentences ends with one: it stays a paragraph of its own.
      if ((shape === 'sentences' || shape === 'wrapped') && sentence > 0) {
        line.push(`${line.pop() ?? ''}.`);
        sentence = 0;
      }
      const words = shape === 'wrapped' ? wrap(line, 80) : line.join(' ');
      const text = format === 'html' ? `<p>${words}</p>` : words;
      parts.push(text, end);
      length += text.length + end.length;
      line = [];
      lineLength = 0;
    }
  }
  if (format === 'html') parts.push('</body></html>\n');
  return new TextEncoder().encode(parts.join(''));
}

/**
 * A report PDF of `pages` pages: the seed's text, then pages of words each set as a run of its own
 * (what makes a PDF's text runs many and its file large: about 50 KB a page, uncompressed).
 */
export async function wordsPdf(file: string, pages: number): Promise<void> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 50, compress: false, autoFirstPage: false });
  const out = createWriteStream(file);
  doc.pipe(out);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const seed = (await readFile(SEED_REPORT, 'utf8')).split('\n').filter((l) => l.trim() && !l.startsWith('<'));
  const random = prng(45);
  let seedLine = 0;
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    doc.font('Helvetica').fontSize(8);
    if (seedLine < seed.length) {
      for (let y = 50; y < 780 && seedLine < seed.length; y += 11)
        doc.text((seed[seedLine++] ?? '').replace(/[#*]/g, '').slice(0, 110), 50, y, { lineBreak: false });
      continue;
    }
    for (let y = 50; y < 780; y += 24) {
      let x = 50;
      for (;;) {
        const word = WORDS[Math.floor(random() * WORDS.length)] as string;
        const w = doc.widthOfString(word);
        if (x + w > 545) break;
        doc.text(word, x, y, { lineBreak: false });
        x += w + 3;
      }
    }
  }
  doc.end();
  await done;
}

const HEADER = ['Force', 'Case reference', 'Crime type', 'Date recorded', 'Reviewer', ...CRITERIA.map((c) => c.label), 'Outcome', 'Note'];

/** One valid review-sample row: a case scored by one reviewer, with a note of `noteLength` characters. */
function sampleRow(i: number, random: () => number, noteLength: number): string[] {
  const yn = () => (random() < 0.7 ? 'Y' : random() < 0.5 ? 'N' : 'N/A');
  const day = 1 + Math.floor(random() * 28);
  const month = 1 + Math.floor(random() * 12);
  let note = '';
  while (note.length < noteLength) note += `${WORDS[Math.floor(random() * WORDS.length)]} `;
  return [
    'Synthetic Constabulary',
    `SYN-${String(i).padStart(7, '0')}`,
    CRIME_TYPES[Math.floor(random() * CRIME_TYPES.length)] as string,
    `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2017`,
    `Reviewer ${String.fromCharCode(65 + (i % 26))}`,
    ...CRITERIA.map(() => yn()),
    random() < 0.5 ? 'Charged' : 'No further action',
    note.trim(),
  ];
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A CSV review sample of about `bytes` bytes in `rows` rows (the notes are as long as it takes). */
export async function sampleCsv(file: string, bytes: number, rows: number): Promise<void> {
  const random = prng(2017);
  const perRow = Math.max(0, Math.floor(bytes / rows) - 130);
  const out = createWriteStream(file);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(`${HEADER.map(csvCell).join(',')}\n`);
  for (let i = 1; i <= rows; i++) await write(`${sampleRow(i, random, perRow).map(csvCell).join(',')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

const column = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : column(Math.floor(n / 26) - 1) + column(n % 26));

/**
 * An XLSX review sample whose sheet inflates to about `inflated` bytes in `rows` rows, strings
 * inline (as exports from case systems write them), the date as a date-formatted number.
 */
export async function sampleXlsx(file: string, inflated: number, rows: number): Promise<void> {
  const random = prng(2017);
  const perRow = Math.max(0, Math.floor(inflated / rows) - 900);
  const enc = new TextEncoder();
  const sheet: Uint8Array[] = [
    enc.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  ];
  const row = (r: number, cells: string[]) =>
    `<row r="${r}">${cells
      .map((v, c) =>
        c === 3 && r > 1
          ? `<c r="${column(c)}${r}" s="1"><v>${serial(v)}</v></c>`
          : `<c r="${column(c)}${r}" t="inlineStr"><is><t>${escapeHtml(v)}</t></is></c>`,
      )
      .join('')}</row>`;
  sheet.push(enc.encode(row(1, HEADER)));
  let batch: string[] = [];
  for (let i = 1; i <= rows; i++) {
    batch.push(row(i + 1, sampleRow(i, random, perRow)));
    if (batch.length === 1000) {
      sheet.push(enc.encode(batch.join('')));
      batch = [];
    }
  }
  sheet.push(enc.encode(`${batch.join('')}</sheetData></worksheet>`));
  const text = (s: string) => [enc.encode(s)];
  const parts: { name: string; data: Uint8Array[] }[] = [
    {
      name: '[Content_Types].xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sample" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/styles.xml',
      data: text(
        '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
  const zip = new JSZip();
  for (const p of parts) zip.file(p.name, Buffer.concat(p.data), { compression: 'DEFLATE', compressionOptions: { level: 6 } });
  await writeFile(file, await zip.generateAsync({ type: 'uint8array' }));
}

/** dd/mm/yyyy as an Excel serial day number (1900 date system). */
function serial(ukDate: string): number {
  const [d, m, y] = ukDate.split('/').map(Number);
  return Date.UTC(y ?? 2017, (m ?? 1) - 1, d ?? 1) / 86400000 + 25569;
}

/**
 * A workspace of generated reports (bench/gen-large.ts) with exactly `findings` findings marked
 * include-in-brief, each with a short analyst's note: what `brief` turns into a pack that size.
 */
export async function packWorkspace(findings: number): Promise<{ bytes: Uint8Array; reports: number }> {
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  // About 300 findings a generated report.
  const reports = Math.max(1, Math.ceil(findings / 250));
  const { db } = await generateLarge(engine, migrations, { reports, seed: 2017, annotatedShare: 0 });
  try {
    const stamp = '2025-01-01T00:00:00.000Z';
    db.exec('BEGIN');
    db.run(
      `INSERT INTO annotations (target_type, target_id, status, tags, rag, note, include_in_brief, author, created_at, updated_at)
       SELECT 'finding', id, 'reviewed', '["brief"]', 'amber', 'Synthetic analyst note for the pack: check this against the force plan.', 1,
              'Synthetic analyst', ?, ? FROM findings ORDER BY id LIMIT ?`,
      [stamp, stamp, findings],
    );
    db.exec('COMMIT');
    const marked = Number(db.exec('SELECT count(*) FROM annotations WHERE include_in_brief = 1')[0]?.values[0]?.[0]);
    if (marked !== findings) throw new Error(`only ${marked} findings could be marked; generate more reports`);
    return { bytes: db.export(), reports };
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const [what, out, size, extra] = process.argv.slice(2);
  if (!what || !out || !size) throw new Error('usage: see the head of bench/gen-inputs.ts');
  const mb = Number(size) * 1024 * 1024;
  if (what === 'report' && out.endsWith('.pdf')) {
    await wordsPdf(out, Number(size));
  } else if (what === 'report') {
    const format = out.endsWith('.txt') ? 'txt' : out.endsWith('.html') ? 'html' : 'md';
    await writeFile(out, await wordsReport(mb, (extra as ReportShape | undefined) ?? 'lines', format));
  } else if (what === 'sample') {
    const rows = Number(extra ?? 100_000);
    if (out.endsWith('.xlsx')) await sampleXlsx(out, mb, rows);
    else await sampleCsv(out, mb, rows);
  } else if (what === 'pack') {
    const { bytes } = await packWorkspace(Number(size));
    await writeFile(out, bytes);
  } else throw new Error(`unknown input "${what}"`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
