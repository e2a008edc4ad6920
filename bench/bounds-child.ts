// One import or export of bench/bounds.ts, in a fresh process so that nothing else counts: the
// wall time and the peak resident set size (process.resourceUsage().maxRSS, the kernel's own
// high-water mark, threads included) of reading one input the way the CLI does.
//   tsx bench/bounds-child.ts extract <report>
//   tsx bench/bounds-child.ts sample <sample.csv|.xlsx>
//   tsx bench/bounds-child.ts brief <workspace.sqlite> <out.docx|.pdf|.html|.md>
// Prints one JSON line: {ms, baselineMb, peakMb, outcome}.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../src-main/node/atomic-write';
import path from 'node:path';

const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function run(job: string, file: string, out: string | undefined): Promise<string> {
  // Each job loads only what it uses, as the CLI and the DB worker do: the baseline is theirs.
  if (job === 'extract') {
    // On an extraction thread, heap capped, as the CLI's `extract` and `build` read a report.
    const { extractAll } = await import('../src-main/cli/extract-pool');
    const [o] = await extractAll([file], {}, () => undefined);
    // The pool marks its own refusals (ExtractError, a thread out of memory or time); anything else crashed.
    if (!o?.ok) return `${o?.refused ? 'refused' : 'crashed'}: ${o?.message}`;
    const e = o.extraction;
    return `${e.findings.length} findings, ${e.metrics.length} metrics, ${e.judgments.length} judgments`;
  }
  if (job === 'sample') {
    const [{ loadSqlEngine }, { readMigrations }, { createWorkspace }] = await Promise.all([
      import('../src-main/node/sqljs'),
      import('../src-main/node/migrations-fs'),
      import('../src-core/db/workspace'),
    ]);
    const [engine, migrations] = await Promise.all([loadSqlEngine(), readMigrations()]);
    const [{ readSampleFile }, { validateSamples }, { importSamples }] = await Promise.all([
      import('../src-main/node/sample-file'),
      import('../src-core/samples/validate'),
      import('../src-core/samples/import'),
    ]);
    const table = await readSampleFile(file);
    const checked = validateSamples(table, { force: 'Synthetic Constabulary' });
    if (!checked.ok) return `refused: ${checked.errors.length} errors, first: ${checked.errors[0]?.message}`;
    const db = createWorkspace(engine, migrations);
    const result = importSamples(db, checked.rows, { sourceName: path.basename(file), synthetic: true });
    db.close();
    return result.ok ? `${result.imported} rows imported` : `refused: ${result.errors[0]?.message}`;
  }
  if (job === 'brief' && out) {
    // As the CLI's `brief` makes a pack (src-main/cli/brief.ts): the workspace service in this
    // process with Node's adapters, asked to open the workspace and export the pack, whose pieces
    // are written as they come (a text pack is never joined).
    const [{ LocalClient, writesNothing }, { nodeServiceDeps }, { newSealKey }, { PACK_SECTIONS }, { bytesOf }] = await Promise.all([
      import('../src-core/service/local-client'),
      import('../src-main/node/service-deps'),
      import('../src-core/workspace/seal'),
      import('../src-core/brief/definition'),
      import('../src-main/node/bytes'),
    ]);
    const client = new LocalClient(nodeServiceDeps('bench'), { storage: writesNothing });
    const opened = await client.request({
      type: 'open',
      handle: 'bench',
      name: path.basename(file),
      // Not kept in a variable here: once sql.js has its copy, nothing holds these bytes.
      snapshot: bytesOf(await readFile(file)),
      journal: '',
      seal: null,
      sealKey: newSealKey(),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    const ext = path.extname(out).slice(1);
    const format = ext === 'docx' || ext === 'pdf' || ext === 'html' ? ext : 'md';
    const definition = {
      title: 'Synthetic pack',
      audience: '',
      author: 'bench',
      date: '2025-01-01',
      marking: 'OFFICIAL' as const,
      caveat: '',
      sections: [...PACK_SECTIONS],
      reportIds: [],
      findings: { kind: 'all' as const },
    };
    const made = await client.request({ type: 'brief.export', definition, format });
    await client.close();
    // The service's refusals (a pack past its format's limit, a writer that failed) come back as
    // export-failed; anything else is a crash, as a throw from the writers was before.
    if (!made.ok) {
      if (made.error.code === 'export-failed') return `refused: ${made.error.message}`;
      throw new Error(`${made.error.code}: ${made.error.message}`);
    }
    await writeFileAtomic(out, made.value.parts);
    const size = made.value.parts.reduce((n, c) => n + c.length, 0);
    return `${made.value.summary.findings} findings written, ${(size / 1048576).toFixed(1)} MB`;
  }
  throw new Error('usage: tsx bench/bounds-child.ts extract|sample|brief <file> [out]');
}

const [job, file, out] = process.argv.slice(2);
const baselineMb = peakMb();
const t0 = performance.now();
let outcome: string;
try {
  outcome = await run(job ?? '', file ?? '', out);
} catch (e) {
  // Only the refusals the importers and writers make count as refused; anything else is a crash,
  // which no case may pass as "refused" (bench/bounds.ts).
  const [{ ExtractError }, { SampleFileError }, { PackBuildError }] = await Promise.all([
    import('../src-core/extract/errors'),
    import('../src-core/samples/table'),
    import('../src-core/brief/feed'),
  ]);
  const refusal = e instanceof ExtractError || e instanceof SampleFileError || e instanceof PackBuildError;
  outcome = `${refusal ? 'refused' : 'crashed'}: ${e instanceof Error ? e.message : String(e)}`;
  if (!refusal || process.env.BOUNDS_STACK) console.error(e);
}
console.log(JSON.stringify({ ms: performance.now() - t0, baselineMb, peakMb: peakMb(), outcome }));
