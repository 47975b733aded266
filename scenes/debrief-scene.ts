/**
 * The debrief as a picture on the phone: the safety score as a ring with the percentage in the
 * middle, the outcome, and a timeline of the story with each red flag marked where it first
 * showed, then the flags that never came up (where things go: debrief-layout.ts). The DOM
 * debrief beside the canvas has the full text: feedback, right moves, help lines.
 *
 * Status is never colour alone: a check (spotted), a "!" (missed) or a dash (not seen). It is a
 * results screen, not a "fail" screen: a harmed ending is warm amber with a "recovering" arrow.
 * The ring fills and the timeline grows down with short tweens, unless motion is reduced.
 */
import type * as Phaser from 'phaser';
import type { DebriefPicture } from '../src/ui/phone-screen';
import {
  type FlagStatus,
  HIGH_CONTRAST_TONES,
  type Layout,
  layoutDebrief,
  type Outcome,
  outcomeTone,
  statusTone,
  type TextBox,
  type TextMeasurer,
  TONES,
  type Tones,
} from './debrief-layout';
import { drawBody, FONT, palette, phoneRect } from './phone-frame';
import { PhoneScene, type ScreenSource } from './phone-scene';

/** Measures with a canvas, as Phaser's Text does (its MeasureText uses the same test string). */
function canvasMeasurer(): TextMeasurer {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) throw new Error('no 2D canvas context to measure text');
  const lines = new Map<string, number>();
  const font = (px: number, bold: boolean) => `${bold ? 'bold ' : ''}${px}px ${FONT}`;
  return {
    width(text, px, bold) {
      context.font = font(px, bold);
      return context.measureText(text).width;
    },
    lineHeight(px, bold) {
      const key = font(px, bold);
      const known = lines.get(key);
      if (known !== undefined) return known;
      context.font = key;
      const m = context.measureText('|MÃ‰qgy');
      const line =
        Math.ceil(m.actualBoundingBoxAscent + m.actualBoundingBoxDescent) || Math.ceil(px * 1.25);
      lines.set(key, line);
      return line;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Icons: drawn shapes, so status is never told by colour alone.

function drawStatusIcon(
  g: Phaser.GameObjects.Graphics,
  status: FlagStatus,
  x: number,
  y: number,
  r: number,
  tones: Tones,
): void {
  const tone = statusTone(tones, status);
  if (status === 'not-seen') {
    g.lineStyle(Math.max(1.5, r * 0.18), tone, 1).strokeCircle(x, y, r - r * 0.09);
    g.fillStyle(tone, 1).fillRect(x - r * 0.45, y - r * 0.1, r * 0.9, r * 0.2);
    return;
  }
  g.fillStyle(tone, 1).fillCircle(x, y, r);
  if (status === 'spotted') drawCheck(g, x, y, r, tones.glyph);
  else {
    g.fillStyle(tones.glyph, 1)
      .fillRect(x - r * 0.12, y - r * 0.58, r * 0.24, r * 0.72)
      .fillCircle(x, y + r * 0.45, r * 0.14);
  }
}

function drawCheck(
  g: Phaser.GameObjects.Graphics,
  x: number,
  y: number,
  r: number,
  color: number,
): void {
  g.lineStyle(Math.max(1.5, r * 0.26), color, 1)
    .beginPath()
    .moveTo(x - r * 0.46, y + r * 0.02)
    .lineTo(x - r * 0.12, y + r * 0.36)
    .lineTo(x + r * 0.48, y - r * 0.32)
    .strokePath();
}

function drawOutcomeIcon(
  g: Phaser.GameObjects.Graphics,
  outcome: Outcome,
  x: number,
  y: number,
  r: number,
  tones: Tones,
): void {
  const tone = outcomeTone(tones, outcome);
  if (outcome === 'safe') {
    g.fillStyle(tone, 1).fillCircle(x, y, r);
    drawCheck(g, x, y, r, tones.glyph);
  } else if (outcome === 'safe-but-costly') {
    // Safe, but not for free: the check in an open ring.
    g.lineStyle(Math.max(1.5, r * 0.2), tone, 1).strokeCircle(x, y, r - r * 0.1);
    drawCheck(g, x, y, r * 0.9, tone);
  } else if (outcome === 'harmed') {
    // Harmed, and recovering: an arrow pointing up.
    g.fillStyle(tone, 1).fillCircle(x, y, r);
    g.fillStyle(tones.glyph, 1)
      .fillTriangle(x, y - r * 0.6, x - r * 0.46, y - r * 0.06, x + r * 0.46, y - r * 0.06)
      .fillRect(x - r * 0.14, y - r * 0.1, r * 0.28, r * 0.62);
  } else {
    g.lineStyle(Math.max(1.5, r * 0.2), tone, 1).strokeCircle(x, y, r - r * 0.1);
  }
}

// ---------------------------------------------------------------------------------------------

/** How far the animation has come: the ring fills, then the timeline grows down the screen. */
interface Progress {
  ring: number;
  /** 0 to 1 down the timeline, then to 1.3 for the end cap and the flags that never came up. */
  line: number;
}

const LINE_END = 1.3;

export class DebriefScene extends PhoneScene {
  #body!: Phaser.GameObjects.Graphics;
  #ring!: Phaser.GameObjects.Graphics;
  #timeline!: Phaser.GameObjects.Graphics;
  #percent!: Phaser.GameObjects.Text;
  #percentSign!: Phaser.GameObjects.Text;
  #caption!: Phaser.GameObjects.Text;
  #outcome!: Phaser.GameObjects.Text;
  #restCaption!: Phaser.GameObjects.Text;
  #entries: {
    graphics: Phaser.GameObjects.Graphics;
    label: Phaser.GameObjects.Text;
    status: Phaser.GameObjects.Text;
  }[] = [];
  #measurer: TextMeasurer | undefined;
  #layout: Layout | undefined;
  #picture: DebriefPicture | undefined;
  #progress: Progress = { ring: 1, line: LINE_END };
  #tweens: Phaser.Tweens.Tween[] = [];

  constructor(source: ScreenSource) {
    super('debrief', source);
  }

  protected build(): void {
    this.#body = this.add.graphics();
    this.#ring = this.add.graphics();
    this.#timeline = this.add.graphics();
    const text = () => this.add.text(0, 0, '', { fontFamily: FONT });
    this.#percent = text().setOrigin(1, 0.5).setFontStyle('bold');
    this.#percentSign = text().setOrigin(0, 0.5).setFontStyle('bold');
    this.#caption = text();
    this.#outcome = text();
    this.#restCaption = text();
    this.#entries = [];
    this.#layout = undefined;
    this.#picture = undefined;
    this.#tweens = [];
  }

  protected override teardown(): void {
    this.#stopTweens();
  }

  protected draw(): void {
    const picture = this.source.picture;
    if (!picture) return;
    const { width, height } = this.scale.gameSize;
    const colors = palette(picture.look);
    this.cameras.main.setBackgroundColor(colors.stage);
    drawBody(this.#body, phoneRect(width, height), colors);
    this.#measurer ??= canvasMeasurer();
    this.#layout = layoutDebrief(picture, width, height, this.#measurer);
    this.#fillTexts(picture, this.#layout);
    if (picture !== this.#picture) {
      this.#picture = picture;
      this.#animate(picture.look.reducedMotion);
    }
    this.#paint();
  }

  #stopTweens(): void {
    for (const tween of this.#tweens) tween.remove();
    this.#tweens = [];
  }

  #animate(reducedMotion: boolean): void {
    this.#stopTweens();
    if (reducedMotion) {
      this.#progress = { ring: 1, line: LINE_END };
      return;
    }
    const progress: Progress = { ring: 0, line: 0 };
    this.#progress = progress;
    const paint = () => this.#paint();
    this.#tweens = [
      this.tweens.add({
        targets: progress,
        ring: 1,
        duration: 900,
        ease: 'Cubic.easeOut',
        onUpdate: paint,
      }),
      this.tweens.add({
        targets: progress,
        line: LINE_END,
        delay: 350,
        duration: 1500,
        ease: 'Sine.easeInOut',
        onUpdate: paint,
      }),
    ];
  }

  /** Puts the words in place: only on a redraw, never per animation frame. */
  #fillTexts(picture: DebriefPicture, layout: Layout): void {
    const set = (text: Phaser.GameObjects.Text, box: TextBox | undefined) => {
      if (!box) {
        text.setVisible(false);
        return;
      }
      text
        .setVisible(true)
        .setText(box.lines.join('\n'))
        .setFontSize(box.font.px)
        .setFontStyle(box.font.bold ? 'bold' : '')
        .setLineSpacing(box.font.spacing)
        .setColor(box.color)
        .setAlign(box.align)
        .setOrigin(box.align === 'center' ? 0.5 : 0, 0)
        .setPosition(Math.round(box.x), Math.round(box.y));
    };
    const colors = palette(picture.look);
    set(this.#caption, layout.caption);
    set(this.#outcome, layout.outcome);
    set(this.#restCaption, layout.rest?.caption);
    this.#percentSign
      .setText('%')
      .setFontSize(layout.percent.signPx)
      .setColor(colors.text)
      .setPosition(
        Math.round(layout.percent.x + layout.percent.px * 0.62),
        Math.round(layout.percent.y),
      );
    this.#percent.setFontSize(layout.percent.px).setColor(colors.text);

    while (this.#entries.length < layout.entries.length) {
      this.#entries.push({
        graphics: this.add.graphics(),
        label: this.add.text(0, 0, '', { fontFamily: FONT }),
        status: this.add.text(0, 0, '', { fontFamily: FONT }),
      });
    }
    this.#entries.forEach((objects, i) => {
      const entry = layout.entries[i];
      set(objects.label, entry?.label);
      set(objects.status, entry?.statusText);
      objects.graphics.setVisible(entry !== undefined);
    });
  }

  /** Draws the shapes and fades for the current progress: cheap, called on every tween step. */
  #paint(): void {
    const layout = this.#layout;
    const picture = this.#picture;
    if (!layout || !picture || !this.sys.settings.active) return;
    const tones = picture.look.highContrast ? HIGH_CONTRAST_TONES : TONES;
    const { ring, line } = this.#progress;
    const screen = palette(picture.look).screen;

    // The ring: an empty track, then the score's share of it from the top, clockwise.
    const g = this.#ring.clear();
    const { x, y, r, width } = layout.ring;
    const radius = r - width / 2;
    g.lineStyle(width, tones.track, 1).strokeCircle(x, y, radius);
    const share = (picture.percent / 100) * ring;
    const tone = outcomeTone(tones, picture.outcome);
    if (share > 0.002) {
      const start = -Math.PI / 2;
      const end = start + share * Math.PI * 2;
      g.lineStyle(width, tone, 1).beginPath().arc(x, y, radius, start, end, false).strokePath();
      g.fillStyle(tone, 1)
        .fillCircle(x + Math.cos(start) * radius, y + Math.sin(start) * radius, width / 2)
        .fillCircle(x + Math.cos(end) * radius, y + Math.sin(end) * radius, width / 2);
    }
    const shown = Math.round(picture.percent * ring);
    const digits = this.#percent.setText(String(shown));
    // The number and its "%" are centred together in the ring.
    const total = digits.width + this.#percentSign.width;
    const numberRight = x - total / 2 + digits.width;
    digits.setPosition(Math.round(numberRight), Math.round(y));
    this.#percentSign.setPosition(
      Math.round(numberRight + 1),
      Math.round(y + layout.percent.px * 0.1),
    );

    if (layout.outcomeIcon) {
      const icon = layout.outcomeIcon;
      drawOutcomeIcon(g, picture.outcome, icon.x, icon.y, icon.r, tones);
    }

    // The timeline grows down; each flag fades in as the line reaches it.
    const t = this.#timeline.clear();
    const { top, bottom, cap } = layout.timeline;
    const lineX = layout.timeline.x;
    const lineTop = top + cap;
    const lineBottom = bottom - cap;
    const reach = Math.min(1, line);
    t.lineStyle(Math.max(1.5, 2 * layout.rect.scale), tones.line, 1).strokeCircle(
      lineX,
      lineTop,
      cap - 1,
    );
    if (reach > 0) {
      t.lineBetween(
        lineX,
        lineTop + cap - 1,
        lineX,
        lineTop + cap + (lineBottom - lineTop - cap * 2) * reach,
      );
    }
    const endAlpha = clamp((line - 1) / 0.1);
    if (endAlpha > 0) {
      drawOutcomeIcon(t, picture.outcome, lineX, lineBottom, cap + 1, tones);
    }
    if (layout.rest) {
      const restAlpha = clamp((line - 1.05) / 0.15);
      t.lineStyle(1, tones.line, 0.6 * restAlpha).lineBetween(
        layout.rect.inner.x + Math.round(14 * layout.rect.scale),
        layout.rest.divider,
        layout.rect.inner.x + layout.rect.inner.width - Math.round(14 * layout.rect.scale),
        layout.rest.divider,
      );
      this.#restCaption.setAlpha(restAlpha);
    }

    layout.entries.forEach((entry, i) => {
      const objects = this.#entries[i];
      if (!objects) return;
      const alpha =
        entry.markerY === undefined
          ? clamp((line - 1.05) / 0.15)
          : clamp((line - entry.reveal) / 0.08);
      const eg = objects.graphics.clear().setAlpha(alpha);
      objects.label.setAlpha(alpha);
      objects.status.setAlpha(alpha);
      if (alpha <= 0) return;
      if (entry.markerY !== undefined) {
        const toneOf = statusTone(tones, entry.status);
        eg.lineStyle(Math.max(1, 1.5 * layout.rect.scale), toneOf, 0.9).lineBetween(
          lineX + cap,
          entry.markerY,
          entry.icon.x - entry.icon.r - 2,
          entry.icon.y,
        );
        eg.fillStyle(screen, 1).fillCircle(lineX, entry.markerY, cap + 1.5);
        eg.fillStyle(toneOf, 1).fillCircle(lineX, entry.markerY, cap);
      }
      drawStatusIcon(eg, entry.status, entry.icon.x, entry.icon.y, entry.icon.r, tones);
    });
  }
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
