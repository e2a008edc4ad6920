import { useId } from 'react';
import type { SavedView } from '../../../src-core/query/model/saved-views';
import type { FindingsFilter } from '../../shared/grid-export/filter-text';
import { FeedField } from './FeedField';
import { MarkingField } from './MarkingField';
import type { FormProblems, PackForm } from './pack-form';
import { ReportsField } from './ReportsField';
import { SectionsField } from './SectionsField';

interface Props {
  form: PackForm;
  problems: FormProblems;
  reports: { id: number; label: string }[] | null;
  views: SavedView[] | null;
  gridFilter: FindingsFilter | null;
  onChange(change: Partial<PackForm>): void;
}

/** The pack's definition as a form: every control labelled, problems said beside the field they concern. */
export function PackFormPanel({ form, problems, reports, views, gridFilter, onChange }: Props) {
  const id = useId();
  const text = (field: 'title' | 'audience' | 'author', label: string, max: number, placeholder?: string) => (
    <div className="brief-field">
      <label className="brief-label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        className="brief-input"
        type="text"
        value={form[field]}
        maxLength={max}
        placeholder={placeholder}
        required={field !== 'audience'}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={problems[field] ? `${id}-${field}-problem` : undefined}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
      {problems[field] && (
        <p className="brief-problem" id={`${id}-${field}-problem`}>
          {problems[field]}
        </p>
      )}
    </div>
  );
  return (
    <form className="brief-form" aria-label="Briefing pack" onSubmit={(e) => e.preventDefault()}>
      {text('title', 'Title', 200)}
      {text('audience', 'Audience', 200, 'e.g. Chief Constable, Gwent Police')}
      <div className="brief-row">
        {text('author', 'Author', 200)}
        <div className="brief-field brief-field--date">
          <label className="brief-label" htmlFor={`${id}-date`}>
            Date
          </label>
          <input
            id={`${id}-date`}
            className="brief-input"
            type="date"
            value={form.date}
            required
            aria-invalid={problems.date ? true : undefined}
            onChange={(e) => onChange({ date: e.target.value })}
          />
          {problems.date && <p className="brief-problem">{problems.date}</p>}
        </div>
      </div>
      <MarkingField
        marking={form.marking}
        caveat={form.caveat}
        problem={problems.marking}
        caveatProblem={problems.caveat}
        onMarking={(marking) => onChange({ marking })}
        onCaveat={(caveat) => onChange({ caveat })}
      />
      <FeedField feed={form.findings} views={views} gridFilter={gridFilter} onChange={(findings) => onChange({ findings })} />
      <SectionsField sections={form.sections} problem={problems.sections} onChange={(sections) => onChange({ sections })} />
      <ReportsField reports={reports} reportIds={form.reportIds} onChange={(reportIds) => onChange({ reportIds })} />
    </form>
  );
}
