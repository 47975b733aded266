/**
 * Backups of a class or of the whole device: made from the store, written to a file, read back
 * whatever the file has been through, and restored on the IndexedDB store (fake-indexeddb in
 * Node) and on the in-memory one. The records are made by really playing the real scenarios
 * and the real spot check.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type Scenario, ScenarioRunner } from '../../src/engine/index';
import { MemoryStore, openResultStore, type ResultStore } from '../../src/storage/result-store';
import {
  BACKUP_ERRORS,
  BACKUP_FORMAT,
  type Backup,
  backupFileName,
  backupSchema,
  createBackup,
  DEFAULT_MAX_BACKUP_BYTES,
  type DecodeBackupResult,
  decodeBackup,
  encodeBackup,
  exportClass,
  exportDevice,
  restoreBackup,
} from '../../src/teacher/backup';
import { CLASS_CODE_ALPHABET } from '../../src/teacher/class-code';
import { crc32HexOfText } from '../../src/teacher/crc32';
import { type ClassInfo, GRADE_BANDS, type StudentRecord } from '../../src/teacher/records';
import { createPayload, encodeFile } from '../../src/teacher/transfer';
import { DAY, playResult, realScenario, record, takeSpotCheck } from '../fixtures/class-records';
import { SCHOOL_MORNING } from '../fixtures/clock';
import { bytes, mutate, mutationArb, PNG_HEADER } from '../fixtures/damage';

/* ---------------------------------------------------------------------------------------- */
/* Fixtures                                                                                 */

const SCENARIOS: readonly Scenario[] = [
  'toronto-police-call',
  'genuine-school-office-call',
  'virtual-kidnapping-student',
  'sextortion-threat',
].map(realScenario);

/**
 * The choices of one play from start to ending: at each decision, the open choice that `picks`
 * points at (the picks wrap around), so any list of numbers is a real walk through the story.
 */
function walk(scenario: Scenario, picks: readonly number[]): string[] {
  const runner = new ScenarioRunner(scenario, { now: () => SCHOOL_MORNING });
  runner.start();
  const choices: string[] = [];
  while (runner.state === 'waiting-for-choice') {
    const open = runner.availableChoices();
    const step = choices.length;
    const choice = open[((picks[step % Math.max(1, picks.length)] ?? 0) + step) % open.length];
    if (!choice || step > 200) throw new Error(`no way through ${scenario.id}`);
    runner.choose(choice.id);
    choices.push(choice.id);
  }
  return choices;
}

/** What a play needs: enough to make a real record, deterministically. */
interface Play {
  readonly id: string;
  readonly kind: 'scenario' | 'spot-check';
  readonly scenario: number;
  readonly picks: readonly number[];
  readonly day: number;
  readonly stepMs: number;
  readonly locale: string;
  readonly form: 'A' | 'B';
  readonly phase: 'before' | 'after';
  readonly answers: readonly boolean[];
  readonly student: string;
}

function played(play: Play, classCode: string | null): StudentRecord {
  const start = SCHOOL_MORNING + play.day * DAY;
  if (play.kind === 'scenario') {
    const scenario = SCENARIOS[play.scenario % SCENARIOS.length] as Scenario;
    const result = playResult(scenario, walk(scenario, play.picks), {
      id: `play-${play.id}`,
      start,
      stepMs: play.stepMs,
      locale: play.locale,
    });
    return record(play.student, result, classCode);
  }
  const result = takeSpotCheck(
    play.form,
    play.phase,
    // Right where `answers` says true, wrong elsewhere.
    (item, i) =>
      play.answers[i % play.answers.length]
        ? item.answer
        : item.answer === 'scam'
          ? 'genuine'
          : 'scam',
    { id: `spot-${play.id}`, start, locale: play.locale },
  );
  return record(play.student, result, classCode);
}

const STUDENTS = ['Ana', 'Ben', 'Zoë', '小明', "Sam O'Neil", '12', '', '\u{20BB7}'.repeat(24)];

let serial = 0;
/** A fixed play, numbered so every record is new. */
function fixedPlay(student: string, overrides: Partial<Play> = {}): Play {
  serial += 1;
  return {
    id: `fixed-${String(serial).padStart(4, '0')}`,
    kind: serial % 3 === 0 ? 'spot-check' : 'scenario',
    scenario: serial,
    picks: [serial, 2 * serial, 1],
    day: serial % 40,
    stepMs: 8_000,
    locale: 'en',
    form: serial % 2 === 0 ? 'A' : 'B',
    phase: 'before',
    answers: [true, false, true],
    student,
    ...overrides,
  };
}

const recordOf = (student: string, classCode: string | null, overrides?: Partial<Play>) =>
  played(fixedPlay(student, overrides), classCode);

const CLASS_8B: ClassInfo = {
  code: 'KQ7RMX',
  name: '8B, period 3',
  gradeBand: '7-8',
  scenarios: ['toronto-police-call', 'genuine-school-office-call'],
  showSextortion: false,
  pressureTimer: true,
  firstForm: 'A',
  createdAt: '2025-01-06T08:30:00.000Z',
};

const CLASS_10A: ClassInfo = {
  code: 'ABCD23',
  name: '10A — Mme Dubois',
  gradeBand: '9-10',
  scenarios: ['sextortion-threat', 'virtual-kidnapping-student'],
  showSextortion: true,
  pressureTimer: false,
  firstForm: 'B',
  createdAt: '2025-01-07T12:00:00.000Z',
};

/** A class that lives on the teacher's laptop, not on this (shared) device. */
const ELSEWHERE = 'XYZ789';

const NOW = new Date('2025-03-14T12:00:00.000Z');

/** A device as a teacher leaves it: two classes, their results, a play without a class. */
function deviceRecords() {
  return {
    class8b: [
      recordOf('Ana', CLASS_8B.code),
      recordOf('Ben', CLASS_8B.code),
      recordOf('Zoë', CLASS_8B.code),
    ],
    class10a: [recordOf('小明', CLASS_10A.code), recordOf('12', CLASS_10A.code)],
    noClass: [recordOf('', null)],
    elsewhere: [recordOf('Sam', ELSEWHERE)],
  };
}

type Kind = 'indexeddb' | 'memory';
const KINDS: readonly Kind[] = ['indexeddb', 'memory'];

const open: ResultStore[] = [];
async function newStore(kind: Kind): Promise<ResultStore> {
  const store =
    kind === 'memory' ? new MemoryStore() : await openResultStore({ indexedDB: new IDBFactory() });
  open.push(store);
  return store;
}
afterEach(() => {
  for (const store of open.splice(0)) store.close();
  // No test may leave anything on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
});

const byId = (a: StudentRecord, b: StudentRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byCode = (a: ClassInfo, b: ClassInfo) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const sortedRecords = (records: readonly StudentRecord[]) => [...records].sort(byId);
const sortedClasses = (classes: readonly ClassInfo[]) => [...classes].sort(byCode);

/** Everything a store holds, as text, so "nothing changed" means byte for byte. */
async function contents(store: ResultStore): Promise<string> {
  return JSON.stringify({
    classes: sortedClasses(await store.classes()),
    records: sortedRecords(await store.records()),
    retention: (await store.getSetting('retention-days')) ?? null,
  });
}

async function filled(kind: Kind, records = deviceRecords()) {
  const store = await newStore(kind);
  await store.putClass(CLASS_8B);
  await store.putClass(CLASS_10A);
  const all = Object.values(records).flat();
  expect(await store.addRecords(all)).toEqual({ ok: true, added: all.length, duplicates: 0 });
  return store;
}

/** A backup file written by hand: any object, with the checksum a real file would carry. */
function handFile(body: Record<string, unknown>): string {
  return JSON.stringify({ ...body, checksum: crc32HexOfText(JSON.stringify(body)) }, null, 2);
}

/** A backup as plain JSON data, to damage by hand. */
function plain(backup: Backup): Record<string, unknown> {
  return JSON.parse(JSON.stringify(backup)) as Record<string, unknown>;
}

async function errorOf(input: string | Uint8Array, options?: { maxBytes?: number }) {
  const decoded = await decodeBackup(input, options);
  return decoded.ok ? 'ok' : decoded.error;
}

async function decoded(input: string | Uint8Array): Promise<Backup> {
  const result = await decodeBackup(input);
  if (!result.ok) throw new Error(`expected a backup, got ${result.error}`);
  return result.backup;
}

function classBackup(records = deviceRecords().class8b): Backup {
  return createBackup({ classes: [CLASS_8B], records, now: NOW });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/* ---------------------------------------------------------------------------------------- */
/* Making a backup                                                                          */

describe('createBackup', () => {
  it('holds the classes and records, sorted, in the backup format', () => {
    const records = deviceRecords().class8b;
    const backup = createBackup({ classes: [CLASS_8B], records: [...records].reverse(), now: NOW });
    expect(backup).toStrictEqual({
      format: BACKUP_FORMAT,
      schemaVersion: 1,
      scope: 'class',
      createdAt: NOW.toISOString(),
      classes: [CLASS_8B],
      records: sortedRecords(records),
    });
    expect(backupSchema.safeParse(backup).success).toBe(true);
    // The same data makes the same file, whatever order the store gave it in.
    expect(encodeBackup(createBackup({ classes: [CLASS_8B], records, now: NOW }))).toBe(
      encodeBackup(backup),
    );
  });

  it('is a device backup for several classes, records without a class or on request', () => {
    const { class8b, noClass } = deviceRecords();
    expect(createBackup({ classes: [CLASS_10A, CLASS_8B], records: [], now: NOW }).scope).toBe(
      'device',
    );
    expect(
      createBackup({ classes: [CLASS_8B], records: [...class8b, ...noClass], now: NOW }).scope,
    ).toBe('device');
    expect(createBackup({ classes: [], records: noClass, now: NOW }).scope).toBe('device');
    expect(
      createBackup({ classes: [CLASS_8B], records: class8b, now: NOW, scope: 'device' }).scope,
    ).toBe('device');
  });

  it('throws on what cannot be a backup: a bug in the caller', () => {
    const { class8b, class10a, noClass } = deviceRecords();
    const make = (input: Partial<Parameters<typeof createBackup>[0]>) => () =>
      createBackup({ classes: [CLASS_8B], records: class8b, now: NOW, scope: 'class', ...input });
    expect(make({ records: [...class8b, ...class10a] })).toThrow();
    expect(make({ records: noClass })).toThrow();
    expect(make({ classes: [CLASS_8B, CLASS_10A] })).toThrow();
    expect(make({ classes: [] })).toThrow();
    expect(make({ records: [...class8b, class8b[0] as StudentRecord] })).toThrow();
    expect(make({ classes: [CLASS_8B, CLASS_8B], scope: 'device' })).toThrow();
    expect(make({ now: new Date(Number.NaN) })).toThrow(RangeError);
    expect(make({ classes: [{ ...CLASS_8B, name: '' }] })).toThrow();
  });
});

describe('encodeBackup and backupFileName', () => {
  it('writes pretty JSON with the CRC-32 of the compact backup, as a results file does', () => {
    const backup = classBackup();
    const text = encodeBackup(backup);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe(`  "format": "${BACKUP_FORMAT}",`);
    const { checksum, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(checksum).toBe(crc32HexOfText(JSON.stringify(backup)));
    expect(rest).toStrictEqual(backup);
  });

  it('names the file after the class, or all-classes, and the local date', () => {
    const local = new Date(NOW);
    const date = [
      String(local.getFullYear()).padStart(4, '0'),
      String(local.getMonth() + 1).padStart(2, '0'),
      String(local.getDate()).padStart(2, '0'),
    ].join('-');
    expect(backupFileName(classBackup())).toBe(`red-flags-backup-KQ7RMX-${date}.json`);
    const device = createBackup({ classes: [CLASS_8B], records: [], now: NOW, scope: 'device' });
    expect(backupFileName(device)).toBe(`red-flags-backup-all-classes-${date}.json`);
    expect(backupFileName(createBackup({ classes: [], records: [], now: NOW }))).toBe(
      `red-flags-backup-all-classes-${date}.json`,
    );
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Reading a backup                                                                          */

describe('decodeBackup', () => {
  it('reads back exactly what was written, from text or bytes, with or without a BOM', async () => {
    const backup = classBackup();
    const text = encodeBackup(backup);
    expect(await decodeBackup(text)).toStrictEqual({ ok: true, backup });
    expect(await decodeBackup(new TextEncoder().encode(text))).toStrictEqual({ ok: true, backup });
    expect(await decoded(`\ufeff${text}`)).toStrictEqual(backup);
    expect(await decoded(new TextEncoder().encode(`\ufeff${text}`))).toStrictEqual(backup);
    // Compact JSON, or CRLF line ends, are the same file.
    expect(await decoded(JSON.stringify(JSON.parse(text)))).toStrictEqual(backup);
    expect(await decoded(text.replaceAll('\n', '\r\n'))).toStrictEqual(backup);
    // The checksum may be written in capitals.
    const upper = text.replace(/"checksum": "([0-9a-f]{8})"/, (_, hex: string) => {
      return `"checksum": "${hex.toUpperCase()}"`;
    });
    expect(await decoded(upper)).toStrictEqual(backup);
  });

  it('gives fresh objects and never changes its input', async () => {
    const backup = classBackup();
    const input = new TextEncoder().encode(encodeBackup(backup));
    const before = input.slice();
    const first = await decoded(input);
    const second = await decoded(input);
    expect(input).toEqual(before);
    expect(first).not.toBe(second);
    expect(first.records[0]).not.toBe(second.records[0]);
    (first.records[0] as StudentRecord).student = 'changed';
    expect((second.records[0] as StudentRecord).student).not.toBe('changed');
    // A view into a larger buffer reads only its own bytes.
    const padded = new Uint8Array(input.length + 20).fill(0x20);
    padded.set(input, 10);
    expect(await decoded(padded.subarray(10, 10 + input.length))).toStrictEqual(backup);
  });

  it('empty: nothing, or only white space', async () => {
    for (const input of ['', '   ', '\n\r\n\t', '\ufeff'])
      expect(await errorOf(input)).toBe('empty');
    expect(await errorOf(new Uint8Array(0))).toBe('empty');
    expect(await errorOf(bytes(0xef, 0xbb, 0xbf, 0x20, 0x0a))).toBe('empty');
    expect(await errorOf(null as unknown as string)).toBe('empty');
    expect(await errorOf(undefined as unknown as string)).toBe('empty');
  });

  it('not-json: a truncated file, or text that is not JSON', async () => {
    const text = encodeBackup(classBackup());
    for (const cut of [1, 10, Math.floor(text.length / 2), text.length - 3]) {
      expect(await errorOf(text.slice(0, cut))).toBe('not-json');
    }
    expect(await errorOf('Dear teacher, here are my results')).toBe('not-json');
    expect(await errorOf("{format: 'red-flags/backup'}")).toBe('not-json');
  });

  it('not-text: an image, a PDF, a zip, invalid UTF-8, NUL bytes, and PNG bytes read as text', async () => {
    expect(await errorOf(PNG_HEADER)).toBe('not-text');
    expect(await errorOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF'))).toBe('not-text');
    expect(await errorOf(bytes('%PDF-1.7\n'))).toBe('not-text');
    expect(await errorOf(bytes('PK', 3, 4, 20, 0))).toBe('not-text');
    expect(await errorOf(bytes('{"a":', 0xc3, 0x28, '}'))).toBe('not-text');
    expect(await errorOf(bytes('{"a":1}', 0))).toBe('not-text');
    expect(await errorOf(String.fromCharCode(...PNG_HEADER))).toBe('not-text');
    expect(await errorOf('%PDF-1.4 ...')).toBe('not-text');
    expect(await errorOf(42 as unknown as string)).toBe('not-text');
  });

  it('too-large: a 60 MB string or file, before anything is parsed', async () => {
    const huge = `{"format":"red-flags/backup","pad":"${'x'.repeat(60 * 1024 * 1024)}"}`;
    expect(huge.length).toBeGreaterThan(DEFAULT_MAX_BACKUP_BYTES);
    expect(await errorOf(huge)).toBe('too-large');
    expect(await errorOf(new Uint8Array(60 * 1024 * 1024).fill(0x20))).toBe('too-large');
    // Under the limit by characters, over it in UTF-8: 20 M three-byte characters.
    expect(await errorOf('小'.repeat(20 * 1024 * 1024))).toBe('too-large');
    // A smaller limit, on request; a nonsense limit means the default.
    const text = encodeBackup(classBackup());
    const size = new TextEncoder().encode(text).length;
    expect(await errorOf(text, { maxBytes: size - 1 })).toBe('too-large');
    expect(await errorOf(new TextEncoder().encode(text), { maxBytes: size - 1 })).toBe('too-large');
    expect(await errorOf(text, { maxBytes: size })).toBe('ok');
    expect(await errorOf(text, { maxBytes: Number.NaN })).toBe('ok');
    expect(await errorOf(text, { maxBytes: -1 })).toBe('ok');
  });

  it('not-red-flags: other JSON, a results file, and __proto__, constructor or prototype keys', async () => {
    for (const json of ['42', 'null', '"text"', '[]', '{}', '{"format":"other"}']) {
      expect(await errorOf(json)).toBe('not-red-flags');
    }
    expect(await errorOf(JSON.stringify([plain(classBackup())]))).toBe('not-red-flags');
    // A student's results file is for the class screen, not a backup.
    const payload = createPayload({
      classCode: CLASS_8B.code,
      student: 'Ana',
      results: [deviceRecords().class8b[0]?.result].filter((r) => r !== undefined),
      now: NOW,
    });
    expect(await errorOf(encodeFile(payload))).toBe('not-red-flags');

    const body = JSON.stringify(classBackup());
    const attacks = [
      `{"__proto__":{"polluted":true},${body.slice(1)}`,
      `{"constructor":{"prototype":{"polluted":true}},${body.slice(1)}`,
      body.replace('"classes":[{', '"classes":[{"__proto__":{"polluted":true},'),
      body.replace('"records":[{', '"records":[{"__proto__":{"polluted":true},'),
      body.replace('"result":{', '"result":{"constructor":{"polluted":true},'),
      body.replace('"redFlags":{', '"redFlags":{"prototype":{"polluted":true},'),
    ];
    for (const attack of attacks) {
      expect(attack).not.toBe(body);
      const parsed = JSON.parse(attack) as Record<string, unknown>;
      const withChecksum = `${attack.slice(0, -1)},"checksum":"${crc32HexOfText(JSON.stringify(parsed))}"}`;
      expect(await errorOf(withChecksum)).toBe('not-red-flags');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('newer-version: a backup, or a result in it, from a newer version of the app', async () => {
    const body = plain(classBackup());
    expect(await errorOf(handFile({ ...body, schemaVersion: 2 }))).toBe('newer-version');
    expect(await errorOf(handFile({ ...body, schemaVersion: 17 }))).toBe('newer-version');
    // Even with a bad checksum: "update the app" is the useful answer.
    expect(await errorOf(JSON.stringify({ ...body, schemaVersion: 2, checksum: '00000000' }))).toBe(
      'newer-version',
    );
    const records = body.records as { result: { schemaVersion: number } }[];
    (records[0] as { result: { schemaVersion: number } }).result.schemaVersion = 2;
    expect(await errorOf(handFile(body))).toBe('newer-version');
  });

  it('unknown-version: a version that is neither ours nor newer', async () => {
    const body = plain(classBackup());
    for (const schemaVersion of [0, -1, 1.5, '1', null, undefined]) {
      expect(await errorOf(handFile({ ...body, schemaVersion }))).toBe('unknown-version');
    }
  });

  it('bad-checksum: damaged, missing or malformed checksum', async () => {
    const text = encodeBackup(classBackup());
    expect(await errorOf(text.replace('"Ana"', '"Anna"'))).toBe('bad-checksum');
    expect(await errorOf(text.replace('"8B, period 3"', '"8B, period 4"'))).toBe('bad-checksum');
    const checksum = (JSON.parse(text) as { checksum: string }).checksum;
    const other = checksum.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await errorOf(text.replace(checksum, other))).toBe('bad-checksum');
    const { checksum: _, ...rest } = JSON.parse(text) as Record<string, unknown>;
    expect(await errorOf(JSON.stringify(rest))).toBe('bad-checksum');
    for (const bad of [12345678, 'abc', 'zzzzzzzz', `${checksum}0`, null]) {
      expect(await errorOf(JSON.stringify({ ...rest, checksum: bad }))).toBe('bad-checksum');
    }
  });

  it('invalid: records pointing to a class not in the backup, duplicates, bad records', async () => {
    const { class8b, class10a, noClass, elsewhere } = deviceRecords();
    const body = plain(classBackup(class8b));
    const withRecords = (records: StudentRecord[], extra: Record<string, unknown> = {}) =>
      handFile({ ...body, records: JSON.parse(JSON.stringify(records)), ...extra });

    expect(await errorOf(withRecords(class8b))).toBe('ok');
    // A class backup holds only its own class's records: not another class's, not classless.
    expect(await errorOf(withRecords([...class8b, ...class10a]))).toBe('invalid');
    expect(await errorOf(withRecords([...class8b, ...elsewhere]))).toBe('invalid');
    expect(await errorOf(withRecords([...class8b, ...noClass]))).toBe('invalid');
    // ... and exactly one class.
    expect(await errorOf(withRecords(class8b, { classes: [] }))).toBe('invalid');
    expect(await errorOf(withRecords(class8b, { classes: [CLASS_8B, CLASS_10A] }))).toBe('invalid');
    // The same record or class twice.
    expect(await errorOf(withRecords([...class8b, class8b[0] as StudentRecord]))).toBe('invalid');
    expect(
      await errorOf(
        withRecords(class8b, { scope: 'device', classes: [CLASS_8B, { ...CLASS_8B, name: 'x' }] }),
      ),
    ).toBe('invalid');
    // Bad records, classes or fields.
    const bad = { ...(class8b[0] as StudentRecord), student: 'x'.repeat(25) };
    expect(await errorOf(withRecords([bad]))).toBe('invalid');
    expect(
      await errorOf(withRecords([{ ...bad, student: 'Ana', extra: 1 } as StudentRecord])),
    ).toBe('invalid');
    expect(
      await errorOf(withRecords(class8b, { classes: [{ ...CLASS_8B, code: 'kq7rmx' }] })),
    ).toBe('invalid');
    expect(await errorOf(withRecords(class8b, { scope: 'school' }))).toBe('invalid');
    expect(await errorOf(withRecords(class8b, { createdAt: 'yesterday' }))).toBe('invalid');
    expect(await errorOf(withRecords(class8b, { records: 'all of them' }))).toBe('invalid');
    expect(await errorOf(withRecords(class8b, { classes: [null] }))).toBe('invalid');
    expect(await errorOf(withRecords(class8b, { extra: true }))).toBe('invalid');
  });

  it('a device backup may hold records without a class and of classes kept elsewhere', async () => {
    const records = Object.values(deviceRecords()).flat();
    const backup = createBackup({ classes: [CLASS_8B, CLASS_10A], records, now: NOW });
    expect(backup.scope).toBe('device');
    expect(await decodeBackup(encodeBackup(backup))).toStrictEqual({ ok: true, backup });
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Export and restore                                                                       */

for (const kind of KINDS) {
  describe(`export and restore, on the ${kind} store`, () => {
    it('exports one class with only its records, or nothing for an unknown class', async () => {
      const records = deviceRecords();
      const store = await filled(kind, records);
      const backup = await exportClass(store, CLASS_8B.code, NOW);
      expect(backup).toStrictEqual(classBackup(records.class8b));
      expect(await exportClass(store, 'NOPE23', NOW)).toBeUndefined();
      const empty = await newStore(kind);
      await empty.putClass(CLASS_10A);
      expect((await exportClass(empty, CLASS_10A.code, NOW))?.records).toEqual([]);
    });

    it('exports the device, restores it after a wipe, and everything is back', async () => {
      const store = await filled(kind);
      const before = await contents(store);
      const backup = await exportDevice(store, NOW);
      expect(backup.scope).toBe('device');
      expect(backup.classes).toEqual([CLASS_10A, CLASS_8B]);
      expect(backup.records).toHaveLength(7);
      const file = encodeBackup(backup);

      await store.deleteEverything();
      expect(await store.records()).toEqual([]);
      expect(await restoreBackup(store, await decoded(file))).toEqual({
        ok: true,
        classes: 2,
        added: 7,
        duplicates: 0,
      });
      expect(await contents(store)).toBe(before);
    });

    it('restores a class on another device, where it keeps what that device already has', async () => {
      const records = deviceRecords();
      const source = await filled(kind, records);
      const backup = (await exportClass(source, CLASS_8B.code, NOW)) as Backup;

      const target = await newStore(kind);
      const renamed = { ...CLASS_8B, name: '8B (new timetable)', pressureTimer: false };
      await target.putClass(renamed);
      await target.addRecords([records.class8b[0] as StudentRecord, ...records.noClass]);

      expect(await restoreBackup(target, backup)).toEqual({
        ok: true,
        classes: 0,
        added: 2,
        duplicates: 1,
      });
      expect(await target.getClass(CLASS_8B.code)).toEqual(renamed);
      expect(sortedRecords(await target.records())).toEqual(
        sortedRecords([...records.class8b, ...records.noClass]),
      );
    });

    it('is idempotent: restoring twice stores what restoring once does', async () => {
      const backup = createBackup({
        classes: [CLASS_8B, CLASS_10A],
        records: Object.values(deviceRecords()).flat(),
        now: NOW,
      });
      const store = await newStore(kind);
      expect(await restoreBackup(store, backup)).toEqual({
        ok: true,
        classes: 2,
        added: 7,
        duplicates: 0,
      });
      const once = await contents(store);
      expect(await restoreBackup(store, backup)).toEqual({
        ok: true,
        classes: 0,
        added: 0,
        duplicates: 7,
      });
      expect(await contents(store)).toBe(once);
    });

    it('stores nothing when the backup is invalid, and never changes the backup', async () => {
      const store = await filled(kind);
      await store.putSetting('retention-days', 200);
      const before = await contents(store);
      const good = classBackup([recordOf('Lee', CLASS_8B.code), recordOf('Mo', CLASS_8B.code)]);
      const invalid: unknown[] = [
        { ...good, records: [...good.records, { ...good.records[0], student: 'x'.repeat(25) }] },
        { ...good, records: [...good.records, recordOf('Other', CLASS_10A.code)] },
        { ...good, classes: [{ ...CLASS_8B, code: 'bad' }] },
        { ...good, classes: [CLASS_8B, { ...CLASS_10A, gradeBand: '1-3' }], scope: 'device' },
        { ...good, schemaVersion: 2 },
        { ...good, records: [...good.records, good.records[0]] },
        null,
        'a backup',
        {},
      ];
      for (const backup of invalid) {
        expect(await restoreBackup(store, backup as Backup)).toEqual({
          ok: false,
          error: 'invalid',
        });
        expect(await contents(store)).toBe(before);
      }
      const frozen = deepFreeze(structuredClone(good));
      expect(await restoreBackup(store, frozen)).toMatchObject({ ok: true, added: 2 });
      expect(frozen).toStrictEqual(good);
    });
  });
}

describe('restore when storage fails', () => {
  /** A store that is full: it refuses every write. */
  class FullStore extends MemoryStore {
    override async addRecords() {
      return { ok: false as const, error: 'quota' as const };
    }
    override async putClass() {
      return { ok: false as const, error: 'quota' as const };
    }
  }

  /** A store whose database went away. */
  class BrokenStore extends MemoryStore {
    override async addRecords(): Promise<never> {
      throw new DOMException('gone', 'InvalidStateError');
    }
  }

  /** A store that takes records, then runs out of room for a class. */
  class AlmostFullStore extends MemoryStore {
    full = true;
    override async putClass(info: ClassInfo) {
      if (this.full) return { ok: false as const, error: 'quota' as const };
      return super.putClass(info);
    }
  }

  it('answers the error and stores nothing when the records cannot be written', async () => {
    const store = new FullStore();
    expect(await restoreBackup(store, classBackup())).toEqual({ ok: false, error: 'quota' });
    expect(await contents(store)).toBe(await contents(new MemoryStore()));
    expect(await restoreBackup(new BrokenStore(), classBackup())).toEqual({
      ok: false,
      error: 'unavailable',
    });
  });

  it('keeps the records when a class cannot be written, and a second restore completes it', async () => {
    const store = new AlmostFullStore();
    const backup = classBackup();
    expect(await restoreBackup(store, backup)).toEqual({ ok: false, error: 'quota' });
    expect(await store.records()).toHaveLength(backup.records.length);
    store.full = false;
    expect(await restoreBackup(store, backup)).toEqual({
      ok: true,
      classes: 1,
      added: 0,
      duplicates: backup.records.length,
    });
    expect(await store.classes()).toEqual([CLASS_8B]);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Properties                                                                                */

const codeArb = fc.string({
  unit: fc.constantFrom(...CLASS_CODE_ALPHABET),
  minLength: 6,
  maxLength: 6,
});
const isoArb = fc
  .date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2035-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());
const classNameArb = fc.oneof(
  fc.constantFrom('8B', '10A — Mme Dubois', '七年级二班', 'Period 3 <b>', "Ms O'Neil's"),
  fc.string({
    unit: fc.constantFrom(...'abcXYZ 0189-—éß小明\u202e"\\<>&'.split('')),
    minLength: 1,
    maxLength: 60,
  }),
);

function classArb(code: string): fc.Arbitrary<ClassInfo> {
  return fc.record(
    {
      code: fc.constant(code),
      name: classNameArb,
      gradeBand: fc.constantFrom(...GRADE_BANDS),
      scenarios: fc.subarray(SCENARIOS.map((s) => s.id)),
      showSextortion: fc.boolean(),
      pressureTimer: fc.boolean(),
      firstForm: fc.constantFrom('A' as const, 'B' as const),
      createdAt: isoArb,
    },
    // Plain objects, as a class read from anywhere is.
    { noNullPrototype: true },
  );
}

const studentArb = fc.oneof(
  fc.constantFrom(...STUDENTS),
  fc.string({ unit: 'binary', maxLength: 24 }),
);

const playArb: fc.Arbitrary<Play> = fc.record({
  id: fc.stringMatching(/^[a-z0-9]{8}$/),
  kind: fc.constantFrom('scenario' as const, 'spot-check' as const),
  scenario: fc.nat(SCENARIOS.length - 1),
  picks: fc.array(fc.nat(9), { minLength: 1, maxLength: 6 }),
  day: fc.integer({ min: -400, max: 400 }),
  stepMs: fc.integer({ min: 500, max: 600_000 }),
  locale: fc.constantFrom('en', 'fr', 'zh-Hans'),
  form: fc.constantFrom('A' as const, 'B' as const),
  phase: fc.constantFrom('before' as const, 'after' as const),
  answers: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  student: studentArb,
});

/** Where a record belongs: one of the device's classes (by index), none, or a class elsewhere. */
const homeArb = fc.oneof(
  { weight: 4, arbitrary: fc.nat(2) },
  { weight: 1, arbitrary: fc.constant('none' as const) },
  { weight: 1, arbitrary: fc.constant('elsewhere' as const) },
);

/** A device: one to three classes, and real records of them, of no class and of other classes. */
const deviceArb = fc
  .uniqueArray(codeArb, { minLength: 1, maxLength: 3 })
  .chain((codes) =>
    fc.record({
      classes: fc.tuple(...codes.map(classArb)),
      plays: fc.uniqueArray(fc.tuple(playArb, homeArb), {
        maxLength: 12,
        selector: ([play]) => play.id,
      }),
      elsewhere: codeArb.filter((code) => !codes.includes(code)),
      target: fc.nat(codes.length - 1),
    }),
  )
  .map(({ classes, plays, elsewhere, target }) => {
    const records = plays.map(([play, home]) => {
      const code =
        home === 'none'
          ? null
          : home === 'elsewhere'
            ? elsewhere
            : (classes[home % classes.length] as ClassInfo).code;
      return played(play, code);
    });
    return { classes, records, target: classes[target] as ClassInfo };
  });

const SLOW = 120_000;
const nowArb = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

for (const kind of KINDS) {
  describe(`property, on the ${kind} store`, () => {
    it(
      'export a class -> wipe -> restore gives back exactly that class and its records',
      async () => {
        // One store for every run, wiped at the start of each.
        const store = await newStore(kind);
        let restored = 0;
        let leftOut = 0;
        await fc.assert(
          fc.asyncProperty(deviceArb, nowArb, async (device, now) => {
            await store.deleteEverything();
            for (const info of device.classes) expect((await store.putClass(info)).ok).toBe(true);
            expect(await store.addRecords(device.records)).toMatchObject({ ok: true });

            const backup = await exportClass(store, device.target.code, now);
            if (backup === undefined) throw new Error('the class is on the device');
            const file = encodeBackup(backup);
            const read = await decoded(file);
            expect(read).toStrictEqual(backup);

            await store.deleteEverything();
            const mine = device.records.filter((r) => r.classCode === device.target.code);
            expect(await restoreBackup(store, read)).toEqual({
              ok: true,
              classes: 1,
              added: mine.length,
              duplicates: 0,
            });
            expect(await store.classes()).toStrictEqual([device.target]);
            expect(sortedRecords(await store.records())).toStrictEqual(sortedRecords(mine));
            // And restoring again changes nothing.
            const once = await contents(store);
            await restoreBackup(store, read);
            expect(await contents(store)).toBe(once);
            restored += mine.length;
            leftOut += device.records.length - mine.length;
          }),
          { numRuns: 100 },
        );
        // The runs really moved records, and really left other classes' records behind.
        expect(restored).toBeGreaterThan(100);
        expect(leftOut).toBeGreaterThan(50);
      },
      SLOW,
    );
  });
}

/** The property every decode must have: it resolved, and an ok backup passes the schema. */
function expectSafe(result: DecodeBackupResult) {
  if (result.ok) expect(backupSchema.safeParse(result.backup).success).toBe(true);
  else expect(BACKUP_ERRORS).toContain(result.error);
}

/** Every place in a JSON value, as a path of keys and indices. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...paths(v, [...prefix, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

type Path = readonly (string | number)[];

/** The value at `path` in `root`. */
function getAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const key of path) node = (node as Record<string | number, unknown>)[key];
  return node;
}

/** An edit someone could make by hand: a value set, copied from elsewhere, or removed. */
type Edit =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'copy'; at: number; from: number }
  | { kind: 'remove'; at: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    value: fc.jsonValue({ maxDepth: 3 }),
  }),
  fc.record({ kind: fc.constant('copy' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
);

/** A copy of `root` with one edit made (the root itself replaced for an empty path). */
function edit(root: unknown, change: Edit): unknown {
  const all = paths(root);
  const path = all[change.at % all.length] as Path;
  const value =
    change.kind === 'set'
      ? change.value
      : change.kind === 'copy'
        ? getAt(root, all[change.from % all.length] as Path)
        : undefined;
  if (path.length === 0) return change.kind === 'remove' ? {} : value;
  const copy = JSON.parse(JSON.stringify(root)) as unknown;
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (change.kind !== 'remove') parent[key] = JSON.parse(JSON.stringify(value ?? null));
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return copy;
}

const backupArb = deviceArb.map(({ classes, records }) =>
  createBackup({ classes, records, now: NOW }),
);
const RUNS = { numRuns: 300 };

describe('property: decodeBackup never rejects', () => {
  it(
    'on arbitrary strings',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 300 }),
            fc.json({ maxDepth: 4 }),
            // Objects that start like a backup.
            fc
              .dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }))
              .map((rest) => JSON.stringify({ format: BACKUP_FORMAT, schemaVersion: 1, ...rest })),
          ),
          async (text) => expectSafe(await decodeBackup(text)),
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on arbitrary bytes, which it never changes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }),
            fc
              .uint8Array({ maxLength: 50 })
              .map((tail) => Uint8Array.from([...PNG_HEADER, ...tail])),
          ),
          async (input) => {
            const before = input.slice();
            expectSafe(await decodeBackup(input));
            expect(input).toEqual(before);
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on a valid backup file damaged in transit',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          backupArb,
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async (backup, mutations) => {
            const text = mutations.reduce(mutate, encodeBackup(backup));
            const result = await decodeBackup(text);
            expectSafe(result);
            // A damaged file that still reads is the same backup (the damage was white space).
            if (result.ok) expect(result.backup).toStrictEqual(backup);
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on a valid backup edited on purpose, with the checksum made right again',
    async () => {
      const seen = new Map<string, number>();
      const existing = [recordOf('Ana', CLASS_8B.code), recordOf('', null)];
      await fc.assert(
        fc.asyncProperty(backupArb, editArb, async (backup, change) => {
          const edited = edit(plain(backup), change);
          const file =
            typeof edited === 'object' && edited !== null && !Array.isArray(edited)
              ? handFile(edited as Record<string, unknown>)
              : JSON.stringify(edited);
          const result = await decodeBackup(file);
          expectSafe(result);
          const outcome = result.ok ? 'ok' : result.error;
          seen.set(outcome, (seen.get(outcome) ?? 0) + 1);

          // Restoring the edited backup directly: what the schema takes is restored, anything
          // else stores nothing at all.
          const store = new MemoryStore();
          await store.putClass(CLASS_10A);
          await store.addRecords(existing);
          const before = await contents(store);
          const restored = await restoreBackup(store, edited as Backup);
          if (backupSchema.safeParse(edited).success) {
            expect(restored).toMatchObject({ ok: true });
          } else {
            expect(restored).toEqual({ ok: false, error: 'invalid' });
            expect(await contents(store)).toBe(before);
          }
          if (result.ok) {
            expect(await restoreBackup(new MemoryStore(), result.backup)).toMatchObject({
              ok: true,
            });
          }
        }),
        RUNS,
      );
      // Both sides were exercised: edits that still make a backup, and edits that do not.
      expect(seen.get('ok')).toBeGreaterThan(5);
      expect(seen.get('invalid')).toBeGreaterThan(50);
    },
    SLOW,
  );
});
