import { importReport, sourceHash, type ImportResult, type ImportSource } from '../db/import-report';
import { replacedReport, replaceReport, type ReplaceResult } from '../db/reimport';
import { dropHeld, holdReport, restoreHeld } from '../db/reimport-hold';
import type { Migration } from '../db/migrate';
import type { SqlDatabase, SqlEngine } from '../db/sql-db';
import { applyPragmas, createWorkspace, getMeta, openWorkspace, setMeta } from '../db/workspace';
import type { Extraction } from '../extract/types';
import type { SampleRow } from '../samples/fields';
import { importSamples, type SampleImportOptions, type SampleImportResult } from '../samples/import';
import { removeSamplesAfter, sampleMark } from '../samples/rollback';
import { applyEdit, EditError, parseEdit, unstamped, type UnstampedEdit } from './edits';
import {
  encodeRecord,
  MAX_JOURNAL_BYTES,
  MAX_RECORD_BYTES,
  readJournal,
  sealRecord,
  utf8Length,
  type JournalCut,
  type JournalStop,
  type JournalStopReason,
} from './journal';
import { SEAL_KEY_PATTERN, sealMatches, sealOf, type SealKey } from './seal';
import type { WorkspaceStorage } from './storage';
import { Sequencer } from '../sequencer';

export interface LoadedWorkspace {
  name: string;
  /** The last snapshot; empty for a workspace that does not exist yet. */
  snapshot: Uint8Array;
  /** The journal's text as the host read it: complete lines, and perhaps the torn last one. */
  journal: string;
  /** Where the host stopped reading the journal (a record too long, the journal past its limit); absent or null when it read it all. */
  journalCut?: JournalCut | null;
  /** The seal storage recorded with this snapshot (./seal.ts); null or absent when it has none. */
  seal?: string | null;
  /**
   * This installation's seal key (./seal.ts), from the host: the seal above is trusted only if it
   * was made with it, and every checkpoint is sealed with it. A reader that writes nothing (the
   * CLI) may give several, the keys of the app's builds on this machine: a seal made with any of
   * them is trusted, and the first would seal.
   */
  sealKey: SealKey | readonly SealKey[];
}

/**
 * How the snapshot was checked on opening: `sealed` when its bytes matched the seal recorded at
 * the checkpoint that wrote them (integrity check skipped), `full` when PRAGMA integrity_check ran,
 * `none` for a workspace just created (there were no bytes to check).
 */
export type OpenCheck = 'sealed' | 'full' | 'none';

export interface OpenReport {
  session: WorkspaceSession;
  created: boolean;
  /** Journal records applied on top of the snapshot (edits acknowledged since the last checkpoint). */
  replayed: number;
  /** Journal lines not applied: a torn last write, or anything after a damaged record. */
  discarded: number;
  /** Where and why replay stopped, when it did (discarded > 0): for the analyst, who is told. */
  journalStop: JournalStop | null;
  check: OpenCheck;
}

/**
 * The open workspace: one sql.js database plus the durability protocol of DESIGN.md. An edit is
 * one transaction and one journal record, and is acknowledged only once the record is durable; a
 * checkpoint writes the whole database atomically and lets the journal be trimmed. Edits,
 * imports and checkpoints run one at a time, in order.
 */
interface UndoEntry {
  undo: UnstampedEdit;
  redo: UnstampedEdit;
}

/** How far back undo reaches in one session. Older edits stay in the audit trail. */
const UNDO_DEPTH = 500;

export class WorkspaceSession {
  private readonly sequence = new Sequencer();
  private readonly undoStack: UndoEntry[] = [];
  private readonly redoStack: UndoEntry[] = [];

  private constructor(
    readonly db: SqlDatabase,
    private readonly storage: WorkspaceStorage,
    private seq: number,
    private readonly sealKey: SealKey,
    /** UTF-8 bytes of journal storage holds, as far as this session knows: a checkpoint empties it. */
    private journalBytes: number,
  ) {}

  static async open(engine: SqlEngine, migrations: Migration[], loaded: LoadedWorkspace, storage: WorkspaceStorage): Promise<OpenReport> {
    const keys = typeof loaded.sealKey === 'string' ? [loaded.sealKey] : loaded.sealKey;
    const sealKey = keys[0];
    // Without a key nothing could be sealed: a host that has none must say so, not open unsealable.
    if (sealKey === undefined || !keys.every((k) => SEAL_KEY_PATTERN.test(k))) {
      throw new Error('The workspace was handed over without a usable seal key.');
    }
    const created = loaded.snapshot.length === 0;
    // Only bytes that match the seal this installation made of them skip the integrity check; no
    // seal, a stale, forged, foreign or malformed one means the full check, as without seals.
    const sealed = !created && (await sealMatches(loaded.snapshot, loaded.seal, keys));
    const check: OpenCheck = created ? 'none' : sealed ? 'sealed' : 'full';
    const db = created ? createWorkspace(engine, migrations) : openWorkspace(engine, loaded.snapshot, migrations, loaded.name, { sealed });
    const base = Number(getMeta(db, 'last_seq') ?? 0);
    const { records, discarded, stop } = await readJournal(loaded.journal, loaded.journalCut ?? null);
    let seq = base;
    let skipped = discarded;
    let journalStop = stop;
    for (const [i, r] of records.entries()) {
      if (r.seq <= base) continue; // already in the snapshot: replay is idempotent
      // Record i is on line i + 1 (records are read up to the first bad line); it and the rest go.
      const halt = (reason: JournalStopReason) => {
        skipped += records.length - i;
        journalStop = { line: i + 1, reason };
      };
      if (r.seq !== seq + 1) {
        halt('out-of-order');
        break;
      }
      // A record that no longer applies (it names a row that is not there) ends the replay.
      let edit: ReturnType<typeof parseEdit>;
      try {
        edit = parseEdit(r.op, r.params);
      } catch {
        halt('does-not-apply');
        break;
      }
      db.exec('BEGIN IMMEDIATE');
      try {
        applyEdit(db, edit.op, edit.params);
        setMeta(db, 'last_seq', String(r.seq));
        db.exec('COMMIT');
      } catch {
        db.exec('ROLLBACK');
        halt('does-not-apply');
        break;
      }
      seq = r.seq;
    }
    const session = new WorkspaceSession(db, storage, seq, sealKey, utf8Length(loaded.journal));
    // A new workspace is written at once, so that it exists on disk before its first edit. After
    // a damaged journal, a checkpoint drops the records that could not be replayed, so that new
    // edits are not appended behind them (replay stops at the first bad record).
    if (created || skipped > 0) await session.checkpoint();
    // Bytes that passed the full check are sealed where they are kept, so that the next open skips
    // it (the checkpoint above, when there is one, seals the bytes that replace them instead).
    // Before the open resolves, not after: a window closed or reloaded the moment the grid showed
    // (a second after the check) would otherwise lose the seal and pay the check again.
    else if (check === 'full') await session.keepSeal(loaded.snapshot);
    return { session, created, replayed: seq - base, discarded: skipped, journalStop: skipped > 0 ? journalStop : null, check };
  }

  /**
   * Hands storage the seal of the snapshot it gave on opening, which has just passed the full
   * integrity check: a workspace that is only read is never checkpointed, so without this every
   * later open would pay the full check again. Queued like a checkpoint, so that it reaches storage
   * before any later checkpoint and can never replace that checkpoint's seal with this older one.
   * open() waits for it (the hash is a fraction of a second on the largest workspace, after a full
   * check of several). Best effort: a seal not kept costs a full check, nothing else, so a failure
   * is ignored.
   */
  private keepSeal(snapshot: Uint8Array): Promise<void> {
    // sql.js copied the bytes on loading and nothing here writes to them, but a caller that handed
    // the buffer on to another thread since would have left it empty: then there is nothing to seal.
    const length = snapshot.length;
    return this.serial(async () => {
      try {
        if (snapshot.length === length) await this.storage.recordSeal(await sealOf(snapshot, this.sealKey));
      } catch {
        // Storage could not keep it: the next open runs the full check, as it would have anyway.
      }
    });
  }

  /**
   * Resolves once every task queued so far (edits, checkpoints, keeping the seal of the open) has
   * run, for a caller that is about to close the session and then use or remove its storage.
   */
  settled(): Promise<void> {
    return this.serial(async () => undefined);
  }

  /** The seq of the last acknowledged edit. */
  get lastSeq(): number {
    return this.seq;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.sequence.run(task);
  }

  /**
   * Applies one edit and resolves once it is durable. If the journal cannot be written, the
   * database change is rolled back and the promise rejects: nothing unsaved is ever shown as saved.
   */
  edit(op: string, params: unknown): Promise<{ seq: number }> {
    const edit = parseEdit(op, params);
    return this.serial(async () => {
      const { seq, inverse } = await this.commit(edit.op, edit.params);
      this.undoStack.push({ undo: inverse, redo: unstamped(edit.op, edit.params) });
      if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
      this.redoStack.length = 0;
      return { seq };
    });
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /**
   * Undoes the last edit of this session by applying its inverse as a new edit: journaled and
   * audited like any other (stamped with who undid it and when), so undo survives a crash too.
   * Resolves null when there is nothing to undo.
   */
  undo(stamp: { author: string; at: string }): Promise<{ seq: number; op: string } | null> {
    return this.serial(async () => this.step(this.undoStack, this.redoStack, 'undo', stamp));
  }

  redo(stamp: { author: string; at: string }): Promise<{ seq: number; op: string } | null> {
    return this.serial(async () => this.step(this.redoStack, this.undoStack, 'redo', stamp));
  }

  private async step(from: UndoEntry[], to: UndoEntry[], which: 'undo' | 'redo', stamp: { author: string; at: string }) {
    const entry = from[from.length - 1];
    if (!entry) return null;
    const edit = parseEdit(entry[which].op, { ...entry[which].params, ...stamp });
    const { seq, inverse } = await this.commit(edit.op, edit.params);
    from.pop();
    // What undoes this step may differ from the original (a re-created view gets a new id).
    to.push(which === 'undo' ? { undo: entry.undo, redo: inverse } : { undo: inverse, redo: entry.redo });
    return { seq, op: edit.op };
  }

  /** One edit: one transaction, committed only once its journal record is durable. */
  private async commit(
    op: Parameters<typeof applyEdit>[1],
    params: Parameters<typeof applyEdit>[2],
  ): Promise<{ seq: number; inverse: UnstampedEdit }> {
    const seq = this.seq + 1;
    const line = encodeRecord(await sealRecord(seq, op, params));
    const bytes = utf8Length(line);
    // What is acknowledged must read back: no record over the limit a reader stops at...
    if (bytes > MAX_RECORD_BYTES) throw new EditError('This edit is too large to save; shorten it and try again.');
    // ...and no journal past the limit a reader stops at either. Checkpoints normally keep the
    // journal short; when they have been failing (a disk nearly full), this one must succeed first.
    if (this.journalBytes + bytes > MAX_JOURNAL_BYTES) await this.writeSnapshot();
    this.db.exec('BEGIN IMMEDIATE');
    let inverse: UnstampedEdit;
    try {
      inverse = applyEdit(this.db, op, params);
      setMeta(this.db, 'last_seq', String(seq));
      await this.storage.append(line);
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
    this.db.exec('COMMIT');
    this.seq = seq;
    this.journalBytes += bytes;
    return { seq, inverse };
  }

  /** Writes the whole database as the new snapshot. Edits wait until the file is in place. */
  checkpoint(): Promise<{ bytes: number; lastSeq: number }> {
    return this.serial(() => this.writeSnapshot());
  }

  /** A checkpoint, run from a task already in the queue. */
  private async writeSnapshot(): Promise<{ bytes: number; lastSeq: number }> {
    const lastSeq = this.seq;
    const bytes = this.db.export();
    // Older sql.js exports reopened the connection (pragmas are per connection); 1.16 exports
    // through the backup API and does not, but re-applying them costs nothing.
    applyPragmas(this.db);
    // Measured and sealed first: a storage that transfers the buffer to another thread leaves it empty.
    const size = bytes.length;
    const seal = await sealOf(bytes, this.sealKey);
    await this.storage.checkpoint(bytes, lastSeq, seal);
    // Storage drops the records the snapshot holds, which is every one (edits wait for this).
    this.journalBytes = 0;
    return { bytes: size, lastSeq };
  }

  /**
   * Imports an extracted report in one transaction, then checkpoints: the import is acknowledged
   * only once the new snapshot is on disk (imports are too large for the journal).
   */
  importReport(extraction: Extraction, source: ImportSource): Promise<ImportResult> {
    return this.serial(async () => {
      const result = await importReport(this.db, extraction, source);
      if (result.status === 'imported') {
        try {
          // The original file goes beside the workspace (never into it: sql.js holds the database
          // in memory) before the checkpoint that makes the import durable, so no report is ever
          // saved without its source. A caller that hands over only the hash (another thread read
          // the file) keeps the original itself.
          if ('bytes' in source) await this.storage.keepOriginal(this.contentHash(result.reportId), source.bytes);
          const bytes = this.db.export();
          applyPragmas(this.db);
          await this.storage.checkpoint(bytes, this.seq, await sealOf(bytes, this.sealKey));
          this.journalBytes = 0;
        } catch (e) {
          // Not on disk (or its original not kept), so not imported: take it out again (every table
          // cascades from reports), or the next checkpoint would save an import the analyst was
          // told had failed. An original already kept stays: named by its hash, it is harmless.
          this.db.run('DELETE FROM reports WHERE id = ?', [result.reportId]);
          throw e;
        }
      }
      return result;
    });
  }

  /**
   * Replaces the report this extraction is a new reading of (../db/reimport.ts), keeping the
   * analyst's layer, in one transaction; then keeps the original and checkpoints, as an import
   * does. If either fails, the old report is put back (../db/reimport-hold.ts) and the promise
   * rejects. Undo and redo are cleared: their edits name rows of the report as it was.
   */
  replaceReport(extraction: Extraction, source: ImportSource, stamp: { author: string; at: string }): Promise<ReplaceResult> {
    return this.serial(async () => {
      const hash = await sourceHash(source);
      const reportId = replacedReport(this.db, extraction, source.name, hash);
      holdReport(this.db, reportId);
      let result: ReplaceResult;
      try {
        result = await replaceReport(this.db, extraction, source, stamp);
      } catch (e) {
        dropHeld(this.db);
        throw e;
      }
      try {
        if ('bytes' in source) await this.storage.keepOriginal(hash, source.bytes);
        await this.writeSnapshot();
      } catch (e) {
        restoreHeld(this.db, reportId, stamp);
        throw e;
      }
      dropHeld(this.db);
      this.undoStack.length = 0;
      this.redoStack.length = 0;
      return result;
    });
  }

  /** The SHA-256 of the file a report was imported from, as the import recorded it. */
  private contentHash(reportId: number): string {
    const hash = this.db.exec('SELECT content_hash FROM reports WHERE id = ?', [reportId])[0]?.values[0]?.[0];
    if (typeof hash !== 'string') throw new Error(`report ${reportId} has no content hash`);
    return hash;
  }

  /**
   * Imports validated case-file review rows in one transaction (all or nothing: a case already
   * scored by the same reviewer refuses them all), then checkpoints, like a report: the import is
   * acknowledged only once the new snapshot is on disk.
   */
  importSamples(rows: SampleRow[], opts: SampleImportOptions): Promise<SampleImportResult> {
    return this.serial(async () => {
      const mark = sampleMark(this.db);
      const result = importSamples(this.db, rows, opts);
      if (!result.ok) return result;
      try {
        await this.writeSnapshot();
      } catch (e) {
        // Not on disk, so not imported (../samples/rollback.ts).
        removeSamplesAfter(this.db, mark);
        throw e;
      }
      return result;
    });
  }

  /** The database as bytes (for "Save a copy"), taken between edits. */
  snapshot(): Promise<Uint8Array> {
    return this.serial(async () => {
      const bytes = this.db.export();
      applyPragmas(this.db);
      return bytes;
    });
  }

  close(): void {
    this.db.close();
  }
}
