/**
 * Text on the call screens: made once, then refilled on every draw with as few re-renders as
 * possible, wrapped by the game's own rules (Chinese breaks between characters) and placed by
 * its top edge. A phone number is never cut: it shrinks instead.
 */
import type * as Phaser from 'phaser';
import { wrapLines } from '../call-layout';
import { FONT } from '../phone-frame';

type Text = Phaser.GameObjects.Text;

/** How one text is set: its size (a CSS px string), colour, wrap width and line limit. */
export interface TextLook {
  readonly size: string;
  readonly color: string;
  readonly width: number;
  readonly maxLines?: number;
  readonly align?: 'left' | 'center';
}

/** A hidden, empty text that wraps by our rules. */
export function makeText(add: Phaser.GameObjects.GameObjectFactory, bold = false): Text {
  const text = add.text(0, 0, '', {
    fontFamily: FONT,
    fontStyle: bold ? 'bold' : '',
    align: 'center',
  });
  return text.setWordWrapCallback(wrapText).setVisible(false);
}

/** Sets a text's words and look with one re-render where possible; positions and shows nothing. */
export function fillText(text: Text, value: string, look: TextLook): Text {
  const style = text.style;
  const align = look.align ?? 'center';
  const maxLines = look.maxLines ?? 0;
  const width = Math.max(1, look.width);
  const fontChanged = style.fontSize !== look.size;
  const changed =
    fontChanged ||
    style.color !== look.color ||
    style.align !== align ||
    style.wordWrapWidth !== width ||
    style.maxLines !== maxLines;
  style.fontSize = look.size;
  style.color = look.color;
  style.align = align;
  style.wordWrapWidth = width;
  style.maxLines = maxLines;
  if (changed) style.update(fontChanged);
  if (text.text !== value) text.setText(value);
  return text;
}

/**
 * A phone number. The number is the lesson (a faked caller ID looks exactly like the real one),
 * so it is never cut: its type shrinks to fit the width, and only on an absurdly narrow phone
 * does it wrap. `px` turns a base size into a CSS size.
 */
export function fillNumber(
  px: (base: number) => string,
  text: Text,
  value: string,
  base: number,
  look: Omit<TextLook, 'size' | 'maxLines'>,
): Text {
  for (const k of [1, 0.9, 0.8, 0.7, 0.6]) {
    fillText(text, value, { ...look, size: px(base * k), maxLines: 1 });
    if (!text.getWrappedText(value).join('').endsWith('…')) return text;
  }
  return fillText(text, value, { ...look, size: px(base * 0.6), maxLines: 2 });
}

/**
 * Shows a text with its top at `y`, centred on `x` (or starting at `x` with originX 0).
 * Returns its bottom; an empty text takes no room and stays hidden.
 */
export function placeText(text: Text, x: number, y: number, originX = 0.5): number {
  if (!text.text) return y;
  text.setOrigin(originX, 0).setPosition(Math.round(x), Math.round(y)).setVisible(true);
  return y + text.height;
}

/** A text's height, or 0 when it is empty. */
export function heightOf(text: Text): number {
  return text.text ? text.height : 0;
}

/** Phaser's word-wrap hook: wraps by our own rules, to the text's wrap width and line limit. */
function wrapText(value: string, text: Text): string[] {
  const width = text.style.wordWrapWidth;
  if (!width) return [value];
  const context = text.context;
  return wrapLines(value, width, (line) => context.measureText(line).width, text.style.maxLines);
}
