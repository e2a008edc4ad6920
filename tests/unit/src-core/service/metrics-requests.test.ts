import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../src-core/query/model/history';
import type { MetricRow } from '../../../../src-core/query/model/metrics';
import type { ReportOverview } from '../../../../src-core/query/model/overview';
import { openSeeded, workerHarness } from '../../../helpers/db-worker';

const at = '2026-11-27T09:30:00.000Z';

/** The worker's service with the real sql.js and migrations; storage always succeeds. */
async function seededService() {
  const worker = workerHarness();
  await openSeeded(worker);
  return worker;
}

describe('the DB worker’s metrics and warnings requests', () => {
  it('lists metrics with their comparison, filtered as the query says', async () => {
    const w = await seededService();
    const all = await w.value<MetricRow[]>({ type: 'metrics.list', query: {} });
    expect(all).toHaveLength(24);
    expect(all.find((m) => m.category === 'Calls for assistance')).toMatchObject({
      force: 338,
      englandWales: 282,
      difference: 56,
      ratio: expect.closeTo(1.2, 2),
    });
    expect(all.filter((m) => m.warning)).toHaveLength(1);
    expect(await w.value<MetricRow[]>({ type: 'metrics.list', query: { source: 'text' } })).toHaveLength(13);
    expect(await w.call({ type: 'metrics.list', query: { source: 'guess' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('records who verified a metric in its history', async () => {
    const w = await seededService();
    const [first] = await w.value<MetricRow[]>({ type: 'metrics.list', query: {} });
    await w.value({ type: 'edit', op: 'metric.verify', params: { metricId: first!.id, verified: true, author: 'J. Analyst', at } });
    const [after] = await w.value<MetricRow[]>({ type: 'metrics.list', query: { verified: true } });
    expect(after).toMatchObject({ id: first!.id, verified: true, verifiedBy: 'J. Analyst', verifiedAt: at });
    expect(await w.value<HistoryEntry[]>({ type: 'metrics.history', metricId: first!.id })).toEqual([
      { at, author: 'J. Analyst', field: 'verified', oldValue: '0', newValue: '1' },
    ]);
  });

  it('shows each extraction warning in the overview with whether, and by whom, it was checked', async () => {
    const w = await seededService();
    const before = await w.value<ReportOverview[]>({ type: 'reports.overview' });
    const warning = before[0]!.warnings[0]!;
    expect(warning).toMatchObject({ code: 'metric-implausible', where: 'line 151', checked: false, checkedBy: null, checkedAt: null });
    await w.value({ type: 'edit', op: 'warning.check', params: { warningId: warning.id, checked: true, author: 'J. Analyst', at } });
    const after = await w.value<ReportOverview[]>({ type: 'reports.overview' });
    expect(after[0]!.warnings[0]).toMatchObject({ id: warning.id, checked: true, checkedBy: 'J. Analyst', checkedAt: at });
    expect(after[0]!.warnings[1]).toMatchObject({ checked: false });
  });
});
