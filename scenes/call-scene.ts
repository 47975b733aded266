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
    const phoneHeight = Math.min(height - 24, 640);
    const phoneWidth = Math.min(width - 24, phoneHeight * 0.52);
    const left = (width - phoneWidth) / 2;
    const top = (height - phoneHeight) / 2;
    const centre = width / 2;
    const screen = this.#screen;

    this.#frame.clear();
    this.#frame.fillStyle(COLORS.body, 1).fillRoundedRect(left, top, phoneWidth, phoneHeight, 28);
    this.#frame
      .fillStyle(COLORS.screen, 1)
      .fillRoundedRect(left + 10, top + 10, phoneWidth - 20, phoneHeight - 20, 20);

    const textWidth = phoneWidth - 48;
    this.#status.setPosition(centre, top + phoneHeight * 0.1).setText(screen?.status ?? '');
    this.#name
      .setPosition(centre, top + phoneHeight * 0.16)
      .setWordWrapWidth(textWidth)
      .setText(screen?.name ?? '');
    this.#number
      .setPosition(centre, this.#name.y + this.#name.height + 8)
      .setText(screen?.number ?? '');
    this.#timer
      .setPosition(centre, this.#number.y + this.#number.height + 8)
      .setVisible(screen?.mode === 'in-call');
    this.#caption
      .setPosition(centre, top + phoneHeight * 0.42)
      .setWordWrapWidth(textWidth)
      .setText(screen?.caption ? `“${screen.caption}”` : '');

    const buttonY = top + phoneHeight * 0.86;
    const radius = Math.min(30, phoneWidth * 0.1);
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
}
