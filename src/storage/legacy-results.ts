/**
 * Version 0.1 kept finished results in localStorage. On start-up they move into the result
 * store; the old copy is removed only once the store has them, so an update loses nothing.
 */
import type { StudentRecord } from '../teacher/records';
import { readJson, removeKey } from './local-store';
import type { ResultStore } from './result-store';

const LEGACY_KEY = 'results.v1';

export async function migrateLegacyResults(store: ResultStore): Promise<number> {
  const read = readJson(LEGACY_KEY);
  if (read.status !== 'found' || !Array.isArray(read.data)) return 0;
  // The schemas come only when there is something to move: nearly every start has nothing.
  const { storedResultSchema } = await import('../teacher/records');
  const records: StudentRecord[] = [];
  for (const item of read.data) {
    const parsed = storedResultSchema.safeParse(item);
    // A damaged entry stays where it is for a human to look at; the rest move.
    if (parsed.success)
      records.push({ id: parsed.data.id, classCode: null, student: '', result: parsed.data });
  }
  if (records.length === 0) return 0;
  if (!store.persistent) return 0;
  const outcome = await store.addRecords(records);
  if (!outcome.ok) return 0;
  if (records.length === read.data.length) removeKey(LEGACY_KEY);
  return outcome.added;
}
