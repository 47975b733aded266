/**
 * The direct-message app: status bar, the contact's header with the safety actions the app
 * offers, the messages (newest at the bottom, older ones scrolled off the top), notes across the
 * chat, a friend request card, blurred image placeholders, the typing dots and the composer, or
 * the "blocked" banner in its place. A second app, after "let's move to another app", has its
 * own look. It only draws the ChatScreen it is given: every string arrives translated.
 *
 * The fixed parts are drawn by the main camera; the messages live in one container drawn by a
 * second camera whose viewport is the list's area, so whatever scrolls past its edges is clipped
 * without a mask. Messages are kept by id and updated in place: a redraw creates only new ones.
 */
import type * as Phaser from 'phaser';
import type { ChatScreen, PhoneScreen } from '../src/ui/phone-screen';
import { avatarColor, initialOf } from './call-layout';
import {
  bubbleWidths,
  type ChatFrame,
  chatFrame,
  composerLayout,
  isVisible,
  rowCells,
  stackItems,
} from './chat-layout';
import { type ChatTheme, chatTheme } from './chat-theme';
import {
  drawBody,
  fontPx,
  type PhoneRect,
  palette,
  phoneRect,
  statusBarHeight,
} from './phone-frame';
import { PhoneScene, type ScreenSource } from './phone-scene';
import {
  drawActionIcon,
  drawAppLogo,
  drawBack,
  drawCamera,
  drawMore,
  drawPlus,
  drawSend,
  drawStatusIcons,
} from './widgets/chat-icons';
import {
  ImageBubbleView,
  type ItemContext,
  type ItemView,
  NoteView,
  RequestView,
  TextBubbleView,
  TypingView,
} from './widgets/chat-items';
import { labelSize, rememberFont, setLine, setText, textStyle } from './widgets/chat-text';

/** Every kind of safety action the contract knows; the strip never shows more. */
const MAX_ACTIONS = 6;

type Text = Phaser.GameObjects.Text;

/** Sizes measured before the frame is laid out. */
interface Measured {
  readonly titleRow: number;
  readonly contactRow: number;
  readonly strip: number;
  readonly bottom: number;
  readonly avatar: number;
  readonly icon: number;
  /** The unit for icons that sit beside text: the phone's scale grown with the text size. */
  readonly t: number;
  /** The composer field's height. */
  readonly field: number;
}

/** The composer field's height for one line of type. */
function field(u: number, size: number): number {
  return Math.round(Math.max(34 * u, size * 1.3 + 14 * u));
}

/** The composer's "+", grown with the type. */
function plusSize(t: number): number {
  return Math.round(16 * t);
}

export class ChatScene extends PhoneScene {
  #chrome!: Phaser.GameObjects.Graphics;
  #clock!: Text;
  #title!: Text;
  #initial!: Text;
  #name!: Text;
  #subtitle!: Text;
  #actionLabels: Text[] = [];
  #placeholder!: Text;
  #blocked!: Text;
  /** Everything that scrolls; only the list camera draws it. */
  #list!: Phaser.GameObjects.Container;
  #listCamera: Phaser.Cameras.Scene2D.Camera | undefined;
  #views = new Map<string, ItemView>();
  #drawnOnce = false;
  #scrollTween: Phaser.Tweens.Tween | undefined;

  constructor(source: ScreenSource) {
    super('chat', source);
  }

  init(): void {
    this.#views = new Map();
    this.#actionLabels = [];
    this.#drawnOnce = false;
    this.#scrollTween = undefined;
    this.#listCamera = undefined;
  }

  protected build(): void {
    this.#chrome = this.add.graphics();
    const text = () => rememberFont(this.add.text(0, 0, '', textStyle()));
    this.#clock = text();
    this.#title = text();
    this.#initial = text();
    this.#name = text();
    this.#subtitle = text();
    for (let index = 0; index < MAX_ACTIONS; index += 1) this.#actionLabels.push(text());
    this.#placeholder = text();
    this.#blocked = text();
    this.#list = this.add.container(0, 0);

    const main = this.cameras.main;
    main.setRoundPixels(true);
    main.ignore(this.#list);
    const listCamera = this.cameras.add(0, 0, 1, 1, false, 'chat-list');
    listCamera.setRoundPixels(true);
    listCamera.ignore([
      this.#chrome,
      this.#clock,
      this.#title,
      this.#initial,
      this.#name,
      this.#subtitle,
      ...this.#actionLabels,
      this.#placeholder,
      this.#blocked,
    ]);
    this.#listCamera = listCamera;
  }

  protected override teardown(): void {
    // The scene's shutdown destroys its objects, cameras and tweens; forget them here.
    this.#views.clear();
    this.#actionLabels = [];
    this.#scrollTween = undefined;
    this.#listCamera = undefined;
  }

  protected draw(): void {
    const screen = this.source.screen;
    if (!screen) return;
    const { width, height } = this.scale.gameSize;
    const rect = phoneRect(width, height);
    const colors = palette(screen.look);
    const chat = screen.chat ?? emptyChat(screen);
    const theme = chatTheme(screen.look, chat.appLook);
    this.cameras.main.setBackgroundColor(colors.stage);
    drawBody(this.#chrome, rect, colors, theme.screen);

    const measured = this.#measure(screen, chat, theme, rect);
    const frame = chatFrame(rect.inner, {
      status: statusBarHeight(rect),
      header: measured.titleRow + measured.contactRow,
      strip: measured.strip,
      bottom: measured.bottom,
    });
    this.#drawHeader(screen, chat, theme, rect, frame, measured);
    this.#drawStrip(chat, theme, rect, frame, measured);
    this.#drawBottom(chat, theme, rect, frame, measured);
    this.#drawList(screen, chat, theme, rect, frame);
    this.#drawnOnce = true;
  }

  /**
   * Type size for a base size, grown with the phone and the player's text size; never under
   * 9 px, so timestamps and labels stay legible on a small stage.
   */
  #px(base: number, rect: PhoneRect, screen: PhoneScreen): number {
    return Math.max(9, Number.parseFloat(fontPx(base, rect, screen.look)));
  }

  /** Sets the fixed texts and measures the rows they sit in. */
  #measure(screen: PhoneScreen, chat: ChatScreen, theme: ChatTheme, rect: PhoneRect): Measured {
    const u = rect.scale;
    const px = (base: number) => this.#px(base, rect, screen);
    const t = px(100) / 100;
    const inner = rect.inner;

    // Title row (second app): its logo and name.
    let titleRow = 0;
    this.#title.setVisible(theme.titleRow);
    if (theme.titleRow) {
      setLine(
        this.#title,
        chat.appName,
        { size: px(16), color: theme.headerText, bold: true },
        inner.width - 60 * u,
      );
      titleRow = Math.round(this.#title.height + 10 * u);
    }

    // Contact row: avatar, name, and the subtitle or "typing…".
    const avatar = Math.round(36 * Math.min(t, 1.3 * u));
    const nameX = 32 * u + avatar + 10 * u;
    const nameWidth = inner.width - nameX - 34 * u;
    setLine(
      this.#name,
      chat.contactName || chat.appName,
      { size: px(15.5), color: theme.headerText, bold: true },
      nameWidth,
    );
    const subtitle = chat.typing ? screen.labels.typing : chat.contactSubtitle;
    setLine(
      this.#subtitle,
      subtitle,
      { size: px(11.5), color: theme.headerMuted, italic: chat.typing },
      nameWidth,
    );
    this.#subtitle.setVisible(subtitle !== '');
    const textHeight = this.#name.height + (subtitle !== '' ? this.#subtitle.height : 0);
    const contactRow = Math.round(Math.max(48 * u, textHeight + 12 * u));

    // The safety actions: an icon over a label each, all labels in one size.
    const icon = Math.max(12, Math.round(16 * t));
    let strip = 0;
    const shown = chat.actions.slice(0, MAX_ACTIONS);
    const cells = rowCells(0, inner.width - 8 * u, shown.length);
    const labelWidth = Math.min(...cells.map((cell) => cell.width)) - 4 * u;
    const words = shown.map((kind) => screen.labels.actions[kind]);
    const first = this.#actionLabels[0];
    const labelLook = {
      size: first ? labelSize(first, words, { size: px(10.5), color: 0 }, labelWidth) : px(10.5),
      color: theme.stripText,
      align: 'center',
      maxLines: 2,
      wrap: labelWidth,
    } as const;
    let labelHeight = 0;
    this.#actionLabels.forEach((label, index) => {
      const kind = shown[index];
      label.setVisible(kind !== undefined);
      if (kind === undefined) return;
      setText(label, screen.labels.actions[kind], labelLook);
      labelHeight = Math.max(labelHeight, label.height);
    });
    if (cells.length > 0) strip = Math.round(8 * u + icon + 3 * u + labelHeight + 4 * u);

    // Composer, or the blocked banner in its place, and the home indicator under it.
    const home = Math.round(14 * u);
    let bottom: number;
    this.#blocked.setVisible(chat.blocked);
    this.#placeholder.setVisible(!chat.blocked);
    if (chat.blocked) {
      setText(this.#blocked, screen.labels.blocked, {
        size: px(12.5),
        color: theme.cardText,
        wrap: inner.width - 70 * u,
        align: 'center',
      });
      bottom = Math.round(Math.max(48 * u, this.#blocked.height + 20 * u)) + home;
    } else {
      // One line of type in a pill; the send (or camera) button is as tall as the field.
      const size = px(14);
      const parts = composerLayout(inner.width, u, plusSize(t), field(u, size), theme.titleRow);
      setLine(
        this.#placeholder,
        screen.labels.messagePlaceholder,
        { size, color: theme.fieldText },
        parts.field.width - 24 * u,
      );
      bottom = Math.round(field(u, size) + 14 * u) + home;
    }
    const fieldHeight = field(u, px(14));
    return { titleRow, contactRow, strip, bottom, avatar, icon, t, field: fieldHeight };
  }

  #drawHeader(
    screen: PhoneScreen,
    chat: ChatScreen,
    theme: ChatTheme,
    rect: PhoneRect,
    frame: ChatFrame,
    measured: Measured,
  ): void {
    const g = this.#chrome;
    const u = rect.scale;
    const corner = 20 * u;
    const { status, header } = frame;
    const right = status.x + status.width;
    g.fillStyle(theme.header, 1);
    g.fillRoundedRect(status.x, status.y, status.width, status.height + header.height, {
      tl: corner,
      tr: corner,
      bl: 0,
      br: 0,
    });

    // Status bar: the clock at the left, signal and battery at the right.
    setText(this.#clock, screen.clock, {
      size: this.#px(12.5, rect, screen),
      color: theme.headerText,
      bold: true,
    });
    const statusMiddle = status.y + status.height / 2;
    this.#clock.setPosition(
      Math.round(status.x + 22 * u),
      Math.round(statusMiddle - this.#clock.height / 2),
    );
    drawStatusIcons(g, right - 20 * u, statusMiddle, Math.round(10 * measured.t), theme.headerText);

    // The second app's title row.
    if (theme.titleRow) {
      const middle = header.y + measured.titleRow / 2;
      const logo = Math.round(22 * u);
      drawAppLogo(g, header.x + 14 * u, middle, logo, theme.headerText, theme.header);
      this.#title.setPosition(
        Math.round(header.x + 14 * u + logo + 8 * u),
        Math.round(middle - this.#title.height / 2),
      );
      g.lineStyle(1, theme.headerText, 0.25);
      g.lineBetween(header.x, header.y + measured.titleRow, right, header.y + measured.titleRow);
    }

    // Contact row: back, avatar, name over subtitle, and the menu.
    const rowTop = header.y + measured.titleRow;
    const middle = rowTop + measured.contactRow / 2;
    drawBack(g, header.x + 12 * u, middle, Math.round(14 * measured.t), theme.headerText);
    const avatar = measured.avatar;
    const avatarX = header.x + 32 * u;
    const displayName = chat.contactName || chat.appName;
    g.fillStyle(avatarColor(displayName), 1);
    g.fillCircle(avatarX + avatar / 2, middle, avatar / 2);
    if (theme.strongOutline !== undefined) {
      g.lineStyle(1.5, theme.strongOutline, 1);
      g.strokeCircle(avatarX + avatar / 2, middle, avatar / 2);
    }
    setText(this.#initial, initialOf(displayName), {
      size: this.#px(15, rect, screen),
      color: 0xffffff,
      bold: true,
    });
    this.#initial.setPosition(
      Math.round(avatarX + (avatar - this.#initial.width) / 2),
      Math.round(middle - this.#initial.height / 2),
    );
    const nameX = Math.round(avatarX + avatar + 10 * u);
    const subtitleShown = this.#subtitle.visible;
    const textHeight = this.#name.height + (subtitleShown ? this.#subtitle.height : 0);
    const textTop = Math.round(middle - textHeight / 2);
    this.#name.setPosition(nameX, textTop);
    this.#subtitle.setPosition(nameX, textTop + this.#name.height);
    drawMore(g, right - 18 * u, middle, Math.round(18 * measured.t), theme.headerText);

    g.lineStyle(1, theme.divider, 1);
    g.lineBetween(header.x, header.y + header.height, right, header.y + header.height);
  }

  /** The safety actions as a menu row under the header: icons over labels, as apps do. */
  #drawStrip(
    chat: ChatScreen,
    theme: ChatTheme,
    rect: PhoneRect,
    frame: ChatFrame,
    measured: Measured,
  ): void {
    const { strip } = frame;
    if (strip.height <= 0) return;
    const g = this.#chrome;
    const u = rect.scale;
    g.fillStyle(theme.strip, 1);
    g.fillRect(strip.x, strip.y, strip.width, strip.height);
    const shown = chat.actions.slice(0, MAX_ACTIONS);
    const cells = rowCells(strip.x + 4 * u, strip.width - 8 * u, shown.length);
    const iconMiddle = strip.y + 8 * u + measured.icon / 2;
    shown.forEach((kind, index) => {
      const cell = cells[index];
      const label = this.#actionLabels[index];
      if (!cell || !label) return;
      const middle = cell.x + cell.width / 2;
      const danger = kind === 'block' || kind === 'report' || kind === 'hang-up';
      drawActionIcon(
        g,
        kind,
        middle,
        iconMiddle,
        measured.icon,
        danger ? theme.danger : theme.stripText,
      );
      label.setPosition(
        Math.round(middle - label.width / 2),
        Math.round(strip.y + 8 * u + measured.icon + 3 * u),
      );
    });
    g.lineStyle(1, theme.divider, 1);
    g.lineBetween(strip.x, strip.y + strip.height, strip.x + strip.width, strip.y + strip.height);
  }

  /** The composer, or the blocked banner in its place, over the home indicator. */
  #drawBottom(
    chat: ChatScreen,
    theme: ChatTheme,
    rect: PhoneRect,
    frame: ChatFrame,
    measured: Measured,
  ): void {
    const g = this.#chrome;
    const u = rect.scale;
    const { bottom } = frame;
    const corner = 20 * u;
    const right = bottom.x + bottom.width;
    const home = Math.round(14 * u);
    g.fillStyle(theme.bar, 1);
    g.fillRoundedRect(bottom.x, bottom.y, bottom.width, bottom.height, {
      tl: 0,
      tr: 0,
      bl: corner,
      br: corner,
    });
    g.lineStyle(1, theme.divider, 1);
    g.lineBetween(bottom.x, bottom.y, right, bottom.y);
    const band = bottom.height - home;
    const middle = bottom.y + band / 2;

    if (chat.blocked) {
      const icon = measured.icon;
      const text = this.#blocked;
      const groupWidth = icon + 8 * u + text.width;
      const left = bottom.x + (bottom.width - groupWidth) / 2;
      drawActionIcon(g, 'block', left + icon / 2, middle, icon, theme.danger);
      text.setPosition(Math.round(left + icon + 8 * u), Math.round(middle - text.height / 2));
    } else {
      const height = measured.field;
      const parts = composerLayout(bottom.width, u, plusSize(measured.t), height, theme.titleRow);
      const fieldTop = Math.round(middle - height / 2);
      const fieldLeft = bottom.x + parts.field.x;
      const fieldRight = fieldLeft + parts.field.width;
      const cx = bottom.x + parts.button.x + height / 2;
      g.fillStyle(theme.accent, 1);
      g.fillCircle(cx, middle, height / 2);
      if (theme.titleRow) {
        // Second app: a camera button at the left, a long rounded field.
        drawCamera(g, cx, middle, Math.round(height * 0.5), theme.accentText, theme.accent);
      } else {
        // First app: "+" at the left, the field, a round send button at the right.
        drawPlus(g, bottom.x + 22 * u, middle, plusSize(measured.t), theme.read);
        drawSend(g, cx + height * 0.04, middle, Math.round(height * 0.42), theme.accentText);
      }
      g.fillStyle(theme.field, 1);
      g.fillRoundedRect(fieldLeft, fieldTop, fieldRight - fieldLeft, height, height / 2);
      const outline = theme.strongOutline ?? theme.outline;
      if (outline !== undefined) {
        g.lineStyle(1, outline, 1);
        g.strokeRoundedRect(fieldLeft, fieldTop, fieldRight - fieldLeft, height, height / 2);
      }
      this.#placeholder.setPosition(
        Math.round(fieldLeft + 12 * u),
        Math.round(middle - this.#placeholder.height / 2),
      );
    }

    // High contrast: the phone's screen has a white edge, so the phone reads on a black page.
    if (theme.strongOutline !== undefined) {
      const inner = rect.inner;
      g.lineStyle(2, theme.strongOutline, 1);
      g.strokeRoundedRect(inner.x, inner.y, inner.width, inner.height, corner);
    }

    // The home indicator.
    const barWidth = Math.round(Math.min(110 * u, bottom.width * 0.36));
    g.fillStyle(theme.strongOutline ?? theme.meta, 0.8);
    g.fillRoundedRect(
      bottom.x + (bottom.width - barWidth) / 2,
      bottom.y + bottom.height - home / 2 - 2 * u,
      barWidth,
      Math.max(3, 4 * u),
      2 * u,
    );
  }

  /** The messages: updated in place by id, stacked, the newest at the bottom. */
  #drawList(
    screen: PhoneScreen,
    chat: ChatScreen,
    theme: ChatTheme,
    rect: PhoneRect,
    frame: ChatFrame,
  ): void {
    const camera = this.#listCamera;
    if (!camera) return;
    const u = rect.scale;
    const list = frame.list;
    const px = (base: number) => this.#px(base, rect, screen);
    const bodySize = px(15);
    const ctx: ItemContext = {
      theme,
      u,
      width: list.width,
      widths: bubbleWidths(list.width, u, bodySize),
      size: {
        body: bodySize,
        meta: px(10.5),
        note: px(11.5),
        cardName: px(16),
        cardInitial: px(26),
        button: px(13.5),
      },
      labels: screen.labels,
      reducedMotion: screen.look.reducedMotion,
    };

    const shown: ItemView[] = [];
    const heights: number[] = [];
    const fresh: ItemView[] = [];
    const keep = new Set<string>();
    const add = <V extends ItemView>(
      key: string,
      type: new (scene: Phaser.Scene) => V,
      update: (view: V) => number,
    ) => {
      let view = this.#views.get(key);
      if (!(view instanceof type)) {
        view?.destroy();
        view = new type(this);
        this.#list.add(view.root);
        this.#views.set(key, view);
        fresh.push(view);
      }
      keep.add(key);
      heights.push(update(view as V));
      shown.push(view);
    };

    const request = chat.request;
    if (request) add('request', RequestView, (view) => view.update(request, ctx));
    for (const item of chat.items) {
      const key = `item:${item.id}`;
      if (item.kind === 'note') add(key, NoteView, (view) => view.update(item, ctx));
      else if (item.kind === 'text') add(key, TextBubbleView, (view) => view.update(item, ctx));
      else if (item.kind === 'image') add(key, ImageBubbleView, (view) => view.update(item, ctx));
    }
    if (chat.typing) add('typing', TypingView, (view) => view.update(ctx));

    for (const [key, view] of this.#views) {
      if (keep.has(key)) continue;
      view.destroy();
      this.#views.delete(key);
    }

    const stack = stackItems(heights, {
      gap: Math.round(8 * u),
      padTop: Math.round(12 * u),
      padBottom: Math.round(10 * u),
      viewport: list.height,
    });
    camera.setViewport(list.x, list.y, list.width, Math.max(1, list.height));
    const animate = this.#drawnOnce && !screen.look.reducedMotion;
    const from = Math.min(camera.scrollY, stack.scroll);
    const to = Math.max(camera.scrollY, stack.scroll);
    shown.forEach((view, index) => {
      const top = stack.tops[index] ?? 0;
      const height = heights[index] ?? 0;
      view.root.setPosition(0, top);
      // Anything between the old and new scroll stays drawn while the list glides.
      const visible = animate
        ? isVisible(top, height, from, to - from + list.height)
        : isVisible(top, height, stack.scroll, list.height);
      view.root.setVisible(visible);
    });

    this.#scrollTween?.stop();
    this.#scrollTween = undefined;
    if (animate && fresh.length > 0 && camera.scrollY !== stack.scroll) {
      this.#scrollTween = this.tweens.add({
        targets: camera,
        scrollY: stack.scroll,
        duration: 260,
        ease: 'Cubic.easeOut',
      });
    } else {
      camera.setScroll(0, stack.scroll);
    }
    if (animate) for (const view of fresh) view.appear(u);
  }
}

/** What the chat draws if the screen has no chat (it should not happen): an empty app. */
function emptyChat(screen: PhoneScreen): ChatScreen {
  return {
    appLook: 'first',
    appName: screen.status,
    contactName: '',
    contactSubtitle: '',
    items: [],
    typing: false,
    actions: [],
    blocked: false,
  };
}
