/**
 * The phone's call screens: an incoming (video) call, the call itself with its timer and live
 * captions, a video call whose camera shows only a badge, the call-ended screen, and the dialer
 * with the official numbers. It draws what the PhoneScreen says and nothing else: every button
 * drawn here is a picture, because the real buttons are DOM buttons beside the canvas.
 *
 * The views live beside it: call-video.ts, call-dialer.ts, call-caption.ts (caption and action
 * icons), call-kit.ts (shared measures and parts); the pure maths is in call-layout.ts.
 */
import type * as Phaser from 'phaser';
import type { CallScreen, PhoneScreen } from '../src/ui/phone-screen';
import {
  actionKinds,
  captionMinHeight,
  captionWant,
  drawCaption,
  fillActionLabels,
  MAX_ACTIONS,
  placeActions,
} from './call-caption';
import { drawDialling, drawDirectory } from './call-dialer';
import {
  avatar,
  buttonRow,
  type CallKit,
  type CallTexts,
  circle,
  fitRadius,
  hexColor,
  makeFrame,
  WHITE,
} from './call-kit';
import { formatCallTime, KEYPAD_KEYS } from './call-layout';
import { drawVideoCall, type StartTimer } from './call-video';
import { drawBody, palette, phoneRect, statusBarHeight } from './phone-frame';
import { ambient, PhoneScene, type ScreenSource } from './phone-scene';
import { type CallIcon, drawIcon, drawStatusIcons } from './widgets/call-icons';
import { fillNumber, fillText, heightOf, makeText, placeText } from './widgets/call-text';

type Text = Phaser.GameObjects.Text;
type Graphics = Phaser.GameObjects.Graphics;

/** Where the ringing ripple goes: the caller's picture. */
interface Ring {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/**
 * The call timer's clock: the page's, not the scene's (`time.now` stands still while the loop
 * sleeps, and a call can start while it does; see scenes/render-on-demand.ts).
 */
const now = (): number => performance.now();

/** Call controls drawn as decoration: no words, the DOM buttons carry them. */
const VOICE_CONTROLS: readonly CallIcon[] = ['mute', 'keypad', 'speaker'];

export class CallScene extends PhoneScene {
  #body!: Graphics;
  #camera!: Graphics;
  #rings: Graphics[] = [];
  #shapes!: Graphics;
  #t!: CallTexts;
  /** Every text the scene made, to hide them all before a draw. */
  #all: Text[] = [];
  #entryNames: Text[] = [];
  #entryNumbers: Text[] = [];

  // The call timer: it restarts only when a new call starts (callNumber changes).
  #callNumber = -1;
  #startedAt = 0;
  #shownSecond = -1;
  #timerLive = false;
  #frozenSeconds: number | undefined;
  #pulsing = false;

  constructor(source: ScreenSource) {
    super('call', source);
  }

  init(): void {
    this.#callNumber = -1;
    this.#startedAt = 0;
    this.#shownSecond = -1;
    this.#timerLive = false;
    this.#frozenSeconds = undefined;
    this.#pulsing = false;
    this.#all = [];
    this.#rings = [];
    this.#entryNames = [];
    this.#entryNumbers = [];
  }

  protected build(): void {
    this.#body = this.add.graphics();
    this.#camera = this.add.graphics();
    this.#rings = [this.add.graphics(), this.add.graphics()];
    this.#shapes = this.add.graphics();
    this.#t = {
      clock: this.#text(true),
      status: this.#text(),
      initial: this.#text(true),
      name: this.#text(true),
      number: this.#text(true),
      subtitle: this.#text(),
      timer: this.#text(),
      speaker: this.#text(true),
      caption: this.#text(),
      cameraOff: this.#text(),
      leftLabel: this.#text(),
      rightLabel: this.#text(),
      centreLabel: this.#text(),
      actionLabels: Array.from({ length: MAX_ACTIONS }, () => this.#text()),
      keys: KEYPAD_KEYS.map(() => this.#text()),
    };
  }

  protected override teardown(): void {
    this.#stopPulse();
    this.tweens.killTweensOf([this.#t.name, this.#t.number, this.#t.initial]);
    this.#timerLive = false;
  }

  override update(): void {
    if (!this.#timerLive) return;
    const second = Math.floor((now() - this.#startedAt) / 1000);
    if (second === this.#shownSecond) return;
    this.#shownSecond = second;
    this.#t.timer.setText(formatCallTime(second));
  }

  /** A running call timer changes each whole second: the sleeping loop wakes for it. */
  override nextChangeIn(): number | undefined {
    if (!this.#timerLive) return undefined;
    const elapsed = Math.max(0, now() - this.#startedAt);
    // Just after the second turns, so the woken frame shows the new one.
    return 1000 - (elapsed % 1000) + 10;
  }

  protected draw(): void {
    const screen = this.source.screen;
    if (!screen) return;
    const { width, height } = this.scale.gameSize;
    const rect = phoneRect(width, height);
    const colors = palette(screen.look);
    const newCall = this.#track(screen);
    this.cameras.main.setBackgroundColor(colors.stage);
    for (const text of this.#all) text.setVisible(false).setAlpha(1);
    for (const ring of this.#rings) ring.setVisible(false);
    this.#camera.clear();
    this.#shapes.clear();
    this.#timerLive = false;
    drawBody(this.#body, rect, colors);

    const k: CallKit = {
      f: makeFrame(rect, screen, colors),
      camera: this.#camera,
      shapes: this.#shapes,
      t: this.#t,
    };
    const startTimer: StartTimer = (base, align, color) => this.#startTimer(k, base, align, color);
    const call = screen.call;
    const video = call?.video === true && screen.view === 'in-call';
    let ring: Ring | undefined;
    if (screen.view === 'incoming-call' && call) ring = drawIncoming(k, call);
    else if (screen.view === 'in-call' && call && video) drawVideoCall(k, call, startTimer);
    else if (screen.view === 'in-call' && call) drawVoiceCall(k, call, startTimer);
    else if (screen.view === 'call-ended' && call) drawEnded(k, call, this.#frozenSeconds);
    else if (screen.view === 'dialer' && screen.dialer?.dialling)
      drawDialling(k, screen.dialer.dialling);
    else if (screen.view === 'dialer' && screen.dialer)
      drawDirectory(k, screen.dialer, (count) => this.#rowTexts(count));
    drawStatusBar(k, video);
    this.#pulse(k, ring);
    if (newCall && !screen.look.reducedMotion) {
      // A transferred call: the new caller ID fades in, so the switch is seen.
      const targets = [this.#t.name, this.#t.number, this.#t.initial];
      this.tweens.killTweensOf(targets);
      this.tweens.add({ targets, alpha: { from: 0, to: 1 }, duration: 450 });
    }
  }

  /** Follows the call number: restarts the timer on a new call, freezes it when the call ends. */
  #track(screen: PhoneScreen): boolean {
    const call = screen.call;
    if (!call) return false;
    if (screen.view === 'in-call' && call.callNumber !== this.#callNumber) {
      const transfer = this.#callNumber >= 0;
      this.#callNumber = call.callNumber;
      this.#startedAt = now();
      this.#shownSecond = -1;
      this.#frozenSeconds = undefined;
      return transfer;
    }
    if (
      screen.view === 'call-ended' &&
      call.callNumber === this.#callNumber &&
      this.#frozenSeconds === undefined
    ) {
      this.#frozenSeconds = Math.floor((now() - this.#startedAt) / 1000);
    }
    return false;
  }

  /** The timer line of a call in progress; `update()` keeps it ticking. */
  #startTimer(k: CallKit, base: number, align: 'left' | 'center', color: string): Text {
    const second = Math.max(0, Math.floor((now() - this.#startedAt) / 1000));
    this.#shownSecond = second;
    this.#timerLive = true;
    return fillText(this.#t.timer, formatCallTime(second), {
      size: k.f.px(base),
      color,
      width: k.f.width,
      maxLines: 1,
      align,
    });
  }

  /** The ripple around the caller's picture while the phone rings (still when motion is reduced). */
  #pulse(k: CallKit, at: Ring | undefined): void {
    if (!at) {
      this.#stopPulse();
      return;
    }
    const { f } = k;
    const color = f.screen.look.highContrast ? WHITE : f.colors.answer;
    for (const ring of this.#rings) {
      ring
        .clear()
        .fillStyle(color, 0.45)
        .fillCircle(0, 0, at.r)
        .setPosition(at.x, at.y)
        .setVisible(true);
    }
    if (f.screen.look.reducedMotion) {
      this.#stopPulse();
      this.#rings[0]?.setScale(1.18).setAlpha(0.5).setVisible(true);
      this.#rings[1]?.setVisible(false);
      return;
    }
    if (this.#pulsing) return;
    this.#pulsing = true;
    this.#rings.forEach((ring, i) => {
      ring.setScale(1).setAlpha(0);
      ambient(
        this.tweens.add({
          targets: ring,
          scale: { from: 1, to: 1.5 },
          alpha: { from: 0.7, to: 0 },
          duration: 1800,
          delay: i * 900,
          repeat: -1,
          ease: 'Sine.easeOut',
        }),
      );
    });
  }

  #stopPulse(): void {
    if (this.#rings.length > 0) this.tweens.killTweensOf(this.#rings);
    this.#pulsing = false;
  }

  /** The directory's row texts, made only when a longer list than ever before comes. */
  #rowTexts(count: number): { names: readonly Text[]; numbers: readonly Text[] } {
    while (this.#entryNames.length < count) {
      this.#entryNames.push(this.#text(true));
      this.#entryNumbers.push(this.#text(true));
    }
    return { names: this.#entryNames, numbers: this.#entryNumbers };
  }

  #text(bold = false): Text {
    const text = makeText(this.add, bold);
    this.#all.push(text);
    return text;
  }
}

/** Type sizes of a call screen's caller ID block, before the phone's scale. */
interface CallerIdSizes {
  readonly status: number;
  readonly statusMuted: boolean;
  readonly statusLines: number;
  readonly name: number;
  readonly number: number;
}

/**
 * The caller ID every call screen starts with: the status line, the name, and the number, which
 * shrinks rather than being cut (the number is how a faked caller ID is taught).
 */
function fillCallerId(k: CallKit, call: CallScreen, sizes: CallerIdSizes) {
  const { f } = k;
  const { colors, screen } = f;
  const status = fillText(k.t.status, screen.status, {
    size: f.px(sizes.status),
    color: sizes.statusMuted ? colors.muted : colors.text,
    width: f.width,
    maxLines: sizes.statusLines,
  });
  const name = fillText(k.t.name, call.name, {
    size: f.px(sizes.name),
    color: colors.text,
    width: f.width,
    maxLines: 2,
  });
  const number = fillNumber(f.px, k.t.number, call.number, sizes.number, {
    color: colors.text,
    width: f.width,
  });
  return { status, name, number };
}

/** The ringing phone: who is calling, their number big, decline and answer. */
function drawIncoming(k: CallKit, call: CallScreen): Ring | undefined {
  const { f } = k;
  const { s, colors, screen } = f;
  const { status, name, number } = fillCallerId(k, call, {
    status: 15,
    statusMuted: true,
    statusLines: 2,
    name: 30,
    number: 23,
  });
  const subtitle = fillText(k.t.subtitle, call.subtitle, {
    size: f.px(14),
    color: colors.muted,
    width: f.width,
    maxLines: 2,
  });
  const buttons = buttonRow(k, [
    {
      label: k.t.leftLabel,
      text: screen.labels.decline,
      color: colors.decline,
      icon: 'hang-up',
    },
    {
      label: k.t.rightLabel,
      text: screen.labels.answer,
      color: colors.answer,
      icon: call.video ? 'video' : 'answer',
    },
  ]);
  const stackTop = f.top + Math.round(12 * s);
  const fixed = heightOf(status) + heightOf(name) + heightOf(number) + heightOf(subtitle) + 14 * s;
  const room = buttons.top - Math.round(16 * s) - stackTop - fixed;
  const r = fitRadius(room * 0.75, 3.2, 14 * s, 48 * s);
  let y = stackTop;
  y = placeText(status, f.cx, y) + (r > 0 ? r * 0.7 : 8 * s);
  let ring: Ring | undefined;
  if (r > 0) {
    ring = { x: f.cx, y: Math.round(y + r), r };
    avatar(k, ring.x, ring.y, r, call.name);
    y += r * 2 + r * 0.8;
  }
  y = placeText(name, f.cx, y) + 4 * s;
  y = placeText(number, f.cx, y) + 4 * s;
  placeText(subtitle, f.cx, y);
  return ring;
}

/** A voice call: caller ID, timer, caption, action icons, controls and the hang-up button. */
function drawVoiceCall(k: CallKit, call: CallScreen, startTimer: StartTimer): void {
  const { f } = k;
  const { s, colors, screen } = f;
  const { status, name, number } = fillCallerId(k, call, {
    status: 14,
    statusMuted: true,
    statusLines: 1,
    name: 26,
    number: 21,
  });
  const timer = startTimer(16, 'center', f.colors.muted);
  const hang = buttonRow(k, [
    {
      label: k.t.centreLabel,
      text: screen.labels.hangUp,
      color: colors.decline,
      icon: 'hang-up',
    },
  ]);
  const gap = Math.round(10 * s);
  const actions = actionKinds(call);
  const actionHeight = fillActionLabels(k, actions, f.width);
  const controlR = Math.round(Math.min(20 * s, f.width / 10));
  const headTop = f.top + Math.round(8 * s);
  const head = heightOf(status) + heightOf(name) + heightOf(number) + heightOf(timer) + 10 * s;
  const captionMin = call.caption ? captionMinHeight(f) : 0;
  const wanted = call.caption ? captionWant(k, call) : 0;
  // What gives way when the phone is short: the decorative controls (before the caption has to
  // shrink), then the action icons and the caller's picture; the caption shrinks and keeps its
  // latest words last, and the hang-up button never goes.
  let controls = true;
  let showActions = actions.length > 0;
  const room = () =>
    hang.top -
    gap -
    (controls ? controlR * 2 + gap : 0) -
    (showActions ? actionHeight + gap : 0) -
    (headTop + head + gap);
  if (room() < wanted) controls = false;
  if (room() < captionMin) showActions = false;
  const avatarR = fitRadius(room() - wanted - 12 * s, 2.5, 16 * s, 34 * s);

  let y = headTop;
  y = placeText(status, f.cx, y) + 4 * s;
  if (avatarR > 0) {
    avatar(k, f.cx, Math.round(y + avatarR * 0.25 + avatarR), avatarR, call.name);
    y += avatarR * 2.5;
  }
  y = placeText(name, f.cx, y) + 2 * s;
  y = placeText(number, f.cx, y) + 2 * s;
  y = placeText(timer, f.cx, y) + gap;

  let bottom = hang.top - gap;
  if (controls) {
    const cy = bottom - controlR;
    VOICE_CONTROLS.forEach((icon, i) => {
      const x = f.cx + (i - 1) * Math.min(f.width / 3, controlR * 4);
      circle(k, x, cy, controlR, colors.surface);
      drawIcon(k.shapes, icon, x, cy, controlR, hexColor(colors.text));
    });
    bottom -= controlR * 2 + gap;
  }
  if (showActions) {
    bottom -= placeActions(k, actions, bottom, false) + gap;
  }
  if (call.caption) drawCaption(k, call, y, bottom, false);
}

/** The call is over: the duration, frozen, and who hung up. */
function drawEnded(k: CallKit, call: CallScreen, seconds: number | undefined): void {
  const { f } = k;
  const { s, colors, screen } = f;
  const { status, name, number } = fillCallerId(k, call, {
    status: 18,
    statusMuted: false,
    statusLines: 2,
    name: 26,
    number: 21,
  });
  const duration = fillText(k.t.timer, seconds === undefined ? '' : formatCallTime(seconds), {
    size: f.px(16),
    color: colors.muted,
    width: f.width,
    maxLines: 1,
  });
  // Who hung up: the caller's picture gets the red receiver, or the player's button looks pressed.
  let buttonsTop = f.bottom;
  if (call.endedBy === 'player') {
    const row = buttonRow(k, [
      {
        label: k.t.centreLabel,
        text: screen.labels.hangUp,
        color: colors.decline,
        icon: 'hang-up',
      },
    ]);
    buttonsTop = row.top;
    k.shapes
      .lineStyle(Math.max(2, 3 * s), WHITE, 0.9)
      .strokeCircle(f.cx, row.centreY, f.buttonRadius + 5 * s);
    k.t.centreLabel.setColor(colors.muted);
  }
  const stackTop = f.top + Math.round(14 * s);
  const fixed = heightOf(status) + heightOf(name) + heightOf(number) + heightOf(duration) + 16 * s;
  const r = fitRadius(buttonsTop - 16 * s - stackTop - fixed, 2.8, 16 * s, 40 * s);
  let y = placeText(status, f.cx, stackTop) + 6 * s;
  if (r > 0) {
    const ay = Math.round(y + r * 0.4 + r);
    avatar(k, f.cx, ay, r, call.name, 0.6);
    if (call.endedBy === 'contact') {
      const br = Math.max(9 * s, r * 0.4);
      const bx = f.cx + r * 0.72;
      const by = ay + r * 0.72;
      k.shapes.fillStyle(colors.screen, 1).fillCircle(bx, by, br + 2 * s);
      k.shapes.fillStyle(colors.decline, 1).fillCircle(bx, by, br);
      drawIcon(k.shapes, 'hang-up', bx, by, br * 1.15, WHITE);
    }
    y += r * 2.8;
  }
  y = placeText(name, f.cx, y) + 2 * s;
  y = placeText(number, f.cx, y) + 4 * s;
  placeText(duration, f.cx, y);
}

/** The clock on the left, signal and battery on the right. */
function drawStatusBar(k: CallKit, overCamera: boolean): void {
  const { f } = k;
  const { rect, s, colors } = f;
  const barHeight = statusBarHeight(rect);
  const cy = Math.round(rect.inner.y + barHeight / 2 + 3 * s);
  const color = overCamera ? '#ffffff' : colors.text;
  fillText(k.t.clock, f.screen.clock, {
    size: f.px(12),
    color,
    width: rect.inner.width / 2,
    maxLines: 1,
    align: 'left',
  });
  k.t.clock
    .setOrigin(0, 0.5)
    .setPosition(Math.round(rect.inner.x + 20 * s), cy)
    .setVisible(true);
  drawStatusIcons(k.shapes, rect.inner.x + rect.inner.width - 18 * s, cy, 11 * s, hexColor(color));
}
