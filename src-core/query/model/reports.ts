/** An extraction warning about a report, and who ticked it off as checked. */
export interface WarningRow {
  id: number;
  reportId: number;
  code: string;
  message: string;
  page: number | null;
  line: number | null;
  checked: boolean;
  checkedBy: string | null;
  checkedAt: string | null;
}
