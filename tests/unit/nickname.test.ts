import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNickname,
  isNormalisedNickname,
  NICKNAME_MAX_LENGTH,
} from '../../src/teacher/nickname';

/** Any code point, and now and then a lone surrogate half (what a broken paste can give). */
const anyUnit = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
);
/** Characters a nickname may hold, with white space and look-alike trouble mixed in. */
const nicknameUnit = fc.constantFrom(
  ..."aZzë小明éøß12 ._-'\t\u00a0\u3000\u2019\u0301\u0308e\u0663\u0915\u093f".split(''),
);

describe('checkNickname: accepted', () => {
  it.each([
    ['12', '12'],
    ['Zoë', 'Zoë'],
    ['小明', '小明'],
    ["Sam O'Neil", "Sam O'Neil"],
    ['seat 4', 'seat 4'],
    ['J.-P. Tremblay', 'J.-P. Tremblay'],
    ['under_score', 'under_score'],
    ['Алёна', 'Алёна'],
    ['محمد', 'محمد'],
    ['नमस्ते', 'नमस्ते'],
  ])('%s', (input, nickname) => {
    expect(checkNickname(input)).toEqual({ ok: true, nickname });
  });

  it('trims and collapses white space of every kind, including tabs and ideographic spaces', () => {
    expect(checkNickname('  Sam \t\n  O\u00a0\u3000Neil  ')).toEqual({
      ok: true,
      nickname: 'Sam O Neil',
    });
  });

  it('normalises to NFC: a decomposed ë becomes one character', () => {
    const check = checkNickname('Zoe\u0308');
    expect(check).toEqual({ ok: true, nickname: 'Zoë' });
    expect(check.ok && check.nickname.length).toBe(3);
  });

  it('turns the typographic apostrophe that tablets type into a plain one', () => {
    expect(checkNickname('Sam O\u2019Neil')).toEqual({ ok: true, nickname: "Sam O'Neil" });
  });

  it('counts code points, not UTF-16 units: 24 astral ideographs fit, 25 do not', () => {
    const ideograph = '\u{20BB7}'; // 𠮷, two UTF-16 units
    expect(checkNickname(ideograph.repeat(NICKNAME_MAX_LENGTH))).toEqual({
      ok: true,
      nickname: ideograph.repeat(NICKNAME_MAX_LENGTH),
    });
    expect(checkNickname(ideograph.repeat(NICKNAME_MAX_LENGTH + 1))).toEqual({
      ok: false,
      error: 'too-long',
    });
  });

  it('counts after trimming and NFC: 24 letters with padding and decomposed accents fit', () => {
    expect(checkNickname(`   ${'e\u0301'.repeat(24)}   `)).toEqual({
      ok: true,
      nickname: 'é'.repeat(24),
    });
  });
});

describe('checkNickname: refused', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n\u3000', 'empty'],
    ['x'.repeat(25), 'too-long'],
    ['x'.repeat(10_000), 'too-long'],
    ['<b>x</b>', 'characters'],
    ['Tom & Jerry', 'characters'],
    ['"quoted"', 'characters'],
    ['=SUM(A1)', 'characters'],
    ['a/b', 'characters'],
    ['back\\slash', 'characters'],
    ['Sam\u202Eevil', 'characters'], // right-to-left override
    ['\u202Atext', 'characters'],
    ['\u2066isolate\u2069', 'characters'],
    ['mark\u200E', 'characters'],
    ['mark\u200Fx', 'characters'],
    ['arabic\u061Cmark', 'characters'],
    ['bell\u0007', 'characters'],
    ['nul\u0000', 'characters'],
    ['del\u007f', 'characters'],
    ['zero\u200Bwidth', 'characters'],
    ['\u3164', 'characters'], // Hangul filler: an invisible "letter"
    ['Sa\u034Fm', 'characters'], // combining grapheme joiner: invisible
    ['😀', 'characters'],
    ['Sam 👍🏽', 'characters'],
    ['1\uFE0F\u20E3', 'characters'], // keycap emoji built from a digit
    ['🇨🇦', 'characters'],
    ['love ❤️', 'characters'],
    ['\uD800lone', 'characters'],
    ['\uE000private', 'characters'],
  ])('%j -> %s', (input, error) => {
    expect(checkNickname(input)).toEqual({ ok: false, error });
  });

  it('answers at once for 10,000 characters of anything', () => {
    const start = performance.now();
    expect(checkNickname('<'.repeat(10_000))).toEqual({ ok: false, error: 'too-long' });
    expect(checkNickname('😀'.repeat(10_000))).toEqual({ ok: false, error: 'too-long' });
    expect(checkNickname(' '.repeat(10_000))).toEqual({ ok: false, error: 'empty' });
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('never throws for values that are not strings (from untyped callers)', () => {
    for (const value of [undefined, null, 12, {}, []]) {
      expect(checkNickname(value as unknown as string).ok).toBe(false);
    }
  });
});

describe('checkNickname: properties', () => {
  it('never throws on any Unicode string, and an accepted nickname is accepted again unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyUnit, maxLength: 40 }), (input) => {
        const check = checkNickname(input);
        if (check.ok) {
          expect(checkNickname(check.nickname)).toEqual(check);
          expect(isNormalisedNickname(check.nickname)).toBe(true);
          expect([...check.nickname].length).toBeLessThanOrEqual(NICKNAME_MAX_LENGTH);
        } else {
          expect(['empty', 'too-long', 'characters']).toContain(check.error);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on strings made of allowed characters, white space and marks', () => {
    fc.assert(
      fc.property(fc.string({ unit: nicknameUnit, maxLength: 30 }), (input) => {
        const check = checkNickname(input);
        if (!check.ok) return;
        expect(checkNickname(check.nickname)).toEqual(check);
        expect(check.nickname).toBe(check.nickname.normalize('NFC'));
        expect(check.nickname).not.toMatch(/^\s|\s$|\s\s|[^\S ]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets markup, control or direction characters through', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: anyUnit, maxLength: 10 }),
        fc.constantFrom(
          ...'<>&"`/\\=\u0000\u001b\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
        ),
        fc.string({ unit: anyUnit, maxLength: 10 }),
        (before, bad, after) => {
          expect(checkNickname(before + bad + after)).toMatchObject({ ok: false });
        },
      ),
      { numRuns: 500 },
    );
  });
});
