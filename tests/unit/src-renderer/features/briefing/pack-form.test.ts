import { describe, expect, it } from 'vitest';
import { PACK_SECTIONS } from '../../../../../src-core/brief/definition';
import { definitionOf, formOf, newPackForm, today } from '../../../../../src-renderer/features/briefing/pack-form';

describe('the Briefing form', () => {
  it('starts with no marking chosen, dated today, by the app’s author, with every section', () => {
    const form = newPackForm('J. Analyst', new Date(2026, 10, 27, 23, 30));
    expect(form).toMatchObject({ marking: null, author: 'J. Analyst', date: '2026-11-27', sections: [...PACK_SECTIONS], reportIds: [] });
    expect(today(new Date(2027, 0, 5))).toBe('2027-01-05');
  });

  it('will not build or save a pack until a marking is chosen, and says so', () => {
    const unmarked = definitionOf(newPackForm('J. Analyst'));
    expect(unmarked).toEqual({ ok: false, problems: { marking: 'Choose the protective marking.' } });
    const marked = definitionOf({ ...newPackForm('J. Analyst'), marking: 'OFFICIAL-SENSITIVE', caveat: '  Not for onward circulation ' });
    expect(marked.ok && marked.definition).toMatchObject({ marking: 'OFFICIAL-SENSITIVE', caveat: 'Not for onward circulation' });
  });

  it('names each field that is wrong, in words, and puts sections in the pack’s order whatever order they were ticked in', () => {
    const bad = definitionOf({
      ...newPackForm(' '),
      title: '  ',
      marking: 'OFFICIAL',
      sections: [],
      date: '27/11/2026',
      caveat: 'x'.repeat(121),
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.problems).sort()).toEqual(['author', 'caveat', 'date', 'sections', 'title']);
    const good = definitionOf({ ...newPackForm('A'), marking: 'OFFICIAL', sections: ['sources', 'summary', 'findings'] });
    expect(good.ok && good.definition.sections).toEqual(['summary', 'findings', 'sources']);
    // A saved definition opens as the same form, and saves as the same definition.
    if (good.ok) expect(definitionOf(formOf(good.definition))).toEqual(good);
  });
});
