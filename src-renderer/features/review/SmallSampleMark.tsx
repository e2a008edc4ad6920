import { SMALL_SAMPLE } from './review-format';

/** Said in words beside the figure, not by colour: the proportion rests on fewer than 30 files. */
export function SmallSampleMark({ n }: { n: number }) {
  return (
    <span className="small-sample" title={`${n} files, fewer than ${SMALL_SAMPLE}: the interval is wide`}>
      <span aria-hidden="true">⚠ </span>Small sample
    </span>
  );
}
