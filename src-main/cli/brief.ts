import { existsSync, statSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import {
  MARKINGS,
  PACK_SECTIONS,
  packDefinitionSchema,
  type Marking,
  type PackDefinition,
  type PackSectionKey,
} from '../../src-core/brief/definition';
import { LocalClient, writesNothing } from '../../src-core/service/local-client';
import type { DbResult, OpenSummary, PackFormat } from '../../src-core/service/protocol';
import { visible } from '../../src-core/text/visible';
import { describeJournalStop } from '../../src-core/workspace/journal';
import { newSealKey } from '../../src-core/workspace/seal';
import { errnoCode } from '../node/workspace/fs-errors';
import { readJournalSidecar, readSealSidecar } from '../node/workspace/sidecars';
import { cliSealKeys } from './seal-keys';
import { writeFileAtomic } from '../node/atomic-write';
import { nodeServiceDeps } from '../node/service-deps';
import { bytesOf } from '../node/bytes';
import { printed } from './format';

/** A mistake the analyst can fix (bad option, missing file, unknown view): one line on stderr, exit code 1, nothing written. */
export class BriefUsageError extends Error {}

/**
 * What the workspace service refused, in its words (a workspace that is not one or fails its
 * check, a pack past its format's limit): one line on stderr, exit code 1, nothing written.
 */
export class BriefRefused extends Error {}

const FORMATS = {
  '.docx': 'DOCX',
  '.pdf': 'PDF',
  '.html': 'HTML',
  '.htm': 'HTML',
  '.md': 'Markdown',
  '.markdown': 'Markdown',
} as const;
type Format = (typeof FORMATS)[keyof typeof FORMATS];
/** The service's name for each format (whose limit on findings src-core/limits.ts sets). */
const FILE_FORMAT: Record<Format, PackFormat> = { DOCX: 'docx', PDF: 'pdf', HTML: 'html', Markdown: 'md' };

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

/**
 * A service answer's value. What it refused is said in one line, as the app says it. An internal
 * failure is a bug: it is thrown as an error, with the service's message ("The database worker
 * failed: …", as the app words it); its original stack stays in the service, which answers with
 * values, not exceptions.
 */
export function valueOf<T>(result: DbResult<T>): T {
  if (result.ok) return result.value;
  if (result.error.code === 'internal') throw new Error(result.error.message);
  throw new BriefRefused(result.error.message);
}

/**
 * Opens the workspace in the workspace service as the app would show it: the snapshot plus the
 * edits journaled since the last checkpoint (the app may be open with unsaved-to-snapshot edits),
 * replayed in memory only, the service's storage writing nothing. `what` names what the command
 * makes of it, for the warning about journal records left out ("the pack").
 */
export async function openReadOnly(client: LocalClient, file: string, what = 'the pack'): Promise<void> {
  const resolved = path.resolve(file);
  if (!existsSync(resolved) || !statSync(resolved).isFile()) throw new BriefUsageError(`${file}: no such workspace file`);
  const snapshot = bytesOf(await readFile(resolved));
  if (snapshot.length === 0) throw new BriefUsageError(`${file} is empty, so it is not a PEEL Workbench workspace`);
  // The files beside it are read as bounded streams (../node/workspace/sidecars.ts): whatever their
  // size, a brief reads at most the journal's limit, and a seal only if it is the size of a seal.
  const journal = await readJournalSidecar(nodeFs, `${resolved}.peel-journal`).catch((e: unknown) => {
    throw new BriefUsageError(`${file}.peel-journal cannot be read (${errnoCode(e) ?? String(e)}), so the edits in it cannot be shown`);
  });
  // The app's seal of this snapshot, if it left one: bytes that match it under a key of the app's on
  // this machine skip the integrity check (src-core/workspace/seal.ts); a seal from anywhere else
  // does not match. With no key, one that sealed nothing stands in: then nothing matches.
  const seal = await readSealSidecar(nodeFs, `${resolved}.peel-seal`);
  const keys = await cliSealKeys();
  const opened = valueOf(
    await client.request({
      type: 'open',
      handle: 'cli',
      name: path.basename(file),
      snapshot,
      journal: journal.text,
      journalCut: journal.cut,
      seal,
      sealKey: keys.length ? keys : newSealKey(),
    }),
  );
  warnSkipped(file, opened, what);
}

/**
 * Every journal record the brief leaves out, and why, on stderr (the pack is still written, as the
 * app opens the workspace with the same records left out): a record stops replay when it is torn,
 * damaged, too long or no longer applies, and none after it is applied, since it may depend on it.
 */
function warnSkipped(file: string, { discarded, journalStop }: Pick<OpenSummary, 'discarded' | 'journalStop'>, what: string): void {
  if (discarded === 0 || journalStop === null) return;
  const records = discarded === 1 ? '1 journal record was' : `${discarded} journal records were`;
  const after = discarded > 1 ? ', and none after it is applied' : '';
  process.stderr.write(
    printed(
      `peel-workbench: warning: ${file}.peel-journal: ${records} not replayed: ${describeJournalStop(journalStop)}${after}; ${what} has the edits before it`,
    ),
  );
}

/** The saved findings view the analyst named: exactly, else ignoring case (names come back as shown: src-core/service/screen-text.ts). */
async function savedViewId(client: LocalClient, name: string, file: string): Promise<number> {
  const views = valueOf(await client.request({ type: 'views.list', view: 'findings' }));
  const shown = visible(name);
  const hit = views.find((v) => v.name === shown) ?? views.find((v) => v.name.toLowerCase() === shown.trim().toLowerCase());
  if (!hit) {
    const known = views.map((v) => `"${v.name}"`).join(', ');
    throw new BriefUsageError(
      `--view "${name}": ${file} has no saved findings view by that name; ${known ? `its views are ${known}` : 'it has no saved findings views'}`,
    );
  }
  return hit.id;
}

/** The force and report for a workspace of one report, else how many it holds. */
async function defaultTitle(client: LocalClient): Promise<string> {
  const reports = valueOf(await client.request({ type: 'reports.overview' }));
  const first = reports[0];
  if (reports.length === 1 && first) return `${first.force}: ${first.title}`;
  return reports.length ? `Briefing on ${reports.length} inspection reports` : 'Briefing';
}

export async function appVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
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

  // The workspace service the DB worker runs, here in this thread with Node's adapters: the same
  // requests the app makes open the workspace, read its views and reports and write the pack.
  const client = new LocalClient(nodeServiceDeps(await appVersion()), { storage: writesNothing });
  await openReadOnly(client, workspace);
  try {
    const candidate = {
      title: opts.title ?? (await defaultTitle(client)),
      audience: opts.audience ?? '',
      author: opts.author ?? osUser(),
      date: opts.date?.trim() ?? today(),
      marking,
      caveat: opts.caveat ?? '',
      sections,
      reportIds: [],
      findings: opts.view ? { kind: 'saved-view', savedViewId: await savedViewId(client, opts.view, workspace) } : { kind: 'all' },
    };
    const parsed = packDefinitionSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BriefUsageError(`--${String(issue?.path[0] ?? 'options')}: ${issue?.message ?? 'is not valid'}`);
    }
    const definition: PackDefinition = parsed.data;
    // Built for its format, so a pack past that format's limit is refused before any finding is read;
    // a text pack comes back as the pieces it was encoded in, written without being joined.
    const file = valueOf(await client.request({ type: 'brief.export', definition, format: FILE_FORMAT[format] }));
    const { summary } = file;
    if (sections.includes('findings') && summary.findings === 0) {
      write(
        `No finding is marked include-in-brief${opts.view ? ` in the saved view "${opts.view}"` : ''}: building the summary and metrics only.`,
      );
    }
    for (const n of summary.notices.filter((x) => !x.startsWith('No finding is marked'))) write(`note      ${n}`);
    await writeFileAtomic(out, file.parts);
    const written = file.parts.reduce((n, c) => n + c.length, 0);
    const findings = summary.findings;
    write(
      `wrote     ${opts.out} (${format}, ${size(written)}): ${findings} ${findings === 1 ? 'finding' : 'findings'}, ${summary.metrics} metrics, ${summary.sources} sources; marked ${summary.markingLine}`,
    );
  } finally {
    await client.close();
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
