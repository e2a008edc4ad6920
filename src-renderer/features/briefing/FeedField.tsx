import { useId } from 'react';
import type { PackFeed } from '../../../src-core/brief/definition';
import type { SavedView } from '../../../src-core/query/model/saved-views';
import type { FindingsFilter } from '../../shared/grid-export/filter-text';

interface Props {
  feed: PackFeed;
  views: SavedView[] | null;
  /** The Findings grid's filter as it last stood; null until the Findings view has been opened. */
  gridFilter: FindingsFilter | null;
  onChange(feed: PackFeed): void;
}

/** Where the pack's findings come from: those marked include-in-brief among all findings, a saved view, or the grid's filter. */
export function FeedField({ feed, views, gridFilter, onChange }: Props) {
  const id = useId();
  const firstView = views?.[0];
  const viewId = feed.kind === 'saved-view' ? feed.savedViewId : (firstView?.id ?? null);
  return (
    <fieldset className="brief-fieldset">
      <legend>Findings</legend>
      <p className="brief-hint">Only findings marked “Include in brief” go into the pack.</p>
      <label className="brief-radio">
        <input type="radio" name={`${id}-feed`} checked={feed.kind === 'all'} onChange={() => onChange({ kind: 'all' })} />
        <span>All findings</span>
      </label>
      <label className="brief-radio">
        <input
          type="radio"
          name={`${id}-feed`}
          checked={feed.kind === 'saved-view'}
          disabled={!firstView}
          onChange={() => firstView && onChange({ kind: 'saved-view', savedViewId: firstView.id })}
        />
        <span>A saved view{!firstView && <span className="brief-hint"> (none saved yet)</span>}</span>
      </label>
      {feed.kind === 'saved-view' && views && (
        <select
          className="brief-input brief-indent"
          aria-label="Saved view"
          value={viewId ?? ''}
          onChange={(e) => onChange({ kind: 'saved-view', savedViewId: Number(e.target.value) })}
        >
          {!views.some((v) => v.id === viewId) && <option value={viewId ?? ''}>A view that has been deleted</option>}
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      )}
      <label className="brief-radio">
        <input
          type="radio"
          name={`${id}-feed`}
          checked={feed.kind === 'query'}
          disabled={!gridFilter && feed.kind !== 'query'}
          onChange={() => gridFilter && onChange({ kind: 'query', query: gridFilter.query, label: gridFilter.label.slice(0, 300) })}
        />
        <span>
          The Findings grid’s current filter
          <span className="brief-hint brief-block">
            {feed.kind === 'query' ? feed.label : gridFilter ? gridFilter.label : 'Open the Findings view and filter it first.'}
          </span>
        </span>
      </label>
      {feed.kind === 'query' && gridFilter && gridFilter.label !== feed.label && (
        <button
          type="button"
          className="link-button brief-indent"
          onClick={() => onChange({ kind: 'query', query: gridFilter.query, label: gridFilter.label.slice(0, 300) })}
        >
          Use the grid’s filter as it is now
        </button>
      )}
    </fieldset>
  );
}
