interface Props {
  search: string;
  /** How many facet values and column filters are on. */
  filtersOn: number;
  onClear(): void;
}

/** Shown over the grid when nothing matches: what was asked for, and the way back. */
export function FindingsEmpty({ search, filtersOn, onClear }: Props) {
  if (!search && filtersOn === 0) {
    return (
      <div className="findings-empty" role="status">
        <p className="notice-title">This workspace has no findings yet.</p>
        <p>Import a report in the Reports view: each of its paragraphs becomes a finding here.</p>
      </div>
    );
  }
  const what = search ? `“${search}”${filtersOn ? ' with these filters' : ''}` : 'these filters';
  return (
    <div className="findings-empty" role="status">
      <p className="notice-title">No findings match {what}.</p>
      <p>
        {search ? 'Check the spelling or try fewer words, or ' : 'Press fewer facet values or loosen the column filters, or '}
        <button type="button" className="link-button" onClick={onClear}>
          {search && filtersOn ? 'clear the search and filters' : search ? 'clear the search' : 'clear the filters'}
        </button>
        .
      </p>
    </div>
  );
}
