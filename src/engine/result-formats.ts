/**
 * The `format` tags that tell stored results apart. No schema here: the first screen sorts the
 * player's own results by tag (src/storage/player-results.ts) without loading any schema.
 */

/** A spot-check result (a scenario result's tag is RESULT_FORMAT in ./result.ts). */
export const SPOT_CHECK_RESULT_FORMAT = 'red-flags/spot-check-result';
