/**
 * The phone during a call: caller ID, call status and timer, the caller's last words as a
 * caption, and the call buttons. It only draws what it is given (a PhoneScreen); it decides
 * nothing and takes no input, because every choice is a DOM button.
 */
import * as Phaser from 'phaser';
import type { PhoneScreen } from '../src/ui/phone-state';

const COLORS = {
  body: 0x1b2233,
  screen: 0x263048,
  answer: 0x2e9e5b,
  decline: 0xd64545,
  text: '#f5f7fb',
  muted: '#b8c2d6',
};
const FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", sans-serif';

export class CallScene extends Phaser.Scene {
  /** Called once the scene has drawn its first frame of content. */
  onReady: (() => void) | undefined;
  #screen: PhoneScreen | undefined;
  #frame!: Phaser.GameObjects.Graphics;
  #status!: Phaser.GameObjects.Text;
  #name!: Phaser.GameObjects.Text;
  #number!: Phaser.GameObjects.Text;
  #timer!: Phaser.GameObjects.Text;
  #caption!: Phaser.GameObjects.Text;
  #callStartedAt = 0;
  #callNumber = 0;

  constructor() {
    super({ key: 'call' });
  }

  init(): void {
    this.#callNumber = 0;
    this.#callStartedAt = 0;
  }

  create(): void {
    this.#frame = this.add.graphics();
    const style = (size: number, color = COLORS.text): Phaser.Types.GameObjects.Text.TextStyle => ({
      fontFamily: FONT,
      fontSize: `${size}px`,
      color,
      align: 'center',
    });
    this.#status = this.add.text(0, 0, '', style(16, COLORS.muted)).setOrigin(0.5, 0);
    this.#name = this.add.text(0, 0, '', style(28)).setOrigin(0.5, 0);
    this.#number = this.add.text(0, 0, '', style(18, COLORS.muted)).setOrigin(0.5, 0);
    this.#timer = this.add.text(0, 0, '', style(16, COLORS.muted)).setOrigin(0.5, 0);
    this.#caption = this.add.text(0, 0, '', style(17)).setOrigin(0.5, 0);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.#layout, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.#layout, this);
    });
    this.#layout();
    this.onReady?.();
  }

  show(screen: PhoneScreen): void {
    if (screen.callNumber !== this.#callNumber) {
      this.#callNumber = screen.callNumber;
      this.#callStartedAt = this.time.now;
    }
    this.#screen = screen;
    this.#layout();
  }

  override update(time: number): void {
    if (this.#screen?.mode !== 'in-call') return;
    const seconds = Math.floor((time - this.#callStartedAt) / 1000);
    const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    if (this.#timer.text !== text) this.#timer.setText(text);
  }

  /** Draws the phone to fit the canvas, from a small laptop window to a portrait phone. */
  #layout(): void {
    const { width, height } = this.scale.gameSize;
    const phoneHeight = Math.max(120, Math.min(height - 24, 640));
    // Tall and narrow like a phone where there is room; wider on a short stage (portrait phones).
    const phoneWidth = Math.min(
      width - 24,
      Math.max(phoneHeight * 0.52, Math.min(width - 24, 320)),
    );
    const left = (width - phoneWidth) / 2;
    const top = (height - phoneHeight) / 2;
    const centre = width / 2;
    const scale = Math.min(1.15, Math.max(0.7, Math.min(phoneWidth / 320, phoneHeight / 560)));
    const screen = this.#screen;

    this.#frame.clear();
    this.#frame
      .fillStyle(COLORS.body, 1)
      .fillRoundedRect(left, top, phoneWidth, phoneHeight, 28 * scale);
    this.#frame
      .fillStyle(COLORS.screen, 1)
      .fillRoundedRect(left + 10, top + 10, phoneWidth - 20, phoneHeight - 20, 20 * scale);

    const textWidth = phoneWidth - 48;
    const px = (size: number) => `${Math.round(size * scale)}px`;
    let y = top + 24 * scale;
    const place = (text: Phaser.GameObjects.Text, value: string, size: number, gap: number) => {
      text
        .setFontSize(px(size))
        .setWordWrapWidth(textWidth, true)
        .setText(value)
        .setPosition(centre, y);
      y += value ? text.height + gap * scale : 0;
    };
    place(this.#status, screen?.status ?? '', 16, 6);
    place(this.#name, screen?.name ?? '', 28, 4);
    place(this.#number, screen?.number ?? '', 18, 4);
    this.#timer.setVisible(screen?.mode === 'in-call');
    place(this.#timer, screen?.mode === 'in-call' ? this.#timer.text || '0:00' : '', 16, 12);

    const radius = Math.min(30, phoneWidth * 0.1) * scale;
    const buttonY = top + phoneHeight - 20 * scale - radius;
    this.#fitCaption(
      !screen?.caption
        ? ''
        : screen.mode === 'chat'
          ? `${screen.captionSpeaker}: ${screen.caption}`
          : `“${screen.caption}”`,
      y,
      buttonY - radius - 8 * scale,
      textWidth,
      scale,
    );

    if (screen?.mode === 'ringing') {
      this.#frame
        .fillStyle(COLORS.decline, 1)
        .fillCircle(centre - phoneWidth * 0.22, buttonY, radius);
      this.#frame
        .fillStyle(COLORS.answer, 1)
        .fillCircle(centre + phoneWidth * 0.22, buttonY, radius);
    } else if (screen?.mode === 'in-call') {
      this.#frame.fillStyle(COLORS.decline, 1).fillCircle(centre, buttonY, radius);
    }
  }

  /**
   * Puts the caption between `top` and `bottom`, shrinking the type, then keeping only its end
   * (the latest words), so it never runs over the call buttons. The full text is always in
   * the DOM transcript.
   */
  #fitCaption(caption: string, top: number, bottom: number, width: number, scale: number): void {
    const room = Math.max(0, bottom - top);
    const text = this.#caption
      .setPosition(this.scale.gameSize.width / 2, top)
      .setWordWrapWidth(width, true);
    for (const size of [17, 15, 13, 12]) {
      text.setFontSize(`${Math.round(size * scale)}px`).setText(caption);
      if (text.height <= room) return;
    }
    const words = caption.split(' ');
    // Chinese has no spaces: trim characters instead of words.
    const pieces = words.length > 3 ? words : [...caption];
    const joiner = words.length > 3 ? ' ' : '';
    for (let start = 1; start < pieces.length; start++) {
      text.setText(`…${pieces.slice(start).join(joiner)}`);
      if (text.height <= room) return;
    }
    text.setText('');
  }
}
