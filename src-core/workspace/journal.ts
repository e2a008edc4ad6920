import { sha256Hex } from '../db/hash';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One acknowledged edit: replayed in seq order on top of the last snapshot after a crash. */
export interface JournalRecord {
  seq: number;
  op: string;
  params: JsonValue;
  checksum: string;
}

/** Key order fixed, so the checksum of a record does not depend on how it was built. */
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

export interface ReadJournal {
  /** Valid records in order, up to (not including) the first bad one. */
  records: JournalRecord[];
  /** Lines after the first bad one (torn, corrupt, out of order): never applied. */
  discarded: number;
}

/**
 * Reads a journal file: every record up to the first that is torn, fails its checksum or breaks
 * the seq order. Nothing after a bad record is trusted, because it may depend on it.
 */
export async function readJournal(text: string): Promise<ReadJournal> {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const records: JournalRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(lines[i] as string);
    } catch {
      return { records, discarded: lines.length - i };
    }
    const prev = records[records.length - 1];
    if (
      !isRecordShape(parsed) ||
      (prev && parsed.seq !== prev.seq + 1) ||
      parsed.checksum !== (await checksumOf(parsed.seq, parsed.op, parsed.params))
    ) {
      return { records, discarded: lines.length - i };
    }
    records.push(parsed);
  }
  return { records, discarded: 0 };
}
