/** The scenario engine's public surface. Pure TypeScript: no Phaser, no DOM, no i18next. */
export { type Choice, choicesAt } from './choices';
export { EngineError, type EngineErrorCode, SnapshotError, type SnapshotErrorCode } from './errors';
export * from './guidance';
export * from './identifiers';
export { allPaths, type StoryPath, TooManyPathsError } from './paths';
export {
  createResult,
  RESULT_SCHEMA_VERSION,
  type ResultMeta,
  resultSchema,
  type ScenarioResult,
} from './result';
export {
  type RunnerOptions,
  type RunnerState,
  ScenarioRunner,
  type StoryEvent,
  type TakenChoice,
} from './runner';
export * from './schema';
export { type FlagOutcome, type FlagStatus, safetyPercent, type Tally, tally } from './scoring';
export {
  type RunnerSnapshot,
  restore,
  SNAPSHOT_SCHEMA_VERSION,
  snapshot,
  snapshotSchema,
} from './snapshot';
export * from './spot-check';
export {
  bestAttainableScore,
  compareLocales,
  formatProblem,
  type LocaleFile,
  type Problem,
  parseJsonText,
  pathToString,
  type SourceFile,
  type ValidationReport,
  validateScenario,
  validateSpotCheck,
} from './validate';
