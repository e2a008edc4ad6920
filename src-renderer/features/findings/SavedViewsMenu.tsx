import type { SavedView } from '../../../src-core/query/model/saved-views';
import { PopoverMenu } from '../../ui/PopoverMenu';

interface Props {
  views: SavedView[] | null;
  problem: string | null;
  onSave(): void;
  onOpen(view: SavedView): void;
  onRename(view: SavedView): void;
  onDelete(view: SavedView): void;
}

/** The workspace's saved findings views: open one, rename or delete it, or save the current one. */
export function SavedViewsMenu({ views, problem, onSave, onOpen, onRename, onDelete }: Props) {
  return (
    <PopoverMenu label="Saved views" anchor="views">
      {(close) => (
        <div className="saved-views">
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              close();
              onSave();
            }}
          >
            Save current view…
          </button>
          {problem && <p className="inline-problem">{problem}</p>}
          {views?.length === 0 && (
            <p className="field-hint">
              No saved views yet. Set the search, facets, column filters, sort and columns, then save them under a name.
            </p>
          )}
          {views && views.length > 0 && (
            <ul className="saved-views-list" aria-label="Saved views">
              {views.map((v) => (
                <li key={v.id}>
                  <button
                    type="button"
                    className="link-button saved-view-open"
                    onClick={() => {
                      close();
                      onOpen(v);
                    }}
                  >
                    {v.name}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Rename ${v.name}`}
                    onClick={() => {
                      close();
                      onRename(v);
                    }}
                  >
                    Rename
                  </button>
                  <button type="button" className="link-button" aria-label={`Delete ${v.name}`} onClick={() => onDelete(v)}>
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </PopoverMenu>
  );
}
