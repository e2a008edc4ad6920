import type { BriefingPack, PackFinding, PackFindingGroup, PackMetric, SourceRef } from '../../src-core/brief/model';
import { markingLine } from '../../src-core/brief/definition';

/**
 * A hand-built briefing pack for the writers' tests: Gwent Police, PEEL effectiveness 2017, with
 * the report's real judgments, metrics, areas for improvement and a dozen findings (text from
 * data/gwent-peel-effectiveness-2017.md), annotated the way an analyst would — plus hostile strings
 * (markup, a spreadsheet formula, XML breakers, curly quotes, dashes, accents) where an analyst's
 * note or tag could carry them. `packWithFindings(n)` repeats findings for page-count and speed tests.
 */

export const REPORT_TITLE = 'PEEL: Police effectiveness 2017 – Gwent Police';
const REPORT_ID = 1;

/** Strings that must come out of every writer as literal text. */
export const HOSTILE = {
  script: '<script>alert("pack")</script>',
  formula: "=cmd|' /C calc'!A0",
  xmlBreaker: '</w:t><w:t>INJECTED',
  pdfBreaker: ') Tj ET BT (INJECTED',
  unicode: 'Caerphilly’s “hidden harm” – café liaison é',
  ampersand: 'Police & Crime Commissioner <PCC>',
} as const;

interface RawFinding {
  section: string;
  subsection: string | null;
  paragraph: number;
  line: number;
  kind: string;
  text: string;
  note: string;
  tags: string[];
  rag: PackFinding['rag'];
}

const VULNERABLE = 'Protecting vulnerable people and supporting victims';
const SOC = 'Tackling serious and organised crime';
const OVERVIEW = 'Effectiveness overview';

const FINDINGS: RawFinding[] = [
  {
    section: OVERVIEW,
    subsection: 'Summary',
    paragraph: 4,
    line: 234,
    kind: 'judgment summary',
    text: 'Gwent Police has improved the way it tackles serious and organised crime. The force has developed its understanding of the threats posed. It maps organised crime groups promptly and disrupts their activity. However, frontline officers have only a limited understanding of the expansion into Gwent of drug-dealing networks from surrounding areas.',
    note: 'Headline for the chief officer: improvement on SOC, but county lines awareness is the gap.',
    tags: ['SOC', 'county lines'],
    rag: 'amber',
  },
  {
    section: VULNERABLE,
    subsection: 'Identifying vulnerability',
    paragraph: 1,
    line: 248,
    kind: 'positive practice',
    text: "Gwent Police identifies people who are vulnerable and assesses their level of risk and their needs effectively. The force uses the College of Policing definition of vulnerability. The officers and staff spoken to throughout the force were able to demonstrate a sound and practical understanding of their obligations, even though they could not quote this definition of vulnerability verbatim. The force has an understanding of the nature and scale of vulnerability in the force area. This is specifically in relation to mental health problems and domestic abuse, along with areas of 'hidden harm', such as child sexual exploitation and human trafficking.",
    note: `Good practice to share. ${HOSTILE.unicode}.`,
    tags: ['vulnerability', 'good practice'],
    rag: 'green',
  },
  {
    section: VULNERABLE,
    subsection: 'Initial response',
    paragraph: 3,
    line: 262,
    kind: 'concern',
    text: 'Gwent Police arrests a lower proportion of domestic abuse suspects than most other forces. For every 100 domestic abuse-flagged crimes recorded by Gwent Police, there were 36 arrests made in the 12 months to 30 June 2017 (this compares with the England and Wales rate of 46). This is of concern as Gwent Police has seen an increase in flagged domestic abuse offences compared to the 12 months to 30 June 2016. Officers should take positive action when dealing with domestic abuse incidents; this often means making an arrest provided that the grounds exist and it is a necessary and proportionate response. However, we found that not all officers would use arrest to protect victims.',
    note: `Arrest rate 36 vs 46 per 100. Ask the force lead for the Q3 figure. ${HOSTILE.script}`,
    tags: ['domestic abuse', 'arrests'],
    rag: 'red',
  },
  {
    section: VULNERABLE,
    subsection: 'Mental health',
    paragraph: 4,
    line: 295,
    kind: 'concern',
    text: 'However, Gwent Police has a high use of custody as a place of safety. Custody was used as a place of safety 63 times in the 12 months to 30 June 2017, which represents 107.9 uses as a place of safety per 100,000 population (compared with an England and Wales rate of 17.5). There is only one mental health bed in Gwent which the force can use and the force is well aware that custody is not the most appropriate place for someone with mental health problems.',
    note: `Six times the national rate. ${HOSTILE.formula}`,
    tags: ['mental health', HOSTILE.formula],
    rag: 'red',
  },
  {
    section: VULNERABLE,
    subsection: 'Investigating crimes involving vulnerable people',
    paragraph: 4,
    line: 317,
    kind: 'concern',
    text: 'Gwent Police cannot be sure that it is managing effectively the risk posed by registered sex offenders. The number of registered sex offenders in Gwent has increased. This in turn increases the demands on MOSOVO, resulting in a high number of offenders for each member of the team to manage. Despite a review of working practices, more workforce members being allocated to the team and an increase in the risk assessments this year, the force still needs to address the backlog in ARMS risk assessments.',
    note: `ARMS backlog: linked to AFI 2. ${HOSTILE.xmlBreaker}`,
    tags: ['MOSOVO', 'ARMS'],
    rag: 'red',
  },
  {
    section: VULNERABLE,
    subsection: 'Partnership working',
    paragraph: 3,
    line: 331,
    kind: 'concern',
    text: 'The force has a multi-agency risk-assessment conference (MARAC) system in place. In the 12 months to 31 March 2017, the force referred 23 cases to a MARAC per 10,000 females, which is a lower figure than most other forces in England and Wales. Referrals have decreased by 24.8 percent when compared with the 12 months to 30 June 2016 and the force does not understand what has caused this.',
    note: `Raise with the ${HOSTILE.ampersand} office.`,
    tags: ['MARAC', 'partnerships'],
    rag: 'amber',
  },
  {
    section: SOC,
    subsection: 'Understanding threats',
    paragraph: 2,
    line: 353,
    kind: 'concern',
    text: 'As a result, the force recognises how it will work with partner agencies to identify data that can be exchanged, but it still only has limited partner information. The force is fully aware of this gap in its intelligence and accepts that it needs to exploit partner agency information to develop its understanding of the wider threats from serious and organised crime.',
    note: '',
    tags: ['intelligence'],
    rag: 'amber',
  },
  {
    section: SOC,
    subsection: 'Disrupting and investigating serious and organised crime',
    paragraph: 1,
    line: 380,
    kind: 'concern',
    text: 'Gwent Police needs to improve the way it disrupts and investigates serious and organised crime. The force regularly meets with other organisations, such as through the Gwent local organised crime partnership board, to discuss organised crime. However, at present the force leads this, with partner agencies offering information on organised crime on a case-by-case basis rather than taking a coordinated approach.',
    note: `Partnership board inactive. ${HOSTILE.pdfBreaker}`,
    tags: ['SOC', 'partnerships'],
    rag: 'amber',
  },
  {
    section: SOC,
    subsection: 'Disrupting and investigating serious and organised crime',
    paragraph: 2,
    line: 382,
    kind: 'concern',
    text: "The force allocates a lead responsible officer to each organised crime group. The force scrutinises the lead responsible officer's activity and progress, but this is usually limited to high-risk organised crime groups. The force needs to strengthen the accountability of lead responsible officers for lower-risk organised crime groups.",
    note: 'New bi-monthly meetings started; check progress at the next inspection.',
    tags: ['SOC', 'governance'],
    rag: null,
  },
  {
    section: SOC,
    subsection: 'Disrupting and investigating serious and organised crime',
    paragraph: 4,
    line: 386,
    kind: 'concern',
    text: "The force needs to improve its response to 'county lines', the term used for the expansion of drug-dealing networks over the force area's boundaries. We found a limited understanding of this threat among frontline officers and staff, which means that they are not able to identify or deal reliably with this type of offending.",
    note: 'County lines: training need for response officers.',
    tags: ['county lines', 'training'],
    rag: 'red',
  },
  {
    section: 'Risk-based inspection',
    subsection: null,
    paragraph: 5,
    line: 195,
    kind: 'progress on a previous area for improvement',
    text: 'Judgments from 2016 remain in place for areas which were not re-inspected in 2017. HMICFRS will continue to monitor areas for improvement identified in previous inspections and will assess how well each force has responded in future reports.',
    note: '',
    tags: [],
    rag: 'green',
  },
  {
    section: VULNERABLE,
    subsection: 'Initial response',
    paragraph: 7,
    line: 279,
    kind: 'data note',
    text: 'For further information about this data, please see annex A',
    note: 'Annex A not in the workspace.',
    tags: ['data'],
    rag: null,
  },
];

const JUDGMENTS: [string, string, number, boolean, number][] = [
  ['Overall effectiveness', 'Requires improvement', 2017, true, 215],
  ['Preventing crime and tackling anti-social behaviour', 'Good', 2016, false, 218],
  ['Investigating crime and reducing re-offending', 'Good', 2016, false, 219],
  ['Protecting vulnerable people', 'Requires improvement', 2017, false, 220],
  ['Tackling serious and organised crime', 'Requires improvement', 2017, false, 221],
  ['Specialist capabilities', 'Ungraded', 2017, false, 222],
];

const METRICS: [string, string, string, number, string, number, string, number][] = [
  ['Calls for assistance', 'Incidents per 1,000 population', 'per 1,000 population', 338, '338', 282, '282', 43],
  ['Anti-social behaviour', 'Anti-social behaviour (ASB) incidents per 1,000 population', 'per 1,000 population', 37, '37', 31, '31', 59],
  ['Crime (excluding fraud)', 'Crimes recorded per 1,000 population', 'per 1,000 population', 74, '74', 77, '77', 88],
  ['Anti-social behaviour', 'Change in ASB incidents', '% change', -16, '-16%', -0.05, '-0.05%', 71],
  ['Crime (excluding fraud)', 'Change in recorded crime', '% change', 13, '+13%', 14, '+14%', 100],
  ['Crime outcomes', 'Charged/summonsed', '% of outcomes', 11, '11%', 10, '10%', 117],
  ['Crime outcomes', 'Investigation completed but no suspect identified', '% of outcomes', 40, '40%', 48, '48%', 137],
  [
    'Mental health',
    'Uses of custody as a place of safety per 100,000 population',
    'per 100,000 population',
    107.9,
    '107.9',
    17.5,
    '17.5',
    295,
  ],
];

/** Builds the sources list as items cite it, as the real builder does. */
class Sources {
  readonly list: SourceRef[] = [];
  cite(what: string, section: string, subsection: string | null, paragraph: number | null, line: number): string {
    const id = `S${this.list.length + 1}`;
    this.list.push({
      id,
      reportId: REPORT_ID,
      reportTitle: REPORT_TITLE,
      section,
      subsection,
      paragraph,
      page: null,
      line,
      what,
      corrections: [],
    });
    return id;
  }
}

function group(findings: PackFinding[]): PackFindingGroup[] {
  const groups: PackFindingGroup[] = [];
  for (const f of findings) {
    const last = groups.at(-1);
    if (last && last.section === f.section && last.report === f.report) last.findings.push(f);
    else groups.push({ report: f.report, section: f.section, findings: [f] });
  }
  return groups;
}

/** The sample pack; `findingCount` repeats the dozen findings (with numbered notes) to that many. */
export function samplePack(findingCount = FINDINGS.length): BriefingPack {
  const sources = new Sources();
  const judgments = JUDGMENTS.map(([question, grade, lastInspected, isOverall, line]) => ({
    question,
    grade,
    lastInspected,
    previousGrade:
      question === 'Tackling serious and organised crime' ? 'Inadequate' : question === 'Protecting vulnerable people' ? 'Good' : null,
    change:
      question === 'Tackling serious and organised crime'
        ? ('up' as const)
        : question === 'Protecting vulnerable people'
          ? ('down' as const)
          : null,
    isOverall,
    check: 'unverified' as const,
    corrections: [],
    source: sources.cite('Judgment', 'Effectiveness overview', null, null, line),
  }));
  const metrics: PackMetric[] = METRICS.map(([category, label, unit, force, forceText, ew, ewText, line]) => ({
    report: REPORT_TITLE,
    label,
    category,
    unit,
    period: '12 months to 30 June 2017',
    force,
    englandWales: ew,
    forceText,
    ewText,
    difference: Math.round((force - ew) * 100) / 100,
    direction: force > ew ? 'higher' : force < ew ? 'lower' : 'same',
    verified: line !== 295,
    check: line !== 295 ? 'verified' : 'unverified',
    corrections: [],
    openWarning: null,
    note: line === 295 ? 'Taken from the narrative, not the force-in-numbers table.' : '',
    source: sources.cite('Metric', 'Force in numbers', category, null, line),
  }));
  const units = [...new Set(metrics.map((m) => m.unit))];
  const chart = {
    title: 'Gwent Police against England and Wales',
    forceLabel: 'Gwent Police',
    panels: units.map((unit) => {
      const ms = metrics.filter((m) => m.unit === unit);
      return { unit, categories: ms.map((m) => m.label), force: ms.map((m) => m.force), englandWales: ms.map((m) => m.englandWales) };
    }),
  };
  const findings: PackFinding[] = [];
  for (let i = 0; i < findingCount; i++) {
    const raw = FINDINGS[i % FINDINGS.length] as RawFinding;
    const round = Math.floor(i / FINDINGS.length);
    findings.push({
      id: i + 1,
      report: REPORT_TITLE,
      section: raw.section,
      subsection: raw.subsection,
      paragraph: raw.paragraph,
      kind: raw.kind,
      text: raw.text,
      note: round === 0 ? raw.note : `${raw.note} (repeat ${round + 1})`.trim(),
      tags: raw.tags,
      rag: raw.rag,
      source: sources.cite('Finding', raw.section, raw.subsection, raw.paragraph, raw.line),
    });
  }
  // Findings are grouped by report section in report order, as the builder sorts them.
  const order = [OVERVIEW, 'Risk-based inspection', VULNERABLE, SOC];
  findings.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section) || a.id - b.id);

  const areas = [
    {
      text: 'The force should improve the quality of investigations involving vulnerable people by ensuring that they are subject to regular and active supervision.',
      children: [],
      line: 335,
    },
    {
      text: 'The force should reduce the backlog of risk assessments for registered sex offenders to ensure the risks posed are managed effectively.',
      children: [],
      line: 336,
    },
    {
      text: 'The force should improve its overall approach to safeguarding victims of domestic abuse by:',
      children: [
        'understanding and taking appropriate action to address the reasons for its low domestic abuse arrest rate and low use of DVPNs and DVPOs;',
        'clarifying the policy for the deployment and use of body-worn video cameras by officers attending incidents of domestic abuse;',
        'ensuring that all high-risk domestic abuse cases are referred to multi-agency risk-assessment conferences so victims receive the support they need; and',
      ],
      line: 337,
    },
  ].map((a) => ({
    report: REPORT_TITLE,
    section: VULNERABLE,
    text: a.text,
    children: a.children,
    source: sources.cite('Area for improvement', VULNERABLE, 'Areas for improvement', null, a.line),
  }));
  areas.push({
    report: REPORT_TITLE,
    section: SOC,
    text: "The force should strengthen its response to drug-dealing networks that use 'county lines' to exploit local communities and inflict violence.",
    children: [],
    source: sources.cite('Area for improvement', SOC, 'Areas for improvement', null, 415),
  });

  const reconcileSource = sources.cite('Review figure', VULNERABLE, 'Investigating crimes involving vulnerable people', 2, 312);
  const definition = {
    title: 'Gwent Police: effectiveness briefing for the chief officer group',
    audience: 'Chief Constable & chief officer group',
    author: 'J. Rees (inspection analyst)',
    date: '2026-11-27',
    marking: 'OFFICIAL-SENSITIVE' as const,
    caveat: 'Not for onward circulation',
    sections: ['summary', 'metrics', 'findings', 'areas', 'review', 'sources', 'reproducibility'] as BriefingPack['definition']['sections'],
    reportIds: [REPORT_ID],
    findings: { kind: 'all' as const },
  };
  return {
    definition,
    markingLine: markingLine(definition.marking, definition.caveat),
    generatedAt: '2026-11-27T16:30:00.000Z',
    appVersion: '0.1.0',
    workspaceHash: '3f5a9c0e1b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c6e8b0d2f4a',
    reports: [
      {
        id: REPORT_ID,
        title: REPORT_TITLE,
        force: 'Gwent Police',
        programme: 'Police effectiveness',
        year: 2017,
        published: 'March 2018',
        overallGrade: 'Requires improvement',
        judgments,
      },
    ],
    metrics,
    chart,
    findings: group(findings),
    areas,
    review: [
      {
        force: 'Gwent Police',
        files: 60,
        synthetic: true,
        criteria: [
          { label: 'Vulnerability identified at first contact', k: 52, n: 60, proportion: 52 / 60, low: 0.758, high: 0.931, small: false },
          { label: 'Risk assessment completed', k: 47, n: 60, proportion: 47 / 60, low: 0.662, high: 0.869, small: false },
          { label: 'Supervision evident', k: 16, n: 60, proportion: 16 / 60, low: 0.171, high: 0.391, small: false },
          { label: 'Victim kept updated', k: 9, n: 12, proportion: 0.75, low: 0.468, high: 0.911, small: true },
        ],
        reconciliation: [
          { label: 'Files with supervision evident', stated: 16, computed: 16, matches: true, source: reconcileSource },
          { label: 'Files with a completed risk assessment', stated: 50, computed: 47, matches: false, source: null },
        ],
      },
    ],
    sources: sources.list,
    feeds: [
      { section: 'summary', feed: 'All judgments of the selected reports', rows: judgments.length },
      { section: 'metrics', feed: 'All metrics of the selected reports', rows: metrics.length },
      { section: 'findings', feed: `Saved view “Brief – SOC & vulnerability” ${HOSTILE.script}`, rows: findings.length },
      { section: 'areas', feed: 'All areas for improvement of the selected reports', rows: areas.length },
      { section: 'review', feed: 'Review samples of Gwent Police', rows: 60 },
    ],
    coverage: null,
    checkBeforeUse: [],
    notices: ['Case-file review figures come from the synthetic demo sample, not from real review data.'],
  };
}

/** The sample pack with `n` findings, for page-count tests and the export benchmark. */
export const packWithFindings = (n: number): BriefingPack => samplePack(n);
