import { sha256Hex } from '../db/hash';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One acknowledged edit: replayed in seq order on top of the last snapshot after a crash. */
export interface JournalRecord {
  seq: number;
  op: string;
  params: JsonValue;
  checksum: string;
}

/**
 * The JSON the record will be written as, with keys sorted: it must agree with JSON.stringify,
 * which drops object keys whose value is undefined and writes undefined array items as null —
 * otherwise a record sealed with `{id: undefined}` fails its own checksum when read back.
 */
function canonical(value: JsonValue | undefined): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function checksumOf(seq: number, op: string, params: JsonValue): Promise<string> {
  return sha256Hex(canonical({ seq, op, params }));
}

export async function sealRecord(seq: number, op: string, params: JsonValue): Promise<JournalRecord> {
  return { seq, op, params, checksum: await checksumOf(seq, op, params) };
}

/** One line of the journal file: JSON and a newline, so a torn write can only damage the last line. */
export function encodeRecord(record: JournalRecord): string {
  return `${JSON.stringify(record)}\n`;
}

function isRecordShape(x: unknown): x is JournalRecord {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return Number.isSafeInteger(r.seq) && typeof r.op === 'string' && 'params' in r && typeof r.checksum === 'string';
}

/**
 * One record at most, its newline included, in UTF-8: a reader never holds more of a line than
 * this, and the session refuses an edit whose record would be longer, so everything acknowledged
 * can be read back. Edits are far shorter: a note of the 100,000 characters allowed is under
 * 600 KB even with every character escaped.
 */
export const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * The most of a journal that is read at all. The session checkpoints before its journal would pass
 * this (a checkpoint empties it), so only a damaged or hostile journal is ever longer, and nothing
 * past the limit is read: a sidecar of any size costs an open this much memory at most.
 */
export const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;

/**
 * Why replay stopped at a line: the line and everything after it are never applied, because an
 * edit may depend on the ones before it.
 */
export type JournalStopReason =
  /** The last line has no newline: a write cut short (a crash mid-append); that edit was never acknowledged. */
  | 'torn'
  /** Not JSON, or not the shape of a record. */
  | 'not-a-record'
  /** Its checksum does not match its content: altered or damaged. */
  | 'checksum'
  /** Its seq is not the next one. */
  | 'out-of-order'
  /** Longer than MAX_RECORD_BYTES: not read at all. */
  | 'too-long'
  /** The journal passes MAX_JOURNAL_BYTES at this line: it and the rest are not read. */
  | 'over-limit'
  /** A well-formed record whose edit no longer applies (it names a row that is not there). */
  | 'does-not-apply';

export interface JournalStop {
  /** The line (from 1) of the first record not applied. */
  line: number;
  reason: JournalStopReason;
  /** For a journal cut where it was read (too-long, over-limit): the bytes from that line to its end, never read. */
  bytes?: number;
}

/**
 * Where a host's reader of the journal (src-main/workspace/sidecars.ts, the browser host) stopped
 * reading, because the record at this line is too long or the journal passes its limit there. The
 * text it hands over holds the complete lines before it; the cut is handed over with it, so that
 * replay stops there and reports it as it would a damaged record.
 */
export interface JournalCut {
  line: number;
  reason: 'too-long' | 'over-limit';
  bytes: number;
}

export interface ReadJournal {
  /** Valid records in order, up to (not including) the first bad one. */
  records: JournalRecord[];
  /** Lines after the first bad one (torn, corrupt, out of order, too long), itself included: never applied. A cut counts as one. */
  discarded: number;
  /** Where and why reading stopped; null when every line was a good record. */
  stop: JournalStop | null;
}

/** The UTF-8 length of a string, without encoding it. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Reads a journal: every record up to the first that is torn, too long, fails its checksum or
 * breaks the seq order. Nothing after a bad record is trusted, because it may depend on it. `cut`
 * is where the host stopped reading (the text then holds the complete lines before it). The limits
 * are checked here too, whatever the text came from, so every host's journal is held to the same.
 */
export async function readJournal(text: string, cut: JournalCut | null = null): Promise<ReadJournal> {
  const lines = text.split('\n');
  // A journal ends with a newline; anything after the last one is a line whose write was cut short.
  const tornTail = lines.pop() !== '';
  const count = lines.length + (tornTail ? 1 : 0);
  const records: JournalRecord[] = [];
  let total = 0;
  const stopAt = (i: number, reason: JournalStopReason): ReadJournal => ({
    records,
    discarded: count - i + (cut ? 1 : 0),
    stop: { line: i + 1, reason },
  });
  for (let i = 0; i < count; i++) {
    if (i === lines.length) return stopAt(i, 'torn');
    const line = lines[i] as string;
    // A line of that many characters is at least as many bytes: no need to count them.
    const bytes = line.length >= MAX_RECORD_BYTES ? line.length : utf8Length(line);
    if (bytes + 1 > MAX_RECORD_BYTES) return stopAt(i, 'too-long');
    total += bytes + 1;
    if (total > MAX_JOURNAL_BYTES) return stopAt(i, 'over-limit');
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return stopAt(i, 'not-a-record');
    }
    if (!isRecordShape(parsed)) return stopAt(i, 'not-a-record');
    const prev = records[records.length - 1];
    if (prev && parsed.seq !== prev.seq + 1) return stopAt(i, 'out-of-order');
    if (parsed.checksum !== (await checksumOf(parsed.seq, parsed.op, parsed.params))) return stopAt(i, 'checksum');
    records.push(parsed);
  }
  return cut ? { records, discarded: 1, stop: { ...cut } } : { records, discarded: 0, stop: null };
}

const MIB = 1024 * 1024;
const size = (bytes: number) => (bytes < MIB ? `${bytes} bytes` : `${(bytes / MIB).toFixed(1)} MB`);

/** The reason replay stopped, in words for the analyst (the CLI prints it; line numbers count from 1). */
export function describeJournalStop(stop: JournalStop): string {
  const at = `line ${stop.line}`;
  const unread = stop.bytes === undefined ? '' : ` (${size(stop.bytes)} from there on were not read)`;
  switch (stop.reason) {
    case 'torn':
      return `${at} is incomplete: a write cut short, as by a crash (that edit was never saved)`;
    case 'not-a-record':
      return `${at} is not a journal record`;
    case 'checksum':
      return `${at} fails its checksum: it was altered or damaged`;
    case 'out-of-order':
      return `${at} is out of sequence with the workspace and the lines before it`;
    case 'too-long':
      return `${at} is longer than a journal record may be (${size(MAX_RECORD_BYTES)})${unread}`;
    case 'over-limit':
      return `the journal passes the ${size(MAX_JOURNAL_BYTES)} read of a journal at ${at}${unread}`;
    case 'does-not-apply':
      return `${at} is an edit that does not apply to this workspace`;
  }
}
