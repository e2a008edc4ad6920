interface Props {
  search: string;
  /** How many facet values and column filters are on. */
  filtersOn: number;
  /**
   * Data notes that would match but the toggle hides (null while counted): an empty grid must not
   * look like nothing was found.
   */
  hiddenDataNotes: number | null;
  onShowDataNotes(): void;
  onClear(): void;
}

/** Shown over the grid when nothing matches: what was asked for, and the way back. One at a time. */
export function FindingsEmpty({ search, filtersOn, hiddenDataNotes, onShowDataNotes, onClear }: Props) {
  if (hiddenDataNotes === null) {
    return (
      <div className="findings-empty" role="status">
        <p className="notice-title">Counting…</p>
      </div>
    );
  }
  if (!search && filtersOn === 0 && hiddenDataNotes === 0) {
    return (
      <div className="findings-empty" role="status">
        <p className="notice-title">This workspace has no findings yet.</p>
        <p>Import a report in the Reports view: each of its paragraphs becomes a finding here.</p>
      </div>
    );
  }
  const what = search ? `“${search}”${filtersOn ? ' with these filters' : ''}` : 'these filters';
  if (hiddenDataNotes > 0) {
    const notes = hiddenDataNotes === 1 ? '1 data note' : `${hiddenDataNotes.toLocaleString('en-GB')} data notes`;
    return (
      <div className="findings-empty" role="status">
        <p className="notice-title">
          {search || filtersOn
            ? `No findings match ${what}, but ${notes} ${hiddenDataNotes === 1 ? 'does' : 'do'}.`
            : `Only ${notes} here.`}
        </p>
        <p>
          Data notes are hidden.{' '}
          <button type="button" className="link-button" onClick={onShowDataNotes}>
            Show data notes
          </button>
          .
        </p>
      </div>
    );
  }
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
