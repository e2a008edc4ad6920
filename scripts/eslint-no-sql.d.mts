/** The types of eslint-no-sql.mjs, for its test (tests/unit/lint/no-sql.test.ts). */
import type { Rule } from 'eslint';

/** Whether a text reads as SQL: an upper-case statement and its clause, or a lower-case statement shape no sentence has. */
export declare function looksLikeSql(text: string): boolean;

/** The rule: no SQL text in the files it is set on (the renderer, in eslint.config.js). */
export declare const noSql: Rule.RuleModule;
