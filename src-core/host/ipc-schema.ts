import { z } from 'zod';
import {
  err,
  EXPORT_MIMES,
  EXPORT_TYPES,
  HOST_ERROR_CODES,
  IPC_CHANNELS,
  MENU_COMMANDS,
  type ExportMime,
  type HostErrorCode,
  type IpcChannel,
  type Result,
} from './contract';
import { MAX_JOURNAL_BYTES } from '../workspace/journal';
import { MAX_SEAL_LENGTH, SEAL_KEY_PATTERN, SEAL_PATTERN } from '../workspace/seal';

/**
 * What may cross IPC, checked on both sides: main validates every request before acting on it,
 * the preload validates every reply before the page sees it. IPC payloads are untyped at run time;
 * the types are earned here rather than asserted.
 */

/** Handles are minted by the host: short, opaque, never a path. */
export const handleSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a workspace handle');
const bytesSchema = z.instanceof(Uint8Array);
/** A workspace of a few hundred MB is the design's upper end; refuse absurd sizes early. */
export const MAX_SNAPSHOT_BYTES = 2 * 1024 * 1024 * 1024 - 1;
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

export const exportFileSchema = z
  .object({ suggestedName: exportNameSchema, mime: z.enum(EXPORT_MIMES as [ExportMime, ...ExportMime[]]), bytes: bytesSchema })
  .refine((f) => f.bytes.length > 0 && f.bytes.length <= MAX_EXPORT_BYTES, { message: 'export size', path: ['bytes'] })
  .refine((f) => f.suggestedName.toLowerCase().endsWith(`.${EXPORT_TYPES[f.mime].extension}`), {
    message: 'file name does not end in the extension of its type',
    path: ['suggestedName'],
  });

export const requestSchemas = {
  [IPC_CHANNELS.openLast]: z.tuple([]),
  [IPC_CHANNELS.create]: z.tuple([]),
  [IPC_CHANNELS.open]: z.tuple([]),
  [IPC_CHANNELS.openRecent]: z.tuple([handleSchema]),
  [IPC_CHANNELS.recent]: z.tuple([]),
  [IPC_CHANNELS.appendJournal]: z.tuple([
    handleSchema,
    z
      .string()
      .min(2)
      .max(MAX_JOURNAL_LINE)
      .regex(/^[^\n]*\n$/, 'one line ending in a newline'),
  ]),
  [IPC_CHANNELS.checkpoint]: z
    .tuple([
      handleSchema,
      bytesSchema.refine((b) => b.length > 0 && b.length <= MAX_SNAPSHOT_BYTES, 'snapshot size'),
      z.number().int().min(0),
      sealSchema,
    ])
    .refine(([, snapshot, , seal]) => seal.endsWith(`:${snapshot.length}`), { message: 'is not the seal of this snapshot', path: [3] }),
  [IPC_CHANNELS.recordSeal]: z.tuple([handleSchema, sealSchema]),
  [IPC_CHANNELS.backups]: z.tuple([handleSchema]),
  [IPC_CHANNELS.restoreBackup]: z.tuple([handleSchema, z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, 'not a backup id')]),
  [IPC_CHANNELS.saveCopy]: z.tuple([
    handleSchema,
    bytesSchema.refine((b) => b.length > 0 && b.length <= MAX_SNAPSHOT_BYTES, 'snapshot size'),
  ]),
  [IPC_CHANNELS.pickReports]: z.tuple([]),
  [IPC_CHANNELS.about]: z.tuple([]),
  [IPC_CHANNELS.author]: z.tuple([]),
  [IPC_CHANNELS.setAuthor]: z.tuple([z.string().max(200)]),
  [IPC_CHANNELS.saveExport]: z.tuple([exportFileSchema]),
} satisfies Record<IpcChannel, z.ZodType>;

// Typed as the HostErrorCode union (not string) so a parsed reply is assignable to Result<T>.
const errorSchema = z.object({ code: z.enum(HOST_ERROR_CODES as [HostErrorCode, ...HostErrorCode[]]), message: z.string() });

function resultSchema<T extends z.ZodType>(value: T) {
  return z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: errorSchema })]);
}

const workspaceInfo = z.object({ handle: handleSchema, name: z.string(), isDefault: z.boolean() });
const opened = z.object({
  info: workspaceInfo,
  snapshot: bytesSchema,
  journal: journalTextSchema,
  journalCut: journalCutSchema.nullable().optional(),
  orphansRemoved: z.number().int().min(0),
  seal: sealSchema.nullable(),
  sealKey: sealKeySchema,
});

export const replySchemas = {
  [IPC_CHANNELS.openLast]: resultSchema(opened),
  [IPC_CHANNELS.create]: resultSchema(opened.nullable()),
  [IPC_CHANNELS.open]: resultSchema(opened.nullable()),
  [IPC_CHANNELS.openRecent]: resultSchema(opened),
  [IPC_CHANNELS.recent]: resultSchema(z.array(workspaceInfo)),
  [IPC_CHANNELS.appendJournal]: resultSchema(z.undefined()),
  [IPC_CHANNELS.checkpoint]: resultSchema(z.undefined()),
  [IPC_CHANNELS.recordSeal]: resultSchema(z.undefined()),
  [IPC_CHANNELS.backups]: resultSchema(z.array(z.object({ id: z.string(), savedAt: z.string(), bytes: z.number() }))),
  [IPC_CHANNELS.restoreBackup]: resultSchema(opened),
  [IPC_CHANNELS.saveCopy]: resultSchema(workspaceInfo.nullable()),
  [IPC_CHANNELS.pickReports]: resultSchema(z.array(z.object({ name: z.string(), bytes: bytesSchema }))),
  [IPC_CHANNELS.about]: resultSchema(
    z.object({
      name: z.string(),
      version: z.string(),
      electron: z.string().nullable(),
      chrome: z.string().nullable(),
      node: z.string().nullable(),
      licences: z.string(),
    }),
  ),
  [IPC_CHANNELS.author]: resultSchema(z.string()),
  [IPC_CHANNELS.setAuthor]: resultSchema(z.string()),
  [IPC_CHANNELS.saveExport]: resultSchema(z.object({ saved: z.boolean(), name: z.string().max(1000) })),
} satisfies Record<IpcChannel, z.ZodType>;

export const menuCommandSchema = z.object({ command: z.enum(MENU_COMMANDS), handle: handleSchema.optional() });

/** Checks a request's arguments; the error says which channel and what was wrong, never echoes data. */
export function parseRequest<C extends IpcChannel>(channel: C, args: unknown[]): Result<z.infer<(typeof requestSchemas)[C]>> {
  const parsed = requestSchemas[channel].safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data as z.infer<(typeof requestSchemas)[C]> };
  const issue = parsed.error.issues[0];
  return err('invalid-input', `${channel}: argument ${issue?.path.join('.') || ''} ${issue?.message ?? 'is invalid'}`.replace(/\s+/g, ' '));
}

/** Checks a reply from the host; anything unexpected becomes a bad-response error value. */
export function parseReply<C extends IpcChannel>(channel: C, reply: unknown): z.infer<(typeof replySchemas)[C]> | Result<never> {
  const parsed = replySchemas[channel].safeParse(reply);
  if (parsed.success) return parsed.data as z.infer<(typeof replySchemas)[C]>;
  return err('bad-response', `The application host sent a reply to ${channel} this version does not understand`);
}
