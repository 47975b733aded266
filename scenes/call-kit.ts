/**
 * What every call view draws with: the frame's measures (worked out once per draw from the
 * phone's size and the player's look), two Graphics layers, the scene's texts, and the parts
 * the views share: the generated avatar, round buttons with their labels.
 */
import type * as Phaser from 'phaser';
import type { PhoneScreen } from '../src/ui/phone-screen';
import { avatarColor, initialOf } from './call-layout';
import { fontPx, type Palette, type PhoneRect, statusBarHeight } from './phone-frame';
import { type CallIcon, drawIcon, drawSilhouette } from './widgets/call-icons';
import { fillText, heightOf, placeText } from './widgets/call-text';

type Text = Phaser.GameObjects.Text;
type Graphics = Phaser.GameObjects.Graphics;

export const WHITE = 0xffffff;

/** Where things go on this frame. */
export interface Frame {
  readonly rect: PhoneRect;
  readonly colors: Palette;
  readonly screen: PhoneScreen;
  /** The phone's scale (about 1 on a 320x560 phone). */
  readonly s: number;
  readonly left: number;
  readonly right: number;
  readonly width: number;
  readonly cx: number;
  /** Just below the status bar. */
  readonly top: number;
  readonly bottom: number;
  readonly buttonRadius: number;
  /** Type size for a base size, never below `floor` pixels (the smallest legible size here). */
  readonly px: (base: number, floor?: number) => string;
}

export function makeFrame(rect: PhoneRect, screen: PhoneScreen, colors: Palette): Frame {
  const s = rect.scale;
  const pad = Math.round(16 * s);
  return {
    rect,
    colors,
    screen,
    s,
    left: rect.inner.x + pad,
    right: rect.inner.x + rect.inner.width - pad,
    width: rect.inner.width - pad * 2,
    cx: Math.round(rect.inner.x + rect.inner.width / 2),
    top: rect.inner.y + statusBarHeight(rect),
    bottom: rect.inner.y + rect.inner.height - Math.round(14 * s),
    buttonRadius: Math.round(Math.min(30 * s, rect.inner.width * 0.1, rect.inner.height * 0.07)),
    px: (base, floor = 10) =>
      `${Math.max(floor, Number.parseInt(fontPx(base, rect, screen.look), 10))}px`,
  };
}

/** The scene's texts, made once in build(); each view fills the ones it shows. */
export interface CallTexts {
  readonly clock: Text;
  readonly status: Text;
  readonly initial: Text;
  readonly name: Text;
  readonly number: Text;
  readonly subtitle: Text;
  readonly timer: Text;
  readonly speaker: Text;
  readonly caption: Text;
  readonly cameraOff: Text;
  readonly leftLabel: Text;
  readonly rightLabel: Text;
  readonly centreLabel: Text;
  readonly actionLabels: readonly Text[];
  readonly keys: readonly Text[];
}

export interface CallKit {
  readonly f: Frame;
  /** Under everything else: the video caller's camera picture. */
  readonly camera: Graphics;
  /** Buttons, icons, boxes and avatars. */
  readonly shapes: Graphics;
  readonly t: CallTexts;
}

/** A round button drawn on the phone (a picture: the real one is a DOM button). */
export interface CallButton {
  readonly label: Text;
  readonly text: string;
  readonly color: number;
  readonly icon: CallIcon;
}

/** A generated avatar: the caller's initial in a coloured disc, or a silhouette. */
export function avatar(k: CallKit, x: number, y: number, r: number, name: string, alpha = 1): void {
  const { f } = k;
  const { colors, screen } = f;
  const fill = screen.look.highContrast ? 0x000000 : avatarColor(name);
  k.shapes.fillStyle(fill, alpha).fillCircle(x, y, r);
  if (screen.look.highContrast)
    k.shapes.lineStyle(Math.max(2, 2 * f.s), WHITE, 1).strokeCircle(x, y, r);
  const letter = initialOf(name);
  if (!letter) {
    drawSilhouette(k.shapes, x, y + r * 0.1, r * 1.2, WHITE, 0.85 * alpha);
    return;
  }
  fillText(k.t.initial, letter, {
    size: `${Math.round(r * 0.95)}px`,
    color: colors.textOnAccent,
    width: r * 2,
  });
  k.t.initial.setOrigin(0.5, 0.5).setPosition(x, Math.round(y)).setAlpha(alpha).setVisible(true);
}

/** Round call buttons along the bottom, each with its label under it. */
export function buttonRow(
  k: CallKit,
  buttons: readonly CallButton[],
  labelColor = k.f.colors.text,
): { top: number; centreY: number } {
  const { f } = k;
  const r = f.buttonRadius;
  const cellWidth = buttons.length > 1 ? f.width / buttons.length - 8 * f.s : f.width * 0.6;
  let labelHeight = 0;
  for (const button of buttons) {
    fillText(button.label, button.text, {
      size: f.px(13),
      color: labelColor,
      width: cellWidth,
      maxLines: 2,
    });
    labelHeight = Math.max(labelHeight, heightOf(button.label));
  }
  const centreY = Math.round(f.bottom - labelHeight - 6 * f.s - r);
  const spread = buttons.length > 1 ? Math.min(f.width * 0.3, 92 * f.s) : 0;
  buttons.forEach((button, i) => {
    const x = buttons.length > 1 ? f.cx + (i === 0 ? -spread : spread) : f.cx;
    circle(k, x, centreY, r, button.color);
    drawIcon(k.shapes, button.icon, x, centreY, r * 0.95, WHITE);
    placeText(button.label, x, centreY + r + 6 * f.s);
  });
  return { top: centreY - r, centreY };
}

/** A filled disc, outlined in white in high contrast. */
export function circle(k: CallKit, x: number, y: number, r: number, color: number): void {
  const { f } = k;
  k.shapes.fillStyle(color, 1).fillCircle(x, y, r);
  if (f.screen.look.highContrast)
    k.shapes.lineStyle(Math.max(2, 2 * f.s), WHITE, 1).strokeCircle(x, y, r);
}

/** The largest radius (up to `max`) whose `factor` x radius fits in `room`, or 0 if below `min`. */
export function fitRadius(room: number, factor: number, min: number, max: number): number {
  const r = Math.min(max, room / factor);
  return r >= min ? Math.round(r) : 0;
}

/** A palette's CSS colour ("#f5f7fb") as a number for Graphics. */
export function hexColor(css: string): number {
  return Number.parseInt(css.replace('#', ''), 16);
}
