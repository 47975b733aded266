/**
 * A video call whose camera shows no face: a dark, blurred room and, held up to the lens, a
 * generic police-style badge (or an abstract silhouette). The player's own camera is off. The
 * caller ID, the timer, the live caption and the hang-up button sit over the picture, as video
 * apps draw them.
 */
import type * as Phaser from 'phaser';
import type { CallScreen } from '../src/ui/phone-screen';
import {
  actionKinds,
  captionMinHeight,
  captionWant,
  drawCaption,
  fillActionLabels,
  placeActions,
} from './call-caption';
import { buttonRow, type CallKit, WHITE } from './call-kit';
import { drawBadge, drawCameraBackdrop, drawIcon, drawSilhouette } from './widgets/call-icons';
import { fillNumber, fillText, heightOf, placeText } from './widgets/call-text';

/** Fills and starts the call timer (the scene keeps it ticking), in this size, alignment and colour. */
export type StartTimer = (
  base: number,
  align: 'left' | 'center',
  color: string,
) => Phaser.GameObjects.Text;

/** The video call, in the whole screen under the status bar. */
export function drawVideoCall(k: CallKit, call: CallScreen, startTimer: StartTimer): void {
  const { f } = k;
  const { s, colors, screen, rect } = f;
  const { inner } = rect;
  const radius = 20 * s;
  drawCameraBackdrop(k.camera, { ...inner, radius }, screen.look.highContrast);
  // A dark veil under the caller ID, so white text stays legible over the picture.
  const veil = Math.round(inner.height * 0.3);
  for (let i = 0; i < 16; i++) {
    k.camera
      .fillStyle(0x000000, 0.045)
      .fillRoundedRect(inner.x, inner.y, inner.width, veil * (1 - i / 16), {
        tl: radius,
        tr: radius,
        bl: 0,
        br: 0,
      });
  }
  // The player's own camera: off, a plain dark tile.
  const tileW = Math.round(Math.min(inner.width * 0.26, 92 * s));
  const tileH = Math.round(tileW * 1.35);
  const tileX = f.right - tileW;
  const tileY = f.top + Math.round(6 * s);
  k.shapes.fillStyle(0x0b0d12, 1).fillRoundedRect(tileX, tileY, tileW, tileH, 10 * s);
  k.shapes
    .lineStyle(Math.max(1, s), WHITE, screen.look.highContrast ? 1 : 0.35)
    .strokeRoundedRect(tileX, tileY, tileW, tileH, 10 * s);
  drawIcon(
    k.shapes,
    'camera-off',
    tileX + tileW / 2,
    tileY + tileH / 2,
    Math.min(tileW * 0.36, 24 * s),
    0x9aa3b5,
  );

  const textWidth = tileX - f.left - Math.round(10 * s);
  const light = '#ffffff';
  const status = fillText(k.t.status, screen.status, {
    size: f.px(13),
    color: light,
    width: textWidth,
    maxLines: 2,
    align: 'left',
  });
  const name = fillText(k.t.name, call.name, {
    size: f.px(22),
    color: light,
    width: textWidth,
    maxLines: 2,
    align: 'left',
  });
  const number = fillNumber(f.px, k.t.number, call.number, 19, {
    color: light,
    width: textWidth,
    align: 'left',
  });
  const timer = startTimer(15, 'left', light);
  let y = f.top + Math.round(6 * s);
  y = placeText(status, f.left, y, 0) + 2 * s;
  y = placeText(name, f.left, y, 0) + 2 * s;
  y = placeText(number, f.left, y, 0) + 2 * s;
  y = placeText(timer, f.left, y, 0);
  const headBottom = Math.max(y, tileY + tileH) + Math.round(10 * s);

  // Bottom bar: mute, hang up, camera off, as video apps have them.
  const hang = buttonRow(
    k,
    [
      {
        label: k.t.centreLabel,
        text: screen.labels.hangUp,
        color: colors.decline,
        icon: 'hang-up',
      },
    ],
    light,
  );
  const sideR = Math.round(f.buttonRadius * 0.78);
  const spread = Math.min(f.width * 0.34, f.buttonRadius * 3.4);
  for (const [icon, side] of [
    ['mute', -1],
    ['camera-off', 1],
  ] as const) {
    const x = f.cx + side * spread;
    k.shapes
      .fillStyle(WHITE, screen.look.highContrast ? 0.3 : 0.18)
      .fillCircle(x, hang.centreY, sideR);
    drawIcon(k.shapes, icon, x, hang.centreY, sideR, WHITE);
  }
  const gap = Math.round(10 * s);
  const actions = actionKinds(call);
  const actionHeight = fillActionLabels(k, actions, f.width, light);
  // The label says the camera shows only a badge: it belongs to the badge, not to a silhouette.
  const cameraOff = fillText(
    k.t.cameraOff,
    call.camera === 'badge' ? screen.labels.cameraOff : '',
    {
      size: f.px(12),
      color: light,
      width: f.width - 24 * s,
      maxLines: 2,
    },
  );
  const emblemMin = 90 * s;
  const pillHeight = cameraOff.text ? heightOf(cameraOff) + 8 * s : 0;
  let bottom = hang.top - gap;
  const captionHeight = call.caption ? Math.min(captionWant(k, call), inner.height * 0.3) + gap : 0;
  const spaceWithActions = bottom - actionHeight - gap - headBottom - pillHeight - captionHeight;
  if (actions.length > 0 && spaceWithActions >= emblemMin)
    bottom -= placeActions(k, actions, bottom, true) + gap;
  // Captions take at most 30% of the picture; the emblem keeps the rest.
  let captionTop = Math.max(headBottom + emblemMin + pillHeight, bottom - inner.height * 0.3);
  // On a very short phone the words win over the picture.
  const captionMin = captionMinHeight(f);
  if (call.caption && bottom - captionTop < captionMin)
    captionTop = Math.max(headBottom, bottom - captionMin);
  const captionBox = call.caption
    ? drawCaption(k, call, captionTop, bottom, true)
    : { top: bottom };
  const areaTop = headBottom;
  const areaBottom = captionBox.top - gap - pillHeight;
  const emblem = Math.min(areaBottom - areaTop, f.width * 0.62, 200 * s);
  const emblemY = Math.round(areaTop + (areaBottom - areaTop) / 2);
  if (emblem >= 24 * s) {
    if (call.camera === 'badge') drawBadge(k.camera, f.cx, emblemY, emblem * 0.92);
    else drawSilhouette(k.camera, f.cx, emblemY, emblem * 0.85, 0x55627a, 0.9, true);
  }
  if (cameraOff.text && areaBottom >= areaTop) {
    const pillY = Math.round(emblem >= 24 * s ? emblemY + emblem / 2 + 4 * s : areaTop + 4 * s);
    const pillW = cameraOff.width + 18 * s;
    k.shapes
      .fillStyle(0x000000, 0.55)
      .fillRoundedRect(f.cx - pillW / 2, pillY, pillW, pillHeight, pillHeight / 2);
    placeText(cameraOff, f.cx, pillY + 4 * s);
  }
}
