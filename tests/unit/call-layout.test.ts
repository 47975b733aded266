/**
 * The call screens' pure maths: the call timer, line breaking for English, French and Chinese,
 * and keeping a caption's latest words when it does not fit. Text is "measured" at 10 px per
 * character, so widths read plainly.
 */
import { describe, expect, it } from 'vitest';
import {
  breakPieces,
  colorIndex,
  formatCallTime,
  initialOf,
  latestWords,
  wrapLines,
} from '../../scenes/call-layout';

const measure = (text: string) => [...text].length * 10;

describe('formatCallTime', () => {
  it('shows minutes and two-digit seconds, as a phone does', () => {
    expect(formatCallTime(0)).toBe('0:00');
    expect(formatCallTime(7.9)).toBe('0:07');
    expect(formatCallTime(59)).toBe('0:59');
    expect(formatCallTime(60)).toBe('1:00');
    expect(formatCallTime(754)).toBe('12:34');
  });

  it('adds hours to long calls and never shows a negative or broken time', () => {
    expect(formatCallTime(3723)).toBe('1:02:03');
    expect(formatCallTime(-5)).toBe('0:00');
    expect(formatCallTime(Number.NaN)).toBe('0:00');
  });
});

describe('breakPieces', () => {
  it('keeps each word with its space, so joining gives the text back', () => {
    const text = 'This is Officer Daniel Clarke.';
    expect(breakPieces(text)).toEqual(['This ', 'is ', 'Officer ', 'Daniel ', 'Clarke.']);
    expect(breakPieces(text).join('')).toBe(text);
  });

  it('breaks Chinese between characters, never before closing punctuation', () => {
    const text = '下午好。我是警官 Daniel Clarke。';
    const pieces = breakPieces(text);
    expect(pieces.join('')).toBe(text);
    expect(pieces.slice(0, 4)).toEqual(['下', '午', '好。', '我']);
    expect(pieces.at(-1)).toBe('Clarke。');
    expect(pieces.some((piece) => piece.startsWith('。'))).toBe(false);
  });

  it('keeps French spaced punctuation and quotes with their words', () => {
    const pieces = breakPieces('L\u2019écran affiche « Toronto Police ». Que fais-tu ?');
    expect(pieces).toContain('« Toronto ');
    expect(pieces).toContain('Police ». ');
    expect(pieces.at(-1)).toBe('fais-tu ?');
  });

  it('keeps an opening bracket with the character after it', () => {
    expect(breakPieces('警察局（多伦多）')).toEqual(['警', '察', '局', '（多', '伦', '多）']);
  });
});

describe('wrapLines', () => {
  it('wraps between words within the width', () => {
    expect(wrapLines('Good afternoon. This is Officer Clarke.', 160, measure)).toEqual([
      'Good afternoon.',
      'This is Officer',
      'Clarke.',
    ]);
  });

  it('wraps Chinese anywhere but before punctuation', () => {
    const lines = wrapLines(
      '你的身份被犯罪分子用来开设银行账户。警方已经签发了逮捕令。',
      80,
      measure,
    );
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(80);
    expect(lines.join('')).toBe('你的身份被犯罪分子用来开设银行账户。警方已经签发了逮捕令。');
    expect(lines.some((line) => line.startsWith('。'))).toBe(false);
  });

  it('cuts a word wider than the line', () => {
    expect(wrapLines('Call abcdefghijkl now', 50, measure)).toEqual([
      'Call',
      'abcde',
      'fghij',
      'kl',
      'now',
    ]);
  });

  it('keeps line breaks and ends a cut text with an ellipsis', () => {
    expect(wrapLines('one\ntwo', 100, measure)).toEqual(['one', 'two']);
    expect(wrapLines('Canadian Anti-Fraud Centre of Canada', 100, measure, 2)).toEqual([
      'Canadian',
      'Anti-Frau…',
    ]);
  });
});

describe('latestWords', () => {
  const fitsIn = (chars: number) => (text: string) => [...text].length <= chars;

  it('keeps the whole caption when it fits', () => {
    expect(latestWords('I can help you.', fitsIn(40))).toBe('I can help you.');
  });

  it('keeps the latest words behind an ellipsis', () => {
    const text = 'A warrant has been issued in your name, and officers could come today.';
    const kept = latestWords(text, fitsIn(30));
    expect(kept).toBe('…officers could come today.');
    expect(kept.length).toBeLessThanOrEqual(30);
  });

  it('keeps the latest Chinese characters', () => {
    expect(latestWords('警方已经签发了对你的逮捕令。', fitsIn(6))).toBe('…的逮捕令。');
  });

  it('gives nothing when not even the last word fits', () => {
    expect(latestWords('tiny room here', fitsIn(2))).toBe('');
  });
});

describe('avatars', () => {
  it('takes the first letter or character of a name', () => {
    expect(initialOf('Toronto Police')).toBe('T');
    expect(initialOf('  élodie')).toBe('É');
    expect(initialOf('多伦多警察局')).toBe('多');
    expect(initialOf('')).toBe('');
    expect(initialOf('+1 416')).toBe('');
  });

  it('gives a name the same colour every time', () => {
    expect(colorIndex('Toronto Police', 5)).toBe(colorIndex('Toronto Police', 5));
    expect(colorIndex('Toronto Police', 5)).toBeLessThan(5);
    expect(colorIndex('x', 0)).toBe(0);
  });
});
