/**
 * A request from outside the Findings view (the command palette) to show one thing in it: a
 * finding, selected and in view, or a saved view, applied. The nonce makes asking for the same
 * thing twice a new request.
 */
export type FindingsReveal = { kind: 'finding'; id: number; nonce: number } | { kind: 'savedView'; id: number; nonce: number };
