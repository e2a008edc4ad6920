import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Extraction, Finding } from '../../../../src-core/extract/types';
import { extractSeed, ROOT, SEED_FILES, type SeedFormat } from '../../../helpers/seed';

const FORMATS: SeedFormat[] = ['markdown', 'text', 'pdf'];

// The 11 "Force in numbers" figures as printed in the seed report.
const FORCE_IN_NUMBERS = [
  { label: 'Incidents per 1,000 population', period: '12 months to 30 June 2017', force: 338, ew: 282, unit: 'per 1,000 population' },
  {
    label: 'Anti-social behaviour (ASB) incidents per 1,000 population',
    period: '12 months to 31 March 2017',
    force: 37,
    ew: 31,
    unit: 'per 1,000 population',
  },
  {
    label: 'Change in ASB incidents',
    period: '12 months to 31 March 2016 against 12 months to 31 March 2017',
    force: -16,
    ew: -0.05,
    unit: '% change',
  },
  { label: 'Crimes recorded per 1,000 population', period: '12 months to 30 June 2017', force: 74, ew: 77, unit: 'per 1,000 population' },
  {
    label: 'Change in recorded crime',
    period: '12 months to 30 June 2016 against 12 months to 30 June 2017',
    force: 13,
    ew: 14,
    unit: '% change',
  },
  { label: 'Charged/summonsed', period: '12 months to 30 June 2017', force: 11, ew: 10, unit: '% of outcomes' },
  {
    label: 'Evidential difficulties: suspect identified but victim does not support action',
    period: '12 months to 30 June 2017',
    force: 17,
    ew: 13,
    unit: '% of outcomes',
  },
  {
    label: 'Investigation completed but no suspect identified',
    period: '12 months to 30 June 2017',
    force: 40,
    ew: 48,
    unit: '% of outcomes',
  },
  {
    label: 'Domestic abuse incidents per 1,000 population',
    period: '12 months to 30 June 2017',
    force: 1,
    ew: 15,
    unit: 'per 1,000 population',
  },
  {
    label: 'Domestic abuse as a percentage of all recorded crime (excluding fraud)',
    period: '12 months to 30 June 2017',
    force: 13,
    ew: 11,
    unit: '%',
  },
  {
    label: 'Organised crime groups per 1 million population',
    period: 'as at 1 July 2017',
    force: 33,
    ew: 47,
    unit: 'per 1 million population',
  },
];

const TEXT_METRICS = [
  {
    label: 'arrests per 100 domestic abuse-flagged crimes',
    force: 36,
    ew: 46,
    quote:
      /For every 100 domestic abuse-flagged crimes recorded by Gwent Police, there were 36 arrests .* England and Wales rate of 46\)\.$/,
  },
  {
    label: 'uses as a place of safety per 100,000 population',
    force: 107.9,
    ew: 17.5,
    quote: /which represents 107\.9 uses as a place of safety per 100,000 population \(compared with an England and Wales rate of 17\.5\)/,
  },
  { label: 'DVPOs granted per 100 domestic abuse-related offences', force: 0.2, ew: 0.8, quote: /^The rate of DVPOs granted is 0\.2/ },
  {
    label: 'SCPOs per 100 organised crime groups (active and archived)',
    force: 6.8,
    ew: 9.2,
    quote: /applied for 3 SCPOs at a rate of 6\.8 per 100 organised crime groups/,
  },
];

const JUDGMENTS = [
  { question: 'Overall effectiveness', grade: 'Requires improvement', lastInspected: 2017 },
  { question: 'Preventing crime and tackling anti-social behaviour', grade: 'Good', lastInspected: 2016 },
  { question: 'Investigating crime and reducing re-offending', grade: 'Good', lastInspected: 2016 },
  { question: 'Protecting vulnerable people', grade: 'Requires improvement', lastInspected: 2017 },
  { question: 'Tackling serious and organised crime', grade: 'Requires improvement', lastInspected: 2017 },
  { question: 'Specialist capabilities', grade: 'Ungraded', lastInspected: 2017 },
];

function findingWith(e: Extraction, text: string): Finding {
  const f = e.findings.find((x) => x.text.includes(text));
  if (!f) throw new Error(`no finding contains "${text}"`);
  return f;
}

describe.each(FORMATS)('the seed report as %s', (format) => {
  it('reads the title page', async () => {
    const e = await extractSeed(format);
    expect(e.format).toBe(format);
    expect(e.report).toMatchObject({
      title: 'PEEL: Police effectiveness 2017',
      force: 'Gwent Police',
      programme: 'Police effectiveness',
      year: 2017,
      published: 'March 2018',
      isbn: '978-1-78655-540-3',
    });
  });

  it('reads every judgment with its grade and the year last inspected', async () => {
    const e = await extractSeed(format);
    expect(e.judgments.map(({ question, grade, lastInspected }) => ({ question, grade, lastInspected }))).toEqual(JUDGMENTS);
  });

  it('reads all 11 Force in numbers metrics with both values, signs kept', async () => {
    const e = await extractSeed(format);
    const fin = e.metrics.filter((m) => m.source === 'force-in-numbers');
    expect(fin.map(({ label, period, force, englandWales, unit }) => ({ label, period, force, ew: englandWales, unit }))).toEqual(
      FORCE_IN_NUMBERS,
    );
    expect(fin.find((m) => m.label === 'Change in recorded crime')?.forceText).toBe('+13%');
    expect(fin.find((m) => m.label === 'Change in ASB incidents')?.englandWalesText).toBe('-0.05%');
  });

  it('reads the comparisons stated in the body text, with the sentence as the quote', async () => {
    const e = await extractSeed(format);
    const text = e.metrics.filter((m) => m.source === 'text' && m.englandWales !== null);
    expect(text.map((m) => ({ label: m.label, force: m.force, ew: m.englandWales }))).toEqual(
      TEXT_METRICS.map(({ label, force, ew }) => ({ label, force, ew })),
    );
    TEXT_METRICS.forEach((t, i) => expect(text[i]?.quote).toMatch(t.quote));
    expect(text[0]?.period).toBe('12 months to 30 June 2017');
  });

  it('reads the figures the text states without a comparator, each with its unit and quote', async () => {
    const e = await extractSeed(format);
    const alone = e.metrics.filter((m) => m.source === 'text' && m.englandWales === null);
    const find = (value: number, unit: string) => alone.find((m) => m.force === value && m.unit === unit);
    expect(find(23, 'per 10,000 females')?.quote).toMatch(/the force referred 23 cases to a MARAC per 10,000 females/);
    expect(find(23, 'per 10,000 females')?.period).toBe('12 months to 31 March 2017');
    expect(find(44, '%')?.label).toBe('disclosure rate');
    expect(find(22, '%')?.quote).toBe('This is a disclosure rate of 22 percent.');
    expect(find(24.8, '%')?.quote).toMatch(/^Referrals have decreased by 24\.8 percent/);
    // Footnote numbers, dates and the "12 months" of a period are not figures.
    expect(alone.some((m) => m.force === 12 || m.force === 2017 || m.force === 2016)).toBe(false);
  });

  it('keeps a figure stated in "Force in numbers" and again in the text as one metric with both quotes', async () => {
    const e = await extractSeed(format);
    const ocg = e.metrics.filter((m) => m.force === 33 && m.englandWales === 47);
    expect(ocg).toHaveLength(1);
    expect(ocg[0]?.source).toBe('force-in-numbers');
    expect(ocg[0]?.alsoQuoted?.[0]?.quote).toMatch(/33 mapped organised crime groups per one million population/);
  });

  it('reads the six areas for improvement and the four items nested in the third', async () => {
    const e = await extractSeed(format);
    const afis = e.areasForImprovement;
    expect(afis).toHaveLength(6);
    expect(afis.map((a) => a.section)).toEqual([
      ...Array(3).fill('Protecting vulnerable people and supporting victims'),
      ...Array(3).fill('Tackling serious and organised crime'),
    ]);
    expect(afis.every((a) => a.text.startsWith('The force should'))).toBe(true);
    expect(afis.map((a) => a.items.length)).toEqual([0, 0, 4, 0, 0, 0]);
    expect(afis[2]?.text).toBe('The force should improve its overall approach to safeguarding victims of domestic abuse by:');
    expect(afis[2]?.items[0]).toMatch(/^understanding and taking appropriate action .* DVPNs and DVPOs;$/);
    expect(afis[2]?.items[3]).toMatch(/^implementing a process to obtain feedback .* do not support police action\.$/);
    expect(afis[5]?.text).toMatch(
      /through use of the 4Ps, and ensure that it learns from experience to maximise its disruptive effects\.$/,
    );
    const afiFindings = e.findings.filter((f) => f.kind === 'area for improvement');
    expect(afiFindings).toHaveLength(6);
  });

  it('reads the footnotes, links them from the paragraphs that cite them, and warns about the missing one', async () => {
    const e = await extractSeed(format);
    const numbers = e.footnotes.map((f) => f.number);
    expect(numbers).toEqual([...Array(26).keys()].map((i) => i + 1).filter((n) => n !== 14));
    expect(e.footnotes.find((f) => f.number === 3)?.text).toMatch(
      /^The College of Policing defines vulnerability as: A person is vulnerable if/,
    );
    expect(e.footnotes.find((f) => f.number === 25)?.text).toMatch(/^60 case files were reviewed in each force/);
    expect(e.footnotes.find((f) => f.number === 1)?.text).toMatch(
      /HMICFRS website: www\.justiceinspectorates\.gov\.uk\/hmicfrs\/peel-assessments/,
    );
    expect(findingWith(e, 'reduction in the number of section 136').footnotes).toEqual([9]);
    expect(findingWith(e, 'Judgments from 2016 remain in place').footnotes).toEqual([2]);
    expect(findingWith(e, 'HMICFRS reviewed 2,700 police case files').footnotes).toEqual([25]);
    const undefinedFn = e.warnings.filter((w) => w.code === 'footnote-undefined');
    expect(undefinedFn).toHaveLength(1);
    expect(undefinedFn[0]?.message).toMatch(/^Footnote 14 is cited/);
    expect(e.warnings.filter((w) => w.code === 'footnote-uncited')).toEqual([]);
  });

  it('flags the implausible Force in numbers value and nothing else', async () => {
    const e = await extractSeed(format);
    const implausible = e.warnings.filter((w) => w.code === 'metric-implausible');
    expect(implausible).toHaveLength(1);
    expect(implausible[0]?.message).toMatch(/Domestic abuse incidents per 1,000 population.*Gwent Police 1 against England and Wales 15/);
    expect(e.warnings.map((w) => w.code).sort()).toEqual(['footnote-undefined', 'metric-implausible']);
  });

  it('joins paragraphs that a page break and its footnotes split in two', async () => {
    const e = await extractSeed(format);
    const joined = [
      'There is only one mental health bed in Gwent which the force can use and the force is well aware',
      'had 33 mapped organised crime groups per one million population; this is slightly lower than the England and Wales rate of 47',
      'the force applied for 3 SCPOs at a rate of 6.8 per 100 organised crime groups (active and archived), this is lower',
      'The Code of Practice on Police use of Firearms and Less Lethal Weapons makes forces responsible',
      'In contrast, those working within the missing children hub have a good awareness of county lines and understand',
      'assessed them against several criteria. Due to the small sample size',
    ];
    for (const text of joined) expect(findingWith(e, text).rejoined).toBe(true);
    expect(findingWith(e, 'There is only one mental health bed in Gwent').footnotes).toEqual([]);
    expect(findingWith(e, 'Firearms and Less Lethal Weapons makes').footnotes).toEqual([23]);
  });

  it('files findings under their section and subsection with a suggested kind', async () => {
    const e = await extractSeed(format);
    expect(findingWith(e, 'Of the 16 files reviewed which had a vulnerable victim, 15 were allocated')).toMatchObject({
      section: 'Protecting vulnerable people and supporting victims',
      subsection: 'Investigating crimes involving vulnerable people',
      paragraph: 1,
    });
    expect(findingWith(e, 'Gwent Police requires improvement in keeping people safe')).toMatchObject({
      section: 'Effectiveness overview',
      subsection: 'Summary',
      kind: 'judgment summary',
    });
    expect(findingWith(e, 'In 2016, we identified that Gwent Police was not consistently identifying').kind).toBe(
      'progress on a previous area for improvement',
    );
    expect(findingWith(e, 'The missing children hub is co-located').kind).toBe('positive practice');
    expect(findingWith(e, 'Gwent Police arrests a lower proportion of domestic abuse suspects').kind).toBe('concern');
    expect(findingWith(e, 'British Transport Police was outside the scope').kind).toBe('data note');
    const sections = [...new Set(e.findings.map((f) => f.section))];
    expect(sections).toEqual([
      'Risk-based inspection',
      'Effectiveness overview',
      'Protecting vulnerable people and supporting victims',
      'Tackling serious and organised crime',
      'Specialist capabilities',
      'Annex A – About the data',
    ]);
    // No judgments table cells, grades or Force in numbers figures leak into findings.
    expect(e.findings.some((f) => /^(Good|Requires improvement|Ungraded|Question|338|Gwent Police)$/.test(f.text))).toBe(false);
  });
});

describe('source positions', () => {
  it('point at the line of the Markdown each fact came from', async () => {
    const e = await extractSeed('markdown');
    const lines = readFileSync(path.join(ROOT, SEED_FILES.markdown), 'utf8').split('\n');
    const at = (line: number) => lines[line - 1] ?? '';
    expect(at(e.metrics[0]?.where.line ?? 0)).toMatch(/^Incidents per 1,000/);
    expect(at(e.judgments[1]?.where.line ?? 0)).toMatch(/^Preventing crime and tackling anti-social behaviour\t/);
    expect(at(findingWith(e, 'Of the 16 files reviewed').where.line)).toMatch(/^Gwent Police is effective in the way it investigates/);
    expect(at(e.footnotes.find((f) => f.number === 9)?.where.line ?? 0)).toMatch(/^<sup>9<\/sup> Section 136/);
  });

  it('give the page of the PDF, the same page the PDF-to-text output puts the text on', async () => {
    const [pdf, text] = await Promise.all([extractSeed('pdf'), extractSeed('text')]);
    const pages = readFileSync(path.join(ROOT, SEED_FILES.text), 'utf8').split('\f');
    const pageOf = (s: string) => pages.findIndex((p) => p.replace(/\s+/g, ' ').includes(s)) + 1;
    for (const probe of ['Of the 16 files reviewed', 'Gwent Police has a developing understanding', 'HMICFRS commissioned Ipsos MORI']) {
      expect(findingWith(pdf, probe).where.page).toBe(pageOf(probe));
      expect(findingWith(text, probe).where.page).toBe(pageOf(probe));
    }
    expect(pdf.metrics[0]?.where.page).toBe(pageOf('Incidents per 1,000'));
  });
});

describe('the PDF and the Markdown of the same report', () => {
  it('give the same findings, in the same places, with the same footnotes', async () => {
    const [md, pdf] = await Promise.all([extractSeed('markdown'), extractSeed('pdf')]);
    const shape = (e: Extraction) =>
      e.findings.map((f) => ({
        section: f.section,
        subsection: f.subsection,
        kind: f.kind,
        footnotes: f.footnotes,
        text: f.text.replace(/\s+/g, ' '),
      }));
    expect(shape(pdf)).toEqual(shape(md));
  });
});
