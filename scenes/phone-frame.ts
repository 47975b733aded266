/**
 * The phone's body, shared by every scene: where it sits on the stage, its colours, its status
 * bar. The layout maths is a pure function so any screen, from a 1366x768 laptop to a portrait
 * phone, gets a phone that fits, and so it can be tested without a canvas.
 */
import type * as Phaser from 'phaser';
import type { PhoneLook } from '../src/ui/phone-screen';

export const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif';

export interface PhoneRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Multiplier for type and spacing, about 1 on a 320x600 phone. */
  readonly scale: number;
  /** The screen inside the body. */
  readonly inner: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/** Fits a phone into a stage of `width` x `height`: tall like a phone where there is room. */
export function phoneRect(width: number, height: number): PhoneRect {
  const margin = Math.min(12, Math.max(4, Math.min(width, height) * 0.03));
  const phoneHeight = Math.max(120, Math.min(height - margin * 2, 680));
  const phoneWidth = Math.max(
    100,
    Math.min(width - margin * 2, Math.max(phoneHeight * 0.5, Math.min(width - margin * 2, 360))),
  );
  const x = (width - phoneWidth) / 2;
  const y = (height - phoneHeight) / 2;
  const scale = Math.min(1.2, Math.max(0.65, Math.min(phoneWidth / 320, phoneHeight / 560)));
  const bezel = Math.round(8 * scale);
  return {
    x,
    y,
    width: phoneWidth,
    height: phoneHeight,
    scale,
    inner: {
      x: x + bezel,
      y: y + bezel,
      width: phoneWidth - bezel * 2,
      height: phoneHeight - bezel * 2,
    },
  };
}

export interface Palette {
  readonly stage: number;
  readonly body: number;
  readonly screen: number;
  readonly surface: number;
  readonly accent: number;
  readonly answer: number;
  readonly decline: number;
  readonly text: string;
  readonly muted: string;
  readonly textOnAccent: string;
}

const NORMAL: Palette = {
  stage: 0x0f1420,
  body: 0x1b2233,
  screen: 0x263048,
  surface: 0x323d5a,
  accent: 0x3b6fd8,
  answer: 0x2e9e5b,
  decline: 0xd64545,
  text: '#f5f7fb',
  muted: '#c3cce0',
  textOnAccent: '#ffffff',
};

/** High contrast: pure black and white with strong accents, like the phones' own setting. */
const HIGH_CONTRAST: Palette = {
  stage: 0x000000,
  body: 0x000000,
  screen: 0x000000,
  surface: 0x1a1a1a,
  accent: 0x0050c8,
  answer: 0x00802b,
  decline: 0xc40000,
  text: '#ffffff',
  muted: '#ffffff',
  textOnAccent: '#ffffff',
};

export function palette(look: PhoneLook): Palette {
  return look.highContrast ? HIGH_CONTRAST : NORMAL;
}

/** Font size in CSS pixels for a base size, the phone's scale and the player's text size. */
export function fontPx(base: number, rect: PhoneRect, look: PhoneLook): string {
  // The canvas is a picture of a phone; the DOM transcript carries the full-size text. Growing
  // canvas type all the way to 200% would push everything off a phone screen, so it grows by half.
  const grow = 1 + (Math.min(2, Math.max(1, look.textScale)) - 1) * 0.5;
  return `${Math.round(base * rect.scale * grow)}px`;
}

/** Draws the phone body and its status bar (clock on the left, status on the right). */
export function drawBody(
  graphics: Phaser.GameObjects.Graphics,
  rect: PhoneRect,
  colors: Palette,
  screenColor = colors.screen,
): void {
  graphics.clear();
  graphics
    .fillStyle(colors.body, 1)
    .fillRoundedRect(rect.x, rect.y, rect.width, rect.height, 28 * rect.scale);
  // In high contrast the body and the stage are both black: a white edge shows the phone.
  if (colors.body === colors.stage) {
    graphics
      .lineStyle(2, 0xffffff, 1)
      .strokeRoundedRect(rect.x + 1, rect.y + 1, rect.width - 2, rect.height - 2, 28 * rect.scale);
  }
  graphics
    .fillStyle(screenColor, 1)
    .fillRoundedRect(
      rect.inner.x,
      rect.inner.y,
      rect.inner.width,
      rect.inner.height,
      20 * rect.scale,
    );
}

/** Height of the status bar at the top of the inner screen. */
export function statusBarHeight(rect: PhoneRect): number {
  return Math.round(26 * rect.scale);
}
