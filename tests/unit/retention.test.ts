/**
 * Retention: results older than the device's retention period (one school year unless the
 * teacher chose otherwise) are removed at start-up, and nothing that cannot be dated is.
 *
 * The boundary, as documented in retention.ts: a result exactly N days old is KEPT; one a
 * millisecond older is removed. Days are 24 hours, counted from the result's finishedAt.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore, openResultStore, type ResultStore } from '../../src/storage/result-store';
import type { ClassInfo, StudentRecord } from '../../src/teacher/records';
import {
  applyRetention,
  DEFAULT_RETENTION_DAYS,
  expiredRecordIds,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  RETENTION_SETTING,
  retentionDays,
} from '../../src/teacher/retention';
import { DAY, playResult, realScenario, record, takeSpotCheck } from '../fixtures/class-records';
import { SCHOOL_MORNING } from '../fixtures/clock';

const TORONTO = realScenario('toronto-police-call');
const SCHOOL = realScenario('genuine-school-office-call');
const TORONTO_WALK = ['answer', 'hang-up', 'call-back', 'report-to-anti-fraud-centre'];
const SCHOOL_WALK = ['answer', 'ask-how-to-check', 'call-back', 'text-dad-now'];

let serial = 0;
/** A real record whose play started `day` days after SCHOOL_MORNING (negative: before). */
function playedOn(
  day: number,
  student = 'Ana',
  classCode: string | null = 'KQ7RMX',
): StudentRecord {
  serial += 1;
  const id = `ret-${String(serial).padStart(5, '0')}`;
  const start = SCHOOL_MORNING + day * DAY;
  const result =
    serial % 3 === 0
      ? takeSpotCheck('A', 'before', (item) => item.answer, { id, start })
      : playResult(
          serial % 2 === 0 ? TORONTO : SCHOOL,
          serial % 2 === 0 ? TORONTO_WALK : SCHOOL_WALK,
          {
            id,
            start,
            stepMs: 7_000,
          },
        );
  return record(student, result, classCode);
}

const finished = (r: StudentRecord) => Date.parse(r.result.finishedAt);
/** The moment at which `r` is exactly `days` days old, plus `ms`. */
const whenAged = (r: StudentRecord, days: number, ms = 0) =>
  new Date(finished(r) + days * DAY + ms);

/** A copy of a record with another finishedAt, however wrong (as an old or damaged store has). */
function finishedAt(r: StudentRecord, value: unknown, id: string): StudentRecord {
  return { ...r, id, result: { ...r.result, finishedAt: value } } as StudentRecord;
}

const CLASS: ClassInfo = {
  code: 'KQ7RMX',
  name: '8B',
  gradeBand: '7-8',
  scenarios: [TORONTO.id, SCHOOL.id],
  showSextortion: false,
  pressureTimer: false,
  firstForm: 'A',
  createdAt: '2024-09-02T08:00:00.000Z',
};

const open: ResultStore[] = [];
afterEach(() => {
  for (const store of open.splice(0)) store.close();
});

/* ---------------------------------------------------------------------------------------- */

describe('retentionDays', () => {
  it('is one school year by default, within 30 days to three years', () => {
    expect(DEFAULT_RETENTION_DAYS).toBe(365);
    expect(MIN_RETENTION_DAYS).toBe(30);
    expect(MAX_RETENTION_DAYS).toBe(1095);
    expect(RETENTION_SETTING).toBe('retention-days');
  });

  it('takes a whole number of days in range', () => {
    for (const days of [30, 31, 90, 180, 365, 730, 1094, 1095])
      expect(retentionDays(days)).toBe(days);
  });

  it('falls back to 365 for anything invalid', () => {
    const invalid: unknown[] = [
      undefined,
      null,
      0,
      -365,
      29,
      1096,
      100_000,
      200.5,
      29.999,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '200',
      '365',
      '',
      true,
      false,
      {},
      [200],
      { valueOf: () => 200 },
      200n,
    ];
    for (const value of invalid) expect(retentionDays(value)).toBe(365);
  });
});

describe('expiredRecordIds', () => {
  it('keeps a result exactly N days old and removes one a millisecond older', () => {
    const r = playedOn(0);
    for (const days of [30, 90, 365, 1095]) {
      expect(expiredRecordIds([r], whenAged(r, days, -1), days)).toEqual([]);
      expect(expiredRecordIds([r], whenAged(r, days), days)).toEqual([]);
      expect(expiredRecordIds([r], whenAged(r, days, 1), days)).toEqual([r.id]);
      expect(expiredRecordIds([r], whenAged(r, days + 1), days)).toEqual([r.id]);
    }
  });

  it('dates a result by when it finished, not when it started', () => {
    const r = playedOn(0);
    expect(finished(r)).toBeGreaterThan(Date.parse(r.result.startedAt));
    // Started more than 30 days before, finished exactly 30 days before: kept.
    expect(expiredRecordIds([r], whenAged(r, 30), 30)).toEqual([]);
  });

  it('picks exactly the expired ones out of a class, in the order given', () => {
    const records = [playedOn(-400), playedOn(0), playedOn(-366), playedOn(-364), playedOn(-31)];
    const now = new Date(SCHOOL_MORNING);
    expect(expiredRecordIds(records, now, 365)).toEqual([records[0]?.id, records[2]?.id]);
    expect(expiredRecordIds(records, now, 30)).toEqual(
      [records[0], records[2], records[3], records[4]].map((r) => r?.id),
    );
    expect(expiredRecordIds(records, now, 1095)).toEqual([]);
    expect(expiredRecordIds([], now, 30)).toEqual([]);
  });

  it('keeps results that finished in the future: a clock set wrong, then put right', () => {
    const r = playedOn(0);
    const now = new Date(finished(r) - 1);
    expect(expiredRecordIds([r], now, 30)).toEqual([]);
    expect(expiredRecordIds([r], new Date(finished(r) - 10 * 365 * DAY), 30)).toEqual([]);
  });

  it('keeps results it cannot date', () => {
    const base = playedOn(-2000);
    const undatable = [
      finishedAt(base, 'yesterday', 'bad-00001'),
      finishedAt(base, '', 'bad-00002'),
      finishedAt(base, undefined, 'bad-00003'),
      finishedAt(base, null, 'bad-00004'),
      finishedAt(base, 1_600_000_000_000, 'bad-00005'),
      finishedAt(base, '2019-13-45T00:00:00Z', 'bad-00006'),
      // Dates JavaScript would guess at, but that are not a result's ISO date and time.
      finishedAt(base, 'March 7, 2019', 'bad-00007'),
      finishedAt(base, '2019', 'bad-00008'),
      finishedAt(base, '2019-03-07', 'bad-00009'),
      { ...base, id: 'bad-00010', result: null },
      { id: 'bad-00011' },
      null,
    ] as unknown as StudentRecord[];
    const now = new Date(SCHOOL_MORNING);
    expect(expiredRecordIds([...undatable, base], now, 30)).toEqual([base.id]);
  });

  it('reads a finishedAt with a time-zone offset as the instant it names', () => {
    const base = playedOn(0);
    // 10:00 at +02:00 is 08:00 UTC.
    const r = finishedAt(base, '2024-01-01T10:00:00+02:00', 'tz-000001');
    const aged = new Date(Date.UTC(2024, 0, 1, 8) + 30 * DAY);
    expect(expiredRecordIds([r], aged, 30)).toEqual([]);
    expect(expiredRecordIds([r], new Date(aged.getTime() + 1), 30)).toEqual([r.id]);
  });

  it('reads a bad period as one school year, never as "delete everything"', () => {
    const r = playedOn(0);
    for (const days of [0, -1, 1, 29, Number.NaN, 5000, 30.5]) {
      expect(expiredRecordIds([r], whenAged(r, 300), days)).toEqual([]);
      expect(expiredRecordIds([r], whenAged(r, 365, 1), days)).toEqual([r.id]);
    }
  });

  it('expires nothing when the time now is invalid', () => {
    const r = playedOn(-3000);
    expect(expiredRecordIds([r], new Date(Number.NaN), 30)).toEqual([]);
    expect(expiredRecordIds([r], 'now' as unknown as Date, 30)).toEqual([]);
  });

  it('property: removes exactly the results more than N days old, and a longer period removes fewer', () => {
    const records = Array.from({ length: 12 }, (_, i) => playedOn(-i * 120));
    fc.assert(
      fc.property(
        fc.integer({ min: SCHOOL_MORNING - 400 * DAY, max: SCHOOL_MORNING + 1500 * DAY }),
        fc.integer({ min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS }),
        fc.integer({ min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS }),
        (nowMs, a, b) => {
          const now = new Date(nowMs);
          const before = JSON.stringify(records);
          const expired = expiredRecordIds(records, now, a);
          expect(expired).toEqual(
            records.filter((r) => nowMs - finished(r) > a * DAY).map((r) => r.id),
          );
          const [shorter, longer] = a <= b ? [a, b] : [b, a];
          const removedByLonger = new Set(expiredRecordIds(records, now, longer));
          for (const id of removedByLonger) {
            expect(expiredRecordIds(records, now, shorter)).toContain(id);
          }
          expect(JSON.stringify(records)).toBe(before);
        },
      ),
      { numRuns: 300 },
    );
  });
});

for (const kind of ['indexeddb', 'memory'] as const) {
  describe(`applyRetention, on the ${kind} store`, () => {
    async function newStore(): Promise<ResultStore> {
      const store =
        kind === 'memory'
          ? new MemoryStore()
          : await openResultStore({ indexedDB: new IDBFactory() });
      open.push(store);
      return store;
    }

    /** A device at SCHOOL_MORNING: results from 0 to 1200 days old, one from tomorrow. */
    async function device() {
      const records = {
        today: playedOn(0, 'Ana'),
        month: playedOn(-29, 'Ben'),
        halfYear: playedOn(-180, 'Zoë'),
        year: playedOn(-364, '小明'),
        overYear: playedOn(-366, 'Sam', null),
        twoYears: playedOn(-730, 'Lee'),
        threeYears: playedOn(-1200, 'Mo', 'ABCD23'),
        tomorrow: playedOn(1, 'Kim'),
      };
      const store = await newStore();
      await store.putClass(CLASS);
      expect(await store.addRecords(Object.values(records))).toMatchObject({ ok: true, added: 8 });
      const ids = async () => (await store.records()).map((r) => r.id).sort();
      return { store, records, ids };
    }
    const NOW = new Date(SCHOOL_MORNING);
    const idsOf = (...records: StudentRecord[]) => records.map((r) => r.id).sort();

    it('removes only results older than one school year when nothing is set', async () => {
      const { store, records: r, ids } = await device();
      expect(await applyRetention(store, NOW)).toBe(3);
      expect(await ids()).toEqual(idsOf(r.today, r.month, r.halfYear, r.year, r.tomorrow));
      // Classes and settings are not results: they stay.
      expect(await store.classes()).toEqual([CLASS]);
      // Running it again removes nothing more.
      expect(await applyRetention(store, NOW)).toBe(0);
    });

    it('follows the period set on the device', async () => {
      const { store, records: r, ids } = await device();
      expect((await store.putSetting(RETENTION_SETTING, 30)).ok).toBe(true);
      expect(await applyRetention(store, NOW)).toBe(5);
      expect(await ids()).toEqual(idsOf(r.today, r.month, r.tomorrow));

      const other = await device();
      await other.store.putSetting(RETENTION_SETTING, 1095);
      expect(await applyRetention(other.store, NOW)).toBe(1);
      expect(await other.ids()).not.toContain(other.records.threeYears.id);
    });

    it('reads an invalid setting as one school year', async () => {
      for (const value of [5, 0, 5000, 200.5, '30', 'forever', true]) {
        const { store, records: r, ids } = await device();
        await store.putSetting(RETENTION_SETTING, value);
        expect(await applyRetention(store, NOW)).toBe(3);
        expect(await ids()).toEqual(idsOf(r.today, r.month, r.halfYear, r.year, r.tomorrow));
      }
    });

    it('keeps a result exactly at the boundary', async () => {
      const store = await newStore();
      const r = playedOn(0);
      await store.addRecords([r]);
      await store.putSetting(RETENTION_SETTING, 90);
      expect(await applyRetention(store, whenAged(r, 90))).toBe(0);
      expect(await applyRetention(store, whenAged(r, 90, 1))).toBe(1);
      expect(await store.records()).toEqual([]);
    });

    it('removes nothing from an empty device', async () => {
      expect(await applyRetention(await newStore(), NOW)).toBe(0);
    });
  });
}

describe('applyRetention when storage fails', () => {
  it('never rejects, answers 0 and removes nothing', async () => {
    class Unreadable extends MemoryStore {
      override async records(): Promise<never> {
        throw new DOMException('gone', 'InvalidStateError');
      }
    }
    class Undeletable extends MemoryStore {
      override async deleteRecords(): Promise<never> {
        throw new DOMException('gone', 'InvalidStateError');
      }
    }
    class NoSettings extends MemoryStore {
      override async getSetting(): Promise<never> {
        throw new DOMException('gone', 'InvalidStateError');
      }
    }
    const old = playedOn(-1000);
    for (const store of [new Unreadable(), new Undeletable(), new NoSettings()]) {
      await store.addRecords([old]);
      expect(await applyRetention(store, new Date(SCHOOL_MORNING))).toBe(0);
    }
    const undeletable = new Undeletable();
    await undeletable.addRecords([old]);
    await applyRetention(undeletable, new Date(SCHOOL_MORNING));
    expect(await undeletable.records()).toEqual([old]);
  });
});
