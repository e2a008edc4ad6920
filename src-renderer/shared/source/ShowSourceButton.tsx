import { useSourcePanelContext, useSourceStore } from './source-context';
import type { SourceTarget } from './source-target';

/**
 * "Show source" beside an item: opens the view's Source panel on the page or lines it was read
 * from, with its words highlighted. Not offered where there is no panel to open (outside a
 * SourceScope) or no workspace's originals (outside a SourceProvider).
 */
export function ShowSourceButton({
  target,
  className,
  of,
}: {
  target: SourceTarget | (() => Promise<SourceTarget | null>);
  className?: string;
  /** What the item is, for a screen reader among many such buttons ("of the grade Protecting vulnerable people"). */
  of?: string;
}) {
  const panel = useSourcePanelContext();
  const store = useSourceStore();
  if (!panel || !store) return null;
  return (
    <button
      type="button"
      className={className ?? 'link-button show-source'}
      title="Show where this was read, in the original file"
      onClick={() => {
        if (typeof target !== 'function') return panel.show(target);
        // Where the item was read is asked for only when the analyst wants to see it.
        void target()
          .then((t) => t && panel.show(t))
          .catch(() => undefined);
      }}
    >
      Show source
      {(of ?? (typeof target === 'function' ? undefined : target.label)) && (
        <span className="visually-hidden"> {of ?? (typeof target === 'function' ? '' : `of ${target.label}`)}</span>
      )}
    </button>
  );
}
