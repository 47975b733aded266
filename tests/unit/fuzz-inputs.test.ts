/**
 * Fuzz: class codes, nicknames, the first checks on untrusted files and codes, and the player
 * read back from session storage. The properties are in tests/fixtures/fuzz-input-properties.ts;
 * how runs, seeds and FUZZ_RUNS work is in tests/fixtures/fuzz.ts.
 */
import { describe, it } from 'vitest';
import { FUZZ_TIMEOUT, runFuzz } from '../fixtures/fuzz';
import { INPUT_PROPERTIES } from '../fixtures/fuzz-input-properties';

describe('fuzz: typed and stored text', () => {
  for (const property of INPUT_PROPERTIES) {
    it(property.name, () => runFuzz(property), FUZZ_TIMEOUT);
  }
});
