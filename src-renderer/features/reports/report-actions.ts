import type { DbClient } from '../../db/db-client';
import type { WarningState } from '../../../src-core/query/model/metrics';
import type { OverviewJudgment, OverviewWarning } from '../../../src-core/query/model/overview';
import type { CorrectionRequest } from './report-corrections';

/**
 * What a report's parts can ask of the Reports view, which makes the edits and holds the one
 * Correct… and Dismiss dialogs: passed down as one object rather than a prop per action.
 */
export interface ReportActions {
  client: DbClient;
  /** Changes after every change to the workspace's data, so that open histories are read again. */
  revision: number;
  correct(request: CorrectionRequest): void;
  /** Resolves true once the tick is durable. */
  verifyGrade(judgment: OverviewJudgment, verified: boolean): Promise<boolean>;
  dismiss(warning: OverviewWarning): void;
  /** Takes a dismissal back: the warning is open again. Resolves true once durable. */
  reopen(warning: OverviewWarning): Promise<boolean>;
  /**
   * The warning whose control should take focus once it is drawn in its new state (no longer
   * `from`): a dismissal or a reopening replaces the button that was pressed, and focus must not
   * fall back to the page's start.
   */
  focusWarning: { id: number; from: WarningState } | null;
  focused(): void;
}
