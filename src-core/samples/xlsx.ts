import { count, MAX_SAMPLE_BYTES, MAX_SAMPLE_COLUMNS, MAX_SAMPLE_INFLATED_BYTES, MAX_SAMPLE_ROWS } from '../limits';
import {
  checkZipInflation,
  checkZipReallyInflates,
  countChunks,
  SampleFileError,
  tooManyRows,
  zipPartStart,
  type RawTable,
  type ZipEntry,
} from './table';
import { stringCopier } from '../text/copy';
import { decodeXml, NotXml, XmlStream, type XmlEvents } from './xml-stream';

/**
 * The first worksheet of an XLSX workbook, every cell as the text the sheet shows, read as a
 * stream: each part is inflated a chunk at a time and its XML read as it comes (by saxes, through
 * xml-stream.ts, which bounds what it may hold), so memory holds the cells, never the workbook's
 * 200 MB of XML nor a tree of it (exceljs's reader took 3.3 GB for a 21 MB workbook). Node and the
 * DB worker give the inflater (zlib, DecompressionStream); the reading is the same in both.
 *
 * What a cell gives, as exceljs gave it before: a formula as "=…" (a shared formula's copy as its
 * own, translated; never evaluated, nor its cached result used), a date-formatted number as
 * dd/mm/yyyy, TRUE/FALSE, an error's code, rich text joined, and only the top-left cell of a merged
 * range has a value.
 */

/** Inflates raw deflate data a chunk at a time. */
export type InflateStream = (data: Uint8Array) => AsyncIterable<Uint8Array>;

/** An Excel cell holds at most 32,767 characters; one longer is no workbook's. */
const MAX_CELL = 32_767;

/** How much of a stored (uncompressed) part is decoded at once, as zlib's chunks are for a deflated one. */
const STORED_PIECE = 1 << 16;

interface Part {
  entry: ZipEntry;
  path: string;
}

class PartReader {
  /** What is left of the inflation budget, for every part read. */
  private budget = MAX_SAMPLE_INFLATED_BYTES;
  private readonly parts = new Map<string, ZipEntry>();

  constructor(
    private readonly name: string,
    private readonly bytes: Uint8Array,
    private readonly inflate: InflateStream,
  ) {
    for (const e of checkZipInflation(name, bytes, { maxTotal: MAX_SAMPLE_INFLATED_BYTES })) this.parts.set(e.name.toLowerCase(), e);
  }

  find(path: string): Part | null {
    const clean = path.replace(/^\/+/, '');
    const entry = this.parts.get(clean.toLowerCase());
    return entry ? { entry, path: clean } : null;
  }

  /** Reads a part's XML into `events`, inflating it a chunk at a time within the budget. */
  async read(part: Part, events: XmlEvents): Promise<void> {
    const { entry } = part;
    const start = zipPartStart(this.name, this.bytes, entry);
    const data = this.bytes.subarray(start, start + entry.compressed);
    const xml = new XmlStream(events);
    const decoder = new TextDecoder('utf-8');
    let size = 0;
    const take = (chunk: Uint8Array) => {
      size += chunk.byteLength;
      this.budget -= chunk.byteLength;
      if (size > entry.size) {
        throw new SampleFileError(
          'zip-bomb',
          `${this.name} is damaged or unsafe: a part inflates beyond the size its directory declares; refused`,
        );
      }
      if (this.budget < 0) {
        throw new SampleFileError(
          'zip-bomb',
          `${this.name} inflates past ${Math.round(MAX_SAMPLE_INFLATED_BYTES / 1048576)} MB; refused as unsafe to open (a "zip bomb")`,
        );
      }
      xml.write(decoder.decode(chunk, { stream: true }));
    };
    try {
      // A stored part is decoded a piece at a time too: never one string of the whole part.
      if (entry.method === 0) for (let at = 0; at < data.length; at += STORED_PIECE) take(data.subarray(at, at + STORED_PIECE));
      else if (entry.method === 8) for await (const chunk of this.inflate(data)) take(chunk);
      else throw new SampleFileError('not-a-table', `${this.name} uses a compression XLSX files do not use (method ${entry.method})`);
      xml.write(decoder.decode());
      xml.end();
    } catch (e) {
      if (e instanceof SampleFileError) throw e;
      if (e instanceof NotXml)
        throw new SampleFileError('not-a-table', `${this.name} is a damaged XLSX workbook (${part.path} is not XML)`);
      throw new SampleFileError('not-a-table', `${this.name} is a damaged XLSX workbook (${part.path} does not decompress)`);
    }
  }
}

/** The directory a part's relationships are resolved against, and where its .rels part is. */
function relsOf(path: string): { dir: string; rels: string } {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash + 1);
  return { dir, rels: `${dir}_rels/${path.slice(slash + 1)}.rels` };
}

function resolvePath(dir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = dir.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

interface Relationship {
  type: string;
  target: string;
}

async function readRels(reader: PartReader, path: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const part = reader.find(path);
  if (!part) return rels;
  const dir = relsOf(path).dir.replace(/_rels\/$/, '');
  await reader.read(part, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) rels.set(a.Id, { type: a.Type ?? '', target: resolvePath(dir, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

const ofType = (rels: Map<string, Relationship>, type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`));

/** Collects the text of <t> elements (directly or in rich-text runs), leaving out phonetic runs. */
class TextCollector {
  private parts: string[] = [];
  private length = 0;
  private inT = false;
  private phonetic = 0;
  /** Whether the text came in rich-text runs (<r>). */
  rich = false;
  constructor(private readonly tooLong: () => never) {}
  open(name: string): void {
    if (name === 'rPh') this.phonetic++;
    else if (name === 'r') this.rich = true;
    else if (name === 't' && this.phonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.phonetic--;
    else if (name === 't') this.inT = false;
  }
  text(text: string): void {
    if (!this.inT) return;
    this.length += text.length;
    if (this.length > MAX_CELL * 8) this.tooLong();
    this.parts.push(text);
  }
  take(): string {
    const s = this.parts.join('');
    this.parts = [];
    this.length = 0;
    this.rich = false;
    return s;
  }
}

/** Excel's escapes for characters XML cannot hold ("_x000D_"), as exceljs read them in strings. */
const unescapeOoxml = (s: string) =>
  s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;

async function readSharedStrings(reader: PartReader, path: string | undefined, name: string): Promise<string[]> {
  const part = path ? reader.find(path) : null;
  const strings: string[] = [];
  if (!part) return strings;
  // Each string copied out of the chunk of XML it was read from (text/copy.ts): a slice would keep the chunk alive.
  const own = stringCopier();
  const collect = new TextCollector(() => {
    throw new SampleFileError('not-a-table', `${name} has a text longer than ${count(MAX_CELL)} characters, Excel's limit for a cell`);
  });
  await reader.read(part, {
    open: (tag) => collect.open(tag),
    close(tag) {
      collect.close(tag);
      if (tag === 'si') strings.push(own(unescapeOoxml(collect.take())));
    },
    text: (text) => collect.text(text),
  });
  return strings;
}

/** exceljs's built-in number formats that show dates and times (ids 14–22, 45–47). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format shows a date or time when, outside quotes and brackets, it has y, m, d, h, s or b. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (its s attribute), whether it shows a number as a date. */
async function readDateStyles(reader: PartReader, path: string | undefined): Promise<boolean[]> {
  const part = path ? reader.find(path) : null;
  const dates: boolean[] = [];
  if (!part) return dates;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await reader.read(part, {
    open(tag, a) {
      if (tag === 'numFmt' && a.numFmtId) custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (tag === 'cellXfs') inCellXfs = true;
      else if (tag === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(tag) {
      if (tag === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  for (const id of xfs) {
    const code = custom.get(id);
    dates.push(id !== 0 && (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)));
  }
  return dates;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date serial as the sheet shows it under a day-first date format: dd/mm/yyyy at the wall-clock
 * time the serial stands for (the time of day dropped, as a dd/mm/yyyy format drops it).
 */
function ukDate(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  if (Number.isNaN(d.getTime())) return 'invalid date';
  return `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** "AB12" → column 28, row 12; null if it is no cell address. */
function decodeAddress(ref: string): { col: number; row: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] ?? '').toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * A shared formula as it reads in another cell of its range: relative references moved by the
 * offset between the two cells, absolute ($) parts kept (the rule exceljs and Excel apply).
 */
export function slideFormula(formula: string, from: string, to: string): string {
  const a = decodeAddress(from);
  const b = decodeAddress(to);
  if (!a || !b) return formula;
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (whole, sheet: string | undefined, _s, ref: string, paren) => {
    if (paren) return whole;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(ref);
    if (!m) return whole;
    const letters = (m[2] ?? '').toUpperCase();
    if (letters.length > 3 || (letters.length === 3 && letters > 'XFD')) return whole;
    let col = decodeAddress(`${letters}1`)?.col ?? 0;
    let row = Number(m[4]);
    if (!m[1]) col += b.col - a.col;
    if (!m[3]) row += b.row - a.row;
    return `${sheet ?? ''}${m[1] ?? ''}${columnName(col)}${m[3] ?? ''}${row}`;
  });
}

interface CellState {
  ref: string;
  col: number;
  type: string;
  dateStyle: boolean;
  formula: string | null;
  shared: { si: string; master: boolean } | null;
  value: string[];
  /** Characters of formula and value text read so far. */
  length: number;
  inline: boolean;
}

/** The rows of a sheet, as the sheet numbers them, each cell's text by column (1-based, sparse). */
interface SheetRow {
  row: number;
  cells: string[];
}

/**
 * Reads the sheet's rows, streaming: each cell is turned into its text as its element closes.
 * Merged ranges (listed after the rows) are applied at the end.
 */
async function readSheetRows(
  reader: PartReader,
  part: Part,
  ctx: { name: string; strings: string[]; dateStyles: boolean[]; date1904: boolean },
): Promise<SheetRow[]> {
  const { name } = ctx;
  // Each cell's text copied out of the chunk of XML it was read from (text/copy.ts): a slice would keep every chunk alive.
  const own = stringCopier();
  const rows: SheetRow[] = [];
  const masters = new Map<string, { formula: string; ref: string }>();
  const merges: string[] = [];
  let kept = 0;
  // Characters held in cells: a workbook holds no more text than a CSV sample may be.
  let held = 0;
  let row: SheetRow | null = null;
  let nextRow = 1;
  let nextCol = 1;
  let cell: CellState | null = null;
  let field: 'f' | 'v' | null = null;
  const where = () => `${name}, ${cell?.ref || `row ${row?.row ?? nextRow}`}`;
  const inline = new TextCollector(() => {
    throw new SampleFileError('not-a-table', `${where()}: a cell longer than ${count(MAX_CELL)} characters, Excel's limit; refused`);
  });
  const textOf = (c: CellState): string => {
    // Taken whatever the cell turns out to be, so that none of it is left for the next inline cell.
    const rich = c.inline && inline.rich;
    const inlineText = c.inline ? inline.take() : '';
    if (c.shared && !c.shared.master) {
      const master = masters.get(c.shared.si);
      return master ? `=${slideFormula(master.formula, master.ref, c.ref)}` : '';
    }
    // A formula cell is its formula, or nothing: never its cached result.
    if (c.formula !== null) return c.formula ? `=${c.formula}` : '';
    // Plain inline text is taken as written; rich runs have Excel's escapes read (as exceljs did).
    if (c.inline) return rich ? unescapeOoxml(inlineText) : inlineText;
    const v = c.value.join('');
    if (v === '') return '';
    switch (c.type) {
      case 's': {
        const s = ctx.strings[parseInt(v, 10)];
        return s ?? '';
      }
      // A formula's string result, decoded twice as exceljs did (the text is XML-escaped once more).
      case 'str':
        return decodeXml(v);
      case 'inlineStr':
        return v;
      case 'b':
        return parseInt(v, 10) !== 0 ? 'TRUE' : 'FALSE';
      case 'e':
        return v;
      default: {
        const n = parseFloat(v);
        if (Number.isNaN(n)) return 'NaN';
        return c.dateStyle ? ukDate(n, ctx.date1904) : String(n);
      }
    }
  };
  /** A cell's text stored in its row, once it is known to be within the limits; an empty cell past the last column a sample may have (Excel writes formatted blanks) is dropped. */
  const closeCell = (c: CellState, text: string, r: SheetRow): null => {
    if (c.col > MAX_SAMPLE_COLUMNS) {
      if (text === '') return null;
      throw new SampleFileError(
        'too-large',
        `${name} has a cell in column ${columnName(c.col)} (row ${r.row}); sample files of more than ${MAX_SAMPLE_COLUMNS} columns are refused`,
      );
    }
    if (text.length > MAX_CELL) {
      throw new SampleFileError('not-a-table', `${where()}: a cell longer than ${count(MAX_CELL)} characters, Excel's limit; refused`);
    }
    held += text.length;
    if (held > MAX_SAMPLE_BYTES) {
      throw new SampleFileError(
        'too-large',
        `${name} holds more than ${Math.round(MAX_SAMPLE_BYTES / 1048576)} MB of text; sample files over ${Math.round(MAX_SAMPLE_BYTES / 1048576)} MB are refused (as CSV it would be larger than that): split it and import the parts`,
      );
    }
    r.cells[c.col - 1] = own(text);
    return null;
  };
  await reader.read(part, {
    open(tag, a) {
      if (tag === 'row') {
        row = { row: a.r ? Number(a.r) : nextRow, cells: [] };
        nextRow = row.row + 1;
        nextCol = 1;
      } else if (tag === 'c' && row) {
        const at = a.r ? decodeAddress(a.r) : null;
        const col = at?.col ?? nextCol;
        nextCol = col + 1;
        const style = a.s ? parseInt(a.s, 10) : 0;
        cell = {
          ref: a.r ?? `${columnName(col)}${row.row}`,
          col,
          type: a.t ?? 'n',
          dateStyle: style > 0 && ctx.dateStyles[style] === true,
          formula: null,
          shared: null,
          value: [],
          length: 0,
          inline: false,
        };
      } else if (cell && tag === 'f') {
        field = 'f';
        cell.formula = '';
        if (a.t === 'shared' && a.si !== undefined) cell.shared = { si: a.si, master: a.ref !== undefined };
      } else if (cell && tag === 'v') field = 'v';
      else if (cell && tag === 'is') cell.inline = true;
      else if (tag === 'mergeCell' && a.ref) {
        if (merges.length === MAX_SAMPLE_MERGES) {
          throw new SampleFileError(
            'too-large',
            `${name} lists more than ${count(MAX_SAMPLE_MERGES)} merged ranges; refused as no review sample`,
          );
        }
        merges.push(a.ref);
      }
      if (cell?.inline) inline.open(tag);
    },
    close(tag) {
      if (cell?.inline) inline.close(tag);
      if (tag === 'f' || tag === 'v') field = null;
      else if (tag === 'c' && cell && row) {
        if (cell.shared?.master && cell.formula) masters.set(cell.shared.si, { formula: cell.formula, ref: cell.ref });
        const text = textOf(cell);
        cell = closeCell(cell, text, row);
      } else if (tag === 'row' && row) {
        if (row.cells.some((c) => c.trim() !== '')) {
          // The header and then the case files: past the limit, refused as soon as it is known.
          if (++kept > MAX_SAMPLE_ROWS + 1) throw tooManyRows(name);
          rows.push(row);
        }
        row = null;
      }
    },
    text(text) {
      if (!cell) return;
      if (cell.inline) inline.text(text);
      else if (field === 'f' || field === 'v') {
        // Counted as it comes (a run can be cut into many by comments): a cell is refused once past the limit, not held.
        cell.length += text.length;
        if (cell.length > MAX_CELL * 8) {
          throw new SampleFileError('not-a-table', `${where()}: a cell longer than ${count(MAX_CELL)} characters, Excel's limit; refused`);
        }
        if (field === 'f') cell.formula += text;
        else cell.value.push(text);
      }
    },
  });
  applyMerges(name, rows, merges);
  return rows;
}

/** Merged ranges a sample's sheet may list: a real sample has a few (a heading over some columns). */
export const MAX_SAMPLE_MERGES = 100_000;

/**
 * Every cell of a merged range but its top-left one is blank, as Excel's own CSV gives it. The
 * ranges are only walked over rows the sheet has and columns a sample may have; Excel never writes
 * ranges that overlap, so walking them touches each place of that grid at most once. Ranges that
 * would walk past it overlap (or are hostile: one `A1:ZZZ9999999` repeated) and are refused,
 * rather than left to run for minutes.
 */
function applyMerges(name: string, rows: SheetRow[], merges: string[]): void {
  if (merges.length === 0) return;
  const sorted = [...rows].sort((x, y) => x.row - y.row);
  let budget = sorted.length * MAX_SAMPLE_COLUMNS + merges.length;
  const spend = () => {
    if (--budget < 0) {
      throw new SampleFileError('not-a-table', `${name} has merged cells that overlap, which Excel never writes; refused as damaged`);
    }
  };
  for (const ref of merges) {
    spend();
    const [from, to] = ref.split(':');
    const a = from ? decodeAddress(from) : null;
    const b = to ? decodeAddress(to) : a;
    if (!a || !b || a.col > MAX_SAMPLE_COLUMNS) continue;
    const lastCol = Math.min(b.col, MAX_SAMPLE_COLUMNS);
    // The first row at or after the range's top, found by halving.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.row ?? 0) < a.row) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
      const row = sorted[i] as SheetRow;
      if (row.row > b.row) break;
      spend();
      const end = Math.min(lastCol, row.cells.length);
      for (let c = a.col; c <= end; c++) {
        spend();
        if ((row.row !== a.row || c !== a.col) && row.cells[c - 1] !== undefined) row.cells[c - 1] = '';
      }
    }
  }
}

/**
 * Reads the first worksheet of an XLSX workbook, every cell as text, with the inflater the runtime
 * has (zlib in the CLI, DecompressionStream in the DB worker). The ZIP directory's declared sizes
 * can lie, so every part is first inflated for real and counted, and a bomb refused, before any
 * part is read.
 */
export async function readXlsxWorkbook(name: string, bytes: Uint8Array, inflate: InflateStream): Promise<RawTable> {
  await checkZipReallyInflates(name, bytes, (data, limit) => countChunks(inflate(data), limit));
  return readXlsxSheet(name, bytes, inflate);
}

/**
 * Reads the first worksheet of an XLSX file as text cells: the first non-blank row is the header,
 * blank rows are skipped, row numbers are the sheet's. The ZIP directory and every part's real
 * size are checked first (checkZipReallyInflates, by readXlsxWorkbook); then the parts this needs are
 * read as streams.
 */
async function readXlsxSheet(name: string, bytes: Uint8Array, inflate: InflateStream): Promise<RawTable> {
  const reader = new PartReader(name, bytes, inflate);
  const root = await readRels(reader, '_rels/.rels');
  const bookPath = ofType(root, 'officeDocument')?.target ?? 'xl/workbook.xml';
  const book = reader.find(bookPath);
  if (!book)
    throw new SampleFileError('not-a-table', `${name} is not an XLSX workbook (it has no workbook part); save it as .xlsx or .csv`);
  const bookRels = await readRels(reader, relsOf(book.path).rels);
  const sheetIds: string[] = [];
  let date1904 = false;
  await reader.read(book, {
    open(tag, a) {
      if (tag === 'sheet' && a.id) sheetIds.push(a.id);
      else if (tag === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    },
    close() {},
    text() {},
  });
  // The first sheet of the workbook's list that is a worksheet (not a chart sheet).
  const first = sheetIds.map((id) => bookRels.get(id)).find((r) => r?.type.endsWith('/worksheet'));
  const noHeader = () =>
    new SampleFileError('empty', `${name} has no header row; expected column names in the first row of its first worksheet`);
  const sheet = first ? reader.find(first.target) : null;
  if (!sheet) throw noHeader();
  const strings = await readSharedStrings(reader, ofType(bookRels, 'sharedStrings')?.target, name);
  const dateStyles = await readDateStyles(reader, ofType(bookRels, 'styles')?.target);
  const sheetRows = await readSheetRows(reader, sheet, { name, strings, dateStyles, date1904 });

  const headers: string[] = [];
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of sheetRows) {
    const cells = Array.from({ length: Math.max(headers.length, r.cells.length) }, (_, i) => r.cells[i] ?? '');
    // Blank rows are skipped, as the CSV reader skips blank lines; row numbers stay the sheet's.
    if (cells.every((c) => c.trim() === '')) continue;
    if (headers.length === 0) {
      while (cells.length && (cells[cells.length - 1] ?? '').trim() === '') cells.pop();
      headers.push(...cells.map((h) => h.trim()));
      continue;
    }
    while (cells.length > headers.length && cells[cells.length - 1] === '') cells.pop();
    rows.push(cells);
    rowNumbers.push(r.row);
  }
  if (headers.length === 0) throw noHeader();
  return { name, headers, rows, rowNumbers };
}
