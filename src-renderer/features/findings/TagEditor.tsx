import { useEffect, useId, useState } from 'react';
import type { DbClient } from '../../db/db-client';
import { useDebouncedValue } from '../../ui/use-debounced-value';

interface Props {
  client: DbClient;
  tags: string[];
  onChange(tags: string[]): void;
}

/** Free-text tags, suggested from the tags already used in the workspace; each add or remove is one edit. */
export function TagEditor({ client, tags, onChange }: Props) {
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
    const tag = text.trim();
    if (!tag) return;
    if (!tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  };

  return (
    <div className="tag-editor">
      <label htmlFor={`${id}-input`}>Tags</label>
      {tags.length > 0 ? (
        <ul className="tag-chips" aria-label="Tags on this finding">
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
            .filter((s) => !tags.includes(s))
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
