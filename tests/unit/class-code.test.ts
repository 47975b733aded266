import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLASS_CODE_ALPHABET,
  CLASS_CODE_LENGTH,
  newClassCode,
  normaliseClassCode,
} from '../../src/teacher/class-code';
import { classCodeSchema } from '../../src/teacher/records';

/** A random source that hands out the given bytes in order, then repeats them. */
function bytesFrom(values: readonly number[]) {
  let next = 0;
  const calls: number[] = [];
  const random = (n: number) => {
    calls.push(n);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = values[next++ % values.length] as number;
    return out;
  };
  return { random, calls };
}

describe('newClassCode', () => {
  it('makes 6 characters of the look-alike-free alphabet that pass classCodeSchema', () => {
    for (let i = 0; i < 200; i++) {
      const code = newClassCode();
      expect(code).toHaveLength(CLASS_CODE_LENGTH);
      expect(classCodeSchema.safeParse(code).success).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
    }
  });

  it('uses crypto.getRandomValues by default: 200 codes are all different', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newClassCode()));
    expect(codes.size).toBe(200);
  });

  it('maps bytes to letters by remainder and skips the bytes 248-255, which would bias it', () => {
    const { random } = bytesFrom([248, 255, 0, 1, 30, 31, 250, 62, 247]);
    // 0 -> A, 1 -> B, 30 -> 9 (the last), 31 -> A, 62 -> A, 247 -> 247 % 31 = 30 -> 9
    expect(newClassCode(random)).toBe('AB9AA9');
  });

  it('is unbiased: each of the 248 usable byte values gives one letter, each letter 8 times', () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const random = (n: number) => new Uint8Array(n).fill(byte);
      if (byte >= 248) {
        expect(() => newClassCode(random)).toThrow(/random/);
        continue;
      }
      const code = newClassCode(random);
      expect(code).toBe((CLASS_CODE_ALPHABET[byte % 31] as string).repeat(6));
      counts.set(code[0] as string, (counts.get(code[0] as string) ?? 0) + 1);
    }
    expect(CLASS_CODE_ALPHABET).toHaveLength(31);
    expect([...counts.keys()].sort()).toEqual([...CLASS_CODE_ALPHABET].sort());
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it('asks again when a call gives too few usable bytes', () => {
    const { random, calls } = bytesFrom([255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 5]);
    expect(newClassCode(random)).toBe('FFFFFF');
    expect(calls.length).toBeGreaterThan(1);
  });

  it('throws rather than loop for ever on a broken random source', () => {
    expect(() => newClassCode(() => new Uint8Array(10).fill(255))).toThrow(/random/);
    expect(() => newClassCode(() => new Uint8Array(0))).toThrow(/random/);
  });
});

describe('normaliseClassCode', () => {
  it.each([
    ['ABCDEF', 'ABCDEF'],
    ['abcdef', 'ABCDEF'],
    ['  abc-def  ', 'ABCDEF'],
    ['ABC DEF', 'ABCDEF'],
    ['a b c d e f', 'ABCDEF'],
    ['ABC\u2013DEF', 'ABCDEF'], // en dash, as word processors type it
    ['ABC\u2212DEF', 'ABCDEF'], // minus sign
    ['ab-cd-ef\n', 'ABCDEF'],
    ['23456-7', '234567'],
    ['zz9-zz9', 'ZZ9ZZ9'],
  ])('%j -> %s', (input, code) => {
    expect(normaliseClassCode(input)).toBe(code);
  });

  it.each([
    '',
    '   ',
    'ABCDE',
    'ABCDEFG',
    'ABCDE0', // no zero: it looks like O
    'ABCDEO',
    'ABCDE1',
    'ABCDEI',
    'ABCDEL',
    'abcdel',
    'ABC_DEF',
    'ABC.DEF',
    'ÀBCDEF',
    'ＡＢＣＤＥＦ', // full-width letters are not guessed at
    'ABC\u200bDEF',
    'A'.repeat(10_000),
  ])('%j -> undefined', (input) => {
    expect(normaliseClassCode(input)).toBeUndefined();
  });

  it('never throws on values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['ABCDEF']]) {
      expect(normaliseClassCode(value as unknown as string)).toBeUndefined();
    }
  });

  it('gives back every new code unchanged, and its lower-case, spaced and dashed forms', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.constantFrom(' ', '-', ' - ', '\t', ''),
        (bytes, separator) => {
          const code = newClassCode(() => bytes);
          expect(normaliseClassCode(code)).toBe(code);
          const typed = `${code.slice(0, 3).toLowerCase()}${separator}${code.slice(3)}`;
          expect(normaliseClassCode(` ${typed} `)).toBe(code);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws, and anything it returns is a valid class code', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (input) => {
        const code = normaliseClassCode(input);
        if (code !== undefined) expect(classCodeSchema.safeParse(code).success).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
