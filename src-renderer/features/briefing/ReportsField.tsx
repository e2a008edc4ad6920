interface Props {
  reports: { id: number; label: string }[] | null;
  reportIds: number[];
  onChange(ids: number[]): void;
}

/** The reports the pack covers; none ticked means every report in the workspace (the usual case). */
export function ReportsField({ reports, reportIds, onChange }: Props) {
  const toggle = (id: number, on: boolean) => onChange(on ? [...reportIds, id] : reportIds.filter((r) => r !== id));
  return (
    <fieldset className="brief-fieldset">
      <legend>Reports</legend>
      {reports === null && <p className="brief-hint">Reading the reports…</p>}
      {reports?.length === 0 && <p className="brief-hint">This workspace has no reports yet; import one in the Reports view.</p>}
      <div className="brief-checks">
        {reports?.map((r) => (
          <label key={r.id} className="brief-check">
            <input type="checkbox" checked={reportIds.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
            {r.label}
          </label>
        ))}
      </div>
      {reports && reports.length > 0 && (
        <p className="brief-hint">{reportIds.length === 0 ? 'None ticked: the pack covers every report.' : 'Only the ticked reports.'}</p>
      )}
    </fieldset>
  );
}
