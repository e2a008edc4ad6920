import { expect } from 'vitest';
import { ESLint } from 'eslint';

/**
 * Runs the project's own eslint.config.js over a snippet as if it were the file at `filePath`
 * (relative to the repository root; the file need not exist), so a test can show that a rule
 * fires on a deliberate violation and stays quiet on the allowed form.
 */
const eslint = new ESLint({ cwd: process.cwd() });

export interface LintMessage {
  ruleId: string | null;
  message: string;
  line: number;
}

export async function lintAs(filePath: string, code: string): Promise<LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (!result) throw new Error(`eslint returned nothing for ${filePath}`);
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line }));
}

/** The messages of one rule only (the snippet may trip others, such as unused variables). */
export async function violations(filePath: string, code: string, ruleId: string): Promise<LintMessage[]> {
  return (await lintAs(filePath, code)).filter((m) => m.ruleId === ruleId);
}

/** Each snippet, linted as its file, trips the rule exactly once, with a message that says `says`. */
export async function expectEachRefused(cases: ReadonlyArray<readonly [filePath: string, code: string]>, ruleId: string, says: string) {
  for (const [file, code] of cases) {
    const found = await violations(file, code, ruleId);
    expect(found, `${file}: ${code}`).toHaveLength(1);
    expect(found[0]?.message).toContain(says);
  }
}
