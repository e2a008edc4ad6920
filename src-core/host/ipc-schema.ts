import { z } from 'zod';
import { EXPORT_MIMES, EXPORT_TYPES, HOST_ERROR_CODES, MENU_COMMANDS, type ExportMime, type HostErrorCode } from './contract';
import { MAX_REPORT_BYTES } from '../limits';
import { MAX_JOURNAL_BYTES } from '../workspace/journal';
import { MAX_SEAL_LENGTH, SEAL_KEY_PATTERN, SEAL_PATTERN } from '../workspace/seal';

/**
 * The values that cross IPC, checked on both sides: main validates every request before acting on
 * it, the preload validates every reply before the page sees it. IPC payloads are untyped at run
 * time; the types are earned here rather than asserted, and the types the rest of the app uses
 * (OpenedWorkspace, ExportFile, …) are inferred from these schemas (./contract.ts). Which method
 * takes and answers which of them is the table in ./methods.ts.
 */

/** Handles are minted by the host: short, opaque, never a path. */
export const handleSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a workspace handle');
// z.custom rather than z.instanceof: the latter infers Uint8Array<ArrayBuffer>, narrower than the
// arrays the worker and Node hand over.
const bytesSchema = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes');
/** A workspace of a few hundred MB is the design's upper end; refuse absurd sizes early. */
export const MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024 * 1024 - 1;
/** A whole workspace's bytes, as a checkpoint or a copy writes them: never empty, never absurd. */
export const snapshotSchema = bytesSchema.refine((b) => b.length > 0 && b.length <= MAX_SNAPSHOT_BYTES, 'snapshot size');
/** A snapshot's seal (src-core/workspace/seal.ts): a fixed shape, so nothing else rides along with it. */
export const sealSchema = z.string().max(MAX_SEAL_LENGTH).regex(SEAL_PATTERN, 'not a snapshot seal');
/** The installation's seal key, handed to the worker with a workspace. */
export const sealKeySchema = z.string().regex(SEAL_KEY_PATTERN, 'not a seal key');
/** Where the host stopped reading a journal (src-core/workspace/journal.ts). */
export const journalCutSchema = z.object({
  line: z.number().int().positive(),
  reason: z.enum(['too-long', 'over-limit']),
  bytes: z.number().int().min(0),
});
/** The journal as the host read it: never more than the limit a host reads of it. */
export const journalTextSchema = z.string().max(MAX_JOURNAL_BYTES);
/** One journal record: one edit. A note longer than this is not a note. */
export const MAX_JOURNAL_LINE = 1024 * 1024;
/** One encoded journal record, as appended: one line ending in a newline. */
export const journalLineSchema = z
  .string()
  .min(2)
  .max(MAX_JOURNAL_LINE)
  .regex(/^[^\n]*\n$/, 'one line ending in a newline');
/** A backup's id, as the host listed it: a bare file name, never a path. */
export const backupIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'not a backup id');

/** A briefing pack with its chart, or a grid of 300k findings as XLSX, is tens of MB at most. */
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;

/**
 * A bare file name: no folder separators, no leading dot, no characters Windows refuses, and the
 * extension its type calls for, so the page cannot steer where the file goes or what it opens as.
 */
export const exportNameSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((name) => !/^\.|[/\\:*?"<>|]/.test(name) && [...name].every((c) => c.charCodeAt(0) >= 0x20), 'not a bare file name');

/**
 * The name the analyst gives a new workspace: shown in the app and, on the desktop, offered as the
 * file name in the save dialog. Text only: no control characters, and no longer than a file name.
 */
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .max(120, 'is longer than 120 characters')
  .refine((name) => [...name].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f), 'has a control character');

/** An export the renderer made (a briefing pack, a grid's rows) for the host to save where the user says. */
export const exportFileSchema = z
  .object({
    /** A bare file name the dialog starts with ("Gwent brief 2026-11-27.docx"); never a path. */
    suggestedName: exportNameSchema,
    mime: z.enum(EXPORT_MIMES as [ExportMime, ...ExportMime[]]),
    bytes: bytesSchema,
  })
  .refine((f) => f.bytes.length > 0 && f.bytes.length <= MAX_EXPORT_BYTES, { message: 'export size', path: ['bytes'] })
  .refine((f) => f.suggestedName.toLowerCase().endsWith(`.${EXPORT_TYPES[f.mime].extension}`), {
    message: 'file name does not end in the extension of its type',
    path: ['suggestedName'],
  });

/** Whether the file was saved (false: the user cancelled) and the name it was saved under, without its folder. */
export const savedExportSchema = z.object({ saved: z.boolean(), name: z.string().max(1000) });

/**
 * An open workspace as the renderer knows it: an opaque handle minted by the host for a file the
 * user chose in a dialog (or the default workspace), and a name to show. Never a path.
 */
export const workspaceInfoSchema = z.object({
  handle: handleSchema,
  name: z.string(),
  /** The bundled default workspace (a private copy of it) rather than a file the user chose. */
  isDefault: z.boolean(),
});

/** What the worker needs to open a workspace: the last snapshot and the journal since it. */
export const openedWorkspaceSchema = z.object({
  info: workspaceInfoSchema,
  /** SQLite bytes; empty for a workspace just created, which the worker then initialises. */
  snapshot: bytesSchema,
  /**
   * The journal as the host read it, within its limits (src-core/workspace/journal.ts): one JSON
   * record per line, the last one possibly torn.
   */
  journal: journalTextSchema,
  /** Where the host stopped reading the journal (a record too long, the journal past its limit); absent or null when it read it all. */
  journalCut: journalCutSchema.nullable().optional(),
  /** Temporary files left by an interrupted checkpoint and removed on opening. */
  orphansRemoved: z.number().int().min(0),
  /**
   * The seal recorded with this snapshot at the checkpoint that wrote it (src-core/workspace/seal.ts),
   * or null (foreign bytes, a restored backup, a seal lost or never written). The worker checks it
   * against the bytes itself: a seal that does not match only means a full integrity check.
   */
  seal: sealSchema.nullable(),
  /**
   * This installation's seal key, which the worker checks the seal with and seals checkpoints with.
   * It never leaves the installation: the host keeps it (Electron's user data, the browser's
   * IndexedDB) and hands it only to the worker, our own code, never beside a workspace.
   */
  sealKey: sealKeySchema,
});

export const backupInfoSchema = z.object({ id: z.string(), savedAt: z.string(), bytes: z.number() });

/** The SHA-256 of a report's original file, as reports.content_hash records it: 64 lowercase hex digits, never a path. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 (64 lowercase hex digits)');

/** A report's file name as the workspace records it (reports.source_name), to name it in a message or a dialog. */
export const reportNameSchema = z.string().min(1).max(1000);

/** A report's original file: never empty, never past the import's limit (src-core/limits.ts). */
export const reportBytesSchema = bytesSchema.refine((b) => b.length > 0 && b.length <= MAX_REPORT_BYTES, 'report size');

/**
 * A report's original file as imported, read back by the host bounded and checked against its hash
 * (src-main/node/workspace/originals.ts, src-renderer/host/browser-originals.ts).
 */
export const originalSchema = z.object({ bytes: reportBytesSchema });

/** A report the user picked to import, read by the host (size-checked) and handed over as bytes. */
export const reportFileSchema = z.object({ name: z.string(), bytes: bytesSchema });

export const aboutInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  electron: z.string().nullable(),
  chrome: z.string().nullable(),
  node: z.string().nullable(),
  licences: z.string(),
});

// Typed as the HostErrorCode union (not string) so a parsed reply is assignable to Result<T>.
const errorSchema = z.object({
  code: z.enum(HOST_ERROR_CODES as [HostErrorCode, ...HostErrorCode[]]),
  message: z.string(),
  // Which refusal, for the analyst's wording (src-renderer/shared/errors/analyst-words.ts).
  reason: z.string().max(40).optional(),
});

/** A reply as it crosses IPC: the value, or an error value (./contract.ts, Result). */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: errorSchema })]);
}

export const menuCommandSchema = z.object({ command: z.enum(MENU_COMMANDS), handle: handleSchema.optional() });
