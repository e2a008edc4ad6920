export interface AuditRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface AuditVerdict {
  outcome: 'passed' | 'failed' | 'not-checked';
  /** One line for the log, and for the end of CI's log (out/audit-status). */
  summary: string;
  details: string[];
}

export declare function auditVerdict(run: AuditRun): AuditVerdict;
