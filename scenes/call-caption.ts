/**
 * The lower half of a call screen: the caller's latest words as a live caption that never runs
 * over the buttons, and the safety actions as a phone's small round icons with their labels.
 */
import type * as Phaser from 'phaser';
import type { CallScreen, PhoneActionKind } from '../src/ui/phone-screen';
import { type CallKit, circle, type Frame, hexColor, WHITE } from './call-kit';
import { latestWords } from './call-layout';
import { drawIcon } from './widgets/call-icons';
import { fillText, heightOf, placeText } from './widgets/call-text';

type Text = Phaser.GameObjects.Text;

/** Caption sizes tried in turn, largest first (base sizes for fontPx). */
const CAPTION_SIZES = [17, 15, 13, 12];
/** Captions never get smaller than this (px): below it, only their latest words are kept. */
const CAPTION_FLOOR = 12;
/** The scene makes this many action labels. */
export const MAX_ACTIONS = 6;

/** The safety actions the call offers, as a phone's small round icons (hang-up is the big one). */
export function actionKinds(call: CallScreen): PhoneActionKind[] {
  return call.actions.filter((kind) => kind !== 'hang-up').slice(0, MAX_ACTIONS);
}

/** Sets the action labels and returns the row's height. */
export function fillActionLabels(
  k: CallKit,
  kinds: readonly PhoneActionKind[],
  width: number,
  color = k.f.colors.text,
): number {
  const { f } = k;
  if (kinds.length === 0) return 0;
  const perRow = Math.min(kinds.length, 4);
  const cell = width / perRow - 6 * f.s;
  let labelHeight = 0;
  kinds.forEach((kind, i) => {
    const label = k.t.actionLabels[i] as Text;
    fillText(label, f.screen.labels.actions[kind], {
      size: f.px(11),
      color,
      width: cell,
      maxLines: 2,
    });
    labelHeight = Math.max(labelHeight, heightOf(label));
  });
  const rows = Math.ceil(kinds.length / perRow);
  return rows * (actionRadius(f) * 2 + 4 * f.s + labelHeight) + (rows - 1) * 8 * f.s;
}

function actionRadius(f: Frame): number {
  return Math.round(Math.min(18 * f.s, f.width / 10));
}

/** Draws the action icons ending at `bottom`; returns their height. */
export function placeActions(
  k: CallKit,
  kinds: readonly PhoneActionKind[],
  bottom: number,
  overCamera: boolean,
): number {
  const { f } = k;
  const height = fillActionLabels(k, kinds, f.width, overCamera ? '#ffffff' : f.colors.text);
  const perRow = Math.min(kinds.length, 4);
  const rows = Math.ceil(kinds.length / perRow);
  const rowHeight = (height - (rows - 1) * 8 * f.s) / rows;
  const r = actionRadius(f);
  const cell = f.width / perRow;
  kinds.forEach((kind, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, kinds.length - row * perRow);
    const x = Math.round(f.cx + ((i % perRow) - (inRow - 1) / 2) * cell);
    const top = bottom - height + row * (rowHeight + 8 * f.s);
    if (overCamera)
      k.shapes.fillStyle(WHITE, f.screen.look.highContrast ? 0.3 : 0.18).fillCircle(x, top + r, r);
    else circle(k, x, top + r, r, f.colors.surface);
    drawIcon(k.shapes, kind, x, top + r, r * 0.95, overCamera ? WHITE : hexColor(f.colors.text));
    placeText(k.t.actionLabels[i] as Text, x, top + r * 2 + 4 * f.s);
  });
  return height;
}

/** The caption box's height at full size. */
export function captionWant(k: CallKit, call: CallScreen): number {
  const { f } = k;
  const width = f.width - Math.round(12 * f.s) * 2;
  fillText(k.t.caption, call.caption, {
    size: f.px(CAPTION_SIZES[0] ?? 17),
    color: f.colors.text,
    width,
    align: 'left',
  });
  const speaker = call.captionSpeaker ? Number.parseInt(f.px(12), 10) * 1.3 : 0;
  return k.t.caption.height + speaker + 20 * f.s;
}

export function captionMinHeight(f: Frame): number {
  // Two lines at the smallest caption size, the speaker's name and the box's padding.
  const line =
    Number.parseInt(f.px(CAPTION_SIZES[CAPTION_SIZES.length - 1] ?? 12, CAPTION_FLOOR), 10) * 1.3;
  const speaker = Number.parseInt(f.px(12), 10) * 1.3;
  return line * 2 + speaker + 20 * f.s;
}

/**
 * The caller's latest words in a box between `top` and `bottom`, anchored to the bottom: the
 * type shrinks first, then only the end (the latest words) is kept, so the box never runs over
 * the buttons. The whole text is always in the DOM transcript.
 */
export function drawCaption(
  k: CallKit,
  call: CallScreen,
  top: number,
  bottom: number,
  overCamera: boolean,
): { top: number } {
  const { f } = k;
  const { s, colors, screen } = f;
  const padX = Math.round(12 * s);
  const padY = Math.round(8 * s);
  const width = f.width - padX * 2;
  const light = overCamera ? '#ffffff' : colors.text;
  const speaker = fillText(k.t.speaker, call.captionSpeaker, {
    size: f.px(12),
    color: overCamera ? '#ffffff' : colors.muted,
    width,
    maxLines: 1,
    align: 'left',
  });
  const speakerHeight = call.captionSpeaker ? heightOf(speaker) + 2 * s : 0;
  const room = bottom - top - padY * 2 - speakerHeight;
  if (room <= 0) return { top: bottom };
  let size = f.px(CAPTION_SIZES[0] ?? 17);
  let fitted = false;
  for (const base of CAPTION_SIZES) {
    size = f.px(base, CAPTION_FLOOR);
    fillText(k.t.caption, call.caption, { size, color: light, width, align: 'left' });
    if (k.t.caption.height <= room) {
      fitted = true;
      break;
    }
  }
  if (!fitted) {
    const kept = latestWords(call.caption, (candidate) => {
      k.t.caption.setText(candidate);
      return k.t.caption.height <= room;
    });
    k.t.caption.setText(kept);
  }
  const boxHeight = Math.round(k.t.caption.height + speakerHeight + padY * 2);
  const boxTop = Math.round(bottom - boxHeight);
  if (overCamera) k.shapes.fillStyle(0x000000, screen.look.highContrast ? 0.85 : 0.6);
  else k.shapes.fillStyle(colors.surface, 1);
  k.shapes.fillRoundedRect(f.left, boxTop, f.width, boxHeight, 12 * s);
  if (screen.look.highContrast)
    k.shapes
      .lineStyle(Math.max(2, 2 * s), WHITE, 1)
      .strokeRoundedRect(f.left, boxTop, f.width, boxHeight, 12 * s);
  let y = boxTop + padY;
  if (call.captionSpeaker) y = placeText(speaker, f.left + padX, y, 0) + 2 * s;
  placeText(k.t.caption, f.left + padX, y, 0);
  return { top: boxTop };
}
