/**
 * Where a workspace session keeps its edits durable. Implemented over files in Node (the Electron
 * main process, the CLI, the kill test) and over the host bridge in the renderer's worker.
 */
export interface WorkspaceStorage {
  /** Appends one encoded journal line; resolves only once it is durably stored. */
  append(line: string): Promise<void>;
  /**
   * Atomically replaces the stored snapshot with these bytes (which include every record up to
   * lastSeq), keeps the previous snapshots as backups, and drops journal records up to lastSeq.
   * Records with a higher seq, appended while the snapshot was being taken, must be kept, but only
   * those that run on from lastSeq + 1 without a gap. Records storage handed out on opening with a
   * seq above lastSeq were read and not applied (replay stopped there): they, and every record
   * after lastSeq, must go, or a discarded edit would be replayed behind the next one.
   *
   * The seal (./seal.ts) is taken of these exact bytes under this installation's key; storage keeps
   * it with the snapshot and hands it back on opening, so that the next open can skip the integrity
   * check. Storage keeps it as given: a wrong one only costs that open a full check. Keeping it is
   * best effort: once the snapshot is durable the checkpoint has succeeded, and a seal that is lost
   * costs only a full check on the next open.
   */
  checkpoint(snapshot: Uint8Array, lastSeq: number, seal: string): Promise<void>;
  /**
   * The snapshot storage gave on opening passed the full integrity check: keep this seal (of those
   * bytes) with it, so that the next open can skip the check. Without this, a workspace that is
   * opened and read but never edited (a file a colleague sent, the browser's first visit, a
   * restored backup) is never checkpointed, and pays the full check on every open.
   *
   * Best effort, like the seal of a checkpoint: storage may decline (its snapshot has been replaced
   * since it was handed out) and may fail quietly, and the session ignores a rejection. A seal that
   * is lost or kept beside other bytes costs the next open a full check, nothing else.
   */
  recordSeal(seal: string): Promise<void>;
  /**
   * Keeps an imported report's original file, byte for byte, under its SHA-256 (lowercase hex),
   * beside the workspace: `<workspace file>.originals/<sha256>` on disk, IndexedDB in the browser.
   * Never inside the SQLite file, so sql.js's heap holds none of it. Idempotent: an original already
   * kept with the right bytes is left as it is (content-addressed files never change). Resolves only
   * once the bytes are durable; the import that calls it fails, and is rolled back, if it rejects.
   */
  keepOriginal(sha256: string, bytes: Uint8Array): Promise<void>;
}

/** A storage failure, with a message the analyst can act on ("the disk is full"). */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
