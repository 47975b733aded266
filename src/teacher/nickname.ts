/**
 * Nicknames (or seat numbers) that students type so the teacher can tell results apart. Never
 * a real name is asked for; the rules keep what is typed short, readable in every script the
 * class uses, and harmless wherever the teacher's device shows it (a table, a CSV file, a file
 * name): no markup characters, no control or invisible characters, no text-direction tricks.
 */

export const NICKNAME_MAX_LENGTH = 24;

export type NicknameError = 'empty' | 'too-long' | 'characters';
export type NicknameCheck = { ok: true; nickname: string } | { ok: false; error: NicknameError };

/** Typographic apostrophes (what phones and tablets type for ') become the plain one. */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
/** Any run of white space (spaces of every width, tabs, line breaks) becomes one space. */
const WHITESPACE = /\s+/g;
/** What a nickname may contain: letters and marks of any script, digits, space, . - _ ' */
const ALLOWED = /^[\p{L}\p{M}\p{Nd} ._'-]+$/u;
/**
 * Allowed by category but still refused: invisible characters (Hangul fillers, variation
 * selectors, the combining grapheme joiner...) that make two names look alike, and enclosing
 * marks, which turn a digit into an emoji keycap (1 + U+FE0F + U+20E3).
 */
const REFUSED = /[\p{Default_Ignorable_Code_Point}\p{Me}]/u;

/**
 * Checks and normalises a nickname: NFC, typographic apostrophes made plain, white space
 * trimmed and collapsed; then 1 to 24 characters (code points) of letters, marks, digits,
 * spaces and . - _ '. An accepted nickname is accepted again unchanged. Never throws.
 */
export function checkNickname(input: string): NicknameCheck {
  if (typeof input !== 'string') return { ok: false, error: 'empty' };
  const nickname = input
    .normalize('NFC')
    .replace(APOSTROPHES, "'")
    .replace(WHITESPACE, ' ')
    .trim()
    .normalize('NFC');
  if (nickname === '') return { ok: false, error: 'empty' };
  // Code points, not UTF-16 units: "𠮷" is one character to the student.
  let length = 0;
  for (const _ of nickname) {
    length += 1;
    if (length > NICKNAME_MAX_LENGTH) return { ok: false, error: 'too-long' };
  }
  if (!ALLOWED.test(nickname) || REFUSED.test(nickname)) return { ok: false, error: 'characters' };
  return { ok: true, nickname };
}

/** True when `value` is a nickname exactly as checkNickname would give it back. */
export function isNormalisedNickname(value: string): boolean {
  const check = checkNickname(value);
  return check.ok && check.nickname === value;
}
