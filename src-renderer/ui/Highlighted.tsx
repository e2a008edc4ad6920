import { Fragment, useMemo } from 'react';
import { highlightSegments } from './highlight';

/**
 * Text with the searched words in <mark>. Built as React text nodes, never as HTML: report text
 * is untrusted input, and the CSP would block inline markup tricks anyway.
 */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const segments = useMemo(() => highlightSegments(text, terms), [text, terms]);
  return <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>;
}
