/**
 * Results are kept for a retention period, one school year unless the teacher chooses
 * otherwise, and removed at start-up once they are older: a device never keeps students'
 * results longer than it needs them.
 *
 * A result's age is counted from its finishedAt, in days of exactly 24 hours (finishedAt is an
 * instant, so daylight-saving changes make no difference). A result is expired when it is MORE
 * than the retention period old: a result exactly N days old is kept, one a millisecond older is
 * removed. A result that cannot be dated (finishedAt missing or unparsable) or that finished in
 * the future (a device clock set wrong, then put right) is never removed: nothing is deleted
 * that cannot be dated.
 */
import type { ResultStore } from '../storage/result-store';
import type { StudentRecord } from './records';

/** One school year. */
export const DEFAULT_RETENTION_DAYS = 365;
export const MIN_RETENTION_DAYS = 30;
/** Three school years. */
export const MAX_RETENTION_DAYS = 1095;
/** The device setting (see ResultStore.getSetting) that holds the retention period, in days. */
export const RETENTION_SETTING = 'retention-days';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention period a setting's value stands for: a whole number of days from 30 to 1095,
 * or DEFAULT_RETENTION_DAYS for anything else (missing, a string, a fraction, NaN, out of range).
 */
export function retentionDays(value: unknown): number {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MIN_RETENTION_DAYS &&
    value <= MAX_RETENTION_DAYS
    ? value
    : DEFAULT_RETENTION_DAYS;
}

/** An ISO 8601 date and time with a zone (Z or ±hh:mm), as results record finishedAt. */
const ISO_DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of a result's finishedAt, or undefined when it cannot be dated. */
function finishedTime(record: unknown): number | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const result: unknown = (record as { result?: unknown }).result;
  if (typeof result !== 'object' || result === null) return undefined;
  const finishedAt: unknown = (result as { finishedAt?: unknown }).finishedAt;
  if (typeof finishedAt !== 'string' || !ISO_DATE_TIME.test(finishedAt)) return undefined;
  const time = Date.parse(finishedAt);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The ids of the records whose result finished more than `days` days before `now`. `days` is
 * read as retentionDays reads a setting, so a bad value means one school year, never "delete
 * everything". An invalid `now` expires nothing.
 */
export function expiredRecordIds(
  records: readonly StudentRecord[],
  now: Date,
  days: number,
): string[] {
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  if (Number.isNaN(nowMs)) return [];
  const maxAge = retentionDays(days) * DAY_MS;
  const expired: string[] = [];
  for (const record of records) {
    const finished = finishedTime(record);
    if (finished === undefined || finished > nowMs) continue;
    if (nowMs - finished > maxAge && typeof record.id === 'string') expired.push(record.id);
  }
  return expired;
}

/**
 * Removes the expired results from the store, by the retention period set on the device
 * (RETENTION_SETTING), and answers how many it removed. Run it at start-up. Never rejects:
 * when the store fails, nothing is removed, it answers 0, and the next start-up tries again.
 */
export async function applyRetention(store: ResultStore, now: Date): Promise<number> {
  try {
    const days = retentionDays(await store.getSetting(RETENTION_SETTING));
    const ids = expiredRecordIds(await store.records(), now, days);
    if (ids.length === 0) return 0;
    await store.deleteRecords(ids);
    return ids.length;
  } catch {
    return 0;
  }
}
