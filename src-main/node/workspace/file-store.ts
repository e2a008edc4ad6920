import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { encodeRecord, readJournal, type JournalCut, type JournalRecord } from '../../../src-core/workspace/journal';
import { SEAL_PATTERN, type SealKey } from '../../../src-core/workspace/seal';
import { StorageError, type WorkspaceStorage } from '../../../src-core/workspace/storage';
import { errnoCode, storageError } from './fs-errors';
import { readJournalSidecar, readSealSidecar, type JournalLimits } from './sidecars';
import { bytesOf } from '../bytes';
import { keepOriginal } from './originals';
import { Sequencer } from '../../../src-core/sequencer';

export type FsLike = Pick<
  typeof nodeFs,
  'open' | 'rename' | 'unlink' | 'readdir' | 'readFile' | 'mkdir' | 'link' | 'copyFile' | 'stat' | 'lstat'
>;

export interface FileStoreOptions {
  /**
   * This installation's seal key (src-main/node/workspace/seal-key.ts): handed over with the snapshot, so
   * that the session trusts only seals made with it and seals its checkpoints with it.
   */
  sealKey: SealKey;
  /** Injected by the fault-injection tests; the real file system otherwise. */
  fs?: FsLike;
  /** The journal's limits (sidecars.ts); smaller in tests, so that passing them needs no large file. */
  journalLimits?: JournalLimits;
  keepBackups?: number;
  /** How many times a refused rename (Windows: another process holds the file) is retried. */
  renameRetries?: number;
  renameRetryMs?: number;
  platform?: NodeJS.Platform;
}

/** What open() hands over: the store, and the workspace as the session opens it (src-core/workspace/session.ts's LoadedWorkspace). */
export interface OpenedFile {
  store: FileWorkspaceStore;
  snapshot: Uint8Array;
  /** The journal's complete lines, and a torn last line if there is one. */
  journal: string;
  /** Where reading the journal stopped (a record too long, the journal past its limit), or null. */
  journalCut: JournalCut | null;
  orphansRemoved: number;
  seal: string | null;
  sealKey: SealKey;
}

export interface BackupInfo {
  id: string;
  savedAt: string;
  bytes: number;
}

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);
const BACKUP_NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?\.sqlite$/;

/**
 * A workspace on disk, following DESIGN.md's durability protocol: the snapshot is the file
 * itself; edits since the last checkpoint are lines in `<file>.peel-journal` (never `-journal`,
 * which SQLite would take for its own rollback journal); the last snapshots are kept in
 * `<file>.backups/`. Temporary files sit beside the workspace as `.<name>.*.tmp` so a rename is
 * atomic, and are removed on the next open if a crash left them. `<file>.peel-seal` holds the
 * seal of the snapshot (src-core/workspace/seal.ts), which lets the next open skip the integrity
 * check. `<file>.originals/` holds the imported reports' original files by SHA-256 (./originals.ts);
 * the backups share it, since a file there never changes. One operation at a time.
 */
export class FileWorkspaceStore implements WorkspaceStorage {
  private readonly sequence = new Sequencer();
  private journalExists: boolean;
  /** Bytes of complete records in the journal; a failed append is cut back to this length. */
  private journalSize: number;
  /**
   * Set when a failed append could not be undone, or a checkpoint could not drop records the
   * session did not apply: no append is safe until a checkpoint rewrites the journal.
   */
  private journalDamaged = false;
  /**
   * How many complete lines at the start of the journal open() handed to the session, until a
   * checkpoint has dealt with them (0 from then on): see trimJournal. A torn last line is not one
   * of them (open cuts it off), nor is anything from a cut at the journal's limits on.
   */
  private journalHandedOut = 0;
  /**
   * The workspace file as it was when open() or restoreBackup() handed out its bytes, while those
   * may still be the stored snapshot; null once a checkpoint replaces them. recordSeal keeps a seal
   * only while the file is still that one.
   */
  private handedOut: FileIdentity | null = null;
  private readonly fs: FsLike;
  private readonly keep: number;
  private readonly retries: number;
  private readonly retryMs: number;
  private readonly platform: NodeJS.Platform;
  private readonly journalLimits: JournalLimits | undefined;
  readonly sealKey: SealKey;

  private constructor(
    readonly file: string,
    opts: FileStoreOptions,
    journalExists: boolean,
    journalSize: number,
  ) {
    this.journalSize = journalSize;
    this.fs = opts.fs ?? nodeFs;
    this.keep = opts.keepBackups ?? 5;
    this.retries = opts.renameRetries ?? 8;
    this.retryMs = opts.renameRetryMs ?? 25;
    this.platform = opts.platform ?? process.platform;
    this.journalLimits = opts.journalLimits;
    this.sealKey = opts.sealKey;
    this.journalExists = journalExists;
  }

  get journalFile(): string {
    return `${this.file}.peel-journal`;
  }

  get sealFile(): string {
    return `${this.file}.peel-seal`;
  }

  get backupDir(): string {
    return `${this.file}.backups`;
  }

  private get name(): string {
    return path.basename(this.file);
  }

  static async open(file: string, opts: FileStoreOptions): Promise<OpenedFile> {
    const fs = opts.fs ?? nodeFs;
    const name = path.basename(file);
    const dir = path.dirname(file);
    const orphansRemoved = await removeOrphans(fs, dir, name);
    const snapshot = await readOrEmpty(fs, file, name);
    const journalFile = `${file}.peel-journal`;
    // Read line by line within its limits: a journal of any size opens (sidecars.ts).
    const journal = await readJournalSidecar(fs, journalFile, { limits: opts.journalLimits }).catch((e: unknown) => {
      throw storageError('open', name, e);
    });
    // A crash mid-append leaves a torn last line, and a line past the limits (with everything after
    // it) is never replayed: either way the file is cut where its readable records end, so that
    // the next record appended starts a line and follows them (replay would never reach it after
    // the bad line). Replay reports what was cut; the session then checkpoints at once.
    const complete = journal.complete;
    let tailCut = true;
    if (complete < journal.size) {
      try {
        const fh = await fs.open(journalFile, 'r+');
        try {
          await fh.truncate(complete);
          await fh.sync();
        } finally {
          await fh.close().catch(() => undefined);
        }
      } catch {
        // Not fatal: appends stay refused until a checkpoint rewrites the journal, and the session
        // checkpoints at once on opening because the torn or cut record counts as discarded.
        tailCut = false;
      }
    }
    const store = new FileWorkspaceStore(file, opts, journal.exists, complete);
    store.journalDamaged = !tailCut;
    store.journalHandedOut = completeLines(journal.text);
    store.handedOut = snapshot.length > 0 ? await identify(fs, file) : null;
    // Over its known size a seal is not even read: a full check, like any seal that does not match.
    const seal = snapshot.length > 0 ? await readSealSidecar(fs, store.sealFile) : null;
    // The torn tail is still handed over (as text) and the cut (as where and why), so that the
    // session can report them as discarded.
    return { store, snapshot, journal: journal.text, journalCut: journal.cut, orphansRemoved, seal, sealKey: opts.sealKey };
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    return this.sequence.run(task);
  }

  append(line: string): Promise<void> {
    return this.serial(async () => {
      if (this.journalDamaged) {
        throw new StorageError(
          `Could not save an edit to "${this.name}": an earlier write failed part-way. Save the workspace (a checkpoint) to continue.`,
        );
      }
      const bytes = new TextEncoder().encode(line);
      let fh: Awaited<ReturnType<FsLike['open']>>;
      try {
        fh = await this.fs.open(this.journalFile, 'a', 0o600);
      } catch (e) {
        throw storageError('save an edit to', this.name, e);
      }
      try {
        await fh.writeFile(bytes);
        await fh.sync();
        // The first append creates the journal: its directory entry must be durable too.
        if (!this.journalExists) await this.syncDir();
      } catch (e) {
        // The edit is refused, so its record must go, all of it: half a record would glue the next
        // one to its remains, and a whole one (the write worked, a later step failed) would be
        // replayed after a crash and take the seq of the next edit, which replay would then drop.
        await fh
          .truncate(this.journalSize)
          .then(() => fh.sync())
          .catch(() => (this.journalDamaged = true));
        await fh.close().catch(() => undefined);
        throw storageError('save an edit to', this.name, e);
      }
      // The record is durable; a failing close cannot undo that, so it is not the analyst's problem.
      await fh.close().catch(() => undefined);
      this.journalExists = true;
      this.journalSize += bytes.length;
    });
  }

  checkpoint(snapshot: Uint8Array, lastSeq: number, seal: string): Promise<void> {
    return this.serial(async () => {
      // The snapshot handed out is replaced from here (or the file is in doubt): a seal of it no longer belongs.
      this.handedOut = null;
      try {
        const tmp = await this.writeTemp(snapshot);
        if (await exists(this.fs, this.file)) await this.keepBackup();
        await this.renameWithRetry(tmp, this.file);
        await this.syncDir();
      } catch (e) {
        await this.removeTemps();
        throw storageError('save', this.name, e);
      }
      // The new snapshot is durable from here: the save has succeeded. Writing its seal, trimming
      // the journal and pruning old backups only make the next open faster or tidy up (replay
      // skips records the snapshot holds), so a failure now is not reported as a failed save.
      await this.writeSeal(seal).catch(() => undefined);
      await this.trimJournal(lastSeq, { durable: false }).catch(() => this.removeTemps());
      await this.pruneBackups().catch(() => undefined);
    });
  }

  /**
   * Keeps the seal of the snapshot open() or restoreBackup() handed out, once the session has
   * checked those bytes in full, exactly as a checkpoint keeps its own: written in place, without
   * fsync, and never failing. Declined when the file is no longer the one handed out (a
   * checkpoint, this store's or another's, put new bytes there and sealed them itself) or the seal
   * is of bytes of another length; a seal kept beside other bytes would only cost a full check.
   */
  recordSeal(seal: string): Promise<void> {
    return this.serial(async () => {
      const was = this.handedOut;
      if (!was || !seal.endsWith(`:${was.size}`)) return;
      const now = await identify(this.fs, this.file);
      if (!now || now.ino !== was.ino || now.size !== was.size || now.mtimeMs !== was.mtimeMs) return;
      await this.writeSeal(seal).catch(() => undefined);
    });
  }

  /** Keeps a report's original beside the workspace (./originals.ts), in turn with the other writes. */
  keepOriginal(sha256: string, bytes: Uint8Array): Promise<void> {
    return this.serial(() => keepOriginal(this.file, sha256, bytes, { fs: this.fs, platform: this.platform }));
  }

  backups(): Promise<BackupInfo[]> {
    return this.serial(() => this.listBackups());
  }

  /** Makes a backup the current workspace; the current one becomes a backup, so this can be undone. */
  restoreBackup(id: string): Promise<{ snapshot: Uint8Array; journal: string; seal: null; sealKey: SealKey }> {
    return this.serial(async () => {
      const backup = (await this.listBackups()).find((b) => b.id === id);
      if (!backup) throw new StorageError(`There is no backup "${id}" of "${this.name}"; choose one from the list of backups.`);
      this.handedOut = null;
      try {
        const bytes = bytesOf(await this.fs.readFile(path.join(this.backupDir, id)));
        const tmp = await this.writeTemp(bytes);
        if (await exists(this.fs, this.file)) await this.keepBackup();
        await this.renameWithRetry(tmp, this.file);
        await this.syncDir();
        await this.trimJournal(Number.MAX_SAFE_INTEGER, { durable: true });
        await this.pruneBackups();
        // The seal described the snapshot just replaced. It could not match the restored bytes
        // anyway (it is their hash); removing it only spares the next open from hashing them.
        await this.fs.unlink(this.sealFile).catch(() => undefined);
        // Backups keep no seal: the restored snapshot is checked in full when it is next opened,
        // and sealed then (recordSeal) if it passes.
        this.handedOut = bytes.length > 0 ? await identify(this.fs, this.file) : null;
        return { snapshot: bytes, journal: '', seal: null, sealKey: this.sealKey };
      } catch (e) {
        await this.removeTemps();
        throw storageError('restore a backup of', this.name, e);
      }
    });
  }

  /**
   * Written in place, after the snapshot's rename is durable, and without fsync: whatever a crash
   * leaves here (the previous seal, nothing, half a line) does not match the new snapshot, and a
   * seal that does not match costs a full integrity check on the next open, nothing more. A
   * direct write also leaves no temp file behind to clean up.
   */
  private async writeSeal(seal: string): Promise<void> {
    if (!SEAL_PATTERN.test(seal)) throw new Error('not a snapshot seal');
    const fh = await this.fs.open(this.sealFile, 'w', 0o600);
    try {
      await fh.writeFile(seal);
    } finally {
      await fh.close();
    }
  }

  private tempPath(kind: string): string {
    return path.join(path.dirname(this.file), `.${this.name}.${kind}.${randomBytes(6).toString('hex')}.tmp`);
  }

  private async writeTemp(data: Uint8Array | string, kind = 'snapshot'): Promise<string> {
    const tmp = this.tempPath(kind);
    const fh = await this.fs.open(tmp, 'wx', 0o600);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    return tmp;
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.fs.rename(from, to);
        return;
      } catch (e) {
        if (!RETRYABLE_RENAME.has(errnoCode(e) ?? '') || attempt >= this.retries) throw e;
        // Virus scanners and indexers hold files briefly on Windows; back off and try again.
        await new Promise((r) => setTimeout(r, Math.min(this.retryMs * 2 ** attempt, 500)));
      }
    }
  }

  private async syncDir(): Promise<void> {
    // Directories cannot be opened for fsync on Windows; NTFS journals the rename itself.
    if (this.platform === 'win32') return;
    const dh = await this.fs.open(path.dirname(this.file), 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  }

  /**
   * Keeps the valid records a checkpoint did not include (appended after its snapshot was taken);
   * a damaged record and everything after it go, as replay would ignore them anyway.
   *
   * Records open() handed to the session are another matter. The session applied every one it
   * could, in order, and checkpoints at the last one it applied; it is the only writer, and edits
   * wait for checkpoints. So a handed-out record with a seq above lastSeq is one it read and did
   * not apply: it failed to apply, broke the sequence, or came after one that did (replay stops at
   * the first). Then every record after lastSeq goes. A record that no longer applies passes its
   * checksum and sits at the right seq, so only this tells it apart; kept, it would be replayed on
   * top of the next edit at a later open, or (being the first, out of sequence or not applying)
   * would stop that replay before the acknowledged edits appended behind it: lost.
   *
   * Otherwise only records that run on from lastSeq + 1 without a gap are kept: after a gap none
   * can ever be replayed, nor could an edit appended behind them.
   *
   * When the snapshot holds every record (a checkpoint's usual case: edits wait for it), the
   * journal is truncated in place without fsync, as DESIGN.md's protocol has it: whatever a crash
   * leaves (the old records, or none) is replayed idempotently, since the durable snapshot stores
   * the last seq, and the next append's fsync makes the truncation durable with it. That holds for
   * records dropped because the session did not apply them too: if a crash brings them back before
   * anything is appended, the next open finds them where they were and discards them again. A
   * restored backup is `durable`: its snapshot's last seq is older than the records being dropped,
   * so they must be gone for certain before it is in use.
   */
  private async trimJournal(lastSeq: number, { durable }: { durable: boolean }): Promise<void> {
    /** Whether the journal starts with records the session did not apply; unknown until it is read. */
    let unapplied: boolean | undefined;
    try {
      if (!(await exists(this.fs, this.journalFile))) {
        this.journalHandedOut = 0;
        return;
      }
      // Only the acknowledged bytes: anything after them is a refused append that could not be cut.
      const acknowledged = await readJournalSidecar(this.fs, this.journalFile, { upTo: this.journalSize, limits: this.journalLimits });
      const { records } = await readJournal(acknowledged.text, acknowledged.cut);
      // readJournal's records are lines 1, 2, ... of the file, in order: the first journalHandedOut
      // are the ones the session was handed.
      unapplied = records.slice(0, this.journalHandedOut).some((r) => r.seq > lastSeq);
      const keep = (unapplied ? [] : following(records, lastSeq)).map(encodeRecord).join('');
      if (keep === '' && !durable) {
        const fh = await this.fs.open(this.journalFile, 'r+');
        try {
          await fh.truncate(0);
        } finally {
          await fh.close().catch(() => undefined);
        }
        this.journalSize = 0;
        this.journalDamaged = false;
        this.journalHandedOut = 0;
        return;
      }
      const tmp = await this.writeTemp(keep, 'journal');
      await this.renameWithRetry(tmp, this.journalFile);
      // The journal is the new file from here, whether or not the folder sync below succeeds.
      this.journalSize = new TextEncoder().encode(keep).length;
      this.journalDamaged = false;
      this.journalExists = true;
      this.journalHandedOut = 0;
      await this.syncDir();
    } catch (e) {
      // Records the session did not apply may still be in the journal (or it could not be read to
      // tell): an edit appended behind them would be lost at the next open, where replay stops at
      // the first of them or applies them in its place. So appends are refused (with what to do)
      // until a checkpoint manages to drop them.
      if (unapplied !== false && this.journalHandedOut > 0) this.journalDamaged = true;
      throw e;
    }
  }

  private async keepBackup(): Promise<void> {
    await this.fs.mkdir(this.backupDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const existing = new Set(await this.fs.readdir(this.backupDir));
    let id = `${stamp}.sqlite`;
    for (let n = 1; existing.has(id); n++) id = `${stamp}-${n}.sqlite`;
    const target = path.join(this.backupDir, id);
    try {
      // A hard link keeps the old snapshot's bytes without copying them; the rename that follows
      // gives the workspace name to the new file.
      await this.fs.link(this.file, target);
    } catch {
      await this.fs.copyFile(this.file, target);
    }
  }

  private async listBackups(): Promise<BackupInfo[]> {
    let entries: string[];
    try {
      entries = await this.fs.readdir(this.backupDir);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') return [];
      throw storageError('list the backups of', this.name, e);
    }
    const out: BackupInfo[] = [];
    for (const id of entries
      .filter((e) => BACKUP_NAME.test(e))
      .sort()
      .reverse()) {
      const st = await this.fs.stat(path.join(this.backupDir, id));
      const stamp = BACKUP_NAME.exec(id)?.[1] ?? '';
      out.push({ id, savedAt: stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z'), bytes: st.size });
    }
    return out;
  }

  private async pruneBackups(): Promise<void> {
    for (const b of (await this.listBackups()).slice(this.keep)) await this.fs.unlink(path.join(this.backupDir, b.id));
  }

  private async removeTemps(): Promise<void> {
    const dir = path.dirname(this.file);
    try {
      for (const entry of await this.fs.readdir(dir)) {
        if (entry.startsWith(`.${this.name}.`) && entry.endsWith('.tmp'))
          await this.fs.unlink(path.join(dir, entry)).catch(() => undefined);
      }
    } catch {
      // Best effort: the next open removes whatever is left.
    }
  }
}

/**
 * The records that continue a snapshot at lastSeq: from lastSeq + 1 on. readJournal's records
 * follow each other without a gap, so the first after lastSeq decides: lastSeq + 1, or none of them.
 */
function following(records: JournalRecord[], lastSeq: number): JournalRecord[] {
  const from = records.findIndex((r) => r.seq > lastSeq);
  return from >= 0 && records[from]?.seq === lastSeq + 1 ? records.slice(from) : [];
}

/** The complete lines of a journal's text: its newlines (a torn last line has none). */
function completeLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Temp files a crash left behind; best effort, since a leftover one is harmless (names are random, opened 'wx'). */
async function removeOrphans(fs: FsLike, dir: string, name: string): Promise<number> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.startsWith(`.${name}.`) || !entry.endsWith('.tmp')) continue;
    try {
      await fs.unlink(path.join(dir, entry));
      removed++;
    } catch {
      // Held by another program, say: left for the next open.
    }
  }
  return removed;
}

/** Enough of a file's stat to tell that it was replaced (a rename puts another inode there) or rewritten. */
interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

/** The file's identity, or null when it cannot be read: then no seal is kept for it. */
async function identify(fs: FsLike, file: string): Promise<FileIdentity | null> {
  try {
    const { ino, size, mtimeMs } = await fs.stat(file);
    return { ino, size, mtimeMs };
  } catch {
    return null;
  }
}

async function readOrEmpty(fs: FsLike, file: string, name: string): Promise<Uint8Array> {
  try {
    return bytesOf(await fs.readFile(file));
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return new Uint8Array(0);
    throw storageError('open', name, e);
  }
}

async function exists(fs: FsLike, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return false;
    throw e;
  }
}
