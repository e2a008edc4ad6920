import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { resolveForce } from '../../src-core/extract/forces';
import { questionOf } from '../../src-core/extract/questions';
import type { Extraction, GradeScale } from '../../src-core/extract/types';

/** The golden file of a real report text: its facts read by hand (tests/fixtures/reports/README.md). */
const GoldenSchema = z.object({
  sources: z.array(z.string().url()).min(1),
  licence: z.string().includes('Open Government Licence'),
  input: z.string(),
  facts: z.object({
    force: z.string(),
    programme: z.string(),
    period: z.string(),
    scale: z.enum(['four-point', 'five-point']),
    grades: z.array(
      z.union([
        z.object({ pillar: z.enum(['effectiveness', 'efficiency', 'legitimacy']), grade: z.string() }),
        z.object({ area: z.string(), grade: z.string() }),
      ]),
    ),
    gradesComplete: z.boolean(),
    areasForImprovement: z.array(z.string()).default([]),
    causesOfConcern: z.array(z.string()).default([]),
    figures: z.array(z.object({ value: z.number(), quote: z.string() })).default([]),
    footnotes: z.array(z.number()).optional(),
  }),
});
export type Golden = z.infer<typeof GoldenSchema>;

export interface Fixture {
  slug: string;
  textPath: string;
  golden: Golden;
}

export function readGolden(file: string): Golden {
  return GoldenSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export function loadFixtures(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.golden.json'))
    .sort()
    .map((f) => {
      const slug = f.replace(/\.golden\.json$/, '');
      const golden = readGolden(path.join(dir, f));
      const text = readdirSync(dir).find((x) => x.startsWith(`${slug}.`) && !x.endsWith('.golden.json'));
      if (!text) throw new Error(`${f} has no text beside it`);
      return { slug, textPath: path.join(dir, text), golden };
    });
}

export interface Score {
  found: number;
  missed: string[];
  wrong: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();

/**
 * Scores one extraction against its golden facts. A fact is found when the extractor gives it with
 * the golden value, wrong when it gives a different value for it (or, where the golden list of
 * grades is complete, a grade the text does not state), and missed otherwise. A refused text
 * misses every fact.
 */
export function scoreExtraction(e: Extraction | null, g: Golden): Score {
  const s: Score = { found: 0, missed: [], wrong: [] };
  const f = g.facts;
  const check = (name: string, got: string | null | undefined, want: string) => {
    if (got === undefined || got === null || got === '') s.missed.push(`${name}: ${want}`);
    else if (norm(got) === norm(want)) s.found++;
    else s.wrong.push(`${name}: ${got} (golden ${want})`);
  };
  check('force', e?.report.force, f.force);
  check('programme', e?.report.programme, f.programme);
  check('period', e?.report.period, f.period);
  check('scale', e?.report.scale, f.scale);
  const judgments = e?.judgments ?? [];
  const used = new Set<number>();
  for (const want of f.grades) {
    const label = 'pillar' in want ? `${want.pillar} (overall)` : want.area;
    const matches = judgments
      .map((j, i) => ({ j, i }))
      .filter(({ j }) => ('pillar' in want ? j.overall && j.pillar === want.pillar : !j.overall && areaMatches(want.area, j, f.scale)));
    matches.forEach(({ i }) => used.add(i));
    if (matches.length === 0) s.missed.push(`grade ${label}: ${want.grade}`);
    else if (matches.some(({ j }) => j.grade === want.grade)) s.found++;
    else s.wrong.push(`grade ${label}: ${matches.map(({ j }) => j.grade).join(' / ')} (golden ${want.grade})`);
  }
  if (f.gradesComplete) {
    judgments.forEach((j, i) => {
      if (!used.has(i)) s.wrong.push(`grade not in the text: ${j.question} ${j.grade}`);
    });
  }
  const areas = (e?.areasForImprovement ?? []).map((a) => ({ kind: a.kind, text: norm([a.text, ...a.items].join(' ')) }));
  for (const [kind, list] of [
    ['area for improvement', f.areasForImprovement],
    ['cause of concern', f.causesOfConcern],
  ] as const) {
    for (const opening of list) {
      const hit = areas.find((a) => a.text.startsWith(norm(opening)) || a.text.includes(norm(opening)));
      if (!hit) s.missed.push(`${kind}: ${opening}`);
      else if (hit.kind !== kind) s.wrong.push(`${kind} read as ${hit.kind}: ${opening}`);
      else s.found++;
    }
  }
  for (const fig of f.figures) {
    const quoted = (e?.metrics ?? []).filter((m) =>
      [m.quote, ...(m.alsoQuoted ?? []).map((q) => q.quote)].some((q) => norm(q).includes(norm(fig.quote))),
    );
    if (quoted.length === 0) s.missed.push(`figure ${fig.value}: ${fig.quote}`);
    else if (quoted.some((m) => m.force === fig.value)) s.found++;
    else s.wrong.push(`figure ${fig.quote}: ${quoted.map((m) => m.force).join(' / ')} (golden ${fig.value})`);
  }
  for (const n of f.footnotes ?? []) {
    if ((e?.footnotes ?? []).some((x) => x.number === n)) s.found++;
    else s.missed.push(`footnote ${n}`);
  }
  return s;
}

function areaMatches(phrase: string, j: Extraction['judgments'][number], scale: GradeScale): boolean {
  const p = norm(phrase);
  if (norm(j.question).includes(p) || (j.area && norm(j.area).includes(p))) return true;
  const q = questionOf(phrase, scale);
  return q !== null && q.name === j.area;
}

export function factCount(g: Golden): number {
  const f = g.facts;
  return 4 + f.grades.length + f.areasForImprovement.length + f.causesOfConcern.length + f.figures.length + (f.footnotes?.length ?? 0);
}

/** The forces whose reports are kept aside to test the extractor (DEVELOPERS.md, Real data). */
export const KEPT_ASIDE = ['Avon and Somerset', 'Greater Manchester', 'Lancashire', 'Lincolnshire', 'Thames Valley'].map((place) => {
  const force = resolveForce(place);
  if (!force) throw new Error(`${place} is not in the list of forces`);
  return force;
});

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]+/g, '-');

/**
 * Why a fixture might be a report of a force kept aside, looked at every way it could show: the
 * force its golden file names, the force the extractor reads from the text, the force its source
 * address or file name is about, and a force the text's own title line names.
 */
export function keptAsideReasons(f: Fixture, text: string, extracted: Extraction | null): string[] {
  const reasons: string[] = [];
  const aside = (name: string | undefined) => (name ? KEPT_ASIDE.find((k) => k === resolveForce(name)) : undefined);
  if (aside(f.golden.facts.force)) reasons.push(`its golden file names ${f.golden.facts.force}`);
  if (aside(extracted?.report.force)) reasons.push(`the extractor reads it as a report of ${extracted?.report.force}`);
  for (const k of KEPT_ASIDE) {
    const s = slug(k.place);
    if (f.golden.sources.some((u) => new URL(u).pathname.split('/').includes(s)) || slug(f.slug).includes(s)) {
      reasons.push(`its source or name is about ${k.name}`);
    }
    const title = new RegExp(String.raw`(?:An? inspection of (?:the )?|^)${k.place.replace(/ /g, '\\s+')}\b`, 'im');
    if (
      text
        .split('\n')
        .slice(0, 30)
        .some((line) => title.test(line.trim()) && !/^\s*[-•]/.test(line))
    ) {
      reasons.push(`its opening lines name ${k.name} as the force inspected`);
    }
  }
  return reasons;
}
