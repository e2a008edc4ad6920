import { describe, expect, it } from 'vitest';
import type { FacetCount, FacetName } from '../../../../src-core/query/model/facets';
import type { FindingDetail } from '../../../../src-core/query/model/finding-detail';
import type { FindingRow } from '../../../../src-core/query/model/findings';
import type { SavedView } from '../../../../src-core/query/model/saved-views';
import type { EditOutcome, UndoOutcome, UndoState } from '../../../../src-core/service/protocol';
import { openSeeded, workerHarness } from '../../../helpers/db-worker';

const at = '2026-11-27T09:30:00.000Z';
const stamp = { author: 'J. Analyst', at };

/** The worker's service with the real sql.js and migrations and the seed report; storage always succeeds. */
async function seededService() {
  let appended = 0;
  const worker = workerHarness({
    onMessage: (message) => {
      if (message.kind === 'storage' && message.request.method === 'appendJournal') appended++;
    },
  });
  await openSeeded(worker);
  const { call, value } = worker;
  const countyLines = (await value<FindingRow[]>({ type: 'findings.page', query: { search: 'county lines' }, offset: 0, limit: 10 }))[0]!;
  const note = (value: string) =>
    ({
      type: 'edit',
      op: 'annotation.set',
      params: { targetType: 'finding', targetId: countyLines.id, field: 'note', value, ...stamp },
    }) as const;
  return { call, value, countyLines, note, appended: () => appended };
}

describe('the DB worker’s findings requests', () => {
  it('answers a search’s rows and count before its facet counts, whatever order they were sent in', async () => {
    const w = await seededService();
    const order: string[] = [];
    const query = { search: 'custody' };
    await Promise.all([
      w.call({ type: 'findings.facets', query }).then(() => order.push('facets')),
      w.call({ type: 'findings.count', query }).then(() => order.push('count')),
      w.call({ type: 'findings.page', query, offset: 0, limit: 100 }).then(() => order.push('page')),
    ]);
    expect(order).toEqual(['count', 'page', 'facets']);
  });

  it('counts facets with the other filters, and filters by column "contains"', async () => {
    const w = await seededService();
    const all = await w.value<Record<FacetName, FacetCount[]>>({ type: 'findings.facets', query: {} });
    const concerns = all.kind.find((k) => k.value === 'concern')!.count;
    const facets = await w.value<Record<FacetName, FacetCount[]>>({ type: 'findings.facets', query: { kinds: ['concern'] } });
    expect(facets.status).toEqual([{ value: 'new', label: 'new', count: concerns }]);
    expect(facets.kind).toEqual(all.kind);
    const vulnerable = { kinds: ['concern'], contains: [{ column: 'section' as const, value: 'vulnerable' }] };
    const n = await w.value<number>({ type: 'findings.count', query: vulnerable });
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(concerns);
  });

  it('reads a finding’s detail and suggests the tags in use', async () => {
    const w = await seededService();
    await w.value({
      type: 'edit',
      op: 'annotation.set',
      params: { targetType: 'finding', targetId: w.countyLines.id, field: 'tags', value: ['county lines', 'drugs'], ...stamp },
    });
    const detail = await w.value<FindingDetail>({ type: 'findings.detail', id: w.countyLines.id });
    expect(detail.finding).toMatchObject({ id: w.countyLines.id, tags: ['county lines', 'drugs'], suggestedKind: 'concern' });
    expect(detail.footnotes.length).toBeGreaterThan(0);
    expect(detail.before).not.toBeNull();
    expect(detail.history).toEqual([{ ...stamp, field: 'tags', oldValue: null, newValue: '["county lines","drugs"]' }]);
    expect(await w.value<string[]>({ type: 'tags.suggest', prefix: 'co' })).toEqual(['county lines']);
    expect(await w.value({ type: 'findings.detail', id: 999_999 })).toBeNull();
  });

  it('undoes and redoes edits as journaled edits, and says what is left to undo', async () => {
    const w = await seededService();
    expect(await w.value<UndoState>({ type: 'undo.state' })).toEqual({ canUndo: false, canRedo: false });
    expect(await w.value<UndoOutcome>({ type: 'undo', ...stamp })).toEqual({ step: null, canUndo: false, canRedo: false });
    await w.value(w.note('First'));
    await w.value(w.note('Second'));
    const before = w.appended();
    const undone = await w.value<UndoOutcome>({ type: 'undo', ...stamp });
    expect(undone).toMatchObject({ step: { op: 'annotation.set' }, canUndo: true, canRedo: true });
    expect(w.appended()).toBe(before + 1);
    const noteNow = async () => (await w.value<FindingDetail>({ type: 'findings.detail', id: w.countyLines.id })).finding.note;
    expect(await noteNow()).toBe('First');
    await w.value({ type: 'redo', ...stamp });
    expect(await noteNow()).toBe('Second');
    expect(await w.value<UndoState>({ type: 'undo.state' })).toEqual({ canUndo: true, canRedo: false });
    expect(await w.call({ type: 'undo', author: '', at })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('answers an edit with what undo and redo can do once it is in: a new edit leaves nothing to redo', async () => {
    const w = await seededService();
    expect(await w.value<EditOutcome>(w.note('First'))).toEqual({ seq: 1, canUndo: true, canRedo: false });
    await w.value({ type: 'undo', ...stamp });
    expect(await w.value<UndoState>({ type: 'undo.state' })).toEqual({ canUndo: false, canRedo: true });
    expect(await w.value<EditOutcome>(w.note('Second'))).toEqual({ seq: 3, canUndo: true, canRedo: false });
  });

  it('lists saved views after saving, renaming and deleting them', async () => {
    const w = await seededService();
    const definition = { version: 1, search: 'force' };
    await w.value({ type: 'edit', op: 'view.save', params: { name: 'Concerns', view: 'findings', definition, ...stamp } });
    const [saved] = await w.value<SavedView[]>({ type: 'views.list', view: 'findings' });
    expect(saved).toMatchObject({ name: 'Concerns', view: 'findings', definition });
    await w.value({ type: 'edit', op: 'view.rename', params: { id: saved!.id, name: 'Force concerns', ...stamp } });
    expect((await w.value<SavedView[]>({ type: 'views.list' })).map((v) => v.name)).toEqual(['Force concerns']);
    expect(await w.value<SavedView[]>({ type: 'views.list', view: 'metrics' })).toEqual([]);
    await w.value({ type: 'edit', op: 'view.delete', params: { id: saved!.id, ...stamp } });
    expect(await w.value<SavedView[]>({ type: 'views.list' })).toEqual([]);
  });
});
