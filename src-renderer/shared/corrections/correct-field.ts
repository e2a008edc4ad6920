/*
 * The Correct… dialog's data (./CorrectDialog.tsx), in a module of its own so that the pure code
 * that builds it (a view's field lists and checks, and their unit tests) needs no React.
 */

/** One field the dialog offers: its value in force, and the extracted one when it was corrected. */
export interface CorrectField {
  name: string;
  label: string;
  value: string;
  /** The extracted value, when the field has been corrected: shown, and a way back to it. */
  extracted?: string;
  /** Choices instead of free text (a grade on the report's scale). */
  options?: readonly string[];
  /** Free text with these offered as it is typed: what is typed is checked, so an off-scale grade is refused in words. */
  suggestions?: readonly string[];
  /** Text that runs over lines (an area for improvement). */
  multiline?: boolean;
  /** A hint under the field ("as the report prints it: 15, 0.8, -16%"). */
  hint?: string;
}

export interface CorrectChange {
  field: string;
  /** What the analyst typed; null withdraws the correction (back to the extracted value). */
  value: string | null;
}
