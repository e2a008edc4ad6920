/**
 * The end of a form in a dialog: what went wrong with the last attempt (announced), then Cancel and
 * the dialog's own action, which says "Saving…" and cannot be pressed twice while it runs.
 */
export function DialogFooter({
  failure,
  busy,
  confirm,
  onCancel,
}: {
  failure?: string | null;
  busy: boolean;
  confirm: string;
  onCancel(): void;
}) {
  return (
    <>
      {failure && (
        <p className="inline-problem" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : confirm}
        </button>
      </div>
    </>
  );
}
