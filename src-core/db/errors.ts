export type WorkspaceErrorCode =
  'not-sqlite' | 'corrupt' | 'foreign' | 'unknown-migrations' | 'bad-migrations' | 'migration-failed' | 'altered';

/** A workspace that cannot be opened as it is. The file is never modified when this is thrown. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
  ) {
    super(message);
  }
}
