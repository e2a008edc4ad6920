import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DbClient } from '../../../../../src-renderer/db/db-client';

// Loaded without their types: React's declare empty DOM interfaces for the whole (Node) project,
// which would change the types of the Playwright specs checked with these tests.
type ReactApi = { createElement(type: unknown, props: object): unknown };
type ServerApi = { renderToStaticMarkup(element: unknown): string };
type EditorModule = { AnnotationEditor: unknown };
const untyped = (specifier: string): Promise<unknown> => import(/* @vite-ignore */ specifier);
const { createElement } = (await untyped('react')) as ReactApi;
const { renderToStaticMarkup } = (await untyped('react-dom/server')) as ServerApi;
const { AnnotationEditor } = (await untyped(
  fileURLToPath(new URL('../../../../../src-renderer/shared/annotations/AnnotationEditor.tsx', import.meta.url)),
)) as EditorModule;

// The editor as first drawn (no effects run, so no tag suggestions are asked for): what each view shows.
const client = {} as DbClient;
const annotation = { status: 'flagged', rag: 'amber', tags: ['custody', 'drugs'], note: 'Ask the force', includeInBrief: true };
const save = () => Promise.resolve(true);

function labelsOf(html: string): string[] {
  return [...html.matchAll(/<label[^>]*>(.*?)<\/label>/g)].map((m) => (m[1] ?? '').replace(/<[^>]*>/g, '').trim());
}

describe('the one annotation editor', () => {
  it('has the same labels and controls for a finding, a metric and a case file, and Kind for findings only', () => {
    const finding = renderToStaticMarkup(
      createElement(AnnotationEditor, {
        target: 'finding',
        annotation,
        kind: { suggested: 'concern', override: null },
        client,
        onSave: save,
      }),
    );
    const metric = renderToStaticMarkup(createElement(AnnotationEditor, { target: 'metric', annotation, client, onSave: save }));
    const sample = renderToStaticMarkup(createElement(AnnotationEditor, { target: 'review_sample', annotation, client, onSave: save }));
    expect(labelsOf(finding)).toEqual(['Status', 'RAG rating', 'Kind', 'Include in brief', 'Tags', 'Note']);
    expect(labelsOf(metric)).toEqual(['Status', 'RAG rating', 'Include in brief', 'Tags', 'Note']);
    expect(labelsOf(sample)).toEqual(labelsOf(metric));
    expect(finding).toContain('As suggested: Concern');
    expect(metric).not.toContain('As suggested');
  });

  it('shows the stored values: chips for the tags, named for the item', () => {
    const html = renderToStaticMarkup(createElement(AnnotationEditor, { target: 'review_sample', annotation, client, onSave: save }));
    expect(html).toContain('aria-label="Tags on this case file"');
    expect(html).toMatch(/<li class="tag-chip"><span>custody<\/span>/);
    expect(html).toContain('aria-label="Remove tag drugs"');
    expect(html).toMatch(/<option value="flagged" selected="">Flagged<\/option>/);
    expect(html).toMatch(/<option value="amber" selected="">Amber<\/option>/);
    expect(html).toMatch(/<input type="checkbox" checked=""\/>Include in brief/);
    expect(html).toContain('>Ask the force</textarea>');
  });

  it('says why a change was not saved when the caller leaves it to the editor', () => {
    const problem = 'Your change to Note was not saved: The disk is full.';
    const html = renderToStaticMarkup(createElement(AnnotationEditor, { target: 'finding', annotation, client, onSave: save, problem }));
    expect(html).toContain(`role="alert">${problem}</p>`);
  });
});
