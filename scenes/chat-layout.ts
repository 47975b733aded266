/**
 * The chat scene's pure maths: how the screen splits into header, actions, messages and
 * composer, how the messages stack (newest at the bottom, older ones scrolled off the top), how
 * wide a bubble may be, and the generated avatar's colour. No Phaser here, so it is tested in
 * Node. Line breaking and initials are the call screens' (call-layout.ts), shared.
 */
import type { Measure } from './call-layout';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChatFrame {
  readonly status: Box;
  readonly header: Box;
  /** Height 0 when no safety action is offered. */
  readonly strip: Box;
  readonly list: Box;
  readonly bottom: Box;
}

/**
 * Stacks the fixed parts of the app down the phone's screen; the message list takes what is
 * left, never less than nothing. Every edge is a whole pixel so hairlines stay sharp.
 */
export function chatFrame(
  inner: Box,
  heights: { status: number; header: number; strip: number; bottom: number },
): ChatFrame {
  const x = Math.round(inner.x);
  const width = Math.round(inner.width);
  const top = Math.round(inner.y);
  const end = Math.round(inner.y + inner.height);
  const statusEnd = Math.min(end, top + Math.round(heights.status));
  const headerEnd = Math.min(end, statusEnd + Math.round(heights.header));
  const stripEnd = Math.min(end, headerEnd + Math.round(heights.strip));
  const bottomStart = Math.max(stripEnd, end - Math.round(heights.bottom));
  return {
    status: { x, y: top, width, height: statusEnd - top },
    header: { x, y: statusEnd, width, height: headerEnd - statusEnd },
    strip: { x, y: headerEnd, width, height: stripEnd - headerEnd },
    list: { x, y: stripEnd, width, height: bottomStart - stripEnd },
    bottom: { x, y: bottomStart, width, height: end - bottomStart },
  };
}

export interface Stack {
  /** Top of each item, in the list's own coordinates (0 is the top of the first item's gap). */
  readonly tops: readonly number[];
  /** Height of everything, padding included. */
  readonly content: number;
  /** How far the list is scrolled so the newest item sits at the bottom; 0 when all fit. */
  readonly scroll: number;
}

/**
 * Puts items one under the other. When they fit, they start at the top as in a new chat; when
 * they do not, the list is scrolled to its end, so older items leave by the top.
 */
export function stackItems(
  heights: readonly number[],
  options: { gap: number; padTop: number; padBottom: number; viewport: number },
): Stack {
  const tops: number[] = [];
  let y = options.padTop;
  heights.forEach((height, index) => {
    if (index > 0) y += options.gap;
    tops.push(Math.round(y));
    y += Math.max(0, height);
  });
  const content = Math.round(y + options.padBottom);
  return { tops, content, scroll: Math.max(0, content - Math.max(0, options.viewport)) };
}

/** Whether an item from `top` to `top + height` shows in a viewport scrolled by `scroll`. */
export function isVisible(top: number, height: number, scroll: number, viewport: number): boolean {
  return top + height > scroll && top < scroll + viewport;
}

export interface BubbleWidths {
  /** The widest a bubble may be, padding included. */
  readonly bubble: number;
  /** The width its text wraps at. */
  readonly text: number;
  /** The width of an image placeholder. */
  readonly image: number;
}

/**
 * Bubbles take at most about three quarters of the list, as in every messaging app; the text
 * width never drops below a few characters, so wrapping always has room for one.
 */
export function bubbleWidths(listWidth: number, unit: number, fontSize: number): BubbleWidths {
  const padding = 11 * unit;
  const bubble = Math.max(fontSize * 4, Math.round(listWidth * 0.78));
  const text = Math.max(fontSize * 2, Math.round(bubble - padding * 2));
  const image = Math.max(fontSize * 4, Math.round(Math.min(bubble - 8 * unit, 210 * unit)));
  return { bubble, text, image };
}

export interface Cell {
  readonly x: number;
  readonly width: number;
}

/** Splits a row into `count` equal cells, whole pixels, that fill it exactly. */
export function rowCells(x: number, width: number, count: number): Cell[] {
  const cells: Cell[] = [];
  if (count <= 0) return cells;
  for (let index = 0; index < count; index += 1) {
    const left = Math.round(x + (width * index) / count);
    const right = Math.round(x + (width * (index + 1)) / count);
    cells.push({ x: left, width: right - left });
  }
  return cells;
}

/**
 * Shortens a one-line text to fit `maxWidth`, ending it with an ellipsis, as apps do with long
 * names in a header. Cuts between characters, never inside one.
 */
export function truncateToWidth(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  const chars = Array.from(text);
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`) <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return low === 0 ? '…' : `${chars.slice(0, low).join('').trimEnd()}…`;
}

export interface ComposerLayout {
  /** The text field, from the bar's left edge. */
  readonly field: Cell;
  /** The round button: send at the right (first app) or camera at the left (second app). */
  readonly button: Cell;
}

/**
 * The composer bar: the first app has "+" at the left, the field, and a send button at the
 * right; the second app a camera button at the left and a longer field. `icon` is the size of
 * the "+" and `height` the field's (the button is round and as tall).
 */
export function composerLayout(
  width: number,
  unit: number,
  icon: number,
  height: number,
  second: boolean,
): ComposerLayout {
  if (second) {
    const button = { x: Math.round(12 * unit), width: height };
    const x = button.x + height + Math.round(8 * unit);
    return { button, field: { x, width: Math.max(0, width - Math.round(12 * unit) - x) } };
  }
  const button = { x: Math.round(width - 14 * unit - height), width: height };
  const x = Math.round(22 * unit + icon / 2 + 9 * unit);
  return { button, field: { x, width: Math.max(0, button.x - Math.round(8 * unit) - x) } };
}
