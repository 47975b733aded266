/**
 * Fuzz: the scenario loader and the spot check's loader never throw anything but their coded
 * error, whatever the files hold; what they accept is playable; valid files round-trip.
 * The properties are in tests/fixtures/fuzz-loader-properties.ts; how runs, seeds and
 * FUZZ_RUNS work is in tests/fixtures/fuzz.ts.
 */
import { afterAll, describe, it } from 'vitest';
import { FUZZ_TIMEOUT, runFuzz } from '../fixtures/fuzz';
import { LOADER_PROPERTIES, removeScratch } from '../fixtures/fuzz-loader-properties';

afterAll(removeScratch);

describe('fuzz: scenario and spot-check loaders', () => {
  for (const property of LOADER_PROPERTIES) {
    it(property.name, () => runFuzz(property), FUZZ_TIMEOUT);
  }
});
