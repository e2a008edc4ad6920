import { access, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write';
import { Sequencer } from '../../../src-core/sequencer';

/** Enough for an Open Recent menu; older entries fall off the end. */
export const MAX_RECENT = 10;

export interface RecentState {
  /** The workspace open when the app last closed: reopened on start. */
  last: string | null;
  /** Absolute paths, most recent first. */
  files: string[];
}

const stateSchema = z.object({
  version: z.literal(1),
  last: z.string().nullable(),
  files: z.array(z.string()),
});

const EMPTY: RecentState = { last: null, files: [] };

/**
 * Reads recent.json leniently: it is a convenience, so a damaged or hand-edited file costs the
 * list, never the start-up. Relative paths are dropped because they would resolve against
 * whatever the working directory happens to be.
 */
export function parseRecent(text: string): RecentState {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return EMPTY;
  }
  const parsed = stateSchema.safeParse(data);
  if (!parsed.success) return EMPTY;
  const files = [...new Set(parsed.data.files.filter((f) => path.isAbsolute(f)))].slice(0, MAX_RECENT);
  const last = parsed.data.last !== null && path.isAbsolute(parsed.data.last) ? parsed.data.last : null;
  return { last, files };
}

/** Puts a file at the top of the list; `asLast` also makes it the one reopened on start. */
export function remember(state: RecentState, file: string, asLast: boolean): RecentState {
  return { last: asLast ? file : state.last, files: [file, ...state.files.filter((f) => f !== file)].slice(0, MAX_RECENT) };
}

export function forget(state: RecentState, file: string): RecentState {
  return { last: state.last === file ? null : state.last, files: state.files.filter((f) => f !== file) };
}

/** recent.json in the user-data folder. Writes are queued: two atomic writes must not race. */
export class RecentFile {
  private readonly sequence = new Sequencer();

  constructor(
    readonly file: string,
    /** Called after each saved change, e.g. to rebuild the Open Recent menu. */
    private readonly onChange: () => void = () => undefined,
  ) {}

  async load(): Promise<RecentState> {
    try {
      return parseRecent(await readFile(this.file, 'utf8'));
    } catch {
      return EMPTY;
    }
  }

  /** Applies a change to the stored list and resolves with the new list. */
  update(change: (state: RecentState) => RecentState): Promise<RecentState> {
    return this.sequence.run(async () => {
      const next = change(await this.load());
      await mkdir(path.dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify({ version: 1, ...next }, null, 2)}\n`));
      return next;
    });
  }

  /** The list is a convenience: failing to save it must not fail the open that changed it. */
  async tryUpdate(change: (state: RecentState) => RecentState): Promise<void> {
    try {
      await this.update(change);
      this.onChange();
    } catch (e) {
      console.warn('peel-workbench: could not update the recent workspaces list', e);
    }
  }

  /** Listed files that are still there, most recent first: the menu should not offer dead ends. */
  async present(): Promise<string[]> {
    const { files } = await this.load();
    const here = await Promise.all(
      files.map((f) =>
        access(f).then(
          () => true,
          () => false,
        ),
      ),
    );
    return files.filter((_, i) => here[i]);
  }
}
