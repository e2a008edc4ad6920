import {
  chartAltText,
  citation,
  feedsTable,
  findingLabel,
  judgmentsTable,
  longDate,
  METRICS_NOTE,
  metricsTable,
  ragWord,
  reconciliationTable,
  reproducibilityLines,
  REPRODUCIBILITY_INTRO,
  reviewTable,
  sectionsInOrder,
  sourceEntry,
  SYNTHETIC_REVIEW_NOTICE,
  titleBlock,
  type DocTable,
} from './doc-content';
import { escapeMarkdown as md, escapeMarkdownCell as cell, escapeMarkdownInline as inl } from './escape';
import type { PackSectionKey } from './definition';
import type { BriefingPack, PackFinding } from './model';
import { CHECK_BEFORE_USE_INTRO, CHECK_BEFORE_USE_TITLE } from './check';
import { visibleDeep } from '../text/visible';
import { StringSink, Utf8Sink, type TextSink } from './sink';

/**
 * The pack as GitHub-flavoured Markdown, for pasting into wikis and tickets. The marking is the
 * first and the last line. Every string from the pack is escaped (escape.ts), so a note cannot
 * become a link, an image, raw HTML, a heading or a table row; the only markup is built here.
 * Citations print as [S3], matching the Sources list (plain text: anchors do not survive most
 * Markdown hosts).
 */
export function renderMarkdown(pack: BriefingPack): string {
  const out = new StringSink();
  writeMarkdown(pack, out);
  return out.toString();
}

/** The same document as UTF-8, encoded as it is written (sink.ts), for the `.md` file a pack is saved as (see renderHtmlUtf8). */
export function renderMarkdownUtf8(pack: BriefingPack): Utf8Sink {
  const out = new Utf8Sink();
  writeMarkdown(pack, out);
  return out;
}

/** Writes the document block by block, blocks a blank line apart, ending with a newline. */
function writeMarkdown(packAsBuilt: BriefingPack, out: TextSink): void {
  // As every writer does: bidi controls and other invisible characters print as their code points.
  const pack = visibleDeep(packAsBuilt);
  const marking = md(pack.markingLine);
  let first = true;
  const block = (text: string) => {
    out.write(first ? text : `\n\n${text}`);
    first = false;
  };
  block(marking);
  block(`# ${md(pack.definition.title)}`);
  block(table(titleTable(pack)));
  if (pack.notices.length) block(['> **Read this first**', '>', ...pack.notices.map((n) => `> - ${md(n)}`)].join('\n'));
  if (pack.checkBeforeUse.length) {
    block(
      [
        `> **${md(CHECK_BEFORE_USE_TITLE)}**`,
        '>',
        `> ${md(CHECK_BEFORE_USE_INTRO)}`,
        '>',
        ...pack.checkBeforeUse.map((w) => `> - **${inl(w.figure)}** ${cite(w.source)}: ${inl(w.warning)}`),
      ].join('\n'),
    );
  }
  for (const s of sectionsInOrder(pack)) {
    block(`## ${md(s.title)}`);
    // Block by block: a section of a large pack has more blocks than a call takes arguments.
    for (const b of section(s.key, pack)) block(b);
  }
  block(marking);
  out.write('\n');
}

const cite = (id: string): string => (id ? inl(citation(id)) : '');
const empty = (text: string): string => `_${md(text)}_`;

function titleTable(pack: BriefingPack): DocTable {
  return {
    columns: [
      { title: 'Briefing', width: 1 },
      { title: '', width: 3 },
    ],
    rows: titleBlock(pack).map((r) => ({ cells: [r.label, r.value] })),
  };
}

/** A doc-content table as a GFM table: one line per row, so cell lines are joined with "; ". */
export function table(t: DocTable): string {
  const head = `| ${t.columns.map((c) => cell(c.title)).join(' | ')} |`;
  const rule = `| ${t.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`;
  const rows = t.rows.map((r) => {
    const cells = r.cells.map((v, i) => {
      const text = t.columns[i]?.cite ? cite(v) || ' ' : cell(v.split('\n').join('; '));
      return r.strong && text.trim() ? `**${text}**` : text;
    });
    return `| ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n');
}

function section(key: PackSectionKey, pack: BriefingPack): string[] {
  switch (key) {
    case 'summary':
      if (pack.reports.length === 0) return [empty('The pack covers no report.')];
      return pack.reports.flatMap((r) => [
        `### ${md(`${r.title} – ${r.force}`)}`,
        `**Overall grade:** ${inl(r.overallGrade ?? 'Not graded')}${r.published ? ` (published ${inl(r.published)})` : ''}`,
        r.judgments.length ? table(judgmentsTable(r)) : empty('The report has no graded judgments.'),
      ]);
    case 'metrics':
      if (pack.metrics.length === 0) return [empty('The selected reports have no metrics.')];
      return [
        ...(pack.chart ? [`_${md(chartAltText(pack))} The chart is in the HTML, Word and PDF versions of this pack._`] : []),
        md(METRICS_NOTE),
        table(metricsTable(pack.metrics, pack.chart?.forceLabel ?? 'Force')),
      ];
    case 'findings':
      if (pack.findings.length === 0) return [empty('No finding is marked include-in-brief.')];
      return pack.findings.flatMap((g) => [
        `### ${md(pack.reports.length > 1 ? `${g.section} (${g.report})` : g.section)}`,
        ...g.findings.flatMap(finding),
      ]);
    case 'areas':
      return areas(pack);
    case 'review':
      if (pack.review.length === 0) return [empty('The workspace has no case-file review sample for these reports.')];
      return pack.review.flatMap((rv) => [
        `### ${md(`${rv.force}: ${rv.files} files reviewed`)}${rv.synthetic ? ' (SYNTHETIC SAMPLE)' : ''}`,
        ...(rv.synthetic ? [`> **Note:** ${inl(SYNTHETIC_REVIEW_NOTICE)}`] : []),
        table(reviewTable(rv)),
        ...(rv.reconciliation.length ? ['### Figures stated in the report against the sample', table(reconciliationTable(rv))] : []),
      ]);
    case 'sources':
      if (pack.sources.length === 0) return [empty('No item in this pack cites a source.')];
      return [
        table({
          columns: [
            { title: 'Source', width: 1 },
            { title: 'Item', width: 2 },
            { title: 'Where in the report', width: 6 },
          ],
          rows: pack.sources.map((s) => ({ cells: [citation(s.id), s.what, sourceEntry(s)] })),
        }),
      ];
    case 'reproducibility':
      return [
        md(REPRODUCIBILITY_INTRO),
        [...reproducibilityLines(pack), { label: 'Pack dated', value: longDate(pack.definition.date) }]
          .map((l) => `- **${inl(l.label)}:** ${/hash/i.test(l.label) ? `\`${l.value.replace(/[^0-9a-f]/g, '')}\`` : inl(l.value)}`)
          .join('\n'),
        ...(pack.feeds.length ? [table(feedsTable(pack))] : []),
      ];
  }
}

function finding(f: PackFinding): string[] {
  return [
    `**RAG: ${inl(ragWord(f.rag))}** · **${inl(findingLabel(f))}** ${cite(f.source)}`,
    `> ${md(f.text)}`,
    ...(f.note.trim() ? [`**Analyst’s note:** _${inl(f.note.trim())}_`] : []),
    ...(f.tags.length ? [`**Tags:** ${f.tags.map(inl).join(', ')}`] : []),
  ];
}

function areas(pack: BriefingPack): string[] {
  if (pack.areas.length === 0) return [empty('The selected reports list no areas for improvement.')];
  const out: string[] = [];
  let heading = '';
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(list.join('\n'));
    list = [];
  };
  for (const a of pack.areas) {
    const h = pack.reports.length > 1 ? `${a.section} (${a.report})` : a.section;
    if (h !== heading) {
      flush();
      out.push(`### ${md(h)}`);
      heading = h;
    }
    list.push(`- ${md(a.text)} ${cite(a.source)}`, ...a.children.map((c) => `  - ${md(c)}`));
  }
  flush();
  return out;
}
