/**
 * The call screens' pictures, drawn with shapes into a Graphics object: the handset, the small
 * icons of a phone's call screen, the badge a fake officer holds up to the camera (generic: no
 * real insignia and no text), an abstract silhouette and the blurred room behind them. Nothing
 * here is ever a photo of a person.
 */
import type * as Phaser from 'phaser';
import type { PhoneActionKind } from '../../src/ui/phone-screen';

type Graphics = Phaser.GameObjects.Graphics;

/** What a call-screen icon can show: the safety actions and the usual call controls. */
export type CallIcon =
  | PhoneActionKind
  | 'answer'
  | 'video'
  | 'mute'
  | 'keypad'
  | 'speaker'
  | 'camera-off';

const TAU = Math.PI * 2;

/**
 * A phone handset centred on (x, y), `size` across: lying flat as on a hang-up button, or turned
 * by `angle` radians (-3π/4 gives the lifted receiver of an answer button).
 */
export function drawHandset(
  g: Graphics,
  x: number,
  y: number,
  size: number,
  color: number,
  angle = 0,
): void {
  const u = size / 2;
  const outer = u * 0.98;
  const inner = u * 0.6;
  const cy = u * 0.62;
  const from = Math.PI * 1.17;
  const to = Math.PI * 1.83;
  g.save().translateCanvas(x, y).rotateCanvas(angle);
  g.fillStyle(color, 1);
  // The grip: a thick arc, filled as a band so its edges stay smooth.
  g.beginPath();
  g.arc(0, cy, outer, from, to, false);
  g.arc(0, cy, inner, to, from, true);
  g.closePath();
  g.fillPath();
  // The ear and mouth pieces at each end.
  for (const side of [-1, 1]) {
    const angleAtEnd = side < 0 ? from : to;
    const ex = Math.cos(angleAtEnd) * (outer + inner) * 0.5;
    const ey = cy + Math.sin(angleAtEnd) * (outer + inner) * 0.5;
    g.save()
      .translateCanvas(ex, ey)
      .rotateCanvas(side * 0.5);
    g.fillRoundedRect(-u * 0.26, -u * 0.14, u * 0.52, u * 0.5, u * 0.14);
    g.restore();
  }
  g.restore();
}

/** A small icon centred on (x, y), about `size` across, in one colour. */
export function drawIcon(
  g: Graphics,
  kind: CallIcon,
  x: number,
  y: number,
  size: number,
  color: number,
): void {
  const u = size / 2;
  const line = Math.max(1.5, size * 0.1);
  g.fillStyle(color, 1).lineStyle(line, color, 1);
  switch (kind) {
    case 'answer':
      drawHandset(g, x, y, size, color, (-3 * Math.PI) / 4);
      return;
    case 'hang-up':
      drawHandset(g, x, y + u * 0.12, size * 1.3, color);
      return;
    case 'call-back':
      drawHandset(g, x - u * 0.12, y + u * 0.12, size * 0.8, color, (-3 * Math.PI) / 4);
      g.fillStyle(color, 1);
      g.fillTriangle(
        x + u * 0.25,
        y - u * 0.95,
        x + u * 0.95,
        y - u * 0.95,
        x + u * 0.95,
        y - u * 0.25,
      );
      g.lineBetween(x + u * 0.8, y - u * 0.8, x + u * 0.3, y - u * 0.3);
      return;
    case 'video':
    case 'camera-off':
      g.fillRoundedRect(x - u * 0.9, y - u * 0.5, u * 1.25, u, u * 0.22);
      g.fillTriangle(x + u * 0.45, y, x + u * 0.95, y - u * 0.45, x + u * 0.95, y + u * 0.45);
      if (kind === 'camera-off')
        g.lineBetween(x - u * 0.85, y - u * 0.9, x + u * 0.85, y + u * 0.9);
      return;
    case 'mute':
      g.fillRoundedRect(x - u * 0.28, y - u * 0.95, u * 0.56, u * 1.1, u * 0.28);
      g.beginPath();
      g.arc(x, y - u * 0.15, u * 0.6, 0.15, Math.PI - 0.15, false);
      g.strokePath();
      g.lineBetween(x, y + u * 0.45, x, y + u * 0.85);
      g.lineBetween(x - u * 0.35, y + u * 0.88, x + u * 0.35, y + u * 0.88);
      return;
    case 'keypad':
      for (let row = 0; row < 4; row++) {
        for (let column = 0; column < 3; column++) {
          if (row === 3 && column !== 1) continue;
          g.fillCircle(x + (column - 1) * u * 0.62, y + (row - 1.5) * u * 0.58, u * 0.17);
        }
      }
      return;
    case 'speaker':
      g.fillRect(x - u * 0.9, y - u * 0.28, u * 0.4, u * 0.56);
      g.fillTriangle(
        x - u * 0.55,
        y - u * 0.28,
        x - u * 0.05,
        y - u * 0.75,
        x - u * 0.05,
        y + u * 0.75,
      );
      g.fillTriangle(
        x - u * 0.55,
        y - u * 0.28,
        x - u * 0.55,
        y + u * 0.28,
        x - u * 0.05,
        y + u * 0.75,
      );
      for (const radius of [0.45, 0.85]) {
        g.beginPath();
        g.arc(x - u * 0.05, y, u * radius, -0.8, 0.8, false);
        g.strokePath();
      }
      return;
    case 'block':
      g.strokeCircle(x, y, u * 0.82);
      g.lineBetween(x - u * 0.58, y + u * 0.58, x + u * 0.58, y - u * 0.58);
      return;
    case 'report':
      g.lineBetween(x - u * 0.6, y - u * 0.9, x - u * 0.6, y + u * 0.95);
      g.beginPath();
      g.moveTo(x - u * 0.6, y - u * 0.85);
      g.lineTo(x + u * 0.8, y - u * 0.5);
      g.lineTo(x - u * 0.6, y - u * 0.05);
      g.closePath();
      g.fillPath();
      return;
    case 'screenshot': {
      const a = u * 0.85;
      const b = u * 0.4;
      for (const [sx, sy] of CORNERS) {
        g.lineBetween(x + sx * a, y + sy * a, x + sx * (a - b), y + sy * a);
        g.lineBetween(x + sx * a, y + sy * a, x + sx * a, y + sy * (a - b));
      }
      g.fillCircle(x, y, u * 0.22);
      return;
    }
    case 'tell-adult':
      drawPerson(g, x - u * 0.35, y + u * 0.05, u * 1.3, color);
      drawPerson(g, x + u * 0.45, y + u * 0.25, u * 0.95, color);
      return;
  }
}

const CORNERS: readonly (readonly [number, number])[] = [
  [-1, -1],
  [1, -1],
  [-1, 1],
  [1, 1],
];

/** Head and shoulders, `height` tall, centred on (x, y). */
function drawPerson(g: Graphics, x: number, y: number, height: number, color: number): void {
  g.fillStyle(color, 1);
  g.fillCircle(x, y - height * 0.22, height * 0.22);
  g.slice(x, y + height * 0.5, height * 0.38, Math.PI, TAU, false);
  g.fillPath();
}

/**
 * The abstract caller in an 'avatar' camera: a silhouette, never a face. `soft` blurs its edge,
 * as a camera out of focus would.
 */
export function drawSilhouette(
  g: Graphics,
  x: number,
  y: number,
  height: number,
  color: number,
  alpha = 1,
  soft = false,
): void {
  for (let i = soft ? 4 : 0; i >= 0; i--) {
    const h = height * (1 + i * 0.035);
    g.fillStyle(color, i === 0 ? alpha : alpha * 0.14);
    g.fillCircle(x, y - height * 0.2, h * 0.24);
    g.slice(x, y + height * 0.5, h * 0.44, Math.PI, TAU, false);
    g.fillPath();
  }
}

const GOLD = 0xd6ad4a;
const GOLD_DARK = 0x8c6a1f;
const GOLD_LIGHT = 0xf0d27a;
const NAVY = 0x1d3461;

/**
 * A generic police-style badge held up to the camera, `height` tall, centred on (x, y) and
 * tilted a little: a shield, a star in a disc and two blank ribbons. No words, no real crest.
 */
export function drawBadge(g: Graphics, x: number, y: number, height: number, tilt = -0.08): void {
  const h = height;
  g.save().translateCanvas(x, y).rotateCanvas(tilt);
  // A soft shadow, as if the badge were held in front of a lamp.
  for (let i = 0; i < 5; i++) {
    g.fillStyle(0x000000, 0.07).fillEllipse(
      h * 0.04,
      h * 0.06,
      h * (1.0 - i * 0.06),
      h * (1.12 - i * 0.06),
    );
  }
  shield(g, h, 1, GOLD_DARK);
  shield(g, h, 0.93, GOLD);
  shield(g, h, 0.8, GOLD_DARK);
  shield(g, h, 0.75, GOLD_LIGHT);
  // Blank ribbons above and below the disc: a real badge has words here; this one has none.
  g.fillStyle(NAVY, 1);
  g.fillRoundedRect(-h * 0.22, -h * 0.33, h * 0.44, h * 0.085, h * 0.02);
  g.fillRoundedRect(-h * 0.17, h * 0.2, h * 0.34, h * 0.075, h * 0.02);
  g.fillStyle(GOLD_DARK, 1).fillCircle(0, -h * 0.04, h * 0.19);
  g.fillStyle(NAVY, 1).fillCircle(0, -h * 0.04, h * 0.165);
  star(g, 0, -h * 0.04, h * 0.13, h * 0.055, GOLD_LIGHT);
  // A glint on the metal.
  g.fillStyle(0xffffff, 0.35).fillEllipse(-h * 0.2, -h * 0.34, h * 0.1, h * 0.035);
  g.restore();
}

/** The badge's shield outline at `k` of its full size. */
function shield(g: Graphics, h: number, k: number, color: number): void {
  const s = h * k;
  g.fillStyle(color, 1);
  g.beginPath();
  g.moveTo(0, -s * 0.44);
  g.lineTo(s * 0.12, -s * 0.5);
  g.lineTo(s * 0.4, -s * 0.43);
  g.lineTo(s * 0.42, -s * 0.3);
  g.lineTo(s * 0.38, -s * 0.05);
  g.lineTo(s * 0.28, s * 0.22);
  g.lineTo(s * 0.14, s * 0.38);
  g.lineTo(0, s * 0.5);
  g.lineTo(-s * 0.14, s * 0.38);
  g.lineTo(-s * 0.28, s * 0.22);
  g.lineTo(-s * 0.38, -s * 0.05);
  g.lineTo(-s * 0.42, -s * 0.3);
  g.lineTo(-s * 0.4, -s * 0.43);
  g.lineTo(-s * 0.12, -s * 0.5);
  g.closePath();
  g.fillPath();
}

/** A five-pointed star. */
function star(
  g: Graphics,
  x: number,
  y: number,
  outer: number,
  inner: number,
  color: number,
): void {
  g.fillStyle(color, 1);
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    const px = x + Math.cos(angle) * radius;
    const py = y + Math.sin(angle) * radius;
    if (i === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  }
  g.closePath();
  g.fillPath();
}

/** Out-of-focus lights of the room behind the caller: where they sit, as parts of the frame. */
const BLOBS: readonly (readonly [number, number, number, number])[] = [
  // x, y, radius (of the width), colour
  [0.2, 0.22, 0.16, 0x5a6e8c],
  [0.78, 0.16, 0.12, 0x8c7a5a],
  [0.62, 0.42, 0.2, 0x3c4f6e],
  [0.18, 0.62, 0.14, 0x4a5a48],
  [0.84, 0.7, 0.15, 0x6a5070],
];

/**
 * The caller's camera: a dark, blurred room (soft discs, no edges), drawn into the rounded
 * screen area x, y, width, height.
 */
export function drawCameraBackdrop(
  g: Graphics,
  area: { x: number; y: number; width: number; height: number; radius: number },
  dim: boolean,
): void {
  const { x, y, width, height, radius } = area;
  g.fillStyle(dim ? 0x050608 : 0x121822, 1).fillRoundedRect(x, y, width, height, radius);
  // A lighter wall above a darker desk, and soft lights: many faint layers, so no edge shows.
  const steps = 14;
  for (let i = 0; i < steps; i++) {
    const k = i / steps;
    g.fillStyle(0x2a3446, dim ? 0.015 : 0.04).fillRect(
      x,
      y + height * (0.08 + k * 0.12),
      width,
      height * (0.56 - k * 0.24),
    );
  }
  for (const [bx, by, br, color] of BLOBS) {
    const cx = x + width * bx;
    const cy = y + height * by;
    const r = Math.min(width * br, height * 0.2);
    for (let i = 0; i < steps; i++)
      g.fillStyle(color, dim ? 0.015 : 0.035).fillCircle(cx, cy, r * (1 - i / steps));
  }
}

/** Signal bars and a battery at the right of the status bar, ending at `right`. */
export function drawStatusIcons(
  g: Graphics,
  right: number,
  centreY: number,
  size: number,
  color: number,
): void {
  const u = size / 2;
  // Battery
  const bw = u * 2.1;
  const bh = u * 1.05;
  const bx = right - bw - u * 0.2;
  g.lineStyle(Math.max(1, u * 0.14), color, 1).strokeRoundedRect(
    bx,
    centreY - bh / 2,
    bw,
    bh,
    u * 0.25,
  );
  g.fillStyle(color, 1).fillRoundedRect(
    bx + u * 0.2,
    centreY - bh / 2 + u * 0.2,
    bw * 0.62,
    bh - u * 0.4,
    u * 0.1,
  );
  g.fillRect(bx + bw + u * 0.05, centreY - u * 0.2, u * 0.16, u * 0.4);
  // Signal bars
  const barWidth = u * 0.32;
  for (let i = 0; i < 4; i++) {
    const h = u * (0.45 + i * 0.3);
    g.fillRect(
      bx - u * 0.6 - (3 - i) * barWidth * 1.55 - barWidth,
      centreY + bh / 2 - h,
      barWidth,
      h,
    );
  }
}
