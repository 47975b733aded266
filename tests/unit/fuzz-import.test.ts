/**
 * Fuzz: results files, codes, QR codes, backups, batch writes and old localStorage results,
 * damaged or valid, on every kind of store: refused imports change nothing (byte for byte),
 * valid ones round-trip and import once. The properties are in
 * tests/fixtures/fuzz-import-properties.ts; how runs, seeds and FUZZ_RUNS work is in
 * tests/fixtures/fuzz.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FUZZ_TIMEOUT, runFuzz } from '../fixtures/fuzz';
import { IMPORT_PROPERTIES } from '../fixtures/fuzz-import-properties';
import { closeStores } from '../fixtures/fuzz-stores';

afterEach(() => {
  closeStores();
  // Nothing any input did may reach Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
});

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

describe('fuzz: imports into every kind of store', () => {
  for (const property of IMPORT_PROPERTIES) {
    it(property.name, () => runFuzz(property), FUZZ_TIMEOUT);
  }
});
