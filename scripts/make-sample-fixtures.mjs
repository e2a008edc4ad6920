#!/usr/bin/env node
// Builds the case-file review sample fixtures in tests/fixtures/samples/. Deterministic: running it
// twice gives byte-identical files (the ZIP timestamps exceljs writes are pinned).
//
//   node scripts/make-sample-fixtures.mjs [--out DIR]   (DIR defaults to tests/fixtures/samples)
//
// Outputs (all made-up data: case references, reviewers and notes are fictitious):
//   good.csv              20 scorings of 17 case files; UK dates in several spellings, Y/N/Yes/No/N/A,
//                         two reviewers scoring three of the same files, notes beginning "=HYPERLINK(",
//                         "+44", "-" and "@" that must stay text
//   good.xlsx             the same table via exceljs; the "=HYPERLINK(" note is a real formula cell
//                         (with a cached result that must not be read) and one date is a date cell
//   renamed-headers.csv   the same data under other column names, two of which need --map;
//                         UTF-8 BOM and CRLF line ends, as Excel's "CSV UTF-8" saves them
//   bad.csv               one of each validation error (see BAD_ROWS)
//   bom-utf16.csv         good.csv saved as UTF-16 LE with a BOM ("Unicode text"), to be refused
//   bomb.xlsx             a ZIP of ~250 KB whose worksheet part inflates to 256 MB of zeros
//
// Not committed: a > 50 MB file (tests build one in memory).

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? resolve(process.argv[outArg + 1] ?? '') : join(ROOT, 'tests', 'fixtures', 'samples');

const HEADERS = [
  'Case reference',
  'Crime type',
  'Date recorded',
  'Reviewer',
  'Vulnerable victim',
  'Vulnerability identified at first contact',
  'Risk assessment completed',
  'Allocated to the most appropriate team',
  'Effective investigation',
  'Supervision evident',
  'Victim kept updated',
  'Victim needs assessed',
  'Outcome',
  'Note',
];

// Column names as another review team might write them. "Assessed by" and "Team OK?" match no
// known spelling, so importing this file needs --map for them.
const RENAMED = [
  'Case Ref',
  'Offence',
  'Date Recorded',
  'Assessed by',
  'Vulnerable?',
  'First contact',
  'Risk assessed',
  'Team OK?',
  'Investigation effective',
  'Supervised',
  'Kept updated',
  'Needs assessed',
  'Result',
  'Comments',
];

const HYPERLINK_NOTE = '=HYPERLINK("https://records.example.invalid/GW17-0107","case file")';

// prettier-ignore
const GOOD_ROWS = [
  ['GW17-0101', 'Theft from person',   '03/01/2017',  'AB', 'N',   'N/A', 'Y',   'Y',   'Y',   'N',   'Y',   'Y',   'No further action', ''],
  ['GW17-0102', 'Rape',                '3 Feb 2017',  'AB', 'Yes', 'Yes', 'Yes', 'Yes', 'No',  'Yes', 'Yes', 'Yes', 'Under investigation', 'ISVA referral made on day 2'],
  ['GW17-0103', 'Stalking',            '14/02/2017',  'AB', 'Y',   'N',   'Y',   'Y',   'N',   'N',   'N',   'Y',   'Charge', ''],
  ['GW17-0104', 'Harassment',          '2017-01-20',  'AB', 'N',   'N/A', 'N',   'Y',   'Y',   'Y',   'Y',   'N',   'Caution', ''],
  ['GW17-0105', 'Common assault',      '7 March 2017','AB', 'Y',   'Y',   'Y',   'N',   'N',   'N',   'Y',   'Y',   'Victim declined', 'Allocated to response, not CID'],
  ['GW17-0106', 'Grievous bodily harm','28/02/2017',  'AB', 'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Charge', ''],
  ['GW17-0107', 'Actual bodily harm',  '09/03/2017',  'AB', 'N',   'N/A', 'Y',   'Y',   'Y',   'N',   'N',   'N/A', 'Evidential difficulties', HYPERLINK_NOTE],
  ['GW17-0108', 'Theft from person',   '1/2/17',      'AB', 'No',  'N/A', 'No',  'Yes', 'Yes', 'No',  'Yes', 'No',  'No suspect identified', '+44 29 2000 0108 is the OIC desk line'],
  ['GW17-0109', 'Rape',                '15 Jan 2017', 'AB', 'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Charge', ''],
  ['GW17-0110', 'Stalking',            '31/03/2017',  'AB', 'Y',   'Y',   'N',   'Y',   'N',   'N',   'N',   'N',   'Under investigation', '-2 days before first contact: see log'],
  ['GW17-0111', 'Harassment',          '06/01/2017',  'CD', 'N',   'N/A', 'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Community resolution', ''],
  ['GW17-0112', 'Common assault',      '22/01/2017',  'CD', 'N',   'N/A', 'N',   'Y',   'N',   'N',   'N',   'N',   'No further action', '@supervisor asked for review'],
  ['GW17-0113', 'Grievous bodily harm','10/02/2017',  'CD', 'Y',   'N',   'Y',   'Y',   'Y',   'Y',   'N',   'Y',   'Charge', ''],
  ['GW17-0114', 'Actual bodily harm',  '17 Mar 2017', 'CD', 'Y',   'Y',   'Y',   'Y',   'N',   'N',   'Y',   'Y',   'Victim declined', ''],
  ['GW17-0115', 'Theft from person',   '02/03/2017',  'CD', 'N',   'N/A', 'N',   'N',   'N',   'N',   'N',   'N',   'No suspect identified', ''],
  ['GW17-0116', 'Rape',                '25/01/2017',  'CD', 'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Y',   'Under investigation', 'Second review requested'],
  ['GW17-0117', 'Stalking',            '08/02/2017',  'CD', 'Y',   'N',   'N',   'Y',   'N',   'Y',   'N',   'Y',   'Charge', ''],
  // Second scorings of three files by the other reviewer (one disagreement on GW17-0103).
  ['GW17-0102', 'Rape',                '03/02/2017',  'CD', 'Y',   'Y',   'Y',   'Y',   'N',   'Y',   'Y',   'Y',   'Under investigation', ''],
  ['GW17-0103', 'Stalking',            '14/02/2017',  'CD', 'Y',   'N',   'Y',   'Y',   'Y',   'N',   'N',   'Y',   'Charge', 'Investigation adequate in my view'],
  ['GW17-0113', 'Grievous bodily harm','10/02/2017',  'AB', 'Y',   'N',   'Y',   'Y',   'Y',   'Y',   'N',   'Y',   'Charge', ''],
];

// One of each error a reviewer's spreadsheet really has; the row numbers are what the tests expect.
// prettier-ignore
const BAD_ROWS = [
  ['GW17-0201', 'Burglary',            '03/02/2017',  'AB', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Charge', ''], // row 2: not one of the seven crime types
  ['GW17-0202', 'Harassment',          '31/02/2017',  'AB', 'N', 'N/A', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Caution', ''], // row 3: no 31 February
  ['GW17-0203', 'Stalking',            '14/02/2017',  'AB', 'Y', 'maybe', 'Y', 'Y', 'N', 'N', 'N', 'Y', 'Charge', ''], // row 4: not yes/no
  ['',          'Rape',                '15/01/2017',  'AB', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Y', 'Charge', ''], // row 5: no case reference
  ['GW17-0205', 'Common assault',      '22/01/2017',  'CD', 'N', 'N/A', 'N', 'Y', 'N', 'N', 'N', 'N', 'No further action', ''],
  ['GW17-0205', 'Common assault',      '22/01/2017',  'CD', 'N', 'N/A', 'N', 'Y', 'Y', 'N', 'N', 'N', 'No further action', ''], // row 7: scored twice by CD
];

function csvField(s) {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(headers, rows, eol = '\n') {
  return [headers, ...rows].map((r) => r.map(csvField).join(',')).join(eol) + eol;
}

// ---------------------------------------------------------------------------
// ZIP helpers

/** exceljs (through JSZip) stamps every ZIP entry with the current time; pin them to 1 Jan 2018. */
function pinZipTimes(buf) {
  const dosTime = 0;
  const dosDate = ((2018 - 1980) << 9) | (1 << 5) | 1;
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < entries; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    buf.writeUInt16LE(dosTime, at + 12);
    buf.writeUInt16LE(dosDate, at + 14);
    const local = buf.readUInt32LE(at + 42);
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return buf;
}

async function deflateRaw(chunks) {
  const z = createDeflateRaw({ level: 9 });
  const out = [];
  z.on('data', (d) => out.push(d));
  const done = new Promise((res, rej) => {
    z.on('end', res);
    z.on('error', rej);
  });
  for (const c of chunks) if (!z.write(c)) await new Promise((res) => z.once('drain', res));
  z.end();
  await done;
  return Buffer.concat(out);
}

/** A minimal ZIP writer: stored sizes and CRCs are the true ones, so only the size gives it away. */
function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(((2018 - 1980) << 9) | (1 << 5) | 1, 12); // date
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4); // made by
    local.copy(cd, 6, 4, 30); // version needed … name length
    cd.writeUInt16LE(0, 30); // extra
    cd.writeUInt16LE(0, 32); // comment
    cd.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    central.push(cd, name);
    offset += local.length + name.length + e.data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

async function entry(name, chunks) {
  let crc = 0;
  let size = 0;
  for (const c of chunks) {
    crc = crc32(c, crc);
    size += c.length;
  }
  return { name, crc, size, data: await deflateRaw(chunks) };
}

async function zipBomb() {
  const text = (s) => [Buffer.from(s, 'utf8')];
  const mib = Buffer.alloc(1024 * 1024);
  const zeros = Array.from({ length: 256 }, () => mib);
  return zip([
    await entry(
      '[Content_Types].xml',
      text(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    ),
    await entry('xl/worksheets/sheet1.xml', zeros),
  ]);
}

// ---------------------------------------------------------------------------
// XLSX

async function goodXlsx() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'PEEL Workbench fixtures';
  wb.created = new Date(Date.UTC(2018, 0, 1));
  wb.modified = new Date(Date.UTC(2018, 0, 1));
  const ws = wb.addWorksheet('File review');
  ws.addRow(HEADERS);
  for (const r of GOOD_ROWS) ws.addRow(r);
  const dateCol = HEADERS.indexOf('Date recorded') + 1;
  const noteCol = HEADERS.indexOf('Note') + 1;
  // Row 4 of the sheet (GW17-0103, "14/02/2017") as a real date cell.
  const dateCell = ws.getCell(4, dateCol);
  dateCell.value = new Date(Date.UTC(2017, 1, 14));
  dateCell.numFmt = 'dd/mm/yyyy';
  // The "=HYPERLINK(…)" note as a real formula, with a cached result the reader must not use.
  const formulaRow = GOOD_ROWS.findIndex((r) => r[noteCol - 1] === HYPERLINK_NOTE) + 2;
  ws.getCell(formulaRow, noteCol).value = { formula: HYPERLINK_NOTE.slice(1), result: 'case file' };
  // A second sheet that must be ignored: only the first worksheet is the sample.
  wb.addWorksheet('Notes').addRow(['Scored against the 2017 file review criteria']);
  return pinZipTimes(Buffer.from(await wb.xlsx.writeBuffer()));
}

// ---------------------------------------------------------------------------

mkdirSync(OUT, { recursive: true });
const write = (name, data) => {
  writeFileSync(join(OUT, name), data);
  console.log(`wrote ${join(OUT, name)} (${data.length.toLocaleString('en-GB')} bytes)`);
};

const good = csv(HEADERS, GOOD_ROWS);
write('good.csv', good);
write('good.xlsx', await goodXlsx());
write('renamed-headers.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(RENAMED, GOOD_ROWS, '\r\n'), 'utf8')]));
write('bad.csv', csv(HEADERS, BAD_ROWS));
write('bom-utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(good, 'utf16le')]));
write('bomb.xlsx', await zipBomb());
