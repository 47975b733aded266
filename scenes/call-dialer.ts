/**
 * The phone app the player opens to check a caller: the official numbers (looked up by the
 * player, not given by the caller) over a keypad, and the calling screen once one is dialled.
 * The keypad is a picture; the DOM buttons beside the phone are the real ones.
 */
import type * as Phaser from 'phaser';
import type { DialerScreen, DirectoryEntryView } from '../src/ui/phone-screen';
import { avatar, buttonRow, type CallKit, circle, fitRadius, hexColor, WHITE } from './call-kit';
import { KEYPAD_KEYS } from './call-layout';
import { drawIcon } from './widgets/call-icons';
import { fillNumber, fillText, heightOf, placeText } from './widgets/call-text';

type Text = Phaser.GameObjects.Text;

/** The texts of the directory's rows, at least `count` of each (the scene keeps a pool). */
export type RowTexts = (count: number) => {
  readonly names: readonly Text[];
  readonly numbers: readonly Text[];
};

/** The calling screen: who is being dialled, the number big, a dimmed keypad, hang up. */
export function drawDialling(k: CallKit, entry: DirectoryEntryView): void {
  const { f } = k;
  const { s, colors, screen } = f;
  const calling = fillText(k.t.status, screen.labels.calling, {
    size: f.px(16),
    color: colors.muted,
    width: f.width,
    maxLines: 1,
  });
  const name = fillText(k.t.name, entry.name, {
    size: f.px(22),
    color: colors.text,
    width: f.width,
    maxLines: 2,
  });
  const number = fillNumber(f.px, k.t.number, entry.number, 32, {
    color: colors.text,
    width: f.width,
  });
  const hang = buttonRow(k, [
    {
      label: k.t.centreLabel,
      text: screen.labels.hangUp,
      color: colors.decline,
      icon: 'hang-up',
    },
  ]);
  const gap = Math.round(12 * s);
  const stackTop = f.top + Math.round(14 * s);
  const head = heightOf(calling) + heightOf(name) + heightOf(number) + 12 * s;
  const keyArea = hang.top - gap - (stackTop + head + gap);
  // A dimmed keypad (decoration) between the number and the hang-up button, when it fits.
  const keyR = Math.round(Math.min(24 * s, (keyArea * 0.8) / 4 / 2.5, f.width / 3 / 2.6));
  const keypadHeight = keyR >= 12 * s ? keyR * 2 * 4 + keyR * 0.5 * 3 : 0;
  const r = fitRadius(keyArea - keypadHeight - gap, 2.6, 18 * s, 40 * s);
  let y = placeText(calling, f.cx, stackTop) + 6 * s;
  if (r > 0) {
    avatar(k, f.cx, Math.round(y + r * 0.3 + r), r, entry.name);
    y += r * 2.6;
  }
  y = placeText(name, f.cx, y) + 2 * s;
  placeText(number, f.cx, y);
  if (keypadHeight > 0) keypad(k, keyR, hang.top - gap - keypadHeight, 0.55);
}

/** The official numbers, each with its number in full, and the keypad below when it fits. */
export function drawDirectory(k: CallKit, dialer: DialerScreen, rowTexts: RowTexts): void {
  const { f } = k;
  const { s, colors, screen } = f;
  const status = fillText(k.t.status, screen.status, {
    size: f.px(13),
    color: colors.muted,
    width: f.width,
    maxLines: 1,
    align: 'left',
  });
  const header = fillText(k.t.name, screen.labels.directory, {
    size: f.px(20),
    color: colors.text,
    width: f.width,
    maxLines: 2,
    align: 'left',
  });
  let y = placeText(status, f.left, f.top + Math.round(6 * s), 0) + 2 * s;
  y = placeText(header, f.left, y, 0) + 10 * s;
  const iconR = Math.round(17 * s);
  const textX = f.left + iconR * 2 + Math.round(12 * s);
  const textWidth = f.right - textX;
  const rowGap = Math.round(8 * s);
  const { names, numbers } = rowTexts(dialer.entries.length);
  const rows: { top: number; height: number }[] = [];
  let listBottom = y;
  dialer.entries.forEach((entry, i) => {
    const name = fillText(names[i] as Text, entry.name, {
      size: f.px(15),
      color: colors.text,
      width: textWidth,
      maxLines: 2,
      align: 'left',
    });
    const number = fillNumber(f.px, numbers[i] as Text, entry.number, 18, {
      color: colors.text,
      width: textWidth,
      align: 'left',
    });
    const height = Math.max(iconR * 2, heightOf(name) + heightOf(number) + 2 * s) + rowGap * 2;
    rows.push({ top: listBottom, height });
    listBottom += height;
  });
  // The keypad, as decoration, below the list when both fit; the list comes first.
  const keyArea = f.bottom - listBottom - 10 * s;
  const keyR = Math.round(Math.min(22 * s, keyArea / 5 / 2.5, f.width / 3 / 2.6));
  const keypadHeight = keyR >= 12 * s ? keyR * 2 * 5 + keyR * 0.5 * 4 : 0;
  const listLimit = keypadHeight > 0 ? f.bottom - keypadHeight - 10 * s : f.bottom;
  rows.forEach((row, i) => {
    if (row.top + row.height > listLimit) return;
    const cy = row.top + row.height / 2;
    circle(k, f.left + iconR, cy, iconR, colors.accent);
    drawIcon(k.shapes, 'answer', f.left + iconR, cy, iconR * 0.95, WHITE);
    const name = names[i] as Text;
    const number = numbers[i] as Text;
    const textTop = cy - (heightOf(name) + heightOf(number) + 2 * s) / 2;
    placeText(number, textX, placeText(name, textX, textTop, 0) + 2 * s, 0);
    k.shapes
      .fillStyle(hexColor(colors.muted), screen.look.highContrast ? 0.8 : 0.25)
      .fillRect(
        textX,
        Math.round(row.top + row.height),
        f.right - textX,
        Math.max(1, Math.round(s)),
      );
  });
  if (keypadHeight > 0) {
    const top = f.bottom - keypadHeight;
    keypad(k, keyR, top, 1);
    const cy = top + (keyR * 2 + keyR * 0.5) * 4 + keyR;
    circle(k, f.cx, cy, keyR, colors.answer);
    drawIcon(k.shapes, 'answer', f.cx, cy, keyR, WHITE);
  }
}

/** The twelve keys, as decoration, from `top` down. */
function keypad(k: CallKit, r: number, top: number, alpha: number): void {
  const { f } = k;
  const { colors } = f;
  const stepX = Math.min(f.width / 3, r * 3.2);
  const stepY = r * 2.5;
  const size = `${Math.round(Math.min(Number.parseInt(f.px(20), 10), r * 1.05))}px`;
  KEYPAD_KEYS.forEach((key, i) => {
    const x = Math.round(f.cx + ((i % 3) - 1) * stepX);
    const y = Math.round(top + Math.floor(i / 3) * stepY + r);
    k.shapes.fillStyle(colors.surface, alpha).fillCircle(x, y, r);
    if (f.screen.look.highContrast)
      k.shapes.lineStyle(Math.max(1, f.s), WHITE, alpha).strokeCircle(x, y, r);
    const text = k.t.keys[i] as Text;
    fillText(text, key, { size, color: colors.text, width: r * 2 });
    text.setOrigin(0.5, 0.5).setPosition(x, y).setAlpha(alpha).setVisible(true);
  });
}
