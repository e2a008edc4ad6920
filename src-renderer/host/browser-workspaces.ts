import type { BackupInfo, OpenedWorkspace, WorkspaceInfo } from '../../src-core/host/contract';
import { MAX_JOURNAL_BYTES, MAX_RECORD_BYTES, utf8Length, type JournalCut } from '../../src-core/workspace/journal';
import { newSealKey, SEAL_KEY_PATTERN, SEAL_PATTERN, type SealKey } from '../../src-core/workspace/seal';
import { committed, openDatabase, request } from './idb';

/**
 * The browser host's workspace files, in IndexedDB: the same durability protocol as the Electron
 * host's files (DESIGN.md), with a transaction where the desktop has fsync and rename.
 *
 *  - workspaces: {handle, name, isDefault, snapshotId, lastSeq, bytes, savedAt, nextSnapshot, seal}
 *  - snapshots:  {id, snapshot} — the current snapshot and the backups, by id; a checkpoint adds one
 *                and re-points the workspace, so the previous one becomes a backup without being copied
 *  - backups:    {id, handle, order, savedAt, bytes, lastSeq} — which snapshots are backups, 5 per workspace
 *  - journal:    {handle, seq, line}, keyed [handle, seq]
 *  - meta:       'last' → handle, 'recent' → handles, most recent first, 'sealKey' → this browser
 *                profile's seal key (src-core/workspace/seal.ts), made on first use; it never leaves
 *                the origin's storage except to the DB worker, so a seal from elsewhere never matches
 */

const DB_NAME = 'peel-workbench';
const DB_VERSION = 1;
const KEEP_BACKUPS = 5;
const KEEP_RECENT = 10;
const SEAL_KEY = 'sealKey';

interface WorkspaceRow {
  handle: string;
  name: string;
  isDefault: boolean;
  /** null until the first checkpoint of a new workspace. */
  snapshotId: string | null;
  lastSeq: number;
  bytes: number;
  savedAt: string;
  nextSnapshot: number;
  /**
   * The seal of the current snapshot (src-core/workspace/seal.ts), written in the transaction that
   * stores the snapshot, so the two cannot disagree. null for bytes this app did not export (the
   * bundled default, a file opened from disk) and for a restored backup, until an open has checked
   * them in full and sealed them (recordSeal, only while the row still points at those bytes);
   * absent in rows written before seals, which reads as null. Either way the next open runs the
   * full integrity check.
   */
  seal?: string | null;
}

/** A recorded seal of the right shape, or null: anything else only costs the next open a full check. */
function recordedSeal(row: WorkspaceRow): string | null {
  return typeof row.seal === 'string' && SEAL_PATTERN.test(row.seal) ? row.seal : null;
}

interface SnapshotRow {
  id: string;
  /**
   * A Blob, which Chromium keeps outside the record: a record's own value is capped at ~127 MB, and
   * a workspace of a thousand reports is over 300 MB. Rows written before this are bytes.
   */
  snapshot: Blob | Uint8Array;
}

/** The bytes of a stored snapshot. Read after the transaction: a Blob outlives it. */
async function bytesOf(snapshot: Blob | Uint8Array | undefined): Promise<Uint8Array> {
  if (!snapshot) return new Uint8Array();
  return snapshot instanceof Uint8Array ? snapshot : new Uint8Array(await snapshot.arrayBuffer());
}

const stored = (snapshot: Uint8Array): Blob => new Blob([snapshot as Uint8Array<ArrayBuffer>]);

interface BackupRow {
  id: string;
  handle: string;
  order: number;
  savedAt: string;
  bytes: number;
  lastSeq: number;
}

interface JournalRow {
  handle: string;
  seq: number;
  line: string;
}

/** A handle the store does not know (deleted in another tab, or never created). */
export class UnknownWorkspace extends Error {
  override readonly name = 'UnknownWorkspace';
}

const STRICT: IDBTransactionOptions = { durability: 'strict' };

function journalRange(handle: string, upTo = Infinity): IDBKeyRange {
  return IDBKeyRange.bound([handle, 0], [handle, upTo]);
}

/** The seq of a journal row's key, [handle, seq]; 0 for a key of another shape. */
function seqOfKey(key: IDBValidKey): number {
  const seq: unknown = Array.isArray(key) ? key[1] : undefined;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : 0;
}

/**
 * Drops, inside a checkpoint's transaction, the journal rows after `lastSeq` that must not outlive
 * it. The desktop host keeps, after a checkpoint, only records that continue the snapshot in an
 * unbroken valid run (src-main/node/workspace/file-store.ts, trimJournal): a damaged record and all
 * after it go. Here rows are keyed by seq, so a row left behind is worse than a line left in a
 * file: the next edit takes seq lastSeq + 1 (replacing the row there), and a later open replays
 * the old rows lastSeq + 2, ... on top of it, edits the analyst was told were discarded coming
 * back, applied to a different workspace.
 *
 * Which rows those are is known without reading them again: the session applied every record it
 * could, in order, and checkpoints at lastSeq = the last one it applied, and it is this workspace's
 * one writer (edits wait for checkpoints). So a row it was handed on opening (seq up to
 * `handedOut`) with a seq above lastSeq is one it read and did not apply: damaged, out of order,
 * behind one that was, or an edit that no longer applies (which passes its checksum, so checking
 * checksums here would not find it; nor could a checksum, an async digest, be taken inside the
 * transaction, which would commit meanwhile). Then every row after lastSeq goes, as on the desktop
 * everything after the first bad record does. Otherwise rows after lastSeq were appended since the
 * session opened, by no edit it has acknowledged, and are kept while they run on from lastSeq
 * without a gap (WorkspaceStorage.checkpoint: records appended while the snapshot was taken are
 * kept); the next open checks them, and its own checkpoint drops them if they are bad. Read by
 * cursor, a row at a time.
 */
function trimAfter(store: IDBObjectStore, handle: string, lastSeq: number, handedOut: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = lastSeq + 1;
    let keeping = handedOut <= lastSeq;
    const cursor = store.openCursor(IDBKeyRange.bound([handle, lastSeq], [handle, Infinity], true));
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB request failed'));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve();
      if (keeping && seqOfKey(c.primaryKey) === next) next++;
      else {
        keeping = false;
        c.delete();
      }
      c.continue();
    };
  });
}

/**
 * A workspace's journal rows, in seq order, within the limits every host reads a journal with
 * (src-core/workspace/journal.ts). Each row was checked on its way in (one line of at most
 * MAX_JOURNAL_LINE) and the session checkpoints before the journal passes its limit, so only a
 * damaged profile needs the cut; read by cursor, a row at a time, so that memory stays bounded even
 * then. Rows from the cut on are deleted (the store is the load's read-write transaction), as the
 * desktop host cuts its journal file there: they are never replayed. `lastKey` is the highest seq
 * of a row read (0 when none): see BrowserWorkspaces.journalHandedOut.
 */
function readJournalRows(store: IDBObjectStore, handle: string): Promise<{ text: string; cut: JournalCut | null; lastKey: number }> {
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let read = 0;
    let cut: JournalCut | null = null;
    let lastKey = 0;
    const cursor = store.openCursor(journalRange(handle));
    cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB request failed'));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return resolve({ text: lines.join(''), cut, lastKey });
      lastKey = Math.max(lastKey, seqOfKey(c.primaryKey));
      // A row that is not a line reads as an empty line: not a record, so replay stops there.
      const line = typeof (c.value as JournalRow).line === 'string' ? (c.value as JournalRow).line : '\n';
      const bytes = utf8Length(line);
      if (!cut && bytes <= MAX_RECORD_BYTES && read + bytes <= MAX_JOURNAL_BYTES) {
        lines.push(line);
        read += bytes;
      } else {
        // From the cut on, rows are counted for the report of what was not read, and deleted.
        if (cut) cut.bytes += bytes;
        else cut = { line: lines.length + 1, reason: bytes > MAX_RECORD_BYTES ? 'too-long' : 'over-limit', bytes };
        c.delete();
      }
      c.continue();
    };
  });
}

function infoOf(row: WorkspaceRow): WorkspaceInfo {
  return { handle: row.handle, name: row.name, isDefault: row.isDefault };
}

export class BrowserWorkspaces {
  /**
   * The snapshot id each workspace had when this tab handed its bytes out (add, load, restore):
   * recordSeal seals only that snapshot, and only while the row still points at it.
   */
  private readonly handedOut = new Map<string, string>();
  /**
   * The highest journal seq each workspace had when this tab handed its journal out (load), until
   * a checkpoint has dealt with those rows: see trimAfter. None after add and restore (no journal).
   */
  private readonly journalHandedOut = new Map<string, number>();
  private key: Promise<SealKey> | null = null;

  private constructor(private readonly db: IDBDatabase) {}

  /**
   * This profile's seal key, made on first use. Read and made in one transaction, so two tabs
   * starting at once agree on one key. A key that cannot be stored serves this tab from memory:
   * seals made with it do not match after a reload, which costs full checks only.
   */
  private sealKey(): Promise<SealKey> {
    this.key ??= (async () => {
      try {
        const tx = this.db.transaction(['meta'], 'readwrite');
        const done = committed(tx);
        const stored: unknown = await request(tx.objectStore('meta').get(SEAL_KEY));
        const key = typeof stored === 'string' && SEAL_KEY_PATTERN.test(stored) ? stored : newSealKey();
        if (key !== stored) tx.objectStore('meta').put(key, SEAL_KEY);
        await done;
        return key;
      } catch {
        return newSealKey();
      }
    })();
    return this.key;
  }

  static async open(): Promise<BrowserWorkspaces> {
    const db = await openDatabase(DB_NAME, DB_VERSION, (db, oldVersion) => {
      if (oldVersion < 1) {
        db.createObjectStore('workspaces', { keyPath: 'handle' });
        db.createObjectStore('snapshots', { keyPath: 'id' });
        db.createObjectStore('backups', { keyPath: 'id' }).createIndex('by_handle', 'handle');
        db.createObjectStore('journal', { keyPath: ['handle', 'seq'] });
        db.createObjectStore('meta');
      }
    });
    return new BrowserWorkspaces(db);
  }

  /**
   * Stores a new workspace (empty, or a private copy of the given bytes) and makes it the last used.
   * The bytes come from outside (the bundled default, a file the user picked): no seal, so their
   * first open runs the full integrity check. `blob`, when given, holds the same bytes (the fetched
   * or chosen file): it is stored as it is, rather than copied once more into a new Blob — a few
   * hundred MB less at the peak of a large workspace's first open.
   */
  async add(info: WorkspaceInfo, snapshot: Uint8Array, blob?: Blob): Promise<OpenedWorkspace> {
    if (blob && blob.size !== snapshot.length) throw new Error('the Blob and the bytes of a new workspace differ in size');
    const tx = this.db.transaction(['workspaces', 'snapshots', 'meta'], 'readwrite', STRICT);
    const done = committed(tx);
    const snapshotId = snapshot.length > 0 ? `${info.handle}.1` : null;
    if (snapshotId) tx.objectStore('snapshots').put({ id: snapshotId, snapshot: blob ?? stored(snapshot) } satisfies SnapshotRow);
    const row: WorkspaceRow = {
      ...info,
      snapshotId,
      lastSeq: 0,
      bytes: snapshot.length,
      savedAt: new Date().toISOString(),
      nextSnapshot: 2,
      seal: null,
    };
    tx.objectStore('workspaces').put(row);
    await this.markUsed(tx, info.handle);
    await done;
    this.handOut(info.handle, snapshotId);
    this.journalHandedOut.delete(info.handle);
    return { info, snapshot, journal: '', orphansRemoved: 0, seal: null, sealKey: await this.sealKey() };
  }

  /** What is known of a workspace without loading it, or null when there is no such workspace. */
  async info(handle: string): Promise<WorkspaceInfo | null> {
    const row = (await request(this.db.transaction('workspaces').objectStore('workspaces').get(handle))) as WorkspaceRow | undefined;
    return row ? infoOf(row) : null;
  }

  async lastUsed(): Promise<string | null> {
    const last: unknown = await request(this.db.transaction('meta').objectStore('meta').get('last'));
    return typeof last === 'string' ? last : null;
  }

  /** The workspace's snapshot and journal, or null when there is no such workspace. Marks it last used. */
  async load(handle: string): Promise<OpenedWorkspace | null> {
    const tx = this.db.transaction(['workspaces', 'snapshots', 'journal', 'meta'], 'readwrite');
    const done = committed(tx);
    const row = (await request(tx.objectStore('workspaces').get(handle))) as WorkspaceRow | undefined;
    if (!row) {
      await done;
      return null;
    }
    const snap = row.snapshotId ? ((await request(tx.objectStore('snapshots').get(row.snapshotId))) as SnapshotRow | undefined) : undefined;
    const journal = await readJournalRows(tx.objectStore('journal'), handle);
    await this.markUsed(tx, handle);
    await done;
    this.handOut(handle, snap ? row.snapshotId : null);
    this.journalHandedOut.set(handle, journal.lastKey);
    return {
      info: infoOf(row),
      snapshot: await bytesOf(snap?.snapshot),
      journal: journal.text,
      journalCut: journal.cut,
      orphansRemoved: 0,
      seal: snap ? recordedSeal(row) : null,
      sealKey: await this.sealKey(),
    };
  }

  async recent(): Promise<WorkspaceInfo[]> {
    const tx = this.db.transaction(['workspaces', 'meta']);
    const handles = await this.recentHandles(tx);
    const rows = await Promise.all(handles.map((h) => request(tx.objectStore('workspaces').get(h)) as Promise<WorkspaceRow | undefined>));
    return rows.filter((r): r is WorkspaceRow => r !== undefined).map(infoOf);
  }

  /** Resolves once the record is committed with strict durability. */
  async append(handle: string, seq: number, line: string): Promise<void> {
    const tx = this.db.transaction(['workspaces', 'journal'], 'readwrite', STRICT);
    const done = committed(tx);
    if (!(await request(tx.objectStore('workspaces').getKey(handle)))) {
      tx.abort();
      await done.catch(() => undefined);
      throw new UnknownWorkspace(`There is no workspace ${handle} in this browser`);
    }
    // put, not add: a seq whose earlier append failed (and whose edit was rolled back) is reused.
    tx.objectStore('journal').put({ handle, seq, line } satisfies JournalRow);
    await done;
  }

  /**
   * One transaction: the new snapshot goes in, the previous one becomes a backup (the oldest
   * beyond five are deleted), and the journal records it contains are dropped, with those after
   * it that replay did not apply (trimAfter). All of it commits, or none of it does — the
   * IndexedDB equivalent of temp file, fsync, rename. The snapshot's seal is stored in the same
   * transaction.
   */
  async checkpoint(handle: string, snapshot: Uint8Array, lastSeq: number, seal: string): Promise<void> {
    const tx = this.db.transaction(['workspaces', 'snapshots', 'backups', 'journal'], 'readwrite', STRICT);
    const done = committed(tx);
    const row = await this.row(tx, handle, done);
    const id = `${handle}.${row.nextSnapshot}`;
    tx.objectStore('snapshots').put({ id, snapshot: stored(snapshot) } satisfies SnapshotRow);
    if (row.snapshotId) await this.keepAsBackup(tx, row);
    tx.objectStore('workspaces').put({
      ...row,
      snapshotId: id,
      lastSeq,
      bytes: snapshot.length,
      savedAt: new Date().toISOString(),
      nextSnapshot: row.nextSnapshot + 1,
      seal,
    } satisfies WorkspaceRow);
    tx.objectStore('journal').delete(journalRange(handle, lastSeq));
    await trimAfter(tx.objectStore('journal'), handle, lastSeq, this.journalHandedOut.get(handle) ?? 0);
    await done;
    // Every row handed out is now at or below lastSeq (and gone) or was dropped above.
    this.journalHandedOut.delete(handle);
  }

  async backups(handle: string): Promise<BackupInfo[]> {
    const rows = (await request(this.db.transaction('backups').objectStore('backups').index('by_handle').getAll(handle))) as BackupRow[];
    return rows.sort((a, b) => b.order - a.order).map((b) => ({ id: b.id, savedAt: b.savedAt, bytes: b.bytes }));
  }

  /**
   * Makes a backup the workspace's snapshot. The snapshot it replaces becomes a backup in turn, so
   * a restore can be undone; the journal is dropped, because its records were made on top of the
   * replaced snapshot (the caller checkpoints first, so they are in it).
   */
  async restore(handle: string, backupId: string): Promise<OpenedWorkspace | null> {
    const tx = this.db.transaction(['workspaces', 'snapshots', 'backups', 'journal'], 'readwrite', STRICT);
    const done = committed(tx);
    const row = await this.row(tx, handle, done);
    const backup = (await request(tx.objectStore('backups').get(backupId))) as BackupRow | undefined;
    const snap =
      backup?.handle === handle ? ((await request(tx.objectStore('snapshots').get(backupId))) as SnapshotRow | undefined) : undefined;
    if (!backup || !snap) {
      tx.abort();
      await done.catch(() => undefined);
      return null;
    }
    tx.objectStore('backups').delete(backupId);
    if (row.snapshotId) await this.keepAsBackup(tx, row);
    tx.objectStore('workspaces').put({
      ...row,
      snapshotId: backupId,
      lastSeq: backup.lastSeq,
      bytes: backup.bytes,
      savedAt: new Date().toISOString(),
      // Backups keep no seal: a restored snapshot is checked in full when it is opened.
      seal: null,
    } satisfies WorkspaceRow);
    tx.objectStore('journal').delete(journalRange(handle));
    await done;
    this.handOut(handle, backupId);
    this.journalHandedOut.delete(handle);
    return {
      info: infoOf(row),
      snapshot: await bytesOf(snap.snapshot),
      journal: '',
      orphansRemoved: 0,
      seal: null,
      sealKey: await this.sealKey(),
    };
  }

  /**
   * Keeps the seal of the snapshot this tab handed out, which the worker has checked in full, so
   * that the next open skips the check (a workspace only read is never checkpointed, and would pay
   * it on every open). Only while the row still points at that snapshot and records its length: a
   * checkpoint since (in this tab or another) stored new bytes with their own seal, which must not
   * be replaced. Resolves whether the seal was kept. Without strict durability, like the seal file
   * of the desktop host: a seal lost to a crash costs a full check, nothing else.
   */
  async recordSeal(handle: string, seal: string): Promise<boolean> {
    const snapshotId = this.handedOut.get(handle);
    if (!snapshotId || !SEAL_PATTERN.test(seal)) return false;
    const tx = this.db.transaction(['workspaces'], 'readwrite');
    const done = committed(tx);
    const row = await this.row(tx, handle, done);
    const current = row.snapshotId === snapshotId && seal.endsWith(`:${row.bytes}`);
    if (current) tx.objectStore('workspaces').put({ ...row, seal } satisfies WorkspaceRow);
    await done;
    return current;
  }

  private handOut(handle: string, snapshotId: string | null): void {
    if (snapshotId) this.handedOut.set(handle, snapshotId);
    else this.handedOut.delete(handle);
  }

  private async row(tx: IDBTransaction, handle: string, done: Promise<void>): Promise<WorkspaceRow> {
    const row = (await request(tx.objectStore('workspaces').get(handle))) as WorkspaceRow | undefined;
    if (row) return row;
    tx.abort();
    await done.catch(() => undefined);
    throw new UnknownWorkspace(`There is no workspace ${handle} in this browser`);
  }

  private async keepAsBackup(tx: IDBTransaction, row: WorkspaceRow): Promise<void> {
    if (!row.snapshotId) return;
    const store = tx.objectStore('backups');
    const existing = (await request(store.index('by_handle').getAll(row.handle))) as BackupRow[];
    const backup: BackupRow = {
      id: row.snapshotId,
      handle: row.handle,
      order: Math.max(0, ...existing.map((b) => b.order)) + 1,
      savedAt: row.savedAt,
      bytes: row.bytes,
      lastSeq: row.lastSeq,
    };
    store.put(backup);
    for (const stale of [backup, ...existing].sort((a, b) => b.order - a.order).slice(KEEP_BACKUPS)) {
      store.delete(stale.id);
      tx.objectStore('snapshots').delete(stale.id);
    }
  }

  private async recentHandles(tx: IDBTransaction): Promise<string[]> {
    const recent: unknown = await request(tx.objectStore('meta').get('recent'));
    return Array.isArray(recent) ? recent.filter((h): h is string => typeof h === 'string') : [];
  }

  private async markUsed(tx: IDBTransaction, handle: string): Promise<void> {
    const recent = await this.recentHandles(tx);
    const meta = tx.objectStore('meta');
    meta.put(handle, 'last');
    meta.put([handle, ...recent.filter((h) => h !== handle)].slice(0, KEEP_RECENT), 'recent');
  }
}
