import { sentence } from '../text/words';
import type { Refusal } from './analyst-words';
import './refusal.css';

interface Props {
  refusal: Refusal;
  /** What the refusal left alone, said after the words: "Nothing in the workspace was changed." */
  after?: string;
  /** Names the detail for assistive technology when several refusals are listed ("bad.pdf"). */
  about?: string;
}

/**
 * A refusal said in the analyst's words (what happened, what to do), with the original message,
 * which names the file, line and column, one click away under "Technical detail". A message that
 * has no words of its own (an unknown code) is shown as it is. Renders phrasing and a <details>,
 * so its parent must be a block that may hold them (a div or li, not a p).
 */
export function RefusalText({ refusal, after, about }: Props) {
  if (!refusal.words) {
    return (
      <>
        {sentence(refusal.detail)}
        {after && ` ${after}`}
      </>
    );
  }
  return (
    <>
      {refusal.words.what} {refusal.words.todo}
      {after && ` ${after}`}
      <details className="technical-detail">
        <summary>Technical detail{about && <span className="visually-hidden"> for {about}</span>}</summary>
        <p className="technical-detail-text">{sentence(refusal.detail)}</p>
      </details>
    </>
  );
}
