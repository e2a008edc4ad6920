import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../../../../../src-renderer/features/reports/use-report-import';
import { batchText } from '../../../../../src-renderer/features/reports/import-text';

// Loaded without their types, as tests/unit/src-renderer/shared/annotations/annotation-editor.test.ts explains.
type ReactApi = { createElement(type: unknown, props: object): unknown };
type ServerApi = { renderToStaticMarkup(element: unknown): string };
const untyped = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);
const { createElement } = (await untyped('react')) as ReactApi;
const { renderToStaticMarkup } = (await untyped('react-dom/server')) as ServerApi;
const { ImportOutcomeItem } = (await untyped(
  fileURLToPath(new URL('../../../../../src-renderer/features/reports/ImportOutcomeItem.tsx', import.meta.url)),
)) as { ImportOutcomeItem: unknown };

const text = (outcome: ImportOutcome) =>
  renderToStaticMarkup(createElement(ImportOutcomeItem, { outcome }))
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
const buttons = (outcome: ImportOutcome) =>
  [...renderToStaticMarkup(createElement(ImportOutcomeItem, { outcome })).matchAll(/<button[^>]*>(.*?)<\/button>/g)].map((m) => m[1]);

const duplicate = (by: 'file' | 'report'): ImportOutcome => ({
  name: 'gwent-2017.pdf',
  status: 'done',
  result: { status: 'duplicate', reportId: 1, by, reason: 'PEEL 2017 – Gwent Police is already in this workspace' },
  replace: () => undefined,
});

describe('an import outcome', () => {
  it('offers to replace a duplicate report, or to read the same file again', () => {
    expect(buttons(duplicate('report'))).toEqual(['Replace with this file (keeps your checks)']);
    expect(buttons(duplicate('file'))).toEqual(['Read it again with this version']);
    // No offer without a file to read again.
    expect(buttons({ ...duplicate('report'), replace: undefined } as ImportOutcome)).toEqual([]);
  });

  it('says what a replace kept and lists, in words, each item left to review', () => {
    const outcome: ImportOutcome = {
      name: 'gwent-v2.md',
      status: 'done',
      result: {
        status: 'replaced',
        reportId: 1,
        title: 'PEEL 2017 – Gwent Police',
        kept: 4,
        previousHash: 'a',
        contentHash: 'b',
        toReview: [
          {
            what: 'Figure',
            label: 'Domestic abuse incidents per 1,000 population',
            detail: 'correction of Force value to 12: its quote is no longer in the report',
          },
        ],
      },
    };
    expect(text(outcome)).toBe(
      'Replaced PEEL 2017 – Gwent Police with gwent-v2.md. Kept 4 checks and annotations. 1 item no longer matches the new reading: review it (it is also kept in the report’s history). ' +
        'Figure “Domestic abuse incidents per 1,000 population”: correction of Force value to 12: its quote is no longer in the report.',
    );
    expect(text({ name: 'x.md', status: 'failed', replacing: true, message: 'The disk is full.' })).toBe(
      'x.md did not replace the report. The disk is full. Nothing in the workspace was changed.',
    );
    expect(batchText([{ status: 'done', result: { status: 'replaced' } }, { status: 'failed' }])).toBe(
      '2 files: 0 imported, 1 replaced, 1 not imported.',
    );
  });
});
