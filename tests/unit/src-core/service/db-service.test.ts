import { describe, expect, it, vi } from 'vitest';
import type { ImportResult } from '../../../../src-core/db/import-report';
import type { FindingRow } from '../../../../src-core/query/model/findings';
import { encodeRecord, readJournal } from '../../../../src-core/workspace/journal';
import { sealOf } from '../../../../src-core/workspace/seal';
import type {
  DbRequest,
  DbResult,
  ExportProgress,
  FromWorker,
  ImportProgress,
  StorageRequest,
} from '../../../../src-core/service/protocol';
import { DbService } from '../../../../src-core/service/db-service';
import type { ReportOverview } from '../../../../src-core/query/model/overview';
import { TEST_SEAL_KEY } from '../../../helpers/seal-key';
import { readFixture, SEED_FILES } from '../../../helpers/seed';
import { engineAndMigrations } from '../../../helpers/workspace';
import { streamInflate } from '../../../../src-renderer/db/adapters/inflate';

const at = '2026-11-27T09:30:00.000Z';
const includeInBrief = (targetId: number, value: boolean) => ({
  targetType: 'finding',
  targetId,
  field: 'includeInBrief',
  value,
  author: 'Analyst',
  at,
});

/**
 * The worker's service with the real sql.js and migrations, and the UI thread played by a host
 * in memory: it answers storage questions the way the browser host stores them.
 */
function harness(opts: { failAppends?: boolean } = {}) {
  const stored = {
    snapshot: new Uint8Array() as Uint8Array,
    journal: '',
    seal: null as string | null,
    checkpoints: 0,
    /** Seals kept without a checkpoint: the snapshot handed over passed the full check. */
    recorded: 0,
    transferred: 0,
    /** Report originals kept beside the workspace, by SHA-256. */
    originals: new Map<string, Uint8Array>(),
  };
  const progress = new Map<number, (ImportProgress | ExportProgress)[]>();
  const waiting = new Map<number, (result: DbResult<unknown>) => void>();
  let nextId = 1;

  async function answer(id: number, request: StorageRequest) {
    let reply: { ok: true } | { ok: false; message: string } = { ok: true };
    if (request.method === 'appendJournal') {
      if (opts.failAppends) reply = { ok: false, message: 'The disk is full' };
      else stored.journal += request.args[1];
    } else if (request.method === 'recordSeal') {
      stored.seal = request.args[1];
      stored.recorded++;
    } else if (request.method === 'keepOriginal') {
      stored.originals.set(request.args[1], request.args[2]);
    } else {
      const [, snapshot, lastSeq, seal] = request.args;
      stored.snapshot = snapshot;
      stored.seal = seal;
      stored.checkpoints++;
      const { records } = await readJournal(stored.journal);
      stored.journal = records
        .filter((r) => r.seq > lastSeq)
        .map(encodeRecord)
        .join('');
    }
    service.receive({ kind: 'storage-reply', id, reply });
  }

  const service: DbService = new DbService({
    loadEngine: engineAndMigrations,
    readPdf: () => Promise.reject(new Error('no PDFs in this test')),
    inflate: streamInflate,
    post(message: FromWorker, transfer = []) {
      stored.transferred += transfer.length;
      if (message.kind === 'response') waiting.get(message.id)?.(message.result);
      if (message.kind === 'progress') progress.set(message.id, [...(progress.get(message.id) ?? []), message.progress]);
      if (message.kind === 'storage') void answer(message.id, message.request);
    },
  });

  function call<T>(request: DbRequest | Record<string, unknown>): Promise<DbResult<T>> & { id: number } {
    const id = nextId++;
    const p = new Promise<DbResult<T>>((resolve) => waiting.set(id, resolve as (r: DbResult<unknown>) => void));
    service.receive({ kind: 'request', id, request });
    return Object.assign(p, { id });
  }

  async function value<T>(request: DbRequest): Promise<T> {
    const r = await call<T>(request);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  }

  const count = () => value<number>({ type: 'findings.count', query: {} });
  const page = (limit = 100) => value<FindingRow[]>({ type: 'findings.page', query: {}, offset: 0, limit });
  const openStored = (name = 'Test workspace') =>
    call({
      type: 'open',
      handle: 'ws-1',
      name,
      snapshot: stored.snapshot.slice(),
      journal: stored.journal,
      seal: stored.seal,
      sealKey: TEST_SEAL_KEY,
    });

  return { service, stored, progress, call, value, count, page, openStored };
}

async function withReport() {
  const h = harness();
  await h.value({
    type: 'open',
    handle: 'ws-1',
    name: 'Test workspace',
    snapshot: new Uint8Array(),
    journal: '',
    seal: null,
    sealKey: TEST_SEAL_KEY,
  });
  const seed = readFixture(SEED_FILES.markdown);
  const imported = await h.value<ImportResult>({ type: 'import', name: 'gwent.md', bytes: seed });
  return { ...h, seed, imported };
}

describe('the DB worker service', () => {
  it('refuses queries until a workspace is open', async () => {
    const h = harness();
    expect(await h.call({ type: 'findings.count', query: {} })).toEqual({
      ok: false,
      error: { code: 'no-workspace', message: 'No workspace is open' },
    });
  });

  it('answers a malformed request with an error value, and logs one it cannot answer', async () => {
    const h = harness();
    const r = await h.call({ type: 'findings.page', query: {}, offset: -5, limit: 10 });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    h.service.receive({ kind: 'request', request: { type: 'checkpoint' } });
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/refused a request/));
    log.mockRestore();
  });

  it('creates a new workspace and writes it at once, transferring the snapshot', async () => {
    const h = harness();
    expect(
      await h.value({
        type: 'open',
        handle: 'ws-1',
        name: 'New',
        snapshot: new Uint8Array(),
        journal: '',
        seal: null,
        sealKey: TEST_SEAL_KEY,
      }),
    ).toEqual({
      created: true,
      replayed: 0,
      discarded: 0,
      journalStop: null,
      check: 'none',
      canUndo: false,
      canRedo: false,
    });
    expect(h.stored.checkpoints).toBe(1);
    expect(new TextDecoder().decode(h.stored.snapshot.subarray(0, 15))).toBe('SQLite format 3');
    expect(h.stored.transferred).toBeGreaterThan(0);
    expect(await h.count()).toBe(0);
  });

  it('imports a report in one go, reporting its stages, and pages, counts and sorts its findings', async () => {
    const h = await withReport();
    expect(h.imported).toMatchObject({ status: 'imported', title: 'PEEL: Police effectiveness 2017 – Gwent Police' });
    const stages = [...h.progress.values()].flat().map((p) => p.stage);
    expect(stages).toEqual(['reading', 'importing', 'saving']);
    expect(h.stored.checkpoints).toBe(2);

    const total = await h.count();
    expect(total).toBe(h.imported.status === 'imported' ? h.imported.counts.findings : -1);
    const first = await h.page(10);
    expect(first).toHaveLength(10);
    expect(first[0]).toMatchObject({ report: 'Gwent Police 2017', section: 'Risk-based inspection', status: 'new', includeInBrief: false });
    const rest = await h.value<FindingRow[]>({ type: 'findings.page', query: {}, offset: 100, limit: 100 });
    expect(rest).toHaveLength(total - 100);
    const sorted = await h.value<FindingRow[]>({
      type: 'findings.page',
      query: { sort: [{ column: 'kind', direction: 'asc' }] },
      offset: 0,
      limit: 1,
    });
    expect(sorted[0]?.kind).toBe('area for improvement');
    const custody = await h.value<number>({ type: 'findings.count', query: { search: 'custody' } });
    expect(custody).toBe(3);

    const [overview] = await h.value<ReportOverview[]>({ type: 'reports.overview' });
    expect(overview).toMatchObject({ force: 'Gwent Police', overallGrade: 'Requires improvement', sourceName: 'gwent.md' });
    expect(overview?.judgments).toHaveLength(6);
  });

  it('recognises a duplicate and leaves a bad file out, changing nothing either way', async () => {
    const h = await withReport();
    const before = { count: await h.count(), checkpoints: h.stored.checkpoints };
    const again = await h.value<ImportResult>({ type: 'import', name: 'copy.md', bytes: h.seed });
    expect(again).toMatchObject({ status: 'duplicate', reason: expect.stringContaining('already in this workspace') });
    const bad = await h.call({ type: 'import', name: 'binary.bin', bytes: readFixture('tests/fixtures/binary.bin') });
    expect(bad).toMatchObject({ ok: false, error: { code: 'report-refused', message: expect.stringContaining('binary.bin') } });
    // The refusal's own code travels with it, for the page to say it in the analyst's words.
    expect(bad).toMatchObject({ error: { reason: 'binary' } });
    expect(await h.count()).toBe(before.count);
    expect(h.stored.checkpoints).toBe(before.checkpoints);
  });

  it('acknowledges an edit once its journal record is stored, and replays it after a crash', async () => {
    const h = await withReport();
    const [row] = await h.page(1);
    const id = row?.id ?? 0;
    // With what can be undone now, so the client needs no second request.
    expect(await h.value({ type: 'edit', op: 'annotation.set', params: includeInBrief(id, true) })).toEqual({
      seq: 1,
      canUndo: true,
      canRedo: false,
    });
    expect(h.stored.journal).toContain('"includeInBrief"');
    expect((await h.page(1))[0]?.includeInBrief).toBe(true);

    // The worker dies before any checkpoint: the stored snapshot does not have the edit, the journal does.
    const reopened = harness();
    Object.assign(reopened.stored, { snapshot: h.stored.snapshot, journal: h.stored.journal, seal: h.stored.seal });
    // The snapshot is the one the import's checkpoint stored, with its seal: no integrity check needed.
    expect(await reopened.openStored()).toEqual({
      ok: true,
      value: { created: false, replayed: 1, discarded: 0, journalStop: null, check: 'sealed', canUndo: false, canRedo: false },
    });
    expect((await reopened.page(1))[0]?.includeInBrief).toBe(true);

    // A checkpoint folds the journal into the snapshot.
    expect(await reopened.value({ type: 'checkpoint' })).toEqual({ lastSeq: 1 });
    expect(reopened.stored.journal).toBe('');
  });

  it('says where and why a journal replay stopped, for its caller to tell the analyst (the CLI warns with it)', async () => {
    const h = await withReport();
    const [row] = await h.page(1);
    await h.value({ type: 'edit', op: 'annotation.set', params: includeInBrief(row?.id ?? 0, true) });
    // A second record cut short by a crash mid-append: the first is replayed, the torn one is not.
    const reopened = harness();
    Object.assign(reopened.stored, {
      snapshot: h.stored.snapshot,
      journal: `${h.stored.journal}{"seq":2,"op":"annot`,
      seal: h.stored.seal,
    });
    expect(await reopened.openStored()).toEqual({
      ok: true,
      value: {
        created: false,
        replayed: 1,
        discarded: 1,
        journalStop: { line: 2, reason: 'torn' },
        check: 'sealed',
        canUndo: false,
        canRedo: false,
      },
    });
  });

  it('asks the host to keep the seal of a snapshot it checked in full, so the next open skips the check', async () => {
    const h = await withReport();
    // The same bytes from elsewhere (the bundled default, a colleague's file): no seal.
    const reader = harness();
    Object.assign(reader.stored, { snapshot: h.stored.snapshot });
    expect(await reader.openStored()).toEqual({
      ok: true,
      value: { created: false, replayed: 0, discarded: 0, journalStop: null, check: 'full', canUndo: false, canRedo: false },
    });
    await vi.waitFor(() => expect(reader.stored.recorded).toBe(1));
    expect(reader.stored.seal).toBe(await sealOf(reader.stored.snapshot, TEST_SEAL_KEY));
    expect(reader.stored.checkpoints).toBe(0);

    const later = harness();
    Object.assign(later.stored, { snapshot: reader.stored.snapshot, seal: reader.stored.seal });
    expect(await later.openStored()).toMatchObject({ ok: true, value: { check: 'sealed' } });
    expect(await later.count()).toBe(await h.count());
    // A sealed open has nothing to keep (an edit queues behind anything the open asked for).
    const [row] = await later.page(1);
    expect(await later.value({ type: 'edit', op: 'annotation.set', params: includeInBrief(row?.id ?? 0, true) })).toEqual({
      seq: 1,
      canUndo: true,
      canRedo: false,
    });
    expect(later.stored.recorded).toBe(0);
  });

  it('refuses an invalid edit, and rolls back an edit whose journal record could not be stored', async () => {
    const h = await withReport();
    expect(await h.call({ type: 'edit', op: 'annotation.set', params: includeInBrief(999_999, true) })).toMatchObject({
      ok: false,
      error: { code: 'invalid-edit', message: 'There is no finding 999999 in this workspace' },
    });
    expect(await h.call({ type: 'edit', op: 'finding.delete', params: {} })).toMatchObject({ ok: false, error: { code: 'invalid-edit' } });

    const failing = harness({ failAppends: true });
    Object.assign(failing.stored, { snapshot: h.stored.snapshot });
    await failing.openStored();
    const [row] = await failing.page(1);
    expect(await failing.call({ type: 'edit', op: 'annotation.set', params: includeInBrief(row?.id ?? 0, true) })).toEqual({
      ok: false,
      error: { code: 'storage-failed', message: 'The disk is full' },
    });
    expect((await failing.page(1))[0]?.includeInBrief).toBe(false);
  });

  it('keeps the open workspace when another one is refused', async () => {
    const h = await withReport();
    const before = await h.count();
    const refused = await h.call({
      type: 'open',
      handle: 'ws-2',
      name: 'notes.sqlite',
      snapshot: new Uint8Array(200),
      journal: '',
      seal: null,
      sealKey: TEST_SEAL_KEY,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace-refused', message: expect.stringContaining('notes.sqlite') } });
    expect(refused).toMatchObject({ error: { reason: 'not-sqlite' } });
    expect(await h.count()).toBe(before);
  });

  it('hands over a snapshot of the database for "Save a copy"', async () => {
    const h = await withReport();
    const transferred = h.stored.transferred;
    const bytes = await h.value<Uint8Array>({ type: 'snapshot' });
    expect(new TextDecoder().decode(bytes.subarray(0, 15))).toBe('SQLite format 3');
    expect(h.stored.transferred).toBe(transferred + 1);
  });
});
