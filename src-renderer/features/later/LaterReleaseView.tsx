const PLANS = {
  Briefing:
    'Build a briefing pack from the findings marked “include in brief”, marked OFFICIAL or OFFICIAL-SENSITIVE, for Word, PDF, HTML, Markdown or CSV.',
} as const;

/** Said plainly: the view is planned, not hidden behind a broken screen. */
export function LaterReleaseView({ name }: { name: keyof typeof PLANS }) {
  return (
    <div className="view later">
      <h2>{name}</h2>
      <p>
        <strong>{name} arrives in a later release.</strong> This version does not have it yet.
      </p>
      <p className="muted">Planned: {PLANS[name]}</p>
    </div>
  );
}
