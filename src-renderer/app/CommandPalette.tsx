import { Command } from 'cmdk';
import { useEffect, useRef, useState } from 'react';
import type { FindingRow } from '../../src-core/query/model/findings';
import type { SavedView } from '../../src-core/query/model/saved-views';
import type { DbClient } from '../db/db-client';
import { useDebouncedValue } from '../ui/use-debounced-value';
import { findCommands, keysFor, matchesWords, type CommandId, type HostKind } from './commands';
import { findingLabel, reportLabel, type PaletteReport } from './palette-labels';
import './command-palette.css';

/** How many findings the palette lists for the words typed: enough to choose from, few enough to read. */
export const PALETTE_FINDINGS = 8;
/** Findings are searched once typing pauses this long. */
const SEARCH_DELAY_MS = 150;

export interface PaletteActions {
  command(id: CommandId): void;
  savedView(id: number): void;
  report(id: number): void;
  finding(id: number): void;
}

interface Props {
  open: boolean;
  onClose: () => void;
  host: HostKind;
  /** The open workspace's client, or null when none is open (then only the commands that need none are offered). */
  client: DbClient | null;
  actions: PaletteActions;
}

type Found<T> = { query: string; items: T[] } | null;

/**
 * Ctrl+K: every view, action, saved view, report and finding, found by words, as VS Code's and
 * Linear's palettes do. cmdk gives the list its keyboard (↑ ↓ Home End Enter) and combobox roles;
 * the matching is commands.ts's (words, not fuzzy letters) and the findings are the full-text
 * index's, so the list says exactly why each line is there. It sits in the app's own modal
 * <dialog> (Escape closes it and focus goes back to where it was), not cmdk's Radix dialog, whose
 * injected <style> elements the page's CSP refuses.
 */
export function CommandPalette({ open, onClose, host, client, actions }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [views, setViews] = useState<SavedView[]>([]);
  const [reports, setReports] = useState<PaletteReport[]>([]);
  const [findings, setFindings] = useState<Found<FindingRow>>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const searched = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setQuery('');
      setFindings(null);
      setProblem(null);
      dialog.showModal();
      // The dialog would focus its first focusable element, cmdk's list root; typing goes in the field.
      input.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // The saved views and reports, read each time it opens: they change with imports and edits.
  useEffect(() => {
    if (!open || !client) return;
    let live = true;
    void client.savedViews('findings').then((r) => live && r.ok && setViews(r.value));
    void client.reportsOverview().then((r) => {
      if (!live) return;
      if (r.ok) setReports(r.value.map(({ id, title, force, period }) => ({ id, title, force, period })));
      else setProblem(`The reports could not be listed: ${r.error.message}`);
    });
    return () => {
      live = false;
    };
  }, [open, client]);

  // Findings by their words, through the grid's own query (the full-text index, the last word a prefix).
  useEffect(() => {
    if (!open || !client || !/[\p{L}\p{N}]{2}/u.test(searched)) return;
    let live = true;
    void client.findingsPage({ search: searched }, 0, PALETTE_FINDINGS).then((r) => {
      if (!live) return;
      if (r.ok) setFindings({ query: searched, items: r.value });
      else setProblem(`The findings could not be searched: ${r.error.message}`);
    });
    return () => {
      live = false;
    };
  }, [open, client, searched]);

  const choose = (run: () => void) => {
    // Closed first, so focus is back where it was before the action moves it (a view, a dialog).
    ref.current?.close();
    run();
  };

  const commands = findCommands(query, { host, workspaceOpen: client !== null });
  const shownViews = client ? views.filter((v) => matchesWords(query, `${v.name} saved view`)) : [];
  const shownReports = client && query.trim() ? reports.filter((r) => matchesWords(query, `${reportLabel(r)} report`)) : [];
  const shownFindings = client && findings && findings.query === query.trim() ? findings.items : [];
  const nothing = commands.length + shownViews.length + shownReports.length + shownFindings.length === 0;
  const waiting = client !== null && /[\p{L}\p{N}]{2}/u.test(query) && findings?.query !== query.trim();

  return (
    <dialog ref={ref} className="palette" aria-label="Command palette" onClose={onClose}>
      <Command label="Command palette" shouldFilter={false} loop vimBindings={false}>
        <Command.Input
          ref={input}
          className="palette-input"
          value={query}
          onValueChange={setQuery}
          placeholder="Go to a view, run an action, or find a saved view, report or finding by its words"
        />
        {problem && <p className="inline-problem palette-note">{problem}</p>}
        <Command.List className="palette-list" label="Matches">
          {commands.length > 0 && (
            <Command.Group heading="Views and actions">
              {commands.map((c) => {
                const keys = keysFor(c, host)[0];
                return (
                  <Command.Item key={c.id} value={`command:${c.id}`} onSelect={() => choose(() => actions.command(c.id))}>
                    <span className="palette-title">{c.title}</span>
                    {keys && <kbd className="palette-keys">{keys}</kbd>}
                  </Command.Item>
                );
              })}
            </Command.Group>
          )}
          {shownViews.length > 0 && (
            <Command.Group heading="Saved views">
              {shownViews.map((v) => (
                <Command.Item key={v.id} value={`view:${v.id}`} onSelect={() => choose(() => actions.savedView(v.id))}>
                  <span className="palette-title">Open saved view: {v.name}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {shownReports.length > 0 && (
            <Command.Group heading="Reports">
              {shownReports.slice(0, PALETTE_FINDINGS).map((r) => (
                <Command.Item key={r.id} value={`report:${r.id}`} onSelect={() => choose(() => actions.report(r.id))}>
                  <span className="palette-title">Go to report: {reportLabel(r)}</span>
                </Command.Item>
              ))}
            </Command.Group>
          )}
          {shownFindings.length > 0 && (
            <Command.Group heading="Findings">
              {shownFindings.map((f) => {
                const label = findingLabel(f);
                return (
                  <Command.Item
                    key={f.id}
                    className="palette-finding"
                    value={`finding:${f.id}`}
                    onSelect={() => choose(() => actions.finding(f.id))}
                  >
                    <span className="palette-title">{label.words}</span>
                    <span className="palette-meta">
                      <span className="palette-section">{label.section}</span> · {f.report}
                    </span>
                  </Command.Item>
                );
              })}
            </Command.Group>
          )}
        </Command.List>
        {/* Outside the list: a listbox may hold only options and groups of them. */}
        <p className="palette-status" role="status">
          {waiting ? 'Searching the findings…' : nothing ? `Nothing matches “${query.trim()}”. Try fewer or other words.` : ''}
        </p>
      </Command>
    </dialog>
  );
}
