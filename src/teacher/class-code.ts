/**
 * Class codes: six characters the teacher writes on the board and students type in. The
 * alphabet has no look-alikes (no 0/O, no 1/I/L), so a code read from across the room is
 * typed right or refused, never silently mistaken for another class.
 */
export const CLASS_CODE_LENGTH = 6;

/** The alphabet: no look-alikes (no 0/O, 1/I/L). */
export const CLASS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** Six characters of that alphabet (records.ts builds its schema from this). */
export const CLASS_CODE_PATTERN = /^[A-HJKMNP-Z2-9]{6}$/;

/** A class code in its canonical form. No schema library: the first screen reads the player's. */
export function isClassCode(value: unknown): value is string {
  return typeof value === 'string' && CLASS_CODE_PATTERN.test(value);
}

/** Fills `n` random bytes; the default is the Web Crypto API's, in the browser and in Node. */
export type RandomBytes = (n: number) => Uint8Array;

const cryptoRandom: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

/**
 * A new class code. Unbiased: a byte is used only when it falls below the largest multiple of
 * the alphabet's size (248 for 31 letters), so every letter is equally likely.
 * Throws only when `random` keeps giving bytes that cannot be used (a broken generator).
 */
export function newClassCode(random: RandomBytes = cryptoRandom): string {
  const size = CLASS_CODE_ALPHABET.length;
  const limit = 256 - (256 % size);
  let code = '';
  for (let round = 0; round < 100 && code.length < CLASS_CODE_LENGTH; round++) {
    // A few spare bytes, so one call nearly always suffices.
    const bytes = random(CLASS_CODE_LENGTH - code.length + 4);
    for (const byte of bytes) {
      if (code.length === CLASS_CODE_LENGTH) break;
      if (byte < limit) code += CLASS_CODE_ALPHABET[byte % size];
    }
  }
  if (code.length !== CLASS_CODE_LENGTH) {
    throw new Error('newClassCode: the random source gave no usable bytes');
  }
  return code;
}

/** White space and the dashes people type or paste between groups ("ABC-DEF", "ABC DEF"). */
const SEPARATORS = /[\s\u2010-\u2015\u2212\u30fc\uff0d-]/g;

/**
 * A typed class code in its canonical form (upper case, no spaces or dashes), or undefined when
 * it is not a valid code. Letters are upper-cased in ASCII only, and no look-alike is guessed:
 * "ABCDE0" is refused rather than read as some other class's code.
 */
export function normaliseClassCode(input: string): string | undefined {
  if (typeof input !== 'string' || input.length > 200) return undefined;
  const code = input.replace(SEPARATORS, '').replace(/[a-z]/g, (c) => c.toUpperCase());
  if (code.length !== CLASS_CODE_LENGTH) return undefined;
  return isClassCode(code) ? code : undefined;
}
