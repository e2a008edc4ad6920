import type { FindingRow } from '../../../src-core/query/model/findings';

/** What the Findings grid's cells need from the view (edits are built by src-core/annotations/annotation-edit.ts). */
export interface FindingsGridContext {
  /** Resolves true once the edit is durable; false (with the reason shown) when it is not. */
  setIncludeInBrief(row: FindingRow, value: boolean): Promise<boolean>;
  /** The search's words, for highlighting in the text cells. */
  terms: readonly string[];
  /** More than one report in the workspace: a row's brief checkbox names its report too. */
  multiReport: boolean;
}
