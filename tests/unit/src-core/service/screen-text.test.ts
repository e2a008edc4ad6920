import { describe, expect, it } from 'vitest';
import type { FacetCount } from '../../../../src-core/query/model/facets';
import type { FindingDetail } from '../../../../src-core/query/model/finding-detail';
import type { FindingRow } from '../../../../src-core/query/model/findings';
import type { SavedView } from '../../../../src-core/query/model/saved-views';
import type { SampleImportOutcome, SamplePreview } from '../../../../src-core/service/protocol';
import { mappingFromScreen } from '../../../../src-core/service/screen-text';
import { openSeeded, workerHarness } from '../../../helpers/db-worker';
import { readFixture } from '../../../helpers/seed';

/**
 * Everything the DB worker answers reaches the screen with bidi and control characters shown as
 * code points; the values the page sends back as keys (a facet's value, a saved view's query, a
 * sample file's headers) still find what is stored.
 */

const at = '2026-11-27T09:30:00.000Z';
const NOTE = 'Grade \u202eetauqedanI\u202c and \u2066isolated\u2069, bell\u0007';
const TAG = 'mental\u202ehealth';
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

async function seeded() {
  const worker = workerHarness();
  await openSeeded(worker);
  const set = (field: string, value: unknown) =>
    worker.value({ type: 'edit', op: 'annotation.set', params: { targetType: 'finding', targetId: 5, field, value, author: 'ann', at } });
  await set('note', NOTE);
  await set('tags', [TAG]);
  return worker;
}

describe('worker replies on their way to the screen', () => {
  it('the findings grid and the detail panel show the note and tag with their code points', async () => {
    const w = await seeded();
    const rows = await w.value<FindingRow[]>({ type: 'findings.page', query: {}, offset: 0, limit: 200 });
    const row = rows.find((r) => r.id === 5);
    expect(row?.note).toBe('Grade ⟨U+202E⟩etauqedanI⟨U+202C⟩ and ⟨U+2066⟩isolated⟨U+2069⟩, bell⟨U+0007⟩');
    expect(row?.tags).toEqual(['mental⟨U+202E⟩health']);
    expect(JSON.stringify(rows)).not.toMatch(RAW);
    const detail = await w.value<FindingDetail>({ type: 'findings.detail', id: 5 });
    expect(detail.finding.note).toBe(row?.note);
    expect(JSON.stringify(detail)).not.toMatch(RAW);
  });

  it('a facet shows its label, and its value, sent back as a filter, still selects the finding', async () => {
    const w = await seeded();
    const facets = await w.value<Record<string, FacetCount[]>>({ type: 'findings.facets', query: {} });
    const tag = facets.tag?.find((c) => c.label === 'mental⟨U+202E⟩health');
    expect(tag?.value).toBe(TAG);
    const count = await w.value<number>({ type: 'findings.count', query: { tags: [tag?.value ?? ''] } });
    expect(count).toBe(1);
  });

  it('a saved view shows its name; its query goes back as saved', async () => {
    const w = await seeded();
    const definition = { query: { tags: [TAG] } };
    await w.value({
      type: 'edit',
      op: 'view.save',
      params: { name: 'Mental \u202ehealth view', view: 'findings', definition, author: 'ann', at },
    });
    const views = await w.value<SavedView[]>({ type: 'views.list', view: 'findings' });
    expect(views.map((v) => v.name)).toContain('Mental ⟨U+202E⟩health view');
    expect(views.find((v) => v.name.startsWith('Mental'))?.definition).toEqual(definition);
  });

  it('an error naming a file shows the characters in its name', async () => {
    const w = await seeded();
    const r = await w.call({ type: 'import', name: 'gwent\u202edm.exe.md', bytes: new Uint8Array([0x50, 0, 0x45]) });
    expect(r).toMatchObject({ ok: false, error: { code: 'report-refused' } });
    if (!r.ok) {
      expect(r.error.message).toContain('"gwent⟨U+202E⟩dm.exe.md" is not a text report');
      expect(r.error.message).not.toMatch(RAW);
    }
  });

  it('a sample file’s header is shown, and the mapping the page sends back under that name imports the column', async () => {
    const w = await seeded();
    const csv = new TextDecoder().decode(readFixture('tests/fixtures/samples/good.csv')).replace('Case reference', 'Case\u202e reference');
    const bytes = new TextEncoder().encode(csv);
    const preview = await w.value<SamplePreview>({ type: 'samples.preview', name: 'sample.csv', bytes });
    expect(preview.headers[0]).toBe('Case⟨U+202E⟩ reference');
    expect(Object.keys(preview.mapping)).toContain('Case⟨U+202E⟩ reference');
    // The analyst maps the column as shown.
    const mapping = { ...preview.mapping, 'Case⟨U+202E⟩ reference': 'case_ref' as const };
    const imported = await w.value<SampleImportOutcome>({
      type: 'samples.import',
      name: 'sample.csv',
      bytes,
      mapping,
      force: 'Gwent Police',
      reportId: null,
    });
    expect(imported).toEqual({ ok: true, imported: 20 });
  });
});

describe('mappingFromScreen', () => {
  it('keys a shown header by the file’s own, and leaves headers without such characters alone', () => {
    expect(mappingFromScreen(['Case\u202e ref', 'Crime type'], { 'Case⟨U+202E⟩ ref': 'case_ref', 'Crime type': 'crime_type' })).toEqual({
      'Case⟨U+202E⟩ ref': 'case_ref',
      'Case\u202e ref': 'case_ref',
      'Crime type': 'crime_type',
    });
  });
});
