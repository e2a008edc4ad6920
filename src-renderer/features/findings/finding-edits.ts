import type { FindingRow } from '../../../src-core/query/findings';

/** There is no sign-in yet; the audit log records edits made in this app under this name. */
export const ANALYST = 'Analyst';

export interface FindingsGridContext {
  /** Resolves true once the edit is durable; false (with the reason shown) when it is not. */
  setIncludeInBrief(row: FindingRow, value: boolean): Promise<boolean>;
}

export function includeInBriefEdit(row: FindingRow, value: boolean, now = new Date()) {
  return {
    op: 'annotation.set',
    params: { targetType: 'finding', targetId: row.id, field: 'includeInBrief', value, author: ANALYST, at: now.toISOString() },
  } as const;
}
