/**
 * Fuzz regressions: every case a fuzz property ever failed on stays a test.
 *
 * How it works: when a property of tests/unit/fuzz-*.test.ts fails, its report (see runFuzz in
 * tests/fixtures/fuzz.ts) prints a line such as
 *   {"property":"<name>","seed":1546121088,"path":"542:3:4:2:16:6:6:3"}
 * Fix the bug, then add that line (with a "note" saying what it was) to fuzz-regressions.json.
 * This file replays each entry with fc.check(property, { seed, path }): the same property,
 * built by the same code (tests/fixtures/fuzz-*-properties.ts), from the recorded seed and path,
 * so the shrunk counterexample runs first. An entry may instead hold "example": the property's
 * arguments written by hand as JSON, for a case constructed on purpose.
 *
 * A seed and path replay the same case only while the property's arbitraries and the files it
 * reads stay as they are; so each bug found also gets an explicit example test below, which
 * builds its case by name and does not depend on generated values.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { restore, SnapshotError, snapshot, validateScenario } from '../../src/engine/index';
import { createBackup, decodeBackup, encodeBackup } from '../../src/teacher/backup';
import { crc32HexOfText } from '../../src/teacher/crc32';
import { decodeTransfer } from '../../src/teacher/transfer';
import { FUZZ_TIMEOUT, type Replay, runFuzz } from '../fixtures/fuzz';
import { SCENARIO_FILES, SCENARIOS, walk } from '../fixtures/fuzz-corpus';
import { removeScratch, tryLoad } from '../fixtures/fuzz-loader-properties';
import { propertyNamed } from '../fixtures/fuzz-properties';
import {
  BASE_DEVICE,
  closeStores,
  importTransfer,
  openStore,
  STORE_KINDS,
} from '../fixtures/fuzz-stores';
import entries from './fuzz-regressions.json';

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  closeStores();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
});
afterAll(removeScratch);

type Entry = Replay & { property: string; note: string };

/** The parts of a scenario file the examples change. */
interface ScenarioData {
  start: string;
  nodes: Record<
    string,
    { decision?: { options: { next?: string }[]; actions?: { action: string }[] } }
  >;
}

describe('fuzz-regressions.json', () => {
  it('lists known properties, each with a seed, a note, and a path or an example', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries as Entry[]) {
      expect(propertyNamed(entry.property), entry.property).toBeDefined();
      expect(Number.isInteger(entry.seed)).toBe(true);
      expect(entry.note.length).toBeGreaterThan(20);
      expect(entry.path === undefined || /^\d+(:\d+)*$/.test(entry.path)).toBe(true);
      expect(entry.path === undefined || entry.example === undefined).toBe(true);
    }
  });

  for (const entry of entries as Entry[]) {
    const property = propertyNamed(entry.property);
    it(
      `replays ${entry.property} (seed ${entry.seed}${entry.path ? `, path ${entry.path}` : ', example'})`,
      async () => {
        if (!property) throw new Error(`no fuzz property is named "${entry.property}"`);
        await runFuzz(property, entry);
      },
      FUZZ_TIMEOUT,
    );
  }
});

describe('explicit examples of the bugs found', () => {
  it('a scenario pointing to "constructor", a name every object inherits, is refused with a coded error', () => {
    for (const files of SCENARIO_FILES) {
      const base = JSON.parse(files.scenario) as ScenarioData;
      const decisions = Object.values(base.nodes).flatMap((node) =>
        node.decision ? [node.decision] : [],
      );
      const variants: [string, (data: ScenarioData) => void][] = [
        [
          'start',
          (d) => {
            d.start = 'constructor';
          },
        ],
        [
          'next',
          (d) => {
            const option = Object.values(d.nodes).find((n) => n.decision)?.decision?.options[0];
            if (option) option.next = 'constructor';
          },
        ],
      ];
      if (decisions.some((decision) => (decision.actions ?? []).length > 0)) {
        variants.push([
          'action',
          (d) => {
            const use = Object.values(d.nodes).find((n) => n.decision?.actions?.length)?.decision
              ?.actions?.[0];
            if (use) use.action = 'constructor';
          },
        ]);
      }
      for (const [label, change] of variants) {
        const data = structuredClone(base);
        change(data);
        const text = JSON.stringify(data);
        // Before the fix, this threw "TypeError: node.beats is not iterable".
        const loaded = tryLoad(files.id, 'en', text, files.locales.en);
        expect(loaded.ok, `${files.id}: ${label}`).toBe(false);
        if (!loaded.ok) {
          expect(
            loaded.problems.some((p) =>
              /"constructor", which (does not exist|is not in "actions")/.test(p.message),
            ),
            `${files.id}: ${label}: ${JSON.stringify(loaded.problems)}`,
          ).toBe(true);
        }
      }
    }
  }, 30_000);

  it('"__proto__" keys reach no prototype and are refused wherever they are not ignored', async () => {
    const device = BASE_DEVICE;
    // A results file and a backup, each with the key inside a record and the checksum right.
    const payload = {
      format: 'red-flags/transfer',
      schemaVersion: 1,
      classCode: device.classes[0]?.code,
      student: 'Zoë',
      createdAt: '2026-03-02T10:00:00.000Z',
      results: [device.records[0]?.result],
    };
    const body = JSON.parse(
      JSON.stringify(payload)
        .replace(
          '"format":"red-flags/scenario-result"',
          '"__proto__":{"polluted":true},"format":"red-flags/scenario-result"',
        )
        .replace(
          '"format":"red-flags/spot-check-result"',
          '"__proto__":{"polluted":true},"format":"red-flags/spot-check-result"',
        ),
    );
    const file = JSON.stringify({ ...body, checksum: crc32HexOfText(JSON.stringify(body)) });
    expect(file).toContain('__proto__');
    expect(await decodeTransfer(file)).toEqual({ ok: false, error: 'not-red-flags' });
    for (const kind of STORE_KINDS) {
      const { store, dump } = await openStore(kind);
      const before = await dump();
      expect(
        (await importTransfer(store, file, device.classes[0]?.code as string, 'file')).decoded,
      ).toEqual({ ok: false, error: 'not-red-flags' });
      expect((await dump()).equals(before)).toBe(true);
    }

    const backup = encodeBackup(createBackup({ ...device, now: new Date(0) }));
    const poisoned = JSON.parse(
      backup.replace('"classes": [', '"__proto__": {"polluted": true}, "classes": ['),
    );
    const { checksum: _, ...rest } = poisoned;
    const backupFile = JSON.stringify({ ...rest, checksum: crc32HexOfText(JSON.stringify(rest)) });
    expect(await decodeBackup(backupFile)).toEqual({ ok: false, error: 'not-red-flags' });

    // A snapshot: refused as not a snapshot.
    const scenario = SCENARIOS[0] as (typeof SCENARIOS)[number];
    const saved = JSON.parse(
      JSON.stringify(snapshot(walk(scenario, [1, 2]))).replace(
        '{',
        '{"__proto__":{"polluted":true},',
      ),
    );
    expect(() => restore(scenario, saved)).toThrow(SnapshotError);

    // A scenario: zod leaves a "__proto__" node out (it is not a valid id either way), so the
    // file loads as if the key were not there.
    const files = SCENARIO_FILES[0] as (typeof SCENARIO_FILES)[number];
    const text = files.scenario.replace(
      '"nodes": {',
      '"nodes": {"__proto__": {"beats": [], "next": "nowhere"},',
    );
    expect(text).toContain('__proto__');
    const loaded = tryLoad(files.id, 'fr', text, files.locales.fr);
    const clean = tryLoad(files.id, 'fr', files.scenario, files.locales.fr);
    expect(loaded).toStrictEqual(clean);
    expect(validateScenario({ file: 'x', data: JSON.parse(text) }, [], []).problems).toEqual([]);
  }, 30_000);
});
