import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../../src-core/extract/extract';
import { forcesIn, resolveForce } from '../../../../src-core/extract/forces';
import { gradeRank, type Extraction } from '../../../../src-core/extract/types';
import PDFDocument from 'pdfkit';
import { extractBytes, extractSeed } from '../../../helpers/seed';

const enc = (s: string) => new TextEncoder().encode(s);
const noPdf = { readPdf: () => Promise.reject(new Error('not a PDF')) };
const extract = (name: string, text: string, overrides = {}) => extractReport(name, enc(text), noPdf, overrides);
const grade = (e: Extraction, area: string) => e.judgments.find((j) => j.area === area || j.question === area)?.grade;

describe('force names', () => {
  it('resolves the names reports and pages use to one force', () => {
    expect(resolveForce('Devon & Cornwall Police')?.name).toBe('Devon and Cornwall Police');
    expect(resolveForce('the Met')?.name).toBe('Metropolitan Police Service');
    expect(resolveForce('Metropolitan Police')?.name).toBe('Metropolitan Police Service');
    expect(resolveForce('Dyfed-Powys')?.name).toBe('Dyfed-Powys Police');
    expect(forcesIn('Dyfed-Powys Police is good at investigating crime')[0]?.force?.name).toBe('Dyfed-Powys Police');
    expect(forcesIn('An inspection of Durham Constabulary')[0]?.force?.name).toBe('Durham Constabulary');
  });
});

describe('a web page of a PEEL assessment, as HTML', () => {
  const page = `<!DOCTYPE html><html><head><title>x</title><script>document.write("Outstanding")</script></head>
<body><nav>Skip to content</nav><main>
<h1>Kent PEEL 2017</h1>
<h2>Effectiveness</h2>
<h3>How effective is the force at investigating crime and reducing re-offending?</h3>
<p>Last updated 22/03/2018</p>
<p>Good</p>
<p>Kent Police is good at investigating crime.<sup>1</sup> A disclosure rate of 44 percent was reached.</p>
<h3>Areas for improvement</h3>
<ul><li>The force should ensure wanted people are arrested.</li>
<li>The force should improve supervision by:<ul><li>checking files;</li><li>reviewing plans.</li></ul></li></ul>
<p>How effective is the force at protecting those who are vulnerable from harm, and supporting victims?</p>
<p>Kent Police requires improvement in the way it protects vulnerable people.</p>
<p><sup>1</sup> A note on the data.</p>
</main><footer>© Crown copyright</footer></body></html>`;

  it('is read through an HTML parser: grades, nested areas for improvement, figures and footnotes, never its scripts', async () => {
    const e = await extract('kent.html', page);
    expect(e.format).toBe('html');
    expect(e.report).toMatchObject({ force: 'Kent Police', programme: 'Police effectiveness', period: '2017', scale: 'four-point' });
    expect(grade(e, 'Investigating crime and reducing re-offending')).toBe('Good');
    expect(grade(e, 'Protecting vulnerable people and supporting victims')).toBe('Requires improvement');
    expect(e.areasForImprovement.map((a) => [a.text, a.items])).toEqual([
      ['The force should ensure wanted people are arrested.', []],
      ['The force should improve supervision by:', ['checking files;', 'reviewing plans.']],
    ]);
    expect(e.metrics.find((m) => m.force === 44)).toMatchObject({ unit: '%', englandWales: null, source: 'text' });
    expect(e.footnotes.map((f) => f.number)).toEqual([1]);
    const everything = JSON.stringify(e);
    expect(everything).not.toContain('document.write');
    expect(everything).not.toContain('Skip to content');
    // The grade line and the date under the question are not findings.
    expect(e.findings.some((f) => /^(Good|Last updated)/.test(f.text))).toBe(false);
  });

  it('refuses a page nested deep enough to exhaust the parser, before parsing it, saying where', async () => {
    const deep = `<!DOCTYPE html><html><body>\n${'<div>'.repeat(50_000)}PEEL 2021/22 – An inspection of Kent Police${'</div>'.repeat(50_000)}</body></html>`;
    await expect(extract('deep.html', deep)).rejects.toThrow(
      /^deep\.html nests its elements more than 256 deep at line 2; save the page as text and import that$/,
    );
    // Elements a page leaves open for the parser to close (paragraphs, list items) are no nesting.
    const open = `<!DOCTYPE html><html><body><h1>Kent PEEL 2016</h1><ul>${'<li>The force should improve.'.repeat(2000)}</ul></body></html>`;
    await expect(extract('open.html', open)).resolves.toMatchObject({ report: { force: 'Kent Police' } });
  });
});

describe('what is read from prose', () => {
  it('grades on the five-point scale, with "adequate" between good and requires improvement', async () => {
    const e = await extract(
      'cleveland.txt',
      `PEEL 2021/22 – An inspection of Cleveland Police

HMICFRS graded Cleveland Police’s performance across ten areas of policing and found the force was ‘adequate’ in three areas – investigating crime, protecting vulnerable people and managing offenders.

HMICFRS said the areas requiring improvement are responding to the public; developing a positive workplace, and good use of resources.
`,
    );
    expect(e.report).toMatchObject({ programme: 'PEEL', period: '2021/22', year: 2021, scale: 'five-point' });
    expect(grade(e, 'Investigating crime')).toBe('Adequate');
    expect(grade(e, 'Managing offenders and suspects')).toBe('Adequate');
    expect(grade(e, 'Responding to the public')).toBe('Requires improvement');
    expect(grade(e, 'Good use of resources')).toBe('Requires improvement');
    expect(e.judgments.every((j) => j.quote !== null)).toBe(true);
    expect(gradeRank('Good')).toBeGreaterThan(gradeRank('Adequate') ?? 0);
    expect(gradeRank('Adequate')).toBeGreaterThan(gradeRank('Requires improvement') ?? 0);
    expect(gradeRank('Not inspected')).toBeNull();
  });

  it('leaves a grade empty and quotes both when two statements disagree', async () => {
    const e = await extract(
      'surrey.txt',
      `Surrey PEEL 2016

HMIC inspected Surrey Police. Surrey Police is good at investigating crime and reducing re-offending.

Surrey Police requires improvement at investigating crime and reducing re-offending.
`,
    );
    expect(grade(e, 'Investigating crime and reducing re-offending')).toBeUndefined();
    const w = e.warnings.find((x) => x.code === 'grade-conflict');
    expect(w?.message).toMatch(/is good at investigating crime.*requires improvement at investigating crime.*left empty/);
  });

  it('keeps "not inspected this year" and the report’s own statement of change, with quotes', async () => {
    const e = await extract(
      'dyfed.txt',
      `Dyfed-Powys PEEL 2017
How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?
This question was not inspected in 2017. The grade and findings from last year’s inspection still stand.
How effective is the force at investigating crime and reducing re-offending?
Dyfed-Powys Police is good at investigating crimes and reducing re-offending.
`,
    );
    expect(grade(e, 'Preventing crime and tackling anti-social behaviour')).toBe('Not inspected');
    expect(grade(e, 'Investigating crime and reducing re-offending')).toBe('Good');
    const seed = await extractSeed('markdown');
    const pvp = seed.judgments.find((j) => j.question === 'Protecting vulnerable people');
    expect(pvp?.change).toMatchObject({ direction: 'deteriorated', since: 2016 });
    expect(pvp?.change?.quote).toMatch(/has deteriorated since 2016 in the important area of protecting vulnerable people/);
  });

  it('ends a bulleted list of areas for improvement where its bullets end', async () => {
    const e = await extract(
      'kent-web.txt',
      `Kent PEEL 2017
Effectiveness
How effective is the force at investigating crime and reducing re-offending?
Kent Police is good at investigating crime and reducing re-offending. The force attends incidents promptly, identifies and secures evidence effectively, and keeps victims informed throughout its investigations, which victims told us they valued.
Areas for improvement
- The force should ensure that those who are circulated as wanted are located.
- The force should improve how it supervises investigations.
The force generally works well with partner organisations to manage offenders. It uses various approaches well to reduce re-offending, although its monitoring of those offenders it has not yet detained could be better.
`,
    );
    expect(e.areasForImprovement.map((a) => a.text)).toEqual([
      'The force should ensure that those who are circulated as wanted are located.',
      'The force should improve how it supervises investigations.',
    ]);
    expect(e.findings.find((f) => f.text.startsWith('The force generally works well'))?.kind).not.toBe('area for improvement');
  });
});

describe('never refuse an inspection report', () => {
  it('imports a partial text with a warning for what it lacks, and takes --force and --year for what it cannot say', async () => {
    const text = `HMICFRS found that the force is good at investigating crime and reducing re-offending. Officers attend incidents promptly and keep victims informed throughout their investigations.\n`;
    await expect(extract('excerpt.txt', text)).rejects.toThrow(/give it with --year.*give it with --force|give it with --force/);
    const e = await extract('excerpt.txt', text, { force: 'Gwent', year: 2016, programme: 'Police effectiveness' });
    expect(e.report).toMatchObject({ force: 'Gwent Police', year: 2016, period: '2016', programme: 'Police effectiveness' });
    expect(e.warnings.map((w) => w.code)).toContain('report-part-missing');
  });

  it('warns about a force it does not know, rather than refusing the report', async () => {
    const e = await extract(
      'x.txt',
      `PEEL: Police effectiveness 2017\n\nAn inspection of Atlantis Police\n\nAtlantis Police is good at investigating crime.\n`,
    );
    expect(e.report.force).toBe('Atlantis Police');
    expect(e.warnings.find((w) => w.code === 'force-unknown')?.message).toMatch(/"Atlantis Police" is not one of the forces/);
  });

  it('refuses what is clearly not a police inspection document, saying what it lacks', async () => {
    await expect(extract('recipe.txt', 'Lemon shortbread\n\nBeat the butter and sugar together until pale.\n')).rejects.toThrow(
      /is not a PEEL inspection report: it lacks any mention of an inspection \(HMICFRS, HMIC or PEEL\), and any mention of a police force/,
    );
  });

  it('gives an encrypted PDF a one-line reason that says what to do', async () => {
    // A real password-protected PDF (pdfkit encrypts), read by the real pdf.js reader.
    const doc = new PDFDocument({ userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => doc.on('end', resolve));
    doc.text('PEEL: Police effectiveness 2017 – An inspection of Kent Police');
    doc.end();
    await ended;
    await expect(extractBytes('locked.pdf', new Uint8Array(Buffer.concat(chunks)))).rejects.toThrow(
      /^locked\.pdf is an encrypted \(password-protected\) PDF; open it with its password, save an unprotected copy, and import that$/,
    );
    await expect(extractBytes('locked.pdf', new Uint8Array(Buffer.concat(chunks)))).rejects.toMatchObject({ code: 'pdf-encrypted' });
  });

  it('names the page of a "Force in numbers" whose figures are pictures', async () => {
    const e = await extract(
      'wm.txt',
      `PEEL: effectiveness 2017\n\nAn inspection of Police\n\nContents\n\nForce in numbers ...... 3\n\nRisk-based inspection ...... 5\n\f2 Force in numbers\n\n3 *Figures are shown as proportions of outcomes.\n\f4 Risk-based inspection\n\nWest Midlands Police was assessed against the following areas. HMICFRS adopted an interim risk-based approach.\n`,
    );
    expect(e.report.force).toBe('West Midlands Police');
    expect(e.warnings.find((w) => w.code === 'figures-as-pictures')?.message).toMatch(
      /on page 2 are pictures, not text, so none could be read: take them from the report itself/,
    );
  });
});
