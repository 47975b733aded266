/**
 * Fuzz: saved progress restores exactly, and nothing storage can hand back makes restore throw
 * anything but SnapshotError. The properties are in tests/fixtures/fuzz-snapshot-properties.ts;
 * how runs, seeds and FUZZ_RUNS work is in tests/fixtures/fuzz.ts.
 */
import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, runFuzz } from '../fixtures/fuzz';
import { SNAPSHOT_PROPERTIES } from '../fixtures/fuzz-snapshot-properties';

describe('fuzz: snapshots', () => {
  for (const property of SNAPSHOT_PROPERTIES) {
    it(property.name, () => runFuzz(property), FUZZ_TIMEOUT);
  }
});
