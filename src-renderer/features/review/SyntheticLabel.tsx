import { SYNTHETIC_TEXT } from './review-format';

/** The demo sample is generated, not the inspectorate's: said in words wherever its figures show. */
export function SyntheticLabel({ compact = false }: { compact?: boolean }) {
  return (
    <p className={compact ? 'synthetic-label synthetic-label--compact' : 'synthetic-label'}>
      <strong className="synthetic-badge">SYNTHETIC</strong> {SYNTHETIC_TEXT}
    </p>
  );
}
