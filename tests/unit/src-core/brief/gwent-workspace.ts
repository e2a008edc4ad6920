import { importReport } from '../../../../src-core/db/import-report';
import type { SqlDatabase } from '../../../../src-core/db/sql-db';
import type { PackDefinition } from '../../../../src-core/brief/definition';
import { DEMO_SOURCE, generateDemoSample } from '../../../../src-core/samples/demo';
import { importSamples } from '../../../../src-core/samples/import';
import { applyEdit, parseEdit } from '../../../../src-core/workspace/edits';
import { extractSeed, readFixture, SEED_FILES } from '../../../helpers/seed';
import { freshWorkspace } from '../../../helpers/workspace';

/** The bundled workspace as `npm run build:workspace` makes it: the Gwent 2017 report and its synthetic 60-file sample. */
export async function gwentWorkspace(now = new Date('2026-11-27T09:00:00Z')): Promise<SqlDatabase> {
  const db = await freshWorkspace();
  const imported = await importReport(
    db,
    await extractSeed('markdown'),
    { name: 'gwent.md', bytes: readFixture(SEED_FILES.markdown) },
    now,
  );
  if (imported.status !== 'imported') throw new Error('seed did not import');
  const demo = importSamples(db, generateDemoSample('Gwent Police'), {
    sourceName: DEMO_SOURCE,
    synthetic: true,
    reportId: imported.reportId,
  });
  if (!demo.ok) throw new Error('demo sample did not import');
  return db;
}

const at = '2026-11-27T10:00:00.000Z';

/** An edit as the app makes it: validated, applied, audited. */
export function edit(db: SqlDatabase, op: string, params: Record<string, unknown>): void {
  const e = parseEdit(op, { author: 'ann', at, ...params });
  applyEdit(db, e.op, e.params);
}

export function annotate(
  db: SqlDatabase,
  findingId: number,
  a: { note?: string; tags?: string[]; rag?: 'red' | 'amber' | 'green'; include?: boolean },
) {
  const set = (field: string, value: unknown) => edit(db, 'annotation.set', { targetType: 'finding', targetId: findingId, field, value });
  if (a.note !== undefined) set('note', a.note);
  if (a.tags !== undefined) set('tags', a.tags);
  if (a.rag !== undefined) set('rag', a.rag);
  set('includeInBrief', a.include ?? true);
}

/**
 * A dozen findings an analyst might brief on, across the report's sections (ids as the seed
 * imports them: the risk-based inspection's first paragraph holds its list of three areas): concerns, positive practice, an area for improvement and a data note.
 */
export const BRIEFED: { id: number; note: string; tags: string[]; rag: 'red' | 'amber' | 'green' }[] = [
  { id: 4, note: 'Good awareness of vulnerability: keep.', tags: ['vulnerability'], rag: 'green' },
  { id: 5, note: 'Response to domestic abuse victims is the main weakness.', tags: ['domestic abuse'], rag: 'red' },
  { id: 9, note: 'Identification of vulnerability is sound.', tags: ['vulnerability'], rag: 'green' },
  { id: 13, note: 'Arrest rate 36 per 100 against 46 nationally.', tags: ['domestic abuse', 'arrests'], rag: 'red' },
  { id: 18, note: 'Mental health partnership working.', tags: ['mental health'], rag: 'green' },
  { id: 21, note: 'Custody as a place of safety: 63 times.', tags: ['custody', 'mental health'], rag: 'red' },
  { id: 22, note: 'File review: 15 of 16 allocated appropriately.', tags: ['investigation'], rag: 'amber' },
  { id: 28, note: 'MARAC referrals incomplete.', tags: ['domestic abuse', 'MARAC'], rag: 'amber' },
  { id: 33, note: 'SOC partnership understanding developing.', tags: ['SOC'], rag: 'amber' },
  { id: 39, note: 'Disruption activity not evaluated.', tags: ['SOC'], rag: 'amber' },
  { id: 47, note: 'County lines: AFI.', tags: ['county lines', 'SOC'], rag: 'red' },
  { id: 55, note: 'Firearms capability is good.', tags: ['firearms'], rag: 'green' },
];

export function annotateDozen(db: SqlDatabase): void {
  for (const f of BRIEFED) annotate(db, f.id, f);
}

export const definition = (over: Partial<PackDefinition> = {}): PackDefinition => ({
  title: 'Gwent Police: effectiveness 2017',
  audience: 'Chief officer group',
  author: 'Ann Analyst',
  date: '2026-11-27',
  marking: 'OFFICIAL-SENSITIVE',
  caveat: '',
  sections: ['summary', 'metrics', 'findings', 'areas', 'review', 'sources', 'reproducibility'],
  reportIds: [],
  findings: { kind: 'all' },
  ...over,
});

export const CTX = { appVersion: '0.1.0', now: '2026-11-27T17:00:00.000Z' };
