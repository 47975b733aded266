/**
 * What scrolls in the chat: message bubbles, blurred image placeholders, notes across the chat,
 * the friend request card and the typing dots. Each is one container the scene keeps by id and
 * updates in place, so a redraw restyles what changed and creates only what is new.
 */
import * as Phaser from 'phaser';
import type {
  ChatBubble,
  ChatNote,
  FriendRequestCard,
  PhoneLabels,
} from '../../src/ui/phone-screen';
import { avatarColor, initialOf } from '../call-layout';
import type { BubbleWidths } from '../chat-layout';
import { type ChatTheme, mixColor } from '../chat-theme';
import { ambient } from '../phone-scene';
import { drawHiddenIcon, drawTicks } from './chat-icons';
import { rememberFont, setText, textStyle } from './chat-text';

export interface ItemContext {
  readonly theme: ChatTheme;
  /** The phone's spacing unit (its scale). */
  readonly u: number;
  /** The message list's width; items lay out from 0 to this. */
  readonly width: number;
  readonly widths: BubbleWidths;
  readonly size: {
    readonly body: number;
    readonly meta: number;
    readonly note: number;
    readonly cardName: number;
    readonly cardInitial: number;
    readonly button: number;
  };
  readonly labels: PhoneLabels;
  readonly reducedMotion: boolean;
}

type Graphics = Phaser.GameObjects.Graphics;

/** One thing in the list: `root` is placed by the scene, `inner` slides and fades in. */
export abstract class ItemView {
  readonly root: Phaser.GameObjects.Container;
  protected readonly inner: Phaser.GameObjects.Container;
  protected readonly scene: Phaser.Scene;
  /** Which side it slides in from: -1 the contact's, 1 the player's, 0 in place. */
  protected side = 0;

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.root = new Phaser.GameObjects.Container(scene);
    this.inner = new Phaser.GameObjects.Container(scene);
    this.root.add(this.inner);
  }

  protected addGraphics(): Graphics {
    const graphics = new Phaser.GameObjects.Graphics(this.scene);
    this.inner.add(graphics);
    return graphics;
  }

  protected addText(): Phaser.GameObjects.Text {
    const text = rememberFont(new Phaser.GameObjects.Text(this.scene, 0, 0, '', textStyle()));
    this.inner.add(text);
    return text;
  }

  /** A short slide and fade, for items the player has not seen yet. */
  appear(u: number): void {
    this.inner.setAlpha(0).setPosition(this.side * 18 * u, this.side === 0 ? 6 * u : 0);
    this.scene.tweens.add({
      targets: this.inner,
      alpha: 1,
      x: 0,
      y: 0,
      duration: 220,
      ease: 'Cubic.easeOut',
    });
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.inner);
    this.root.destroy();
  }
}

/** A bubble's shape: rounded, with a tighter corner on the sender's side at the bottom. */
function drawBubble(
  g: Graphics,
  box: { x: number; y: number; w: number; h: number },
  mine: boolean,
  ctx: ItemContext,
): void {
  const { theme, u } = ctx;
  const r = Math.min(theme.radius * u, box.h / 2, box.w / 2);
  const t = Math.min(theme.tail * u, r);
  const corners = mine ? { tl: r, tr: r, bl: r, br: t } : { tl: r, tr: r, bl: t, br: r };
  g.fillStyle(mine ? theme.playerBubble : theme.contactBubble, 1);
  g.fillRoundedRect(box.x, box.y, box.w, box.h, corners);
  const outline = mine ? theme.strongOutline : theme.outline;
  if (outline !== undefined) {
    g.lineStyle(theme.strongOutline === undefined ? 1 : Math.max(1.5, 1.5 * u), outline, 1);
    g.strokeRoundedRect(box.x, box.y, box.w, box.h, corners);
  }
}

/** Time under a bubble, with the read receipt on the player's own. Returns its height. */
function layoutMeta(
  g: Graphics,
  meta: Phaser.GameObjects.Text,
  bubble: ChatBubble,
  edge: { left: number; right: number; y: number },
  ctx: ItemContext,
): number {
  const { theme, u, labels } = ctx;
  const mine = bubble.from === 'player';
  const receipt = mine && bubble.receipt ? labels[bubble.receipt] : '';
  setText(meta, receipt ? `${receipt} · ${bubble.time}` : bubble.time, {
    size: ctx.size.meta,
    color: theme.meta,
  });
  const y = edge.y + Math.round(2 * u);
  if (!mine) {
    meta.setPosition(edge.left + Math.round(4 * u), y);
    return meta.height + 2 * u;
  }
  const metaX = edge.right - Math.round(4 * u) - meta.width;
  meta.setPosition(Math.round(metaX), y);
  if (bubble.receipt) {
    const tick = Math.round(ctx.size.meta * 0.95);
    const read = bubble.receipt === 'read';
    const ticksWidth = tick * (read ? 1.18 : 0.8);
    drawTicks(
      g,
      metaX - ticksWidth - 4 * u,
      y + meta.height / 2,
      tick,
      read ? theme.read : theme.meta,
      read,
    );
  }
  return meta.height + 2 * u;
}

export class TextBubbleView extends ItemView {
  readonly #bg = this.addGraphics();
  readonly #body = this.addText();
  readonly #meta = this.addText();

  update(bubble: ChatBubble, ctx: ItemContext): number {
    const { u, theme, width, widths } = ctx;
    const mine = bubble.from === 'player';
    this.side = mine ? 1 : -1;
    const padX = Math.round(11 * u);
    const padY = Math.round(7 * u);
    const edge = Math.round(10 * u);
    setText(this.#body, bubble.text, {
      size: ctx.size.body,
      color: mine ? theme.playerText : theme.contactText,
      wrap: widths.text,
      lineSpacing: 2 * u,
    });
    const w = Math.max(Math.round(this.#body.width) + padX * 2, Math.round(40 * u));
    const h = Math.round(this.#body.height) + padY * 2 - 4;
    const x = mine ? width - edge - w : edge;
    this.#body.setPosition(mine ? x + w - padX - this.#body.width : x + padX, padY - 2);
    this.#bg.clear();
    drawBubble(this.#bg, { x, y: 0, w, h }, mine, ctx);
    return h + layoutMeta(this.#bg, this.#meta, bubble, { left: x, right: x + w, y: h }, ctx);
  }
}

/** An image that is never shown: a soft blurred block, an eye crossed out, and its caption. */
export class ImageBubbleView extends ItemView {
  readonly #bg = this.addGraphics();
  readonly #label = this.addText();
  readonly #caption = this.addText();
  readonly #meta = this.addText();

  update(bubble: ChatBubble, ctx: ItemContext): number {
    const { u, theme, width, widths } = ctx;
    const mine = bubble.from === 'player';
    this.side = mine ? 1 : -1;
    const inset = Math.round(4 * u);
    const padX = Math.round(11 * u);
    const padY = Math.round(6 * u);
    const edge = Math.round(10 * u);
    const imageW = widths.image;
    const imageH = Math.round(imageW * 0.68);
    const w = imageW + inset * 2;
    const x = mine ? width - edge - w : edge;
    const textColor = mine ? theme.playerText : theme.contactText;

    setText(this.#caption, bubble.text, {
      size: ctx.size.body,
      color: textColor,
      wrap: w - padX * 2,
      lineSpacing: 2 * u,
    });
    const hasCaption = bubble.text.trim() !== '';
    this.#caption.setVisible(hasCaption);
    const captionY = inset + imageH + padY;
    const h = hasCaption
      ? captionY + Math.round(this.#caption.height) + padY - 4
      : inset * 2 + imageH;
    this.#caption.setPosition(x + padX, captionY - 2);

    const g = this.#bg;
    g.clear();
    drawBubble(g, { x, y: 0, w, h }, mine, ctx);
    const image = { x: x + inset, y: inset, w: imageW, h: imageH };
    const radius = Math.max(2, Math.min(theme.radius * u - inset, imageH / 4));
    drawBlurredBlock(g, image, radius, theme);

    // The eye crossed out, and the label on a dark pill so it reads on any grey.
    const icon = Math.round(26 * u);
    setText(this.#label, ctx.labels.hiddenImage, {
      size: ctx.size.meta + 1,
      color: 0xffffff,
      bold: true,
      wrap: imageW - 24 * u,
      align: 'center',
      maxLines: 2,
    });
    const gap = icon * 0.35 + 6 * u;
    const groupH = icon + gap + this.#label.height;
    const top = image.y + (imageH - groupH) / 2;
    const cx = image.x + imageW / 2;
    g.fillStyle(0x000000, 0.28);
    g.fillCircle(cx, top + icon / 2, icon * 0.8);
    drawHiddenIcon(g, cx, top + icon / 2, icon, 0xffffff);
    const pillW = this.#label.width + 14 * u;
    const pillH = this.#label.height + 2 * u;
    const pillY = top + icon + gap;
    g.fillStyle(0x000000, theme.strongOutline === undefined ? 0.45 : 1);
    g.fillRoundedRect(cx - pillW / 2, pillY, pillW, pillH, Math.min(pillH / 2, 10 * u));
    if (theme.strongOutline !== undefined) {
      g.lineStyle(1.5, theme.strongOutline, 1);
      g.strokeRoundedRect(cx - pillW / 2, pillY, pillW, pillH, Math.min(pillH / 2, 10 * u));
    }
    this.#label.setPosition(Math.round(cx - this.#label.width / 2), Math.round(pillY + u));

    return h + layoutMeta(g, this.#meta, bubble, { left: x, right: x + w, y: h }, ctx);
  }
}

/** Bands in the blurred photo's gradient: a step of at most two shades, which the eye blends. */
const GRADIENT_BANDS = 32;

/**
 * A grey gradient with rounded corners and a few soft light patches: it reads as a blurred
 * photo without being one. The gradient is drawn as thin bands of solid colour, because
 * Phaser's 2D-canvas renderer (the one low-end machines get: scenes/renderer-choice.ts) ignores
 * gradient fills; bands look the same in both renderers. The rounded ends are solid caps in the
 * gradient's end colours.
 */
function drawBlurredBlock(
  g: Graphics,
  box: { x: number; y: number; w: number; h: number },
  radius: number,
  theme: ChatTheme,
): void {
  const { x, y, w, h } = box;
  const r = Math.min(radius, h / 4);
  g.fillStyle(theme.imageTop, 1);
  g.fillRoundedRect(x, y, w, r * 2, { tl: r, tr: r, bl: 0, br: 0 });
  g.fillStyle(theme.imageBottom, 1);
  g.fillRoundedRect(x, y + h - r * 2, w, r * 2, { tl: 0, tr: 0, bl: r, br: r });
  const top = y + r;
  const step = (h - r * 2) / GRADIENT_BANDS;
  for (let band = 0; band < GRADIENT_BANDS; band += 1) {
    // Whole-pixel edges, so that neighbouring bands neither overlap nor leave a hairline.
    const from = Math.round(top + band * step);
    const to = Math.round(top + (band + 1) * step);
    if (to <= from) continue;
    g.fillStyle(mixColor(theme.imageTop, theme.imageBottom, band / (GRADIENT_BANDS - 1)), 1);
    g.fillRect(x, from, w, to - from);
  }
  // Soft patches: rings of falling alpha, like out-of-focus light.
  const patches = [
    [0.28, 0.38, 0.26],
    [0.72, 0.58, 0.3],
    [0.46, 0.82, 0.18],
  ] as const;
  for (const [px, py, pr] of patches) {
    const radiusPx = Math.min(w, h) * pr;
    for (let ring = 10; ring >= 1; ring -= 1) {
      g.fillStyle(0xffffff, 0.022);
      g.fillCircle(x + w * px, y + h * py, (radiusPx * ring) / 10);
    }
  }
}

/** A line across the chat: "Twenty minutes pass.", "Conversation moved to ChatNest". */
export class NoteView extends ItemView {
  readonly #bg = this.addGraphics();
  readonly #text = this.addText();

  update(note: ChatNote, ctx: ItemContext): number {
    const { u, theme, width } = ctx;
    setText(this.#text, note.text, {
      size: ctx.size.note,
      color: theme.noteText,
      wrap: width - 64 * u,
      align: 'center',
      lineSpacing: 1 * u,
    });
    const padX = Math.round(10 * u);
    const padY = Math.round(4 * u);
    const w = Math.round(this.#text.width) + padX * 2;
    const h = Math.round(this.#text.height) + padY * 2 - 4;
    const x = Math.round((width - w) / 2);
    const radius = Math.min(h / 2, 10 * u);
    const g = this.#bg;
    g.clear();
    g.fillStyle(theme.note, 1);
    g.fillRoundedRect(x, 0, w, h, radius);
    if (theme.strongOutline !== undefined) {
      g.lineStyle(1.5, theme.strongOutline, 1);
      g.strokeRoundedRect(x, 0, w, h, radius);
    }
    this.#text.setPosition(x + padX, padY - 2);
    return h;
  }
}

/** Three dots in a bubble: the other side is typing. They pulse unless motion is reduced. */
export class TypingView extends ItemView {
  readonly #bg = this.addGraphics();
  readonly #dots: Phaser.GameObjects.Arc[] = [0, 1, 2].map(() => {
    const dot = new Phaser.GameObjects.Arc(this.scene, 0, 0, 3, 0, 360, false, 0xffffff, 1);
    this.inner.add(dot);
    return dot;
  });
  #pulsing = false;

  update(ctx: ItemContext): number {
    const { u, theme } = ctx;
    this.side = -1;
    const edge = Math.round(10 * u);
    const w = Math.round(58 * u);
    const h = Math.round(34 * u);
    this.#bg.clear();
    drawBubble(this.#bg, { x: edge, y: 0, w, h }, false, ctx);
    this.#dots.forEach((dot, index) => {
      dot.setRadius(Math.max(2, 3.6 * u));
      dot.setFillStyle(theme.contactText, 1);
      dot.setPosition(Math.round(edge + w / 2 + (index - 1) * 11 * u), Math.round(h / 2));
    });
    if (ctx.reducedMotion) this.#still();
    else this.#pulse();
    return h;
  }

  #pulse(): void {
    if (this.#pulsing) return;
    this.#pulsing = true;
    this.#dots.forEach((dot, index) => {
      dot.setAlpha(0.35).setScale(0.8);
      ambient(
        this.scene.tweens.add({
          targets: dot,
          alpha: 1,
          scale: 1.15,
          duration: 320,
          delay: index * 160,
          yoyo: true,
          repeat: -1,
          repeatDelay: 340,
          ease: 'Sine.easeInOut',
        }),
      );
    });
  }

  #still(): void {
    this.#pulsing = false;
    this.scene.tweens.killTweensOf(this.#dots);
    this.#dots.forEach((dot, index) => {
      dot.setAlpha(0.5 + index * 0.25).setScale(1);
    });
  }

  override destroy(): void {
    this.scene.tweens.killTweensOf(this.#dots);
    super.destroy();
  }
}

/** The friend or follow request: who it is from, what it says, and "accept / ignore". */
export class RequestView extends ItemView {
  readonly #bg = this.addGraphics();
  readonly #initial = this.addText();
  readonly #name = this.addText();
  readonly #subtitle = this.addText();
  readonly #message = this.addText();
  readonly #accept = this.addText();
  readonly #ignore = this.addText();

  update(request: FriendRequestCard, ctx: ItemContext): number {
    const { u, theme, width } = ctx;
    const edge = Math.round(12 * u);
    const cardW = Math.min(width - edge * 2, Math.round(300 * u));
    const x0 = Math.round((width - cardW) / 2);
    const cx = x0 + cardW / 2;
    const pad = Math.round(14 * u);
    const inside = cardW - pad * 2;
    const avatar = Math.round(58 * u);
    const g = this.#bg;

    let y = pad;
    setText(this.#initial, initialOf(request.name), {
      size: ctx.size.cardInitial,
      color: 0xffffff,
      bold: true,
    });
    this.#initial.setPosition(
      Math.round(cx - this.#initial.width / 2),
      Math.round(y + (avatar - this.#initial.height) / 2),
    );
    y += avatar + Math.round(8 * u);

    const centred = (text: Phaser.GameObjects.Text, top: number) => {
      text.setPosition(Math.round(cx - text.width / 2), Math.round(top));
      return top + text.height;
    };
    setText(this.#name, request.name, {
      size: ctx.size.cardName,
      color: theme.cardText,
      bold: true,
      wrap: inside,
      align: 'center',
    });
    y = centred(this.#name, y);
    setText(this.#subtitle, request.subtitle, {
      size: ctx.size.meta + 1,
      color: theme.cardMuted,
      wrap: inside,
      align: 'center',
    });
    this.#subtitle.setVisible(request.subtitle !== '');
    if (request.subtitle !== '') y = centred(this.#subtitle, y);
    setText(this.#message, request.text, {
      size: ctx.size.body,
      color: theme.cardText,
      wrap: inside,
      align: 'center',
      lineSpacing: 2 * u,
    });
    this.#message.setVisible(request.text !== '');
    if (request.text !== '') y = centred(this.#message, y + 8 * u);

    // The two buttons: the one chosen stays filled, the other fades.
    y += Math.round(12 * u);
    const gap = Math.round(8 * u);
    const buttonW = Math.floor((inside - gap) / 2);
    const label = { size: ctx.size.button, wrap: buttonW - 10 * u, align: 'center', maxLines: 2 };
    setText(this.#accept, ctx.labels.accept, {
      ...label,
      color: theme.accentText,
      bold: true,
      align: 'center',
    });
    setText(this.#ignore, ctx.labels.ignore, {
      ...label,
      color: theme.cardText,
      bold: true,
      align: 'center',
    });
    const buttonH = Math.round(
      Math.max(34 * u, Math.max(this.#accept.height, this.#ignore.height) + 10 * u),
    );
    const accepted = request.state === 'accepted';
    const ignored = request.state === 'ignored';
    const buttons = [
      { text: this.#accept, x: x0 + pad, fill: theme.accent, faded: ignored, chosen: accepted },
      {
        text: this.#ignore,
        x: x0 + pad + buttonW + gap,
        fill: theme.field,
        faded: accepted,
        chosen: ignored,
      },
    ];
    const cardH = y + buttonH + pad;

    // Measured: now the card, its avatar and its buttons.
    const radius = Math.round(16 * u);
    g.clear();
    g.fillStyle(theme.card, 1);
    g.fillRoundedRect(x0, 0, cardW, cardH, radius);
    const outline = theme.strongOutline ?? theme.outline;
    if (outline !== undefined) {
      g.lineStyle(theme.strongOutline === undefined ? 1 : 2, outline, 1);
      g.strokeRoundedRect(x0, 0, cardW, cardH, radius);
    }
    g.fillStyle(avatarColor(request.name), 1);
    g.fillCircle(cx, pad + avatar / 2, avatar / 2);
    if (theme.strongOutline !== undefined) {
      g.lineStyle(2, theme.strongOutline, 1);
      g.strokeCircle(cx, pad + avatar / 2, avatar / 2);
    }

    for (const button of buttons) {
      const alpha = button.faded ? 0.35 : 1;
      const r = Math.min(buttonH / 2, 10 * u);
      g.fillStyle(button.fill, alpha);
      g.fillRoundedRect(button.x, y, buttonW, buttonH, r);
      // The chosen grey button gets a clear edge, so "ignored" reads as chosen, not as idle.
      const line =
        theme.strongOutline ??
        (button.chosen && button.fill === theme.field
          ? theme.cardMuted
          : button.fill === theme.field
            ? theme.outline
            : undefined);
      if (line !== undefined) {
        g.lineStyle(theme.strongOutline === undefined && !button.chosen ? 1 : 2, line, alpha);
        g.strokeRoundedRect(button.x, y, buttonW, buttonH, r);
      }
      const text = button.text;
      text.setAlpha(alpha);
      let textX = button.x + (buttonW - text.width) / 2;
      if (button.chosen) {
        // A tick before the chosen answer.
        const tick = Math.round(ctx.size.button * 0.9);
        const space = tick * 0.8 + 6 * u;
        textX += space / 2;
        const color = button.fill === theme.accent ? theme.accentText : theme.cardText;
        drawTicks(g, textX - space, y + buttonH / 2, tick, color, false);
      }
      text.setPosition(Math.round(textX), Math.round(y + (buttonH - text.height) / 2));
    }
    return cardH;
  }
}
