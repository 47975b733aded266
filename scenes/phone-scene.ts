/**
 * What every phone scene shares: it reads the latest picture from one shared source and redraws
 * it on demand and on every resize. Scenes reset their state in `init()` and let go of their
 * listeners on shutdown, as Phaser's own scenes do.
 *
 * The game loop sleeps while nothing moves (scenes/render-on-demand.ts): a scene says whether it
 * animates (`animating`) and when its picture next changes by itself (`nextChangeIn`), and the
 * stage wakes the loop after every `redraw` it asks for.
 */
import * as Phaser from 'phaser';
import type { DebriefPicture, PhoneScreen } from '../src/ui/phone-screen';
import type { Motion } from './render-on-demand';

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

  /**
   * What moves: a tween under way (or waiting to start) or a pending timer event is 'moving';
   * only tweens marked `ambient` (endless gentle loops) is 'ambient'; else 'still'.
   */
  animating(): Motion {
    if (!this.sys.isActive()) return 'still';
    if (timersPending(this.time)) return 'moving';
    const live = liveTweens(this.tweens);
    if (live.some((tween) => !ambientTweens.has(tween))) return 'moving';
    return live.length > 0 ? 'ambient' : 'still';
  }

  /**
   * Milliseconds until the picture changes by itself without a tween (a call's running clock),
   * or `undefined` if it never does: the stage wakes the sleeping loop then.
   */
  nextChangeIn(): number | undefined {
    return undefined;
  }

  /** Creates the scene's game objects. */
  protected abstract build(): void;
  /** Lays out and fills them from `this.source`, to fit `this.scale.gameSize`. */
  protected abstract draw(): void;
  /** Releases anything `build` set up beyond the scene's own objects (timers, tweens). */
  protected teardown(): void {}
}

const ambientTweens = new WeakSet<Phaser.Tweens.Tween>();

/**
 * Marks an endless, gentle loop (typing dots, a ringing ripple): the phone draws it at a calmer
 * frame rate than movement across the screen (scenes/render-on-demand.ts).
 */
export function ambient(tween: Phaser.Tweens.Tween): Phaser.Tweens.Tween {
  ambientTweens.add(tween);
  return tween;
}

function liveTweens(manager: Phaser.Tweens.TweenManager): Phaser.Tweens.Tween[] {
  if (manager.paused) return [];
  return manager.tweens.filter(
    (tween) =>
      !tween.paused &&
      !tween.isPendingRemove() &&
      !tween.isRemoved() &&
      !tween.isFinished() &&
      !tween.isDestroyed(),
  );
}

/** Phaser's Clock keeps its timer events private; a pending one needs the loop to run. */
function timersPending(clock: Phaser.Time.Clock): boolean {
  if (clock.paused) return false;
  const { _active: active = [], _pendingInsertion: pending = [] } = clock as unknown as {
    _active?: readonly { paused: boolean }[];
    _pendingInsertion?: readonly unknown[];
  };
  return pending.length > 0 || active.some((event) => !event.paused);
}
