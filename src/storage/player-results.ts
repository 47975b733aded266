/**
 * The current player's results: saved with their class code and nickname, counted for the
 * spot check's before/after, and gathered for sending to the teacher.
 */
// The tag alone, not the engine or the spot check's schemas: this module is on the first screen.
import { SPOT_CHECK_RESULT_FORMAT } from '../engine/result-formats';
import type { StoredResult, StudentRecord } from '../teacher/records';
import { readText, writeText } from './local-store';
import type { Player } from './player';
import type { ResultStore } from './result-store';

/** Where a result ended up: on the device, only in this tab's memory, or nowhere. */
export type SaveOutcome = 'saved' | 'memory-only' | 'failed';

export interface PlayerResults {
  save(result: StoredResult): Promise<SaveOutcome>;
  /** This player's records on this device, oldest first. */
  mine(): Promise<StudentRecord[]>;
  spotCheckAttempts(): Promise<number>;
}

export function playerResults(store: ResultStore, player: () => Player): PlayerResults {
  let persistenceAsked = false;
  // A count kept beside the results, because under a passphrase lock the results themselves
  // cannot be read back to count this player's spot checks.
  const counterKey = () => {
    const { classCode, student } = player();
    return `spot-checks.${classCode ?? 'no-class'}.${student}`;
  };
  const counted = () => Number(readText(counterKey()) ?? '0') || 0;
  const mine = async () => {
    const { classCode, student } = player();
    return (await store.records(classCode))
      .filter((r) => r.student === student)
      .sort((a, b) => a.result.finishedAt.localeCompare(b.result.finishedAt));
  };
  return {
    async save(result) {
      const { classCode, student } = player();
      const outcome = await store.addRecords([{ id: result.id, classCode, student, result }]);
      if (!outcome.ok) return 'failed';
      if (result.format === SPOT_CHECK_RESULT_FORMAT && outcome.added > 0) {
        writeText(counterKey(), String(counted() + 1));
      }
      if (!persistenceAsked) {
        persistenceAsked = true;
        // Ask the browser not to evict results under storage pressure; refusal changes nothing.
        void globalThis.navigator?.storage?.persist?.().catch(() => false);
      }
      return store.persistent ? 'saved' : 'memory-only';
    },
    mine,
    async spotCheckAttempts() {
      const readable = (await mine()).filter(
        (r) => r.result.format === SPOT_CHECK_RESULT_FORMAT,
      ).length;
      return Math.max(readable, counted());
    },
  };
}
