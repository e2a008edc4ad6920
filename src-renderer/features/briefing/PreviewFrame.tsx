import type { PreviewState } from './use-pack-preview';

interface Props {
  state: PreviewState;
  /** Why there is nothing to preview yet (the marking is not chosen, say); null when the form is complete. */
  blocked: string | null;
}

/**
 * The pack as it will be exported, in an <iframe sandbox="" srcdoc>: an opaque origin with no
 * scripts, forms or navigation, so nothing in a note can act on the app. The srcdoc inherits the
 * app's CSP, which allows the pack's one stylesheet by hash (src-main/security-policy.ts).
 */
export function PreviewFrame({ state, blocked }: Props) {
  const shown = state.status === 'ready' ? state.preview : state.status === 'waiting' ? null : state.last;
  return (
    <section className="brief-preview" aria-label="Preview" aria-busy={state.status === 'building' || undefined}>
      <div className="brief-preview-head">
        <h3>Preview</h3>
        <p className="brief-preview-status" role="status">
          {blocked ?? (state.status === 'building' ? 'Updating…' : state.status === 'ready' ? 'Up to date with the workspace' : '')}
        </p>
      </div>
      {state.status === 'error' && (
        <p className="brief-problem brief-preview-problem" role="alert">
          The preview could not be built: {state.message}
        </p>
      )}
      {blocked && !shown && (
        <div className="brief-preview-empty">
          <p>{blocked}</p>
        </div>
      )}
      {shown && (
        <iframe
          className={`brief-frame${blocked ? ' brief-frame--stale' : ''}`}
          title="Preview of the briefing pack"
          sandbox=""
          srcDoc={shown.html}
        />
      )}
    </section>
  );
}
