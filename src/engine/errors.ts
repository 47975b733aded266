/**
 * Errors the engine throws carry a stable `code`, so the UI can show a translated message
 * without parsing English text. The message is for developers and logs.
 */
export type EngineErrorCode =
  | 'not-started'
  | 'already-started'
  | 'not-waiting-for-choice'
  | 'unknown-choice'
  | 'not-ended'
  | 'unknown-node'
  | 'runaway-story';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type SnapshotErrorCode =
  | 'not-a-snapshot'
  | 'unknown-version'
  | 'other-scenario'
  | 'other-scenario-version'
  | 'does-not-replay';

/** A saved snapshot that cannot be resumed. The player starts the scenario fresh. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
  constructor(
    readonly code: SnapshotErrorCode,
    message: string,
  ) {
    super(message);
  }
}
