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

  it('says a refused file in the analyst’s words, with the original message behind “Technical detail”', () => {
    const message = '"notes.txt" is not a text report: it contains a control character (U+0000, NUL) at line 1, column 67 (byte 66)';
    const html = renderToStaticMarkup(
      createElement(ImportOutcomeItem, { outcome: { name: 'notes.txt', status: 'failed', message, reason: 'binary' } }),
    );
    const [before = '', detail = ''] = html.split('<details');
    expect(before.replace(/<[^>]*>/g, '')).toBe(
      'notes.txt was not imported. This file is not text: it looks like a program or an image. Choose the report’s PDF or a text copy of it. Nothing in the workspace was changed.',
    );
    // Closed until asked for, and the line and column kept.
    expect(detail).not.toMatch(/^[^>]*\bopen\b/);
    expect(detail.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"')).toContain('at line 1, column 67 (byte 66)');
    expect(detail).toContain('Technical detail');
  });

  it('shows a refusal without a code as its message, with nothing hidden', () => {
    const outcome: ImportOutcome = { name: 'big.pdf', status: 'failed', message: 'It is 51.0 MB; reports over 50 MB are refused' };
    expect(text(outcome)).toBe(
      'big.pdf was not imported. It is 51.0 MB; reports over 50 MB are refused. Nothing in the workspace was changed.',
    );
    expect(renderToStaticMarkup(createElement(ImportOutcomeItem, { outcome }))).not.toContain('<details');
  });
});
