import { useEffect, useId, useState } from 'react';
import { parseTags } from '../../../src-core/annotations/tags';
import type { DbClient } from '../../db/db-client';
import { useDebouncedValue } from '../../ui/use-debounced-value';

interface Props {
  client: DbClient;
  tags: string[];
  /** The chips' list, named for the item ("Tags on this finding"). */
  listName: string;
  onChange(tags: string[]): void;
}

/**
 * Free-text tags as chips, suggested from the tags already used in the workspace; each add or
 * remove is one edit. Several can be added at once, separated by commas; a tag already on the item
 * (in any case) is not added again.
 */
export function TagEditor({ client, tags, listName, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const prefix = useDebouncedValue(text.trim(), 150);
  useEffect(() => {
    let live = true;
    void client.tagSuggestions(prefix, 20).then((r) => {
      if (live && r.ok) setSuggestions(r.value);
    });
    return () => {
      live = false;
    };
  }, [client, prefix]);

  const add = () => {
    const added = parseTags(text, tags);
    if (added.length > 0) onChange([...tags, ...added]);
    setText('');
  };

  return (
    <div className="tag-editor">
      <label htmlFor={`${id}-input`}>Tags</label>
      {tags.length > 0 ? (
        <ul className="tag-chips" aria-label={listName}>
          {tags.map((t) => (
            <li key={t} className="tag-chip">
              <span>{t}</span>
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove tag ${t}`}
                onClick={() => onChange(tags.filter((x) => x !== t))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-hint">No tags yet.</p>
      )}
      <div className="tag-add">
        <input
          id={`${id}-input`}
          type="text"
          list={`${id}-suggestions`}
          value={text}
          maxLength={100}
          autoComplete="off"
          placeholder="Add a tag"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions
            .filter((s) => !tags.some((t) => t.toLowerCase() === s.toLowerCase()))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
        <button type="button" className="button" disabled={!text.trim()} onClick={add}>
          Add tag
        </button>
      </div>
    </div>
  );
}
