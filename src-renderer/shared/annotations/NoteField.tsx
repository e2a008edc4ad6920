import { useEffect, useId, useRef, useState } from 'react';
import { usePendingEdit } from './use-pending-edit';

/** Long enough not to save mid-sentence, short enough that a crash loses little. */
const PAUSE_MS = 1500;

interface Props {
  note: string;
  /** Resolves true once the note's edit is durable. */
  onSave(text: string): Promise<boolean>;
}

/**
 * A plain-text note, saved when the analyst pauses or leaves the field, never on every key: each
 * save is a journaled, audited edit. While the field has focus it shows what is being typed,
 * whatever reloads underneath; once it loses focus it shows what is stored.
 */
export function NoteField({ note, onSave }: Props) {
  const id = useId();
  const [focused, setFocused] = useState(false);
  const [text, setText] = useState(note);
  const pending = usePendingEdit(note);
  // The last text sent, so that a pause followed by leaving the field saves once, not twice.
  const sent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const send = (value: string) => {
    clearTimeout(timer.current);
    if (value === sent.current) return;
    sent.current = value;
    void onSave(value).then((ok) => {
      // Not saved: leaving the field (or the next pause) tries again.
      if (!ok && sent.current === value) sent.current = null;
    });
  };

  return (
    <div className="note-field">
      <label htmlFor={id}>Note</label>
      <textarea
        id={id}
        rows={4}
        maxLength={100_000}
        value={focused ? text : pending.shown}
        onFocus={() => {
          setText(pending.shown);
          sent.current = pending.shown;
          setFocused(true);
        }}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => send(value), PAUSE_MS);
        }}
        onBlur={() => {
          setFocused(false);
          // Shown as typed until the stored note changes to it (or the error says why it did not).
          if (text !== note) pending.set(text);
          send(text);
        }}
      />
      <p className="field-hint">Plain text. Saved when you pause typing or leave the field.</p>
    </div>
  );
}
