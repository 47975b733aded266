/**
 * Where results and classes live on a school device: IndexedDB through `idb`, with numbered
 * versions and a migration for each. When IndexedDB is missing or refuses (private windows,
 * locked-down profiles) the same interface runs in memory, says so (`persistent: false`) so
 * the UI can warn and offer an export, and play goes on.
 *
 * Nothing here throws at the caller for storage trouble: writes answer with an outcome.
 */
import { type DBSchema, type IDBPDatabase, openDB, unwrap } from 'idb';
import type { ClassInfo, StudentRecord } from '../teacher/records';
import type { LockOptions, LockParameters, SealedBox, UnlockedKey } from '../teacher/sealing';

/*
 * The records' schemas and the passphrase lock's crypto load when first needed, not with the
 * store: every start opens the store, and most need neither (a store's plain results are read
 * as they are; a new record is checked when it is written). The first screen then carries no
 * schema library. `prefetchStoreCode` fetches them once the first screen is up, so a result
 * written later never waits on the network, and never finds it gone.
 */
const recordSchemas = () => import('../teacher/records');
const sealing = () => import('../teacher/sealing');

/**
 * Fetches the code the store loads on first use: the records' schemas, and the lock's crypto
 * when this device has a passphrase. A failure is left for that first use to answer.
 */
export function prefetchStoreCode(store: ResultStore): void {
  void recordSchemas().catch(() => undefined);
  if (store.lockState() !== 'none' && store.lockState() !== 'unsupported') {
    void sealing().catch(() => undefined);
  }
}

export const DB_NAME = 'red-flags';
/** Bump with a new step in `upgrade` below; never edit a step that has shipped. */
export const DB_VERSION = 2;

/** Device settings kept beside the data (retention period, ...), by name. */
export type SettingValue = string | number | boolean;

/**
 * A result stored under the teacher's passphrase: only the id (to keep imports idempotent) and
 * the class code (to find a class's results) stay readable; the nickname and the result are
 * sealed. Students can add results without the passphrase; only the teacher can read them.
 */
interface SealedRecord {
  readonly id: string;
  readonly classCode: string | null;
  readonly sealed: SealedBox;
}

type StoredValue = StudentRecord | SealedRecord;

/** The settings entry that holds the lock's public parameters. */
const LOCK_SETTING = 'lock';

/** Where the passphrase lock stands on this device. */
export type LockState = 'none' | 'locked' | 'unlocked' | 'unsupported';

interface RedFlagsDb extends DBSchema {
  classes: { key: string; value: ClassInfo };
  results: {
    key: string;
    value: StoredValue;
    indexes: { byClass: string };
  };
  settings: { key: string; value: { name: string; value: SettingValue } };
}

export type WriteOutcome =
  | { ok: true; added: number; duplicates: number }
  | { ok: false; error: 'quota' | 'unavailable' | 'invalid' };

export interface ResultStore {
  /** False when results live only in memory and vanish with the tab. */
  readonly persistent: boolean;
  /** Adds records in one transaction: all or nothing. A record already stored is skipped. */
  addRecords(records: readonly StudentRecord[]): Promise<WriteOutcome>;
  /**
   * Adds several batches (one per imported file) as addRecords would one after the other, in
   * one transaction: one outcome per batch, in order. Every batch is checked first and is all or
   * nothing: a batch with an invalid record is refused ('invalid') and the others still go in.
   * A record already stored, or added by an earlier batch, counts as a duplicate. When the one
   * transaction fails (storage full), nothing of it stays and each batch is tried again in its
   * own transaction, so the batches that fit still go in.
   */
  addRecordBatches(batches: readonly (readonly StudentRecord[])[]): Promise<WriteOutcome[]>;
  records(classCode?: string | null): Promise<StudentRecord[]>;
  putClass(info: ClassInfo): Promise<WriteOutcome>;
  getClass(code: string): Promise<ClassInfo | undefined>;
  classes(): Promise<ClassInfo[]>;
  /** Removes these results (retention); unknown ids are ignored. */
  deleteRecords(ids: readonly string[]): Promise<void>;
  getSetting(name: string): Promise<SettingValue | undefined>;
  putSetting(name: string, value: SettingValue): Promise<WriteOutcome>;
  /** Removes every class, result and setting from this device. */
  deleteEverything(): Promise<void>;
  /**
   * The passphrase lock. 'locked': results are sealed and the teacher has not unlocked them in
   * this tab, so `records` returns only unsealed ones. 'unsupported': an in-memory store.
   */
  lockState(): LockState;
  /** False (and nothing changes) when the passphrase is wrong. */
  unlock(passphrase: string): Promise<boolean>;
  /** Sets a passphrase where there is none, sealing every stored result. */
  setPassphrase(passphrase: string, options?: LockOptions): Promise<WriteOutcome>;
  /** Changes it; 'invalid' (and nothing changes) when the current passphrase is wrong. */
  changePassphrase(current: string, next: string, options?: LockOptions): Promise<WriteOutcome>;
  /** Removes the lock once unlocked: every result is stored readable again. */
  removePassphrase(): Promise<WriteOutcome>;
  /** Forgets the key in this tab: the teacher screens ask for the passphrase again. */
  lock(): void;
  close(): void;
}

function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22)
  );
}

const INVALID: WriteOutcome = { ok: false, error: 'invalid' };
const writeFailed = (error: unknown): WriteOutcome => ({
  ok: false,
  error: isQuotaError(error) ? 'quota' : 'unavailable',
});
const UNAVAILABLE: WriteOutcome = { ok: false, error: 'unavailable' };

/**
 * A check of a batch of records against their schema, or undefined when the schema could not be
 * loaded (offline before the service worker kept it): the write then answers 'unavailable', as
 * for any storage trouble, instead of throwing at a debrief that is saving a result.
 */
async function batchCheck(): Promise<((records: readonly StudentRecord[]) => boolean) | undefined> {
  try {
    const { studentRecordSchema } = await recordSchemas();
    return (records) => records.every((r) => studentRecordSchema.safeParse(r).success);
  } catch {
    return undefined;
  }
}

/** What a class's settings get: INVALID, UNAVAILABLE (no schema, as above) or undefined (fine). */
async function classProblem(info: ClassInfo): Promise<WriteOutcome | undefined> {
  try {
    const { classInfoSchema } = await recordSchemas();
    return classInfoSchema.safeParse(info).success ? undefined : INVALID;
  } catch {
    return UNAVAILABLE;
  }
}

/** The schema changes, one step per version, run in order for any older database. */
function upgrade(db: IDBPDatabase<RedFlagsDb>, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('classes', { keyPath: 'code' });
    const results = db.createObjectStore('results', { keyPath: 'id' });
    results.createIndex('byClass', 'classCode');
  }
  if (oldVersion < 2) {
    // Version 2: device settings (the retention period) beside the data.
    db.createObjectStore('settings', { keyPath: 'name' });
  }
}

const isSealed = (value: StoredValue): value is SealedRecord => 'sealed' in value;

class IndexedDbStore implements ResultStore {
  readonly persistent = true;
  #lock: LockParameters | undefined;
  #key: UnlockedKey | undefined;

  constructor(
    private readonly db: IDBPDatabase<RedFlagsDb>,
    lock: LockParameters | undefined,
  ) {
    this.#lock = lock;
  }

  /** Reads the lock's parameters, if a passphrase was set on this device. */
  static async lockOf(db: IDBPDatabase<RedFlagsDb>): Promise<LockParameters | undefined> {
    const stored = (await db.get('settings', LOCK_SETTING))?.value;
    if (typeof stored !== 'string') return undefined;
    // Outside the try: a lock whose code cannot load must not read as "no lock" (results would
    // be stored unsealed). The failure reaches openResultStore, which goes on in memory.
    const { lockParametersSchema } = await sealing();
    try {
      return lockParametersSchema.parse(JSON.parse(stored));
    } catch {
      return undefined;
    }
  }

  /** Under a lock, seals each record before any transaction opens (crypto would end it). */
  async #prepare(batches: readonly (readonly StudentRecord[])[]): Promise<StoredValue[][]> {
    const lock = this.#lock;
    if (!lock) return batches.map((batch) => [...batch]);
    const { seal } = await sealing();
    return Promise.all(
      batches.map((batch) =>
        Promise.all(
          batch.map(
            async (record): Promise<SealedRecord> => ({
              id: record.id,
              classCode: record.classCode,
              sealed: await seal(lock.publicKey, {
                student: record.student,
                result: record.result,
              }),
            }),
          ),
        ),
      ),
    );
  }

  async #readable(values: readonly StoredValue[]): Promise<StudentRecord[]> {
    const out: StudentRecord[] = [];
    for (const value of values) {
      if (!isSealed(value)) {
        out.push(value);
        continue;
      }
      if (!this.#key) continue;
      try {
        const [{ open: openBox }, { studentRecordSchema }] = await Promise.all([
          sealing(),
          recordSchemas(),
        ]);
        const inner = (await openBox(this.#key, value.sealed)) as Record<string, unknown>;
        const parsed = studentRecordSchema.safeParse({
          id: value.id,
          classCode: value.classCode,
          ...inner,
        });
        if (parsed.success) out.push(parsed.data);
      } catch {
        // A box that does not open is left where it is, never shown as something else.
      }
    }
    return out;
  }

  lockState(): LockState {
    if (!this.#lock) return 'none';
    return this.#key ? 'unlocked' : 'locked';
  }

  async unlock(passphrase: string): Promise<boolean> {
    if (!this.#lock) return true;
    try {
      const { unlock } = await sealing();
      this.#key = await unlock(this.#lock, passphrase);
      return true;
    } catch {
      // A wrong passphrase and damaged parameters look alike to AES-GCM: either way, locked.
      return false;
    }
  }

  lock(): void {
    this.#key = undefined;
  }

  async changePassphrase(
    current: string,
    next: string,
    options?: LockOptions,
  ): Promise<WriteOutcome> {
    if (!this.#lock) return { ok: false, error: 'invalid' };
    // The same key pair, wrapped again: the sealed results stay as they are.
    const lock = this.#lock;
    const parameters = await sealing()
      .then(({ changePassphrase }) => changePassphrase(lock, current, next, options))
      .catch(() => undefined);
    if (!parameters) return { ok: false, error: 'invalid' };
    try {
      return await this.#saveLock(parameters);
    } catch (error) {
      return writeFailed(error);
    }
  }

  async setPassphrase(passphrase: string, options?: LockOptions): Promise<WriteOutcome> {
    if (this.#lock) return { ok: false, error: 'invalid' };
    try {
      const { createLock } = await sealing();
      const { parameters, key } = await createLock(passphrase, options);
      const plain = (await this.db.getAll('results')).filter(
        (v): v is StudentRecord => !isSealed(v),
      );
      this.#lock = parameters;
      const sealed = (await this.#prepare([plain]))[0] ?? [];
      // The lock and the sealed results are written together: never one without the other.
      const tx = this.db.transaction(['results', 'settings'], 'readwrite');
      const results = tx.objectStore('results');
      await Promise.all([
        ...sealed.map((value) => results.put(value)),
        tx.objectStore('settings').put({ name: LOCK_SETTING, value: JSON.stringify(parameters) }),
        tx.done,
      ]);
      this.#key = key;
      return { ok: true, added: sealed.length, duplicates: 0 };
    } catch (error) {
      // What the device holds now; if the lock's code cannot load, what this tab knew.
      this.#lock = await IndexedDbStore.lockOf(this.db).catch(() => this.#lock);
      return writeFailed(error);
    }
  }

  async #saveLock(parameters: LockParameters): Promise<WriteOutcome> {
    await this.db.put('settings', { name: LOCK_SETTING, value: JSON.stringify(parameters) });
    this.#lock = parameters;
    return { ok: true, added: 0, duplicates: 0 };
  }

  async removePassphrase(): Promise<WriteOutcome> {
    if (!this.#lock) return { ok: true, added: 0, duplicates: 0 };
    if (!this.#key) return { ok: false, error: 'invalid' };
    try {
      const plain = await this.#readable(await this.db.getAll('results'));
      const tx = this.db.transaction(['results', 'settings'], 'readwrite');
      const results = tx.objectStore('results');
      await Promise.all([
        ...plain.map((record) => results.put(record)),
        tx.objectStore('settings').delete(LOCK_SETTING),
        tx.done,
      ]);
      this.#lock = undefined;
      this.#key = undefined;
      return { ok: true, added: plain.length, duplicates: 0 };
    } catch (error) {
      return writeFailed(error);
    }
  }

  async addRecords(records: readonly StudentRecord[]): Promise<WriteOutcome> {
    const check = await batchCheck();
    if (!check) return UNAVAILABLE;
    if (!check(records)) return INVALID;
    try {
      const [counts] = await this.#write(await this.#prepare([records]));
      return counts ? { ok: true, ...counts } : { ok: false, error: 'unavailable' };
    } catch (error) {
      return writeFailed(error);
    }
  }

  async addRecordBatches(batches: readonly (readonly StudentRecord[])[]): Promise<WriteOutcome[]> {
    const check = await batchCheck();
    if (!check) return batches.map(() => UNAVAILABLE);
    const valid = batches.map(check);
    const writable = batches.filter((_, i) => valid[i]);
    let written: { added: number; duplicates: number }[] | undefined;
    try {
      if (writable.length > 0) written = await this.#write(await this.#prepare(writable));
    } catch {
      // Nothing of the one transaction stayed: each batch on its own, as addRecords would.
    }
    const outcomes: WriteOutcome[] = [];
    let next = 0;
    for (const [i, batch] of batches.entries()) {
      if (!valid[i]) {
        outcomes.push(INVALID);
        continue;
      }
      const counts = written?.[next++];
      outcomes.push(counts ? { ok: true, ...counts } : await this.addRecords(batch));
    }
    return outcomes;
  }

  /**
   * Writes valid batches in one transaction, in order, and counts per batch; throws, with the
   * transaction aborted, when any write fails. Every record is simply added, with no lookup and
   * no wait per record: an add whose id is already stored (before, or earlier in this
   * transaction) fails with a ConstraintError, which counts it as a duplicate and is kept from
   * aborting the transaction (as Dexie's bulkAdd does). The id is the store's only unique key,
   * so nothing else can raise that error. This stores exactly what a lookup, then an add, per
   * record would, with half the requests and none of the waits.
   */
  async #write(
    batches: readonly (readonly StoredValue[])[],
  ): Promise<{ added: number; duplicates: number }[]> {
    const tx = this.db.transaction('results', 'readwrite');
    const done = tx.done;
    // Awaited below; this only keeps a failure met before then from going unhandled.
    done.catch(() => undefined);
    try {
      const store = unwrap(tx.store);
      const counts = batches.map((batch) => {
        const count = { added: batch.length, duplicates: 0 };
        for (const record of batch) {
          const request = store.add(record);
          request.onerror = (event) => {
            if (request.error?.name !== 'ConstraintError') return;
            event.preventDefault();
            event.stopPropagation();
            count.added -= 1;
            count.duplicates += 1;
          };
        }
        return count;
      });
      await done;
      return counts;
    } catch (error) {
      // A write that throws at once (a record that cannot be cloned) leaves the transaction
      // open: abort it so that nothing added before it stays.
      try {
        tx.abort();
      } catch {
        // Already aborted or finished.
      }
      throw error;
    }
  }

  async records(classCode?: string | null): Promise<StudentRecord[]> {
    if (classCode === undefined) return this.#readable(await this.db.getAll('results'));
    if (classCode === null)
      return this.#readable((await this.db.getAll('results')).filter((r) => r.classCode === null));
    return this.#readable(await this.db.getAllFromIndex('results', 'byClass', classCode));
  }

  async putClass(info: ClassInfo): Promise<WriteOutcome> {
    const problem = await classProblem(info);
    if (problem) return problem;
    try {
      await this.db.put('classes', info);
      return { ok: true, added: 1, duplicates: 0 };
    } catch (error) {
      return { ok: false, error: isQuotaError(error) ? 'quota' : 'unavailable' };
    }
  }

  getClass(code: string): Promise<ClassInfo | undefined> {
    return this.db.get('classes', code);
  }

  classes(): Promise<ClassInfo[]> {
    return this.db.getAll('classes');
  }

  async deleteRecords(ids: readonly string[]): Promise<void> {
    const tx = this.db.transaction('results', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  async getSetting(name: string): Promise<SettingValue | undefined> {
    return (await this.db.get('settings', name))?.value;
  }

  async putSetting(name: string, value: SettingValue): Promise<WriteOutcome> {
    try {
      await this.db.put('settings', { name, value });
      return { ok: true, added: 1, duplicates: 0 };
    } catch (error) {
      return { ok: false, error: isQuotaError(error) ? 'quota' : 'unavailable' };
    }
  }

  async deleteEverything(): Promise<void> {
    const tx = this.db.transaction(['classes', 'results', 'settings'], 'readwrite');
    await Promise.all([
      tx.objectStore('classes').clear(),
      tx.objectStore('results').clear(),
      tx.objectStore('settings').clear(),
      tx.done,
    ]);
    this.#lock = undefined;
    this.#key = undefined;
  }

  close(): void {
    this.db.close();
  }
}

/** The fallback: the same behaviour, kept in memory for this tab only. */
export class MemoryStore implements ResultStore {
  readonly persistent = false;
  readonly #results = new Map<string, StudentRecord>();
  readonly #classes = new Map<string, ClassInfo>();
  readonly #settings = new Map<string, SettingValue>();

  async addRecords(records: readonly StudentRecord[]): Promise<WriteOutcome> {
    const check = await batchCheck();
    if (!check) return UNAVAILABLE;
    if (!check(records)) return INVALID;
    let copies: StudentRecord[];
    try {
      // Copied before anything is stored, so a record that cannot be copied stores nothing.
      copies = records.map((r) => structuredClone(r));
    } catch (error) {
      return writeFailed(error);
    }
    let added = 0;
    let duplicates = 0;
    for (const record of copies) {
      if (this.#results.has(record.id)) duplicates += 1;
      else {
        this.#results.set(record.id, record);
        added += 1;
      }
    }
    return { ok: true, added, duplicates };
  }

  async addRecordBatches(batches: readonly (readonly StudentRecord[])[]): Promise<WriteOutcome[]> {
    const check = await batchCheck();
    if (!check) return batches.map(() => UNAVAILABLE);
    const valid = batches.map(check);
    const outcomes: WriteOutcome[] = [];
    for (const [i, batch] of batches.entries()) {
      outcomes.push(valid[i] ? await this.addRecords(batch) : INVALID);
    }
    return outcomes;
  }

  async records(classCode?: string | null): Promise<StudentRecord[]> {
    const all = [...this.#results.values()].map((r) => structuredClone(r));
    return classCode === undefined ? all : all.filter((r) => r.classCode === classCode);
  }

  async putClass(info: ClassInfo): Promise<WriteOutcome> {
    const problem = await classProblem(info);
    if (problem) return problem;
    this.#classes.set(info.code, structuredClone(info));
    return { ok: true, added: 1, duplicates: 0 };
  }

  async getClass(code: string): Promise<ClassInfo | undefined> {
    const info = this.#classes.get(code);
    return info && structuredClone(info);
  }

  async classes(): Promise<ClassInfo[]> {
    return [...this.#classes.values()].map((c) => structuredClone(c));
  }

  async deleteRecords(ids: readonly string[]): Promise<void> {
    for (const id of ids) this.#results.delete(id);
  }

  async getSetting(name: string): Promise<SettingValue | undefined> {
    return this.#settings.get(name);
  }

  async putSetting(name: string, value: SettingValue): Promise<WriteOutcome> {
    this.#settings.set(name, value);
    return { ok: true, added: 1, duplicates: 0 };
  }

  async deleteEverything(): Promise<void> {
    this.#results.clear();
    this.#classes.clear();
    this.#settings.clear();
  }

  /** Results kept only in this tab's memory are gone when it closes: there is nothing to lock. */
  lockState(): LockState {
    return 'unsupported';
  }

  async unlock(_passphrase: string): Promise<boolean> {
    return true;
  }

  async setPassphrase(_passphrase: string, _options?: LockOptions): Promise<WriteOutcome> {
    return { ok: false, error: 'unavailable' };
  }

  async changePassphrase(
    _current: string,
    _next: string,
    _options?: LockOptions,
  ): Promise<WriteOutcome> {
    return { ok: false, error: 'unavailable' };
  }

  async removePassphrase(): Promise<WriteOutcome> {
    return { ok: true, added: 0, duplicates: 0 };
  }

  lock(): void {}

  close(): void {}
}

export interface OpenOptions {
  readonly indexedDB?: IDBFactory;
  /** Another tab needs a newer version: this tab closes its connection and says why. */
  readonly onVersionChange?: () => void;
  /**
   * This tab needs a newer version, and another tab keeps the older one open. Such a tab gets
   * `blockedMs` to let go (this version's tabs do at once, see onVersionChange); after that the
   * game goes on with the in-memory store rather than wait for ever, and the database is
   * upgraded when that tab closes.
   */
  readonly onBlocked?: () => void;
  readonly blockedMs?: number;
}

/** How long an upgrade waits for another tab to close its older connection. */
const BLOCKED_MS = 3000;

/**
 * Opens the device's store, or the in-memory one when IndexedDB cannot be used. Finished
 * results that an older version kept in localStorage are moved in on the way (see migrate).
 */
export async function openResultStore(options: OpenOptions = {}): Promise<ResultStore> {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) return new MemoryStore();
  try {
    // idb reads the global factory; a test passes its own (fake-indexeddb).
    if (options.indexedDB) (globalThis as { indexedDB?: IDBFactory }).indexedDB = options.indexedDB;
    let giveUp: () => void = () => undefined;
    const waited = new Promise<undefined>((resolve) => {
      giveUp = () => resolve(undefined);
    });
    const opening = openDB<RedFlagsDb>(DB_NAME, DB_VERSION, {
      upgrade: (database, oldVersion) => upgrade(database, oldVersion),
      blocked: () => {
        options.onBlocked?.();
        setTimeout(giveUp, options.blockedMs ?? BLOCKED_MS);
      },
      blocking: () => {
        void opening.then((db) => db.close());
        options.onVersionChange?.();
      },
    });
    const db = await Promise.race([opening, waited]);
    if (!db) {
      // The upgrade still happens once the other tab lets go; this tab has moved on.
      opening.then((late) => late.close()).catch(() => undefined);
      return new MemoryStore();
    }
    return new IndexedDbStore(db, await IndexedDbStore.lockOf(db));
  } catch {
    return new MemoryStore();
  }
}
