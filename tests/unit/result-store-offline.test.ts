/**
 * The result store loads the records' schemas and the lock's crypto on first use
 * (src/storage/result-store.ts). Here both modules fail to load, as a chunk would offline before
 * the service worker kept it: every write still answers with an outcome (a throw would stop the
 * debrief that is saving a result), nothing is stored, and a device with a passphrase lock is
 * never read as unlocked.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createResult, ScenarioRunner } from '../../src/engine/index';
import {
  DB_NAME,
  MemoryStore,
  openResultStore,
  type ResultStore,
} from '../../src/storage/result-store';
import type { ClassInfo, StudentRecord } from '../../src/teacher/records';
import { miniScenario } from '../fixtures/mini-scenario';

vi.mock('../../src/teacher/records', () => {
  throw new Error('records chunk: failed to fetch');
});
vi.mock('../../src/teacher/sealing', () => {
  throw new Error('sealing chunk: failed to fetch');
});

function record(): StudentRecord {
  const runner = new ScenarioRunner(miniScenario, { now: () => 1_700_000_000_000 });
  runner.start();
  runner.choose('ignore');
  const result = createResult(runner, { id: 'result-offline-0001', locale: 'en' });
  return { id: result.id, classCode: null, student: '', result };
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

const UNAVAILABLE = { ok: false, error: 'unavailable' };

describe('the result store, when its schemas cannot load', () => {
  for (const kind of ['indexeddb', 'memory'] as const) {
    it(`answers 'unavailable' and stores nothing (${kind})`, async () => {
      const store: ResultStore =
        kind === 'memory'
          ? new MemoryStore()
          : await openResultStore({ indexedDB: new IDBFactory() });
      expect(store.persistent).toBe(kind === 'indexeddb');
      await expect(store.addRecords([record()])).resolves.toEqual(UNAVAILABLE);
      await expect(store.addRecordBatches([[record()], [record()]])).resolves.toEqual([
        UNAVAILABLE,
        UNAVAILABLE,
      ]);
      await expect(store.putClass(CLASS)).resolves.toEqual(UNAVAILABLE);
      expect(await store.records()).toEqual([]);
      expect(await store.classes()).toEqual([]);
      store.close();
    });
  }

  it('never takes a locked device for an unlocked one: it goes on in memory instead', async () => {
    const factory = new IDBFactory();
    // A device where a passphrase was set: the lock's parameters are in the settings.
    (await openResultStore({ indexedDB: factory })).close();
    await new Promise<void>((resolve, reject) => {
      const open = factory.open(DB_NAME);
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ name: 'lock', value: '{"version":1}' });
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const store = await openResultStore({ indexedDB: factory });
    expect(store.persistent).toBe(false);
    expect(store.lockState()).toBe('unsupported');
  });
});
