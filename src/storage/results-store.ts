/**
 * Finished results on this device (scenario results and spot checks), until the teacher mode's
 * IndexedDB store takes over. Results are only ever appended: a result already stored is never
 * rewritten or dropped, and a stored list that cannot be read is kept aside, not overwritten.
 */
import {
  type ScenarioResult,
  SPOT_CHECK_RESULT_FORMAT,
  type SpotCheckResult,
} from '../engine/index';
import { readJson, readText, writeJson, writeText } from './local-store';

const RESULTS_KEY = 'results.v1';

export type StoredResult = ScenarioResult | SpotCheckResult;

export function loadResults(): unknown[] {
  const read = readJson(RESULTS_KEY);
  return read.status === 'found' && Array.isArray(read.data) ? read.data : [];
}

/** Returns false when the result could not be stored; the caller tells the player. */
export function saveResult(result: StoredResult): boolean {
  const read = readJson(RESULTS_KEY);
  if (read.status === 'corrupt' || (read.status === 'found' && !Array.isArray(read.data))) {
    // Keep what was there for a human to recover; never overwrite data we do not understand.
    const old = readText(RESULTS_KEY);
    if (old !== undefined && !writeText(`${RESULTS_KEY}.unreadable.${Date.now()}`, old))
      return false;
  }
  const list = read.status === 'found' && Array.isArray(read.data) ? read.data : [];
  if (list.some((r) => (r as { id?: unknown } | null)?.id === result.id)) return true;
  return writeJson(RESULTS_KEY, [...list, result]);
}

/** How many spot checks this device has finished: the next one uses the other form. */
export function spotCheckAttempts(): number {
  return loadResults().filter(
    (r) => (r as { format?: unknown } | null)?.format === SPOT_CHECK_RESULT_FORMAT,
  ).length;
}
