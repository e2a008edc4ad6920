import { useState } from 'react';
import type { Host, WorkspaceInfo } from '../../src-core/host/contract';
import { commandById, keysFor, type CommandId } from './commands';
import { MenuButton, type MenuEntry } from './MenuButton';

/** A menu item for a command of commands.ts: its title and its first key, as the palette shows them. */
export function commandEntry(host: Host, id: CommandId, run: (id: CommandId) => void, disabled = false): MenuEntry {
  const command = commandById(id);
  const keys = keysFor(command, host.kind)[0];
  return { kind: 'item', label: command.title, ...(keys ? { keys } : {}), disabled, onSelect: () => run(id) };
}

/**
 * The file actions, as the desktop's File menu has them: rare, so one button rather than a row of
 * them. Open recent lists the workspaces read from the host as the menu opens.
 */
export function FileMenu({
  host,
  current,
  run,
  onOpenRecent,
}: {
  host: Host;
  current: string | null;
  run: (id: CommandId) => void;
  onOpenRecent: (handle: string) => void;
}) {
  const [recent, setRecent] = useState<WorkspaceInfo[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    setRecent(null);
    void host.workspace.recent().then((r) => {
      setRecent(r.ok ? r.value : []);
      setProblem(r.ok ? null : `The recent workspaces could not be listed: ${r.error.message}`);
    });
  };
  const none = current === null;
  const entries: MenuEntry[] = [
    commandEntry(host, 'file.new', run),
    commandEntry(host, 'file.open', run),
    {
      kind: 'submenu',
      label: 'Open recent',
      empty: 'No recent workspaces',
      problem,
      items:
        recent?.map((w) => ({
          kind: 'item',
          label: w.handle === current ? `${w.name} (open)` : w.name,
          disabled: w.handle === current,
          onSelect: () => onOpenRecent(w.handle),
        })) ?? null,
    },
    commandEntry(host, 'file.backups', run, none),
    { kind: 'separator' },
    commandEntry(host, 'file.saveCopy', run, none),
    commandEntry(host, 'file.importReport', run, none),
    { kind: 'separator' },
    commandEntry(host, 'edit.preferences', run),
  ];
  return <MenuButton label="File" entries={entries} onOpen={load} />;
}

/** Help: the command palette, the keyboard shortcuts and About. */
export function HelpMenu({ host, run }: { host: Host; run: (id: CommandId) => void }) {
  const entries: MenuEntry[] = [
    commandEntry(host, 'view.commandPalette', run),
    commandEntry(host, 'help.shortcuts', run),
    { kind: 'separator' },
    commandEntry(host, 'help.about', run),
  ];
  return <MenuButton label="Help" entries={entries} />;
}
