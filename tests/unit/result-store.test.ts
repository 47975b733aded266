/**
 * The result store on IndexedDB (fake-indexeddb in Node) and its in-memory fallback: imports
 * are idempotent and atomic, classes keep their settings, and results an older version kept
 * in localStorage move in without loss.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createResult, ScenarioRunner } from '../../src/engine/index';
import { migrateLegacyResults } from '../../src/storage/legacy-results';
import { MemoryStore, openResultStore, type ResultStore } from '../../src/storage/result-store';
import type { ClassInfo, StudentRecord } from '../../src/teacher/records';
import { miniScenario } from '../fixtures/mini-scenario';

let seq = 0;
function record(student: string, classCode: string | null = 'K7MPQ2'): StudentRecord {
  seq += 1;
  const runner = new ScenarioRunner(miniScenario, { now: () => 1_700_000_000_000 });
  runner.start();
  runner.choose('ignore');
  const result = createResult(runner, {
    id: `result-${String(seq).padStart(4, '0')}`,
    locale: 'en',
  });
  return { id: result.id, classCode, student, result };
}

const CLASS: ClassInfo = {
  code: 'K7MPQ2',
  name: '8B, period 3',
  gradeBand: '7-8',
  scenarios: ['toronto-police-call'],
  showSextortion: false,
  pressureTimer: false,
  firstForm: 'A',
  createdAt: '2026-09-08T13:00:00.000Z',
};

/** A localStorage stand-in for Node. */
class MapStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

for (const kind of ['indexeddb', 'memory'] as const) {
  describe(`the ${kind} store`, () => {
    let store: ResultStore;
    beforeEach(async () => {
      store =
        kind === 'memory'
          ? new MemoryStore()
          : await openResultStore({ indexedDB: new IDBFactory() });
    });
    afterEach(() => store.close());

    it(`is ${kind === 'memory' ? 'not ' : ''}persistent`, () => {
      expect(store.persistent).toBe(kind === 'indexeddb');
    });

    it('stores records once, however often they are added', async () => {
      const a = record('Sam');
      const b = record('Ana');
      expect(await store.addRecords([a, b])).toEqual({ ok: true, added: 2, duplicates: 0 });
      expect(await store.addRecords([a, b, record('Lee')])).toEqual({
        ok: true,
        added: 1,
        duplicates: 2,
      });
      expect((await store.records()).map((r) => r.student).sort()).toEqual(['Ana', 'Lee', 'Sam']);
    });

    it('adds nothing from a batch that holds one invalid record', async () => {
      const bad = { ...record('Sam'), student: 'x'.repeat(200) };
      expect(await store.addRecords([record('Ana'), bad])).toEqual({ ok: false, error: 'invalid' });
      expect(await store.records()).toEqual([]);
    });

    it('finds records by class, and those played without one', async () => {
      await store.addRecords([record('Sam'), record('Ana', 'ABCDEF'), record('', null)]);
      expect((await store.records('K7MPQ2')).map((r) => r.student)).toEqual(['Sam']);
      expect((await store.records(null)).map((r) => r.classCode)).toEqual([null]);
    });

    it('adds batches in one go, each counted as addRecords would count it, in order', async () => {
      const [a, b, c, d] = [record('Sam'), record('Ana'), record('Lee'), record('Kim')];
      expect(await store.addRecordBatches([])).toEqual([]);
      await store.addRecords([a as StudentRecord]);
      expect(
        await store.addRecordBatches([
          [a, b] as StudentRecord[],
          // b came in with the batch before: the same result in two files counts once.
          [b, c] as StudentRecord[],
          [],
          [d, d] as StudentRecord[],
        ]),
      ).toEqual([
        { ok: true, added: 1, duplicates: 1 },
        { ok: true, added: 1, duplicates: 1 },
        { ok: true, added: 0, duplicates: 0 },
        { ok: true, added: 1, duplicates: 1 },
      ]);
      expect((await store.records()).map((r) => r.student).sort()).toEqual([
        'Ana',
        'Kim',
        'Lee',
        'Sam',
      ]);
    });

    it('refuses a batch with an invalid record, whole, and still adds the others', async () => {
      const [a, b, c] = [record('Sam'), record('Ana'), record('Lee')];
      const bad = { ...record('Kim'), student: 'x'.repeat(200) };
      expect(
        await store.addRecordBatches([
          [a] as StudentRecord[],
          [b as StudentRecord, bad],
          [c] as StudentRecord[],
        ]),
      ).toEqual([
        { ok: true, added: 1, duplicates: 0 },
        { ok: false, error: 'invalid' },
        { ok: true, added: 1, duplicates: 0 },
      ]);
      expect((await store.records()).map((r) => r.student).sort()).toEqual(['Lee', 'Sam']);
    });

    it('keeps nothing of a batch whose write fails, and still adds the batches that fit', async () => {
      const [a, b, c] = [record('Sam'), record('Ana'), record('Lee')];
      // Valid to the schema, but it cannot be copied into storage: its write fails.
      const uncloneable = new Proxy(record('Kim'), {});
      expect(await store.addRecords([b as StudentRecord, uncloneable])).toEqual({
        ok: false,
        error: 'unavailable',
      });
      expect(await store.records()).toEqual([]);
      expect(
        await store.addRecordBatches([
          [a] as StudentRecord[],
          [b as StudentRecord, uncloneable],
          [c] as StudentRecord[],
        ]),
      ).toEqual([
        { ok: true, added: 1, duplicates: 0 },
        { ok: false, error: 'unavailable' },
        { ok: true, added: 1, duplicates: 0 },
      ]);
      expect((await store.records()).map((r) => r.student).sort()).toEqual(['Lee', 'Sam']);
    });

    it('keeps classes with their settings, and forgets everything on request', async () => {
      expect(await store.putClass(CLASS)).toMatchObject({ ok: true });
      expect(await store.getClass('K7MPQ2')).toEqual(CLASS);
      expect(await store.putClass({ ...CLASS, code: 'nope' })).toEqual({
        ok: false,
        error: 'invalid',
      });
      await store.addRecords([record('Sam')]);
      await store.deleteEverything();
      expect(await store.classes()).toEqual([]);
      expect(await store.records()).toEqual([]);
    });
  });
}

describe('results kept in localStorage by version 0.1', () => {
  const original = (globalThis as { localStorage?: unknown }).localStorage;
  afterEach(() => {
    (globalThis as { localStorage?: unknown }).localStorage = original;
  });

  it('move into the store, and the old copy goes only once they are in', async () => {
    const storage = new MapStorage();
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    const old = [record('', null).result, record('', null).result];
    storage.setItem('redflags.results.v1', JSON.stringify(old));
    const store = await openResultStore({ indexedDB: new IDBFactory() });
    expect(await migrateLegacyResults(store)).toBe(2);
    expect((await store.records(null)).map((r) => r.id).sort()).toEqual(
      old.map((r) => r.id).sort(),
    );
    expect(storage.getItem('redflags.results.v1')).toBeNull();
    // Running it again changes nothing.
    expect(await migrateLegacyResults(store)).toBe(0);
    store.close();
  });

  it('stay in localStorage when the store is only in memory, and damaged entries are kept', async () => {
    const storage = new MapStorage();
    (globalThis as { localStorage?: unknown }).localStorage = storage;
    storage.setItem('redflags.results.v1', JSON.stringify([record('', null).result]));
    expect(await migrateLegacyResults(new MemoryStore())).toBe(0);
    expect(storage.getItem('redflags.results.v1')).not.toBeNull();

    storage.setItem(
      'redflags.results.v1',
      JSON.stringify([record('', null).result, { damaged: true }]),
    );
    const store = await openResultStore({ indexedDB: new IDBFactory() });
    expect(await migrateLegacyResults(store)).toBe(1);
    expect(storage.getItem('redflags.results.v1')).not.toBeNull();
    store.close();
  });
});

describe('database versions', () => {
  it('upgrades a version 1 database to version 2 and keeps every result', async () => {
    const factory = new IDBFactory();
    // A version 1 database, as the first release left it.
    await new Promise<void>((resolve, reject) => {
      const request = factory.open('red-flags', 1);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('classes', { keyPath: 'code' });
        const results = db.createObjectStore('results', { keyPath: 'id' });
        results.createIndex('byClass', 'classCode');
        results.add(record('Sam'));
      };
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const store = await openResultStore({ indexedDB: factory });
    expect(store.persistent).toBe(true);
    expect((await store.records()).map((r) => r.student)).toEqual(['Sam']);
    expect(await store.putSetting('retention-days', 200)).toMatchObject({ ok: true });
    expect(await store.getSetting('retention-days')).toBe(200);
    await store.deleteRecords([(await store.records())[0]?.id ?? '']);
    expect(await store.records()).toEqual([]);
    store.close();
  });
});

describe('the passphrase lock', () => {
  const FAST = { iterationsForTests: 1000 };

  it('seals stored results, lets students add more without it, and shows them only once unlocked', async () => {
    const factory = new IDBFactory();
    const store = await openResultStore({ indexedDB: factory });
    await store.addRecords([record('Sam')]);
    expect(store.lockState()).toBe('none');
    expect(await store.setPassphrase('correct horse battery', FAST)).toMatchObject({
      ok: true,
      added: 1,
    });
    expect(store.lockState()).toBe('unlocked');
    store.close();

    // Another session on the same device: locked until the passphrase is given.
    const later = await openResultStore({ indexedDB: factory });
    expect(later.lockState()).toBe('locked');
    expect(await later.records()).toEqual([]);
    // A student adds a result without the passphrase.
    expect(await later.addRecords([record('Ana')])).toMatchObject({ ok: true, added: 1 });
    // Nothing readable is at rest: no nickname, no result in the raw database.
    const raw = await new Promise<unknown[]>((resolve) => {
      const open = factory.open('red-flags');
      open.onsuccess = () => {
        const request = open.result.transaction('results').objectStore('results').getAll();
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
      };
    });
    expect(JSON.stringify(raw)).not.toMatch(/Sam|Ana|scenarioId|choices/);
    expect(await later.unlock('wrong horse')).toBe(false);
    expect(later.lockState()).toBe('locked');
    expect(await later.unlock('correct horse battery')).toBe(true);
    expect((await later.records()).map((r) => r.student).sort()).toEqual(['Ana', 'Sam']);
    expect((await later.records('K7MPQ2')).length).toBe(2);
    later.lock();
    expect(await later.records()).toEqual([]);
    later.close();
  });

  it('changes the passphrase only with the current one, and removes the lock once unlocked', async () => {
    const factory = new IDBFactory();
    const store = await openResultStore({ indexedDB: factory });
    await store.addRecords([record('Sam')]);
    await store.setPassphrase('first passphrase', FAST);
    expect(await store.setPassphrase('another', FAST)).toEqual({ ok: false, error: 'invalid' });
    expect(await store.changePassphrase('not it', 'second passphrase', FAST)).toEqual({
      ok: false,
      error: 'invalid',
    });
    expect(
      await store.changePassphrase('first passphrase', 'second passphrase', FAST),
    ).toMatchObject({ ok: true });
    store.close();
    const again = await openResultStore({ indexedDB: factory });
    expect(await again.unlock('first passphrase')).toBe(false);
    expect(await again.unlock('second passphrase')).toBe(true);
    expect(await again.removePassphrase()).toMatchObject({ ok: true, added: 1 });
    expect(again.lockState()).toBe('none');
    again.close();
    const plain = await openResultStore({ indexedDB: factory });
    expect((await plain.records()).map((r) => r.student)).toEqual(['Sam']);
    plain.close();
  });

  it('is not offered by the in-memory store', async () => {
    const memory = new MemoryStore();
    expect(memory.lockState()).toBe('unsupported');
    expect(await memory.setPassphrase('x', FAST)).toEqual({ ok: false, error: 'unavailable' });
  });
});

describe('removeAllKeys', () => {
  it("removes the app's own localStorage keys and leaves other sites' keys alone", async () => {
    const { removeAllKeys } = await import('../../src/storage/local-store');
    const storage = new MapStorage();
    const original = (globalThis as { localStorage?: unknown }).localStorage;
    (globalThis as { localStorage?: unknown }).localStorage = new Proxy(storage, {
      ownKeys: () => [...storage.map.keys()],
      getOwnPropertyDescriptor: (_, key) =>
        storage.map.has(String(key))
          ? { enumerable: true, configurable: true, value: storage.map.get(String(key)) }
          : undefined,
    });
    try {
      storage.setItem('redflags.pref.language', 'fr');
      storage.setItem('redflags.progress.no-class..toronto-police-call', '{}');
      storage.setItem('other-app', 'keep me');
      removeAllKeys();
      expect([...storage.map.keys()]).toEqual(['other-app']);
    } finally {
      (globalThis as { localStorage?: unknown }).localStorage = original;
    }
  });
});
