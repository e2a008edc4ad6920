import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';

/** The analyst's preferences, kept in userData/preferences.json. Only the author name, for now. */
export class Preferences {
  constructor(
    private readonly file: string,
    private readonly osUser: () => string = () => userInfo().username,
  ) {}

  static inFolder(userData: string): Preferences {
    return new Preferences(path.join(userData, 'preferences.json'));
  }

  private async read(): Promise<{ author?: string }> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.file, 'utf8'));
      return typeof parsed === 'object' && parsed !== null ? (parsed as { author?: string }) : {};
    } catch {
      // Missing or damaged: the defaults apply; the next save writes a good file.
      return {};
    }
  }

  /** The name set in preferences, else the operating system's user name, else "Analyst". */
  async author(): Promise<string> {
    const set = (await this.read()).author?.trim();
    if (set) return set;
    try {
      return this.osUser().trim() || 'Analyst';
    } catch {
      return 'Analyst';
    }
  }

  async setAuthor(name: string): Promise<string> {
    const prefs = await this.read();
    const trimmed = name.trim();
    const next = { ...prefs, author: trimmed || undefined };
    await writeFileAtomic(this.file, new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`));
    return this.author();
  }
}
