import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../src-core/query/model/history';
import { sampleSourceText, type SampleListRow } from '../../../../src-core/samples/queries';
import type { Reconciliation } from '../../../../src-core/samples/reconcile';
import type { Agreement, SampleSummary } from '../../../../src-core/samples/stats';
import { MAX_SAMPLE_BYTES as CORE_MAX_SAMPLE_BYTES } from '../../../../src-core/samples/table';
import { MAX_SAMPLE_BYTES, type SampleImportOutcome, type SamplePreview } from '../../../../src-core/service/protocol';
import { streamInflateCounter } from '../../../../src-renderer/db/adapters/inflate';
import { openSeeded, workerHarness } from '../../../helpers/db-worker';
import { readFixture } from '../../../helpers/seed';

const at = '2026-11-27T09:30:00.000Z';
const GOOD = 'tests/fixtures/samples/good.csv';
const enc = (text: string) => new TextEncoder().encode(text);

/** The worker's service with the real sql.js, migrations and Gwent report; storage fails when told to. */
async function service() {
  const storage = { failCheckpoints: false, checkpoints: 0 };
  const worker = workerHarness({
    storage: (request) => {
      const fail = request.method === 'checkpoint' && storage.failCheckpoints;
      if (request.method === 'checkpoint' && !fail) storage.checkpoints++;
      return fail ? { ok: false, message: 'The disk is full' } : { ok: true };
    },
  });
  await openSeeded(worker);
  const { call, value } = worker;
  return { call, value, storage };
}

const preview = (name: string, bytes: Uint8Array) => ({ type: 'samples.preview', name, bytes }) as const;

describe('the DB worker’s case-file review requests', () => {
  it('keeps the UI’s size limit equal to the core’s', () => {
    expect(MAX_SAMPLE_BYTES).toBe(CORE_MAX_SAMPLE_BYTES);
  });

  it('previews a CSV: its headers, the fields suggested for them, and its first rows', async () => {
    const w = await service();
    const p = await w.value<SamplePreview>(preview('good.csv', readFixture(GOOD)));
    expect(p.format).toBe('csv');
    expect(p.rowCount).toBe(20);
    expect(p.rows).toHaveLength(5);
    expect(p.headers[0]).toBe('Case reference');
    expect(p.mapping).toMatchObject({ 'Case reference': 'case_ref', 'Crime type': 'crime_type', Reviewer: 'reviewer' });
  });

  it('reads an XLSX in the worker (its parts inflated by DecompressionStream, read by the streaming reader) as its CSV twin, a formula as its text', async () => {
    const w = await service();
    const bytes = readFixture('tests/fixtures/samples/good.xlsx');
    const xlsx = await w.value<SamplePreview>(preview('good.xlsx', bytes));
    const csv = await w.value<SamplePreview>(preview('good.csv', readFixture(GOOD)));
    expect(xlsx).toEqual({ ...csv, format: 'xlsx' });
    const r = await w.value<SampleImportOutcome>({
      type: 'samples.import',
      name: 'good.xlsx',
      bytes,
      mapping: xlsx.mapping,
      force: 'Gwent Police',
      reportId: 1,
    });
    expect(r).toEqual({ ok: true, imported: 20 });
    const rows = await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 100 });
    // The workbook holds a real formula with a cached result; what was typed is kept, never evaluated.
    expect(rows.find((x) => x.caseRef === 'GW17-0107')?.note).toBe('=HYPERLINK("https://records.example.invalid/GW17-0107","case file")');
    // Where each scoring came from: the file and its row (the header is row 1), for the Source column and exports.
    const place = rows.find((x) => x.caseRef === 'GW17-0107');
    expect(place && { name: place.sourceName, row: place.sourceRow, text: sampleSourceText(place) }).toEqual({
      name: 'good.xlsx',
      row: 8,
      text: 'good.xlsx, row 8',
    });
  });

  it('refuses a zip bomb, a workbook renamed .csv and a file over 50 MB with what to do, before reading them', async () => {
    const w = await service();
    const bomb = await w.call(preview('bomb.xlsx', readFixture('tests/fixtures/samples/bomb.xlsx')));
    expect(bomb).toMatchObject({ ok: false, error: { code: 'sample-refused', message: expect.stringContaining('zip bomb') } });
    expect(bomb).toMatchObject({ error: { reason: 'zip-bomb' } });
    const renamed = await w.call(preview('renamed.csv', readFixture('tests/fixtures/samples/good.xlsx')));
    expect(renamed).toMatchObject({ ok: false, error: { code: 'sample-refused', message: expect.stringContaining('rename it .xlsx') } });
    expect(renamed).toMatchObject({ error: { reason: 'not-a-table' } });
    const huge = await w.call(preview('huge.csv', new Uint8Array(MAX_SAMPLE_BYTES + 1)));
    expect(huge).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('larger than 50 MB') } });
  });

  it('refuses a zip bomb whose directory lies about its sizes, while inflating it in a stream', async () => {
    const w = await service();
    const bytes = readFixture('tests/fixtures/samples/bomb.xlsx');
    // Every central-directory entry declares 1,000 bytes, so the directory check alone would pass it.
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i + 46 <= bytes.length; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 1000, true);
    expect(await w.call(preview('liar.xlsx', bytes))).toMatchObject({
      ok: false,
      error: {
        code: 'sample-refused',
        message: 'liar.xlsx is damaged or unsafe: a part inflates beyond the size its directory declares; refused',
      },
    });
    expect(await streamInflateCounter(new Uint8Array([0x4b, 0x4c, 0x04, 0x00]), 10)).toBe(2);
    // A megabyte of zeros is stopped at the limit, not inflated whole.
    expect(await streamInflateCounter(new Uint8Array(deflateRawSync(new Uint8Array(1024 * 1024))), 1000)).toBe(Number.POSITIVE_INFINITY);
  });

  it('imports all or nothing: a bad file lists every problem and changes nothing', async () => {
    const w = await service();
    const before = await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 100 });
    const checkpoints = w.storage.checkpoints;
    const bad = await w.value<SampleImportOutcome>({
      type: 'samples.import',
      name: 'bad.csv',
      bytes: readFixture('tests/fixtures/samples/bad.csv'),
      mapping: (await w.value<SamplePreview>(preview('bad.csv', readFixture('tests/fixtures/samples/bad.csv')))).mapping,
      force: 'Gwent Police',
      reportId: null,
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toContainEqual(expect.objectContaining({ row: 2, column: 'Crime type', value: 'Burglary' }));
    expect(bad.errors).toContainEqual(expect.objectContaining({ row: 3, column: 'Date recorded', value: '31/02/2017' }));
    expect(await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 100 })).toEqual(before);
    expect(w.storage.checkpoints).toBe(checkpoints);
  });

  it('imports a good file with its mapping, checkpoints it, and the summary and reconciliation follow', async () => {
    const w = await service();
    const bytes = readFixture(GOOD);
    const { mapping } = await w.value<SamplePreview>(preview('good.csv', bytes));
    const checkpoints = w.storage.checkpoints;
    const r = await w.value<SampleImportOutcome>({
      type: 'samples.import',
      name: 'good.csv',
      bytes,
      mapping,
      force: 'Gwent Police',
      reportId: 1,
    });
    expect(r).toEqual({ ok: true, imported: 20 });
    expect(w.storage.checkpoints).toBe(checkpoints + 1);
    const rows = await w.value<SampleListRow[]>({
      type: 'samples.list',
      offset: 0,
      limit: 100,
      sort: { column: 'caseRef', direction: 'desc' },
    });
    expect(rows).toHaveLength(20);
    expect(rows[0]).toMatchObject({ force: 'Gwent Police', synthetic: false, status: 'new' });
    const summary = await w.value<SampleSummary>({ type: 'samples.summary', force: 'Gwent Police' });
    // Three files are scored by two reviewers: they count once.
    expect(summary).toMatchObject({ n: 17, synthetic: false });
    const rec = await w.value<Reconciliation[]>({ type: 'samples.reconcile' });
    expect(rec.find((x) => x.label === 'Case files reviewed in the force')).toMatchObject({ stated: 60, computed: 17, matches: false });
    expect(await w.value<Agreement[]>({ type: 'samples.agreement' })).toHaveLength(8);

    // The same file again: every scoring is already there, so nothing is imported.
    const again = await w.value<SampleImportOutcome>({
      type: 'samples.import',
      name: 'good.csv',
      bytes,
      mapping,
      force: 'Gwent Police',
      reportId: 1,
    });
    expect(again.ok).toBe(false);
    expect(await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 100 })).toHaveLength(20);
  });

  it('takes an import out again when its checkpoint cannot be written', async () => {
    const w = await service();
    const bytes = readFixture(GOOD);
    const { mapping } = await w.value<SamplePreview>(preview('good.csv', bytes));
    w.storage.failCheckpoints = true;
    const r = await w.call({ type: 'samples.import', name: 'good.csv', bytes, mapping, force: 'Gwent Police', reportId: null });
    expect(r).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 100 })).toEqual([]);
  });

  it('annotates a case file like a finding, with who did it in its history', async () => {
    const w = await service();
    const bytes = readFixture(GOOD);
    const { mapping } = await w.value<SamplePreview>(preview('good.csv', bytes));
    await w.value({ type: 'samples.import', name: 'good.csv', bytes, mapping, force: 'Gwent Police', reportId: 1 });
    const [first] = await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 1 });
    const params = { targetType: 'review_sample', targetId: first!.id, field: 'rag', value: 'amber', author: 'J. Analyst', at };
    await w.value({ type: 'edit', op: 'annotation.set', params });
    const [after] = await w.value<SampleListRow[]>({ type: 'samples.list', offset: 0, limit: 1 });
    expect(after).toMatchObject({ id: first!.id, rag: 'amber' });
    expect(await w.value<HistoryEntry[]>({ type: 'samples.history', id: first!.id })).toEqual([
      { at, author: 'J. Analyst', field: 'rag', oldValue: null, newValue: 'amber' },
    ]);
  });

  it('refuses a mapping to a field that does not exist', async () => {
    const w = await service();
    const r = await w.call({
      type: 'samples.import',
      name: 'good.csv',
      bytes: enc('a\n1'),
      mapping: { a: 'password' },
      force: 'Gwent Police',
      reportId: null,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
