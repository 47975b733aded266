/**
 * The call screens' pure maths: the call timer's text, where a line of text may break (Chinese
 * has no spaces), wrapping to a width, and keeping the latest words of a caption that does not
 * fit. No Phaser here: text is measured through a function, so all of it is tested in Node.
 */

/** "0:07", "12:34", "1:02:03": how a phone shows how long a call has lasted. */
export function formatCallTime(totalSeconds: number): string {
  const whole = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds)) : 0;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

// Han, kana, Hangul and their punctuation and full-width forms: a line may break between any two.
const CJK = '\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef';
const TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, 'gu');
/** Never at the start of a line (closing punctuation), as Chinese and French typesetting do. */
const NO_START = new Set([...'。，、．！？：；）」』】〉》〕”’…—·,.!?;:)]}%»']);
/** Never at the end of a line (opening brackets and quotes). */
const NO_END = new Set([...'（「『【〈《〔“‘([{«']);

/**
 * Splits text into the pieces a line may break between: each word with its trailing space, or
 * each Chinese character, with punctuation kept on the right side of the break. Joining the
 * pieces gives the text back.
 */
export function breakPieces(text: string): string[] {
  const pieces: string[] = [];
  let opening = '';
  for (const token of text.match(TOKEN) ?? []) {
    const core = [...token.trim()];
    const last = pieces.length - 1;
    const previous = pieces[last];
    if (
      !opening &&
      previous !== undefined &&
      core.length > 0 &&
      core.every((c) => NO_START.has(c))
    ) {
      pieces[last] = previous + token;
    } else if (core.length > 0 && core.every((c) => NO_END.has(c))) {
      opening += token;
    } else {
      pieces.push(opening + token);
      opening = '';
    }
  }
  if (opening) pieces.push(opening);
  return pieces;
}

/** Measures a string's width in pixels in the font it will be drawn in. */
export type Measure = (text: string) => number;

/**
 * Wraps text into lines no wider than `width`: between words, between Chinese characters, and
 * inside a word only when the word alone is wider than the line. With `maxLines`, the last line
 * kept ends with an ellipsis when something was cut.
 */
export function wrapLines(text: string, width: number, measure: Measure, maxLines = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const piece of breakPieces(paragraph)) {
      const candidate = line + piece;
      if (measure(candidate.trimEnd()) <= width) {
        line = candidate;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = piece.trimStart();
      // A piece wider than a whole line (a long URL, a name in a narrow box): cut it anywhere.
      while (line.length > 1 && measure(line.trimEnd()) > width) {
        const cut = Math.max(1, longestFit(line, width, measure));
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line.trimEnd());
  }
  if (maxLines > 0 && lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = withEllipsis(kept[maxLines - 1] ?? '', width, measure);
    return kept;
  }
  return lines;
}

/** How many leading characters of `text` fit in `width` (at least none). */
function longestFit(text: string, width: number, measure: Measure): number {
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(chars.slice(0, mid).join('')) <= width) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('').length;
}

/** The line with "…" at its end, shortened until both fit. */
function withEllipsis(line: string, width: number, measure: Measure): string {
  const chars = [...line.trimEnd()];
  while (chars.length > 0 && measure(`${chars.join('')}…`) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/**
 * The end of a caption that still fits: "…" and its latest words (or characters, in Chinese),
 * as live captions do. `fits` says whether a candidate fits; the whole text is tried first.
 * Returns '' when not even the last word fits.
 */
export function latestWords(text: string, fits: (candidate: string) => boolean): string {
  if (fits(text)) return text;
  const pieces = breakPieces(text);
  const tail = (start: number) => `…${pieces.slice(start).join('').trimStart()}`;
  // Fewer pieces always take less room, so the first start that fits can be searched for.
  let low = 1;
  let high = pieces.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (fits(tail(mid))) high = mid;
    else low = mid + 1;
  }
  return low < pieces.length && fits(tail(low)) ? tail(low) : '';
}

/** The letter on a generated avatar: the name's first letter or character, or '' for none. */
export function initialOf(name: string): string {
  const first = [...name.trim()][0] ?? '';
  return /\p{L}|\p{N}/u.test(first) ? first.toLocaleUpperCase() : '';
}

/** A stable pick among `count` avatar colours for a name, so a caller keeps their colour. */
export function colorIndex(name: string, count: number): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return count > 0 ? hash % count : 0;
}

/**
 * Avatar colours, shared by the chat and the call screens, so a contact who moves from the chat
 * to a video call keeps her colour.
 */
export const AVATAR_COLORS: readonly number[] = [0x3b6fd8, 0x7a4fd0, 0x2f8f83, 0xb5562a, 0x8a5a9b];

/** The same name always gets the same colour. */
export function avatarColor(name: string): number {
  return AVATAR_COLORS[colorIndex(name, AVATAR_COLORS.length)] ?? 0x3b6fd8;
}

/** The keys of a phone keypad, row by row. */
export const KEYPAD_KEYS: readonly string[] = [
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '*',
  '0',
  '#',
];
