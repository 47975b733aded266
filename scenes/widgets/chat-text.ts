/**
 * Phaser Text redraws its canvas and uploads a texture on every style change, even to the same
 * value. The chat restyles every text on every redraw (a resize changes all the sizes), so this
 * applies a style only when something actually changed.
 *
 * Wrapping goes through the call screens' `wrapLines` rather than Phaser's own word wrap: Phaser
 * breaks only at spaces and cuts a Chinese sentence anywhere, punctuation included, while
 * `wrapLines` breaks between Chinese characters and keeps "，。？" off the start of a line.
 */
import type * as Phaser from 'phaser';
import { wrapLines } from '../call-layout';
import { truncateToWidth } from '../chat-layout';
import { css } from '../chat-theme';
import { FONT } from '../phone-frame';

export interface TextLook {
  readonly size: number;
  readonly color: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Wrap width in pixels (words, long words and Chinese all wrap); none for one line. */
  readonly wrap?: number;
  readonly align?: 'left' | 'center' | 'right';
  /** With `wrap`: at most this many lines, the last one ending in "…" when cut. */
  readonly maxLines?: number;
  readonly lineSpacing?: number;
}

const applied = new WeakMap<Phaser.GameObjects.Text, string>();

/** The phone's font, then colour emoji fonts, so "😊" is not a box where they exist. */
const CHAT_FONT = `${FONT}, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji"`;

type TextMetrics = Phaser.Types.GameObjects.Text.TextMetrics;

/**
 * Each font's ascent and descent, by "style|size". Phaser measures them for every new Text and
 * every font change, on a canvas of its own each time; the phone uses a handful of fonts, so
 * each is measured once per page (it was a fifth of the time a new chat screen took to draw).
 */
const fontMetrics = new Map<string, TextMetrics>();
const fontKey = (style: string, size: string) => `${style}|${size}`;

/** Phaser's own defaults, which a new Text starts with. */
const DEFAULT_FONT = fontKey('', '16px');

/** The style a chat text is created with (then `setText` gives it its look). */
export function textStyle(): Phaser.Types.GameObjects.Text.TextStyle {
  const metrics = fontMetrics.get(DEFAULT_FONT);
  return { fontFamily: CHAT_FONT, padding: { top: 2, bottom: 2 }, ...(metrics ? { metrics } : {}) };
}

/** For a text just made with `textStyle()`: its font's metrics serve the next ones. */
export function rememberFont<T extends Phaser.GameObjects.Text>(text: T): T {
  learnMetrics(text.style);
  return text;
}

/** Remembers a text's current metrics for its font, the first time that font is seen. */
function learnMetrics(style: Phaser.GameObjects.TextStyle): void {
  const size = typeof style.fontSize === 'number' ? `${style.fontSize}px` : style.fontSize;
  const key = fontKey(style.fontStyle, size);
  if (!fontMetrics.has(key)) fontMetrics.set(key, style.getTextMetrics());
}

function fontStyle(look: TextLook): string {
  return [look.italic ? 'italic' : '', look.bold ? 'bold' : ''].filter(Boolean).join(' ');
}

/** Sets a text's content and look; does nothing when both are as they were. */
export function setText(
  text: Phaser.GameObjects.Text,
  content: string,
  look: TextLook,
): Phaser.GameObjects.Text {
  const size = Math.max(6, Math.round(look.size));
  const wrap = look.wrap === undefined ? null : Math.max(size * 2, Math.floor(look.wrap));
  const key = [
    content,
    size,
    look.color,
    fontStyle(look),
    wrap,
    look.align ?? 'left',
    look.maxLines ?? 0,
    Math.round(look.lineSpacing ?? 0),
  ].join('\u0000');
  if (applied.get(text) === key) return text;
  applied.set(text, key);

  const style = text.style;
  const font = `${size}px`;
  const fontChanged = style.fontSize !== font || style.fontStyle !== fontStyle(look);
  style.color = css(look.color);
  const maxLines = look.maxLines ?? 0;
  // Phaser sets the canvas's font before it asks for the lines, so measuring there is exact.
  style.wordWrapCallback =
    wrap === null
      ? null
      : (content: string, target: Phaser.GameObjects.Text) =>
          wrapLines(content, wrap, (part) => target.context.measureText(part).width, maxLines);
  style.wordWrapWidth = null;
  style.align = look.align ?? 'left';
  style.maxLines = 0;
  text.lineSpacing = Math.round(look.lineSpacing ?? 0);
  // One redraw: a font seen before takes its known metrics; a new one is measured (and drawn).
  let redrawn = false;
  if (fontChanged) {
    const known = fontMetrics.get(fontKey(fontStyle(look), font));
    if (known) {
      // Sets the font and its metrics without measuring or drawing; the other settings stay.
      style.setStyle({ fontSize: font, fontStyle: fontStyle(look), metrics: known }, false);
    } else {
      style.fontSize = font;
      style.fontStyle = fontStyle(look);
      style.update(true);
      learnMetrics(style);
      redrawn = true;
    }
  }
  if (text.text !== content) text.setText(content);
  else if (!redrawn) style.update(false);
  return text;
}

/** One line, shortened with an ellipsis to fit `maxWidth` (names in the header). */
export function setLine(
  text: Phaser.GameObjects.Text,
  content: string,
  look: TextLook,
  maxWidth: number,
): Phaser.GameObjects.Text {
  const size = Math.max(6, Math.round(look.size));
  const context = text.context;
  context.font = `${fontStyle(look)} ${size}px ${CHAT_FONT}`.trim();
  const fitted = truncateToWidth(
    content,
    Math.max(size, maxWidth),
    (s) => context.measureText(s).width,
  );
  return setText(text, fitted, { ...look, wrap: undefined, maxLines: 1 });
}

/**
 * The type size for a row of short labels in narrow cells (the safety actions): one size for
 * the whole row, shrunk (to 60%, never under 8 px) until no single word is wider than a cell,
 * so labels wrap between words instead of cutting one in two.
 */
export function labelSize(
  text: Phaser.GameObjects.Text,
  contents: readonly string[],
  look: TextLook,
  width: number,
): number {
  const size = Math.round(look.size);
  const context = text.context;
  context.font = `${fontStyle(look)} ${size}px ${CHAT_FONT}`.trim();
  let widest = 0;
  for (const content of contents) {
    for (const word of content.split(/\s+/u)) {
      widest = Math.max(widest, context.measureText(word).width);
    }
  }
  const room = Math.floor(width) - 1;
  if (widest <= room) return size;
  return Math.max(8, Math.floor(size * Math.max(0.6, room / widest)));
}
