/**
 * The chat app's small icons, drawn with lines and shapes (no image files, no icon font), each
 * centred on a point and `size` pixels across. They are pictures only: the real buttons are the
 * DOM buttons beside the canvas.
 */
import type * as Phaser from 'phaser';
import type { PhoneActionKind } from '../../src/ui/phone-screen';

type Graphics = Phaser.GameObjects.Graphics;

/** Fills the polygon through x0, y0, x1, y1, ... (no points allocated). */
function fillPolygon(g: Graphics, coords: readonly number[]): void {
  g.beginPath();
  for (let index = 0; index + 1 < coords.length; index += 2) {
    const x = coords[index] ?? 0;
    const y = coords[index + 1] ?? 0;
    if (index === 0) g.moveTo(x, y);
    else g.lineTo(x, y);
  }
  g.closePath();
  g.fillPath();
}

function line(size: number): number {
  return Math.max(1.5, size * 0.12);
}

/** Block, report, screenshot, tell someone, hang up, call back. */
export function drawActionIcon(
  g: Graphics,
  kind: PhoneActionKind,
  cx: number,
  cy: number,
  size: number,
  color: number,
): void {
  const s = size;
  g.lineStyle(line(s), color, 1);
  g.fillStyle(color, 1);
  switch (kind) {
    case 'block': {
      g.strokeCircle(cx, cy, s * 0.42);
      g.lineBetween(cx - s * 0.29, cy - s * 0.29, cx + s * 0.29, cy + s * 0.29);
      return;
    }
    case 'report': {
      const pole = cx - s * 0.3;
      g.lineBetween(pole, cy - s * 0.46, pole, cy + s * 0.48);
      fillPolygon(g, [
        pole,
        cy - s * 0.44,
        cx + s * 0.4,
        cy - s * 0.44,
        cx + s * 0.2,
        cy - s * 0.2,
        cx + s * 0.4,
        cy + s * 0.04,
        pole,
        cy + s * 0.04,
      ]);
      return;
    }
    case 'screenshot': {
      const h = s * 0.44;
      const arm = s * 0.26;
      for (const [dx, dy] of [
        [-1, -1],
        [1, -1],
        [-1, 1],
        [1, 1],
      ] as const) {
        const x = cx + dx * h;
        const y = cy + dy * h;
        g.lineBetween(x, y, x - dx * arm, y);
        g.lineBetween(x, y, x, y - dy * arm);
      }
      g.fillCircle(cx, cy, s * 0.13);
      return;
    }
    case 'tell-adult': {
      const px = cx - s * 0.14;
      g.fillCircle(px, cy - s * 0.14, s * 0.17);
      g.slice(px, cy + s * 0.48, s * 0.32, Math.PI, Math.PI * 2, false);
      g.fillPath();
      // A small speech bubble: telling someone.
      g.fillRoundedRect(cx + s * 0.1, cy - s * 0.5, s * 0.4, s * 0.27, s * 0.08);
      g.fillTriangle(
        cx + s * 0.14,
        cy - s * 0.26,
        cx + s * 0.26,
        cy - s * 0.26,
        cx + s * 0.1,
        cy - s * 0.14,
      );
      return;
    }
    case 'hang-up':
    case 'call-back': {
      g.lineStyle(Math.max(2, s * 0.2), color, 1);
      g.beginPath();
      g.arc(cx, cy + s * 0.3, s * 0.42, Math.PI * 1.15, Math.PI * 1.85, false);
      g.strokePath();
      const left = Math.PI * 1.15;
      const right = Math.PI * 1.85;
      g.fillCircle(
        cx + Math.cos(left) * s * 0.42,
        cy + s * 0.3 + Math.sin(left) * s * 0.42,
        s * 0.13,
      );
      g.fillCircle(
        cx + Math.cos(right) * s * 0.42,
        cy + s * 0.3 + Math.sin(right) * s * 0.42,
        s * 0.13,
      );
      if (kind === 'call-back') {
        g.lineStyle(line(s), color, 1);
        g.lineBetween(cx - s * 0.05, cy - s * 0.45, cx + s * 0.35, cy - s * 0.45);
        g.fillTriangle(
          cx - s * 0.2,
          cy - s * 0.45,
          cx - s * 0.02,
          cy - s * 0.58,
          cx - s * 0.02,
          cy - s * 0.32,
        );
      }
      return;
    }
  }
}

/** The back chevron at a header's left; `x` is its left edge. */
export function drawBack(g: Graphics, x: number, cy: number, size: number, color: number): void {
  g.lineStyle(Math.max(2, size * 0.14), color, 1);
  g.beginPath();
  g.moveTo(x + size * 0.4, cy - size * 0.45);
  g.lineTo(x, cy);
  g.lineTo(x + size * 0.4, cy + size * 0.45);
  g.strokePath();
}

/** Three dots: the menu the safety actions live in. */
export function drawMore(g: Graphics, cx: number, cy: number, size: number, color: number): void {
  g.fillStyle(color, 1);
  for (const dy of [-0.36, 0, 0.36]) g.fillCircle(cx, cy + dy * size, Math.max(1.5, size * 0.09));
}

/** One tick (delivered) or two (read); `x` is the left edge. Returns the width drawn. */
export function drawTicks(
  g: Graphics,
  x: number,
  cy: number,
  size: number,
  color: number,
  double: boolean,
): number {
  g.lineStyle(Math.max(1.3, size * 0.13), color, 1);
  const tick = (left: number) => {
    g.beginPath();
    g.moveTo(left, cy);
    g.lineTo(left + size * 0.3, cy + size * 0.3);
    g.lineTo(left + size * 0.8, cy - size * 0.32);
    g.strokePath();
  };
  tick(x);
  if (double) tick(x + size * 0.38);
  return size * (double ? 1.18 : 0.8);
}

/** An eye with a line through it: what every hidden image shows instead of a picture. */
export function drawHiddenIcon(
  g: Graphics,
  cx: number,
  cy: number,
  size: number,
  color: number,
): void {
  g.lineStyle(Math.max(1.5, size * 0.08), color, 1);
  g.strokeEllipse(cx, cy, size, size * 0.58, 24);
  g.fillStyle(color, 1);
  g.fillCircle(cx, cy, size * 0.15);
  g.lineStyle(Math.max(2, size * 0.1), color, 1);
  g.lineBetween(cx - size * 0.42, cy + size * 0.42, cx + size * 0.42, cy - size * 0.42);
}

/** Signal bars and a battery at the status bar's right; `right` is the right edge. */
export function drawStatusIcons(
  g: Graphics,
  right: number,
  cy: number,
  size: number,
  color: number,
): void {
  const battery = size * 1.5;
  const bx = right - battery;
  g.lineStyle(Math.max(1, size * 0.09), color, 1);
  g.strokeRoundedRect(bx, cy - size * 0.36, battery - size * 0.14, size * 0.72, size * 0.16);
  g.fillStyle(color, 1);
  g.fillRect(bx + size * 0.16, cy - size * 0.2, (battery - size * 0.46) * 0.72, size * 0.4);
  g.fillRect(right - size * 0.1, cy - size * 0.14, size * 0.1, size * 0.28);
  const bar = size * 0.17;
  const left = bx - size * 0.4 - bar * 4 - size * 0.3;
  for (let index = 0; index < 4; index += 1) {
    const h = size * (0.3 + index * 0.2);
    g.fillRect(left + index * (bar + size * 0.1), cy + size * 0.4 - h, bar, h);
  }
}

/** A paper plane pointing right: the send button. */
export function drawSend(g: Graphics, cx: number, cy: number, size: number, color: number): void {
  g.fillStyle(color, 1);
  fillPolygon(g, [
    cx - size * 0.42,
    cy - size * 0.42,
    cx + size * 0.46,
    cy,
    cx - size * 0.42,
    cy + size * 0.42,
    cx - size * 0.24,
    cy,
  ]);
}

export function drawPlus(g: Graphics, cx: number, cy: number, size: number, color: number): void {
  g.lineStyle(Math.max(2, size * 0.13), color, 1);
  g.lineBetween(cx - size * 0.4, cy, cx + size * 0.4, cy);
  g.lineBetween(cx, cy - size * 0.4, cx, cy + size * 0.4);
}

/** A camera body with its lens cut out in `background`. */
export function drawCamera(
  g: Graphics,
  cx: number,
  cy: number,
  size: number,
  color: number,
  background: number,
): void {
  g.fillStyle(color, 1);
  g.fillRoundedRect(cx - size * 0.48, cy - size * 0.3, size * 0.96, size * 0.66, size * 0.14);
  g.fillRect(cx - size * 0.18, cy - size * 0.42, size * 0.36, size * 0.14);
  g.fillStyle(background, 1);
  g.fillCircle(cx, cy + size * 0.03, size * 0.2);
}

/** The second app's logo: a rounded square with a speech bubble; `x` is its left edge. */
export function drawAppLogo(
  g: Graphics,
  x: number,
  cy: number,
  size: number,
  color: number,
  background: number,
): void {
  g.fillStyle(color, 1);
  g.fillRoundedRect(x, cy - size / 2, size, size, size * 0.28);
  g.fillStyle(background, 1);
  g.fillEllipse(x + size / 2, cy - size * 0.04, size * 0.62, size * 0.46, 20);
  g.fillTriangle(
    x + size * 0.3,
    cy + size * 0.1,
    x + size * 0.46,
    cy + size * 0.16,
    x + size * 0.24,
    cy + size * 0.32,
  );
}
