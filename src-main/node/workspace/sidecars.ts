import type * as nodeFs from 'node:fs/promises';
import { MAX_JOURNAL_BYTES, MAX_RECORD_BYTES, type JournalCut } from '../../../src-core/workspace/journal';
import { MAX_SEAL_LENGTH, SEAL_PATTERN } from '../../../src-core/workspace/seal';
import { errnoCode } from './fs-errors';

/**
 * The files beside a workspace (`<file>.peel-journal`, `<file>.peel-seal`), read for the file store
 * and the CLI alike. They travel with the workspace and are as hostile as it is: whatever their
 * size, they are read through a file handle, a bounded piece at a time, never whole into memory or
 * into one string. A seal longer than a seal can be is not read at all; a journal is read line by
 * line up to the limits of src-core/workspace/journal.ts, and where a line passes them, reading
 * stops and the cut is reported (replay then stops there, as at a damaged record).
 */

export type SidecarFs = Pick<typeof nodeFs, 'open'>;

/** The seal, or null when it is missing, unreadable, longer than a seal or not one: all mean a full check. */
export async function readSealSidecar(fs: SidecarFs, file: string): Promise<string | null> {
  try {
    const fh = await fs.open(file, 'r');
    try {
      const { size } = await fh.stat();
      if (size > MAX_SEAL_LENGTH) return null;
      const buf = new Uint8Array(size);
      const { bytesRead } = await fh.read(buf, 0, size, 0);
      const text = new TextDecoder().decode(buf.subarray(0, bytesRead));
      return SEAL_PATTERN.test(text) ? text : null;
    } finally {
      await fh.close().catch(() => undefined);
    }
  } catch {
    return null;
  }
}

export interface JournalLimits {
  /** The most one line may be, its newline included. */
  record: number;
  /** The most of the journal read. */
  total: number;
}

export const JOURNAL_LIMITS: JournalLimits = { record: MAX_RECORD_BYTES, total: MAX_JOURNAL_BYTES };

export interface JournalSidecar {
  /** Whether there is a journal file at all. */
  exists: boolean;
  /** The complete lines read, then the torn last line when the file does not end in a newline. */
  text: string;
  /** Where reading stopped short of the end, or null when it did not. */
  cut: JournalCut | null;
  /** Bytes of complete lines read: the length the file must be cut to before anything is appended. */
  complete: number;
  /** The bytes there were to read. */
  size: number;
}

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads a journal record by record. `upTo` reads only that many bytes (the store's acknowledged
 * records, when a failed append left more); `limits` is for tests. A missing file is an empty
 * journal; any other failure to read it is thrown (the store refuses the open, the CLI says why).
 *
 * Memory: the text handed back (at most `total` bytes), one line being gathered (at most `record`)
 * and one piece of 1 MiB. Time: at most `total` plus a piece is read, whatever the file's size.
 */
export async function readJournalSidecar(
  fs: SidecarFs,
  file: string,
  opts: { upTo?: number; limits?: JournalLimits } = {},
): Promise<JournalSidecar> {
  const { record, total } = opts.limits ?? JOURNAL_LIMITS;
  let fh: Awaited<ReturnType<SidecarFs['open']>>;
  try {
    fh = await fs.open(file, 'r');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return { exists: false, text: '', cut: null, complete: 0, size: 0 };
    throw e;
  }
  try {
    const size = Math.min(opts.upTo ?? Number.POSITIVE_INFINITY, (await fh.stat()).size);
    const decoder = new TextDecoder();
    const lines: string[] = [];
    /** The line being gathered: its pieces, and where it starts in the file. */
    let pieces: Uint8Array[] = [];
    let gathered = 0;
    let lineStart = 0;
    let cut: JournalCut | null = null;
    const buf = new Uint8Array(Math.min(CHUNK, Math.max(size, 1)));
    for (let pos = 0; pos < size && cut === null;) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
      if (bytesRead === 0) break; // the file shrank under us: what was read is what there is
      const view = buf.subarray(0, bytesRead);
      for (let from = 0; from < bytesRead;) {
        const nl = view.indexOf(NEWLINE, from);
        const end = nl < 0 ? bytesRead : nl + 1;
        gathered += end - from;
        if (gathered > record || lineStart + gathered > total) {
          cut = { line: lines.length + 1, reason: gathered > record ? 'too-long' : 'over-limit', bytes: size - lineStart };
          break;
        }
        pieces.push(view.slice(from, end));
        if (nl >= 0) {
          lines.push(decoder.decode(join(pieces, gathered)));
          lineStart += gathered;
          pieces = [];
          gathered = 0;
        }
        from = end;
      }
      pos += bytesRead;
    }
    // A last line with no newline (a write cut short) is handed over too, so that replay reports it.
    if (cut === null && gathered > 0) lines.push(decoder.decode(join(pieces, gathered)));
    return { exists: true, text: lines.join(''), cut, complete: lineStart, size };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

function join(pieces: Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1) return pieces[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
