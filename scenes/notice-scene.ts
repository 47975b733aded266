/**
 * The phone's lock screen, and the screen for anything the phone cannot show: a view this build
 * does not know gets a plain message (the DOM layer offers a way out), never a frozen canvas.
 */
import type * as Phaser from 'phaser';
import { drawBody, FONT, fontPx, palette, phoneRect } from './phone-frame';
import { PhoneScene, type ScreenSource } from './phone-scene';

export class NoticeScene extends PhoneScene {
  #body!: Phaser.GameObjects.Graphics;
  #clock!: Phaser.GameObjects.Text;
  #message!: Phaser.GameObjects.Text;

  constructor(source: ScreenSource) {
    super('notice', source);
  }

  protected build(): void {
    this.#body = this.add.graphics();
    const style = { fontFamily: FONT, align: 'center' } as const;
    this.#clock = this.add.text(0, 0, '', style).setOrigin(0.5, 0);
    this.#message = this.add.text(0, 0, '', style).setOrigin(0.5, 0.5);
  }

  protected draw(): void {
    const screen = this.source.screen;
    if (!screen) return;
    const { width, height } = this.scale.gameSize;
    const rect = phoneRect(width, height);
    const colors = palette(screen.look);
    this.cameras.main.setBackgroundColor(colors.stage);
    drawBody(this.#body, rect, colors);
    const centre = rect.x + rect.width / 2;
    const known = screen.view === 'home';
    this.#clock
      .setText(known ? screen.clock : '')
      .setFontSize(fontPx(56, rect, screen.look))
      .setColor(colors.text)
      .setPosition(centre, rect.inner.y + rect.inner.height * 0.18);
    this.#message
      .setText(known ? screen.status : screen.labels.unsupported)
      .setFontSize(fontPx(18, rect, screen.look))
      .setColor(known ? colors.muted : colors.text)
      .setWordWrapWidth(rect.inner.width - 40, true)
      .setPosition(centre, rect.inner.y + rect.inner.height * 0.5);
  }
}
