import { describe, expect, it } from 'vitest';
import { FINDING_KINDS } from '../../../../../src-core/extract/types';
import {
  briefLabel,
  columnStateSchema,
  dataNoteCount,
  DATA_NOTE,
  facetSelectionSchema,
  firstWords,
  placeSchema,
  reportColumnNeeded,
  ROW_HEIGHT,
  withDataNotes,
} from '../../../../../src-renderer/features/findings/findings-desk';

describe('data notes in the findings query', () => {
  it('leaves data notes out by default, keeping the search and every other filter', () => {
    const q = withDataNotes({ search: 'custody', sections: ['Risk-based inspection'] }, false);
    expect(q.search).toBe('custody');
    expect(q.sections).toEqual(['Risk-based inspection']);
    expect(q.kinds).toEqual(FINDING_KINDS.filter((k) => k !== DATA_NOTE));
    expect(q.kinds).not.toContain(DATA_NOTE);
    expect(q.kinds).toHaveLength(FINDING_KINDS.length - 1);
  });

  it('changes nothing when they are shown, or when the Kind facet says which kinds (data notes included if pressed)', () => {
    const q = { search: 'annex' };
    expect(withDataNotes(q, true)).toBe(q);
    const pressed = { kinds: [DATA_NOTE] };
    expect(withDataNotes(pressed, false)).toBe(pressed);
  });

  it('counts the data notes from the Kind facet (0 when none, null before the counts are in)', () => {
    expect(dataNoteCount(undefined)).toBeNull();
    expect(dataNoteCount([{ value: 'concern', label: 'concern', count: 10 }])).toBe(0);
    expect(
      dataNoteCount([
        { value: 'concern', label: 'concern', count: 10 },
        { value: DATA_NOTE, label: DATA_NOTE, count: 82 },
      ]),
    ).toBe(82);
  });
});

describe('names and words of the grid', () => {
  it('names a row’s brief checkbox by its section, paragraph and first words', () => {
    const row = {
      report: 'Gwent Police 2017',
      section: 'Protecting vulnerable people',
      paragraph: 3,
      text: 'The force needs to improve how it  protects vulnerable people from harm.',
    };
    expect(briefLabel(row, false)).toBe(
      'Include in the brief: Protecting vulnerable people, paragraph 3 – “The force needs to improve how it…”',
    );
    expect(briefLabel(row, true)).toBe(
      'Include in the brief: Gwent Police 2017, Protecting vulnerable people, paragraph 3 – “The force needs to improve how it…”',
    );
    // Two paragraphs of one section never share a name.
    expect(briefLabel({ ...row, paragraph: 4 }, false)).not.toBe(briefLabel(row, false));
  });

  it('keeps short texts whole and cuts long ones at a word', () => {
    expect(firstWords('Short text.')).toBe('Short text.');
    expect(firstWords('a'.repeat(60))).toBe(`${'a'.repeat(40)}…`);
    expect(firstWords('Judgments from 2016 remain in place for areas which were not inspected')).toBe(
      'Judgments from 2016 remain in place for…',
    );
  });

  it('shows the Report column only when the workspace holds more than one report', () => {
    expect(reportColumnNeeded(undefined)).toBeNull();
    expect(reportColumnNeeded([{ value: '1', label: 'Gwent 2017', count: 135 }])).toBe(false);
    expect(
      reportColumnNeeded([
        { value: '1', label: 'Gwent 2017', count: 135 },
        { value: '2', label: 'Dyfed-Powys 2017', count: 120 },
      ]),
    ).toBe(true);
  });

  it('has a compact row of at most 32 px and a taller comfortable one', () => {
    expect(ROW_HEIGHT.compact).toBeLessThanOrEqual(32);
    expect(ROW_HEIGHT.comfortable).toBeGreaterThan(ROW_HEIGHT.compact * 2);
  });
});

describe('the remembered state, checked when read back', () => {
  it('accepts AG Grid’s column state and refuses what is not one', () => {
    const state = [
      { colId: 'section', hide: false, width: 125, flex: null, sort: 'desc', sortIndex: 0 },
      { colId: 'text', hide: false, width: 400, flex: 1, sort: null, sortIndex: null },
    ];
    expect(columnStateSchema.safeParse(state).success).toBe(true);
    expect(columnStateSchema.safeParse([{ colId: 'section', sort: 'sideways' }]).success).toBe(false);
    expect(columnStateSchema.safeParse([{ colId: 'x'.repeat(51) }]).success).toBe(false);
    expect(columnStateSchema.safeParse('section').success).toBe(false);
  });

  it('accepts a place in the grid and refuses a negative row or a made-up id', () => {
    expect(placeSchema.safeParse({ selectedId: 12, firstRow: 40 }).success).toBe(true);
    expect(placeSchema.safeParse({ selectedId: null, firstRow: 0 }).success).toBe(true);
    expect(placeSchema.safeParse({ selectedId: -1, firstRow: 0 }).success).toBe(false);
    expect(placeSchema.safeParse({ selectedId: 1, firstRow: -5 }).success).toBe(false);
    expect(placeSchema.safeParse({ selectedId: '1', firstRow: 0 }).success).toBe(false);
  });
});

describe('a remembered facet selection', () => {
  it('is kept when the worker would run it, and dropped when the worker would refuse it (more sections than a query may name)', () => {
    expect(facetSelectionSchema.safeParse({ section: ['Risk-based inspection'], kind: ['concern'] }).success).toBe(true);
    const sections = Array.from({ length: 501 }, (_, i) => `Section ${i}`);
    expect(facetSelectionSchema.safeParse({ section: sections }).success).toBe(false);
  });
});
