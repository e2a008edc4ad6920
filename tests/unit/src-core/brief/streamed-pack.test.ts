import { describe, expect, it } from 'vitest';
import { buildPack, CHART_MAX_BARS, includedFindings } from '../../../../src-core/brief/build';
import { renderHtml, renderHtmlUtf8 } from '../../../../src-core/brief/html';
import { renderMarkdown, renderMarkdownUtf8 } from '../../../../src-core/brief/markdown';
import { StringSink, Utf8Sink } from '../../../../src-core/brief/sink';
import { previewOf, previewPack } from '../../../../src-core/service/brief-service';
import { annotate, annotateDozen, definition, gwentWorkspace } from './gwent-workspace';

// A large pack is read a chunk of findings at a time and its text encoded as it is written
// (src-core/limits.ts, docs/PERFORMANCE.md): the file must be exactly what one string would give.

const ctx = { appVersion: 'test', now: '2026-11-27T10:00:00.000Z' };
const decode = (chunks: readonly Uint8Array[]) => {
  const d = new TextDecoder('utf-8', { fatal: true });
  return chunks.map((c) => d.decode(c, { stream: true })).join('') + d.decode();
};

describe('a pack written as it is encoded', () => {
  it('is, byte for byte, the document as one string, in HTML and Markdown', async () => {
    const db = await gwentWorkspace();
    annotateDozen(db);
    // Welsh and an emoji (two, three and four bytes in UTF-8) in notes long enough (1.7 MB in all)
    // that the text is encoded in several chunks.
    for (let id = 60; id < 80; id++) annotate(db, id, { note: `Pont-y-pŵl custody suite 🚓 ${'checked against the plan; '.repeat(3400)}` });
    const pack = await buildPack(db, definition(), ctx);
    db.close();

    const html = renderHtml(pack);
    expect(new TextDecoder().decode(renderHtmlUtf8(pack).bytes())).toBe(html);
    const htmlChunks = renderHtmlUtf8(pack).chunks();
    expect(htmlChunks.length).toBeGreaterThan(1);
    expect(decode(htmlChunks)).toBe(html);
    const md = renderMarkdown(pack);
    expect(new TextDecoder().decode(renderMarkdownUtf8(pack).bytes())).toBe(md);
    expect(decode(renderMarkdownUtf8(pack).chunks())).toBe(md);
    expect(md).toContain('Pont-y-pŵl custody suite 🚓');
  });

  it('is encoded a megabyte of text at a time, never as one string, and loses no character at a chunk boundary', () => {
    const utf8 = new Utf8Sink();
    const whole = new StringSink();
    // 3.2 million characters in pieces of odd lengths, with two- and four-byte characters throughout.
    for (let i = 0; i < 40_000; i++) {
      const piece = `${i % 7 === 0 ? 'ŵ' : 'a'}${'x'.repeat(i % 150)}${i % 11 === 0 ? '🚓' : ''}`;
      utf8.write(piece);
      whole.write(piece);
    }
    const chunks = utf8.chunks();
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(decode(chunks)).toBe(whole.toString());
    expect(new TextDecoder().decode(utf8.bytes())).toBe(whole.toString());
  });
});

describe('the findings of a pack, read a chunk at a time', () => {
  it('come in the same order and with the same content whatever the chunk size', async () => {
    const db = await gwentWorkspace();
    for (const id of [3, 4, 5, 9, 13, 21, 40, 41, 42, 55, 70, 99, 120]) annotate(db, id, { note: `n${id}` });
    const reports = [{ id: 1 }];
    const query = { includeInBrief: true };
    const all = [...includedFindings(db, query, reports)];
    expect(all.map((f) => f.id)).toEqual([3, 4, 5, 9, 13, 21, 40, 41, 42, 55, 70, 99, 120]);
    for (const chunk of [1, 2, 5, 13, 14]) expect([...includedFindings(db, query, reports, chunk)]).toEqual(all);
    db.close();
  });
});

describe('the chart of a pack with many metrics', () => {
  it(`draws the first ${CHART_MAX_BARS} and says so, while the table lists them all`, async () => {
    const db = await gwentWorkspace();
    const seedDrawable = (await buildPack(db, definition({ sections: ['metrics'] }), ctx)).chart?.panels.reduce(
      (n, p) => n + p.categories.length,
      0,
    );
    expect(seedDrawable).toBeLessThanOrEqual(CHART_MAX_BARS);
    // Every metric ten times over, as a workspace of many reports would have them.
    const cols = 'report_id, category, label, unit, period, force_value, force_text, ew_value, ew_text, source, quote, page, line';
    const last = Number(db.exec('SELECT max(id) FROM metrics')[0]?.values[0]?.[0]);
    for (let k = 0; k < 9; k++) db.run(`INSERT INTO metrics (${cols}) SELECT ${cols} FROM metrics WHERE id <= ?`, [last]);
    const pack = await buildPack(db, definition({ sections: ['metrics'] }), ctx);
    db.close();
    const drawn = pack.chart?.panels.reduce((n, p) => n + p.categories.length, 0);
    const drawable = pack.metrics.filter((m) => m.force !== null && m.englandWales !== null).length;
    expect(drawable).toBeGreaterThan(CHART_MAX_BARS);
    expect(drawn).toBe(CHART_MAX_BARS);
    expect(pack.notices, pack.notices.join('\n')).toContain(
      `The chart shows the first ${CHART_MAX_BARS} of the ${drawable} metrics with both values (a chart of more would not fit a page); the table lists them all.`,
    );
  });
});

describe("the app's preview of a large pack", () => {
  it('shows the first findings and says so, while the pack it writes keeps them all', async () => {
    const db = await gwentWorkspace();
    annotateDozen(db);
    const pack = await buildPack(db, definition(), ctx);
    db.close();
    expect(previewPack(pack, 50)).toBe(pack);
    const cut = previewPack(pack, 5);
    expect(cut.findings.reduce((n, g) => n + g.findings.length, 0)).toBe(5);
    expect(cut.findings.flatMap((g) => g.findings.map((f) => f.id))).toEqual(
      pack.findings.flatMap((g) => g.findings.map((f) => f.id)).slice(0, 5),
    );
    expect(cut.notices[0]).toBe("This preview shows the first 5 of the pack's 12 findings; the file you save has them all.");
    const preview = previewOf(pack);
    expect(preview.findings).toBe(12);
    expect(preview.html).not.toContain('This preview shows');
  });
});
