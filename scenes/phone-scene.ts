/**
 * What every phone scene shares: it reads the latest picture from one shared source and redraws
 * it on demand and on every resize. Scenes reset their state in `init()` and let go of their
 * listeners on shutdown, as Phaser's own scenes do.
 */
import * as Phaser from 'phaser';
import type { DebriefPicture, PhoneScreen } from '../src/ui/phone-screen';

/** The stage writes here; the running scene reads from here when it (re)draws. */
export interface ScreenSource {
  screen: PhoneScreen | undefined;
  picture: DebriefPicture | undefined;
}

export abstract class PhoneScene extends Phaser.Scene {
  protected readonly source: ScreenSource;
  /** Set by the stage: called once the scene has drawn its first frame. */
  onDrawn: (() => void) | undefined;

  constructor(key: string, source: ScreenSource) {
    super({ key });
    this.source = source;
  }

  create(): void {
    this.build();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.redraw, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.redraw, this);
      this.teardown();
    });
    this.redraw();
    this.onDrawn?.();
  }

  /** Draws the latest screen; safe to call at any time after `create`. */
  redraw(): void {
    if (!this.sys.settings.active) return;
    this.draw();
  }

  /** Creates the scene's game objects. */
  protected abstract build(): void;
  /** Lays out and fills them from `this.source`, to fit `this.scale.gameSize`. */
  protected abstract draw(): void;
  /** Releases anything `build` set up beyond the scene's own objects (timers, tweens). */
  protected teardown(): void {}
}
