import type { SourcePos } from './types';

export type ExtractErrorCode = 'empty' | 'too-large' | 'binary' | 'bad-encoding' | 'bad-pdf' | 'bad-html' | 'not-a-peel-report';

/** A refusal to import, with what was expected and where the reader stopped. Never a partial result. */
export class ExtractError extends Error {
  override readonly name = 'ExtractError';
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    readonly where: SourcePos | null = null,
  ) {
    super(message);
  }
}

export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
