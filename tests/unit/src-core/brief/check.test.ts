import { describe, expect, it } from 'vitest';
import { buildPack } from '../../../../src-core/brief/build';
import { markedLines } from '../../../../src-core/brief/chart';
import { SvgContext } from '../../../../src-core/brief/chart-svg';
import { metricsTable } from '../../../../src-core/brief/doc-content';
import { renderHtml } from '../../../../src-core/brief/html';
import { renderMarkdown } from '../../../../src-core/brief/markdown';
import type { BriefingPack } from '../../../../src-core/brief/model';
import { one } from '../../../../src-core/db/sql-db';
import { renderDocxFile, renderPdfFile } from '../../../../src-main/node/brief-render';
import { docxParts, pdfPagesText, wordText } from '../../../helpers/doc-inspect';
import { CTX, definition, edit, gwentWorkspace } from './gwent-workspace';

/**
 * The pack states the analyst's check of what it holds (issue 17): how many of its figures and
 * grades are verified or corrected, a mark on every one not yet verified, each correction with the
 * value extracted, and a "Check before use" box naming every figure whose warning is still open.
 */

const DOMESTIC = 'Domestic abuse incidents per 1,000 population';
/** Metric 9 of the seed: the extractor read Gwent's figure as 1 against England and Wales's 15, and warned. */
const METRIC_9 = 9;

/** Every format's text: Markdown and HTML as written, DOCX's paragraphs, the PDF's pages. */
async function formats(pack: BriefingPack): Promise<Record<'md' | 'html' | 'docx' | 'pdf', string>> {
  const docx = (await docxParts(await renderDocxFile(pack))).get('word/document.xml') ?? '';
  const paragraphs = [...docx.matchAll(/<w:p[ >](?:(?!<\/w:p>).)*?<\/w:p>/gs)].map((m) => wordText(m[0]));
  return {
    md: renderMarkdown(pack),
    html: renderHtml(pack),
    docx: paragraphs.join('\n'),
    // pdftotext breaks lines where the page does: joined with spaces, sentences can be searched whole.
    pdf: pdfPagesText(await renderPdfFile(pack))
      .join('\n')
      .replace(/\s+/g, ' '),
  };
}

const row = (pack: BriefingPack, label: string) => {
  const m = pack.metrics.find((x) => x.label === label);
  if (!m) throw new Error(`no metric ${label}`);
  return m;
};

describe('a pack from the seed workspace before anyone has checked it', async () => {
  const db = await gwentWorkspace();
  const warning = String(one(db, "SELECT message FROM extraction_warnings WHERE code = 'metric-implausible'")?.message);
  const pack = await buildPack(db, definition(), CTX);
  const text = await formats(pack);

  it('states the coverage of the 15 figures and 6 grades it holds', () => {
    const statement =
      'Of the 15 figures and 6 grades in this pack, 0 are verified against the report, 0 corrected, 21 not yet verified (marked † wherever they appear).';
    expect(pack.coverage).toEqual({
      figures: { total: 15, verified: 0, corrected: 0 },
      grades: { total: 6, verified: 0, corrected: 0 },
      statement,
    });
    expect(pack.notices).toContain(statement);
    for (const t of [text.md, text.html, text.docx, text.pdf]) expect(t).toContain(statement);
  });

  it('names the figure with the open warning, in the warning’s words, in a Check before use box in every format', () => {
    expect(warning).toContain('more than ten times apart');
    expect(pack.checkBeforeUse).toEqual([
      {
        figure: `${DOMESTIC} (Gwent Police 2017): Gwent Police 1, England and Wales 15`,
        warning,
        source: row(pack, DOMESTIC).source,
      },
    ]);
    expect(text.md).toContain(`> **Check before use**`);
    expect(text.md).toContain(`> - **${DOMESTIC} (Gwent Police 2017): Gwent Police 1, England and Wales 15** \\[S15\\]: `);
    expect(text.html).toMatch(/<aside class="notices check-before-use" aria-labelledby="check-h"><h2 id="check-h">Check before use<\/h2>/);
    const escaped = warning.replace(/"/g, '&quot;');
    expect(text.html).toContain(escaped);
    for (const t of [text.docx, text.pdf]) {
      expect(t).toContain('Check before use');
      expect(t).toContain(`${DOMESTIC} (Gwent Police 2017): Gwent Police 1, England and Wales 15`);
      // The warning quotes the label in straight quotes; the PDF's text keeps them.
      expect(t).toContain('Gwent Police 1 against England and Wales 15 is more than ten times apart');
    }
  });

  it('marks every figure and grade not yet verified, in words, in every table', () => {
    const table = metricsTable(pack.metrics, 'Gwent Police');
    expect(table.columns.map((c) => c.title)).toContain('Check');
    const check = table.rows.map((r) => r.cells[5]);
    expect(check.filter((c) => c?.startsWith('Not verified †'))).toHaveLength(15);
    expect(check[pack.metrics.indexOf(row(pack, DOMESTIC))]).toBe('Not verified †\nWarning open: see Check before use');
    expect(pack.reports[0]?.judgments.map((j) => j.check)).toEqual(Array(6).fill('unverified'));
    // 15 metrics and 6 grades, each marked once in its table; the notes say "marked †", never these words.
    for (const t of [text.md, text.html, text.docx]) expect(t.match(/Not verified †/g)).toHaveLength(21);
  });

  it('marks every unverified bar of the chart with † and prints the key', () => {
    const marks = pack.chart?.panels.flatMap((p) => p.marks ?? []);
    expect(marks).toEqual(Array(15).fill('unverified'));
    expect(text.html).toContain('Key: † not yet verified against the report');
    expect(text.html).toMatch(/>Incidents per 1,000 population †<\/text>/);
  });
});

describe('after the analyst corrects the seed’s Gwent figure for domestic abuse incidents from 1 to 12', async () => {
  const db = await gwentWorkspace();
  edit(db, 'item.correct', { target: 'metric', id: METRIC_9, field: 'force', value: '12' });
  const pack = await buildPack(db, definition(), CTX);
  const text = await formats(pack);
  const sentence = 'Force value corrected from 1 to 12 by ann on 27 November 2026; extracted as 1 from this place in the report.';

  it('uses 12, marked corrected, in the table, with the extracted 1 beside it', () => {
    const m = row(pack, DOMESTIC);
    expect(m).toMatchObject({ force: 12, forceText: '12', difference: -3, check: 'corrected', openWarning: null });
    const cells = metricsTable(pack.metrics, 'Gwent Police').rows[pack.metrics.indexOf(m)]?.cells;
    expect(cells?.slice(1, 6)).toEqual(['12\ncorrected', '15', '-3', 'Lower', 'Corrected\nForce value extracted as 1']);
    expect(text.md).toContain(
      `| ${DOMESTIC}; per 1,000 population, 12 months to 30 June 2017 | 12; corrected | 15 | -3 | Lower | Corrected; Force value extracted as 1 |`,
    );
    expect(text.html).toContain(
      '<td class="right">12<span class="sub">corrected</span></td><td class="right">15</td><td class="right">-3</td><td>Lower</td><td>Corrected<span class="sub">Force value extracted as 1</span></td>',
    );
    expect(text.docx).toMatch(/\n12 ?corrected\n15\n-3\nLower\nCorrected ?Force value extracted as 1\n/);
    // The PDF's table wraps the cell; pdftotext reads its lines beside the next column's.
    expect(text.pdf).toMatch(/ 12 15 -3 Lower Corrected .*corrected .*extracted as 1/);
  });

  it('names the extracted 1 in the Sources list, in every format', () => {
    const source = pack.sources.find((s) => s.id === row(pack, DOMESTIC).source);
    expect(source?.corrections).toEqual([sentence]);
    for (const t of [text.md, text.html, text.docx, text.pdf]) expect(t).toContain(sentence);
  });

  it('marks the bar corrected in the chart, and no longer lists the figure to check before use', () => {
    const panel = pack.chart?.panels.find((p) => p.categories.includes(DOMESTIC));
    expect(panel?.marks?.[panel.categories.indexOf(DOMESTIC)]).toBe('corrected');
    expect(text.html).toContain('(corrected) corrected by an analyst');
    expect(pack.checkBeforeUse).toEqual([]);
    for (const t of [text.md, text.html, text.docx, text.pdf]) expect(t).not.toContain('Check before use');
    expect(pack.coverage?.statement).toBe(
      'Of the 15 figures and 6 grades in this pack, 0 are verified against the report, 1 corrected, 20 not yet verified (marked † wherever they appear).',
    );
  });
});

describe('the coverage follows each check the analyst makes', () => {
  it('counts verified figures and grades, a corrected grade, and takes a dismissed warning out of the box', async () => {
    const db = await gwentWorkspace();
    edit(db, 'metric.verify', { metricId: 1, verified: true });
    edit(db, 'judgment.verify', { judgmentId: 2, verified: true });
    edit(db, 'judgment.verify', { judgmentId: 3, verified: true });
    edit(db, 'item.correct', { target: 'judgment', id: 3, field: 'grade', value: 'Outstanding' });
    const warningId = Number(one(db, "SELECT id FROM extraction_warnings WHERE code = 'metric-implausible'")?.id);
    edit(db, 'warning.check', { warningId, checked: true, reason: 'The force confirms 1 per 1,000 for this period.' });
    const pack = await buildPack(db, definition(), CTX);
    expect(pack.coverage).toMatchObject({
      figures: { total: 15, verified: 1, corrected: 0 },
      grades: { total: 6, verified: 1, corrected: 1 },
      statement:
        'Of the 15 figures and 6 grades in this pack, 2 are verified against the report, 1 corrected, 18 not yet verified (marked † wherever they appear).',
    });
    const graded = pack.reports[0]?.judgments.find((j) => j.check === 'corrected');
    expect(graded).toMatchObject({ grade: 'Outstanding' });
    expect(pack.sources.find((s) => s.id === graded?.source)?.corrections[0]).toMatch(
      /^Grade corrected from \w[\w ]+ to Outstanding by ann on /,
    );
    // Dismissed with a reason: no longer open, but the figure is still not verified.
    expect(pack.checkBeforeUse).toEqual([]);
    expect(row(pack, DOMESTIC).check).toBe('unverified');
  });

  it('says nothing of coverage in a pack that holds neither figures nor grades', async () => {
    const db = await gwentWorkspace();
    const pack = await buildPack(db, definition({ sections: ['areas', 'sources'] }), CTX);
    expect(pack.coverage).toBeNull();
    expect(pack.notices.some((n) => n.startsWith('Of the'))).toBe(false);
  });
});

describe('a chart label’s mark', () => {
  const ctx = new SvgContext();
  ctx.font = '12px Arial';

  it('is never cut from a long label: the label’s words give way', () => {
    const long = 'Evidential difficulties: suspect identified but victim does not support action, and a great deal more besides';
    for (const mark of ['†', '(corrected)']) {
      const lines = markedLines(ctx, long, mark, 208);
      expect(lines).toHaveLength(2);
      expect(lines[1]?.endsWith(`… ${mark}`)).toBe(true);
      for (const l of lines) expect(ctx.measureText(l).width).toBeLessThanOrEqual(208);
    }
  });

  it('follows a short label on its line, and leaves an unmarked label as it is', () => {
    expect(markedLines(ctx, 'Charged/summonsed', '†', 208)).toEqual(['Charged/summonsed †']);
    expect(markedLines(ctx, 'Charged/summonsed', '', 208)).toEqual(['Charged/summonsed']);
  });
});
