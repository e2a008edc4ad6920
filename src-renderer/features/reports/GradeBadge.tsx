import { gradeTone } from './format';

/** The grade is always written out; colour only repeats it for a quicker scan. */
export function GradeBadge({ grade }: { grade: string }) {
  return <span className={`grade grade--${gradeTone(grade)}`}>{grade}</span>;
}
