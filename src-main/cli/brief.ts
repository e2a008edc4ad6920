import { existsSync, statSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { PackFileFormat } from '../../src-core/limits';
import { buildPack } from '../../src-core/brief/build';
import { renderHtmlUtf8 } from '../../src-core/brief/html';
import { renderMarkdownUtf8 } from '../../src-core/brief/markdown';
import {
  findingCount,
  MARKINGS,
  PACK_SECTIONS,
  packDefinitionSchema,
  type BriefingPack,
  type Marking,
  type PackDefinition,
  type PackSectionKey,
} from '../../src-core/brief/model';
import { all, type SqlDatabase } from '../../src-core/db/sql-db';
import { describeJournalStop } from '../../src-core/workspace/journal';
import { newSealKey } from '../../src-core/workspace/seal';
import { WorkspaceSession, type OpenReport } from '../../src-core/workspace/session';
import type { WorkspaceStorage } from '../../src-core/workspace/storage';
import { errnoCode } from '../node/workspace/fs-errors';
import { readJournalSidecar, readSealSidecar } from '../node/workspace/sidecars';
import { cliSealKeys } from './seal-keys';
import { writeFileAtomic } from '../node/atomic-write';
import { readMigrations } from '../node/migrations-fs';
import { loadSqlEngine } from '../node/sqljs';
import { bytesOf } from '../node/bytes';
import { printed } from './format';

/** A mistake the analyst can fix (bad option, missing file, unknown view): one line on stderr, exit code 1, nothing written. */
export class BriefUsageError extends Error {}

const FORMATS = {
  '.docx': 'DOCX',
  '.pdf': 'PDF',
  '.html': 'HTML',
  '.htm': 'HTML',
  '.md': 'Markdown',
  '.markdown': 'Markdown',
} as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];
/** Each format's limit on findings (src-core/limits.ts). */
const FILE_FORMAT: Record<Format, PackFileFormat> = { DOCX: 'docx', PDF: 'pdf', HTML: 'html', Markdown: 'md' };

interface BriefOptions {
  out: string;
  marking?: string;
  caveat?: string;
  title?: string;
  audience?: string;
  author?: string;
  date?: string;
  view?: string;
  sections?: string;
}

function write(s: string): void {
  process.stdout.write(printed(s));
}

function formatOf(out: string): Format {
  const ext = path.extname(out).toLowerCase();
  const format = (FORMATS as Record<string, Format>)[ext];
  if (!format) {
    throw new BriefUsageError(`--out ${out}: cannot write a pack as "${ext || '(no extension)'}"; name it .docx, .pdf, .html or .md`);
  }
  return format;
}

function markingOf(marking: string | undefined): Marking {
  const choices = MARKINGS.join(' or ');
  if (!marking) throw new BriefUsageError(`--marking is required: choose ${choices} (there is no default; the analyst decides)`);
  const m = MARKINGS.find((x) => x === marking.trim().toUpperCase());
  if (!m) throw new BriefUsageError(`--marking "${marking}" is not a protective marking this tool prints; choose ${choices}`);
  return m;
}

function sectionsOf(list: string | undefined): PackSectionKey[] {
  if (list === undefined) return [...PACK_SECTIONS];
  const wanted = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = wanted.filter((s) => !(PACK_SECTIONS as readonly string[]).includes(s));
  if (unknown.length || wanted.length === 0) {
    throw new BriefUsageError(
      `--sections "${list}": ${unknown.length ? `unknown ${unknown.map((u) => `"${u}"`).join(', ')}; ` : ''}choose from ${PACK_SECTIONS.join(',')}`,
    );
  }
  return wanted as PackSectionKey[];
}

/** Who is writing: the OS user, as the app stamps edits. */
function osUser(): string {
  try {
    return userInfo().username || process.env.USER || 'analyst';
  } catch {
    return process.env.USER || process.env.USERNAME || 'analyst';
  }
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Storage that writes nothing: the CLI reads a workspace, it never changes it (not even to trim a damaged journal or keep a seal). */
const READ_ONLY: WorkspaceStorage = { append: async () => undefined, checkpoint: async () => undefined, recordSeal: async () => undefined };

/**
 * The workspace as the app would show it: the snapshot plus the edits journaled since the last
 * checkpoint (the app may be open with unsaved-to-snapshot edits), replayed in memory only.
 */
async function openReadOnly(file: string): Promise<SqlDatabase> {
  const resolved = path.resolve(file);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) throw new BriefUsageError(`${file}: no such workspace file`);
  const snapshot = bytesOf(await readFile(resolved));
  if (snapshot.length === 0) throw new BriefUsageError(`${file} is empty, so it is not a PEEL Workbench workspace`);
  // The files beside it are read as bounded streams (../workspace/sidecars.ts): whatever their
  // size, a brief reads at most the journal's limit, and a seal only if it is the size of a seal.
  const journal = await readJournalSidecar(nodeFs, `${resolved}.peel-journal`).catch((e: unknown) => {
    throw new BriefUsageError(`${file}.peel-journal cannot be read (${errnoCode(e) ?? String(e)}), so the edits in it cannot be shown`);
  });
  // The app's seal of this snapshot, if it left one: bytes that match it under a key of the app's on
  // this machine skip the integrity check (src-core/workspace/seal.ts); a seal from anywhere else
  // does not match. With no key, one that sealed nothing stands in: then nothing matches.
  const seal = await readSealSidecar(nodeFs, `${resolved}.peel-seal`);
  const keys = await cliSealKeys();
  const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
  const loaded = {
    name: path.basename(file),
    snapshot,
    journal: journal.text,
    journalCut: journal.cut,
    seal,
    sealKey: keys.length ? keys : newSealKey(),
  };
  const opened = await WorkspaceSession.open(engine, migrations, loaded, READ_ONLY);
  warnSkipped(file, opened);
  return opened.session.db;
}

/**
 * Every journal record the brief leaves out, and why, on stderr (the pack is still written, as the
 * app opens the workspace with the same records left out): a record stops replay when it is torn,
 * damaged, too long or no longer applies, and none after it is applied, since it may depend on it.
 */
function warnSkipped(file: string, { discarded, journalStop }: OpenReport): void {
  if (discarded === 0 || journalStop === null) return;
  const records = discarded === 1 ? '1 journal record was' : `${discarded} journal records were`;
  const after = discarded > 1 ? ', and none after it is applied' : '';
  process.stderr.write(
    printed(
      `peel-workbench: warning: ${file}.peel-journal: ${records} not replayed: ${describeJournalStop(journalStop)}${after}; the pack has the edits before it`,
    ),
  );
}

function savedViewId(db: SqlDatabase, name: string, file: string): number {
  const views = all(db, "SELECT id, name FROM saved_views WHERE view = 'findings' ORDER BY name COLLATE NOCASE");
  const hit = views.find((v) => String(v.name) === name) ?? views.find((v) => String(v.name).toLowerCase() === name.trim().toLowerCase());
  if (!hit) {
    const known = views.map((v) => `"${String(v.name)}"`).join(', ');
    throw new BriefUsageError(
      `--view "${name}": ${file} has no saved findings view by that name; ${known ? `its views are ${known}` : 'it has no saved findings views'}`,
    );
  }
  return Number(hit.id);
}

function defaultTitle(db: SqlDatabase): string {
  const reports = all(db, 'SELECT title, force FROM reports ORDER BY force, year, id');
  const first = reports[0];
  if (reports.length === 1 && first) return `${String(first.force)}: ${String(first.title)}`;
  return reports.length ? `Briefing on ${reports.length} inspection reports` : 'Briefing';
}

async function appVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The pack's file; the text formats as the chunks they were encoded in, written without being joined. */
async function render(pack: BriefingPack, format: Format): Promise<Uint8Array | readonly Uint8Array[]> {
  switch (format) {
    case 'HTML':
      return renderHtmlUtf8(pack).chunks();
    case 'Markdown':
      return renderMarkdownUtf8(pack).chunks();
    case 'DOCX':
      // The document libraries load only when a pack is written in their format: the CLI starts fast.
      return (await import('../node/brief-render')).renderDocxFile(pack);
    case 'PDF':
      return (await import('../node/brief-render')).renderPdfFile(pack);
  }
}

const size = (n: number) =>
  n < 1024 ? `${n} bytes` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

async function brief(workspace: string, opts: BriefOptions): Promise<void> {
  // Everything the command line says is checked before the workspace is read.
  const format = formatOf(opts.out);
  const marking = markingOf(opts.marking);
  const sections = sectionsOf(opts.sections);
  if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date.trim())) {
    throw new BriefUsageError(`--date "${opts.date}": write the date as YYYY-MM-DD, e.g. ${today()}`);
  }
  const out = path.resolve(opts.out);
  if (!existsSync(path.dirname(out))) throw new BriefUsageError(`--out ${opts.out}: the folder ${path.dirname(out)} does not exist`);

  const db = await openReadOnly(workspace);
  try {
    const candidate = {
      title: opts.title ?? defaultTitle(db),
      audience: opts.audience ?? '',
      author: opts.author ?? osUser(),
      date: opts.date?.trim() ?? today(),
      marking,
      caveat: opts.caveat ?? '',
      sections,
      reportIds: [],
      findings: opts.view ? { kind: 'saved-view', savedViewId: savedViewId(db, opts.view, workspace) } : { kind: 'all' },
    };
    const parsed = packDefinitionSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BriefUsageError(`--${String(issue?.path[0] ?? 'options')}: ${issue?.message ?? 'is not valid'}`);
    }
    const definition: PackDefinition = parsed.data;
    const pack = await buildPack(db, definition, {
      appVersion: await appVersion(),
      now: new Date().toISOString(),
      format: FILE_FORMAT[format],
    });
    const findings = findingCount(pack);
    if (sections.includes('findings') && findings === 0) {
      write(
        `No finding is marked include-in-brief${opts.view ? ` in the saved view "${opts.view}"` : ''}: building the summary and metrics only.`,
      );
    }
    for (const n of pack.notices.filter((x) => !x.startsWith('No finding is marked'))) write(`note      ${n}`);
    const bytes = await render(pack, format);
    await writeFileAtomic(out, bytes);
    const written = bytes instanceof Uint8Array ? bytes.length : bytes.reduce((n, c) => n + c.length, 0);
    write(
      `wrote     ${opts.out} (${format}, ${size(written)}): ${findings} ${findings === 1 ? 'finding' : 'findings'}, ${pack.metrics.length} metrics, ${pack.sources.length} sources; marked ${pack.markingLine}`,
    );
  } finally {
    db.close();
  }
}

/** `brief`: a briefing pack from a workspace, as Word, PDF, HTML or Markdown. */
export function registerBrief(program: Command): void {
  program
    .command('brief')
    .description('write a briefing pack (judgments, metrics, findings marked include-in-brief, areas, review, sources) from a workspace')
    .argument('<workspace>', 'the workspace file (.sqlite); read only, never changed')
    .requiredOption('--out <pack>', 'the file to write: .docx, .pdf, .html or .md')
    .option('--marking <marking>', `protective marking, required: ${MARKINGS.join(' or ')}`)
    .option('--caveat <text>', 'handling caveat printed after the marking, e.g. "NOT FOR ONWARD CIRCULATION"')
    .option('--title <text>', 'the title (default: the force and report)')
    .option('--audience <text>', 'who it is for')
    .option('--author <name>', 'the author (default: the OS user name)')
    .option('--date <yyyy-mm-dd>', 'the date the pack is dated (default: today)')
    .option('--view <saved view>', 'take findings from this saved findings view (default: all findings marked include-in-brief)')
    .option('--sections <list>', `comma-separated sections, in any order (default: all): ${PACK_SECTIONS.join(',')}`)
    .action(brief);
}
