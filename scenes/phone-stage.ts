/**
 * Boots Phaser for the phone and shows one scene at a time: the chat app, the call screens, the
 * lock screen or the debrief picture. This module and Phaser form their own chunk, fetched after
 * the first screen (src/ui/phone-stage-loader.ts) and booted when a scenario starts. Phaser's own
 * audio stays off: Howler owns sound.
 *
 * The phone renders on demand (scenes/render-on-demand.ts): Phaser's loop sleeps while the
 * picture is still and wakes on every change the stage knows of: a new screen, a resize of the
 * window or of the stage element (Phaser's ScaleManager only looks at its parent's size inside
 * the loop), the page showing again, a restored WebGL context, and the next tick of a call's
 * clock. The stage element's `data-frames` counts the frames Phaser has rendered, and its
 * `data-renderer` says which renderer draws them ('webgl' or 'canvas').
 */
import * as Phaser from 'phaser';
import type { DebriefPicture, PhoneScreen, PhoneView } from '../src/ui/phone-screen';
import { CallScene } from './call-scene';
import { releaseCanvases } from './canvas-pool';
import { ChatScene } from './chat-scene';
import { DebriefScene } from './debrief-scene';
import { NoticeScene } from './notice-scene';
import type { PhoneScene, ScreenSource } from './phone-scene';
import { RenderOnDemand } from './render-on-demand';
import { phoneRenderer } from './renderer-choice';

export interface PhoneStage {
  show(screen: PhoneScreen): void;
  showDebrief(picture: DebriefPicture): void;
  /** Settles once the latest screen is on the canvas (a newly started scene created and drawn). */
  drawn(): Promise<void>;
  destroy(): void;
}

type SceneKey = 'chat' | 'call' | 'notice' | 'debrief';

/** Which scene draws which view; anything unknown goes to the notice scene, which says so. */
export function sceneFor(view: PhoneView | string): SceneKey {
  switch (view) {
    case 'chat':
      return 'chat';
    case 'incoming-call':
    case 'in-call':
    case 'call-ended':
    case 'dialer':
      return 'call';
    default:
      return 'notice';
  }
}

/**
 * The element Phaser sizes its game from, inside the stage: the stage's size rounded down to
 * whole pixels. In a grid or at 70% of the window's height the stage is often a fraction of a
 * pixel (537.6 px at 768), and with a fractional game size WebGL scaled the whole picture onto
 * the whole-pixel canvas, shifting it by a pixel and resampling every text, where the 2D
 * canvas did not. Set through the CSSOM (the CSP allows no inline style attribute); a browser
 * without CSS round() keeps the plain 100%.
 */
function wholePixelFrame(parent: HTMLElement): HTMLElement {
  const frame = document.createElement('div');
  frame.className = 'stage-frame';
  for (const side of ['width', 'height'] as const) {
    frame.style[side] = '100%';
    frame.style[side] = 'round(down, 100%, 1px)';
  }
  frame.style.overflow = 'hidden';
  parent.append(frame);
  return frame;
}

export function createPhoneStage(parent: HTMLElement): Promise<PhoneStage> {
  return new Promise((resolve, reject) => {
    const frame = wholePixelFrame(parent);
    const source: ScreenSource = { screen: undefined, picture: undefined };
    const scenes: Record<SceneKey, PhoneScene> = {
      chat: new ChatScene(source),
      call: new CallScene(source),
      notice: new NoticeScene(source),
      debrief: new DebriefScene(source),
    };
    let current: SceneKey = 'notice';
    let game: Phaser.Game;
    let onDemand: RenderOnDemand | undefined;
    const touch = () => onDemand?.touch();

    /** A scene asked to start has not run its create() yet (Phaser starts it on its next step). */
    let starting = false;
    let drawnWaiters: (() => void)[] = [];
    const switchTo = (key: SceneKey) => {
      if (key === current && game.scene.isActive(key)) {
        scenes[key].redraw();
      } else {
        game.scene.stop(current);
        current = key;
        starting = true;
        // A started scene draws the latest screen from `source` in its create().
        game.scene.start(key);
      }
      // After the change: a sleeping loop wakes and draws it at once.
      touch();
    };

    const renderer = phoneRenderer();
    // For the tests and for anyone asking why a phone is slow: which renderer this one uses.
    parent.dataset.renderer = renderer;
    try {
      game = new Phaser.Game({
        // WebGL where a graphics chip draws it, else the 2D canvas (scenes/renderer-choice.ts).
        type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
        parent: frame,
        backgroundColor: '#0f1420',
        banner: false,
        // WebGL only: one texture per draw. A handful more draw calls for the phone's few dozen
        // objects, but the simplest fragment shader, which is what a weak GPU pays for on every
        // pixel (measured in Chromium's SwiftShader: a third less GPU time per frame).
        render: { maxTextures: 1 },
        audio: { noAudio: true },
        // The canvas is a picture: every choice is a DOM button, and focus stays with them. No
        // Phaser input at all, so no listeners on the canvas either: Phaser 4.2's mouse manager
        // never removes its wheel listener (phaserjs/phaser#7340), and on the 2D renderer's
        // pooled canvas, which the next phone reuses, it kept every destroyed phone alive.
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        // The stylesheet sizes the stage, and the stage the frame. Not expandParent (Phaser's
        // default): a phone that boots behind a content note finds its stage hidden, with no
        // size, and Phaser would then set height 100% on its parent, the page and the body, which
        // on the debrief stretched the canvas to the whole debrief's height. The stage's
        // ResizeObserver (below) picks the size up once it shows.
        scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%', expandParent: false },
        // Only the notice scene starts by itself; the others start when first shown.
        scene: [scenes.notice, scenes.chat, scenes.call, scenes.debrief],
      });
    } catch (error) {
      frame.remove();
      reject(error);
      return;
    }

    const active = () => Object.values(scenes).filter((scene) => scene.sys.isActive());
    onDemand = new RenderOnDemand({
      loop: game.loop,
      // Phaser applies a change (new text, new size) within the frame it draws on waking: one
      // frame shows it. Each extra frame costs a low-end laptop tens of milliseconds.
      idleFrames: 1,
      busy: () => {
        // A scene Phaser has yet to create (it takes a step or two): keep stepping until it has.
        if (starting) return 'moving';
        const motions = active().map((scene) => scene.animating());
        if (motions.includes('moving')) return 'moving';
        return motions.includes('ambient') ? 'ambient' : 'still';
      },
      nextChangeIn: () => {
        const times = active()
          .map((scene) => scene.nextChangeIn())
          .filter((ms): ms is number => ms !== undefined);
        return times.length > 0 ? Math.min(...times) : undefined;
      },
    });
    const rendered = () => {
      if (!starting && drawnWaiters.length > 0) {
        const waiting = drawnWaiters;
        drawnWaiters = [];
        for (const settle of waiting) settle();
      }
      if (!onDemand) return;
      onDemand.frameRendered();
      parent.dataset.frames = String(onDemand.frames);
    };
    game.events.on(Phaser.Core.Events.POST_RENDER, rendered);
    // Phaser's DESTROY comes once the scenes are gone and their texts have given their canvases
    // back. The canvases Phaser would keep for a next phone go now (scenes/canvas-pool.ts).
    game.events.once(Phaser.Core.Events.DESTROY, () =>
      releaseCanvases(Phaser.Display.Canvas.CanvasPool, game.textures),
    );
    // Phaser pauses and resumes its clock on the page's visibility, but never wakes the loop.
    game.events.on(Phaser.Core.Events.VISIBLE, touch);
    const resized = () => {
      // Phaser's ScaleManager reads its parent's size in its step when told the size is stale.
      game.scale.dirty = true;
      touch();
    };
    window.addEventListener('resize', resized);
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(resized) : undefined;
    observer?.observe(parent);
    // Phaser rebuilds its WebGL resources when a lost context comes back; then it must draw.
    const canvas = game.canvas as HTMLCanvasElement | null;
    canvas?.addEventListener('webglcontextrestored', touch);

    const destroy = () => {
      for (const settle of drawnWaiters) settle();
      drawnWaiters = [];
      window.removeEventListener('resize', resized);
      observer?.disconnect();
      canvas?.removeEventListener('webglcontextrestored', touch);
      game.events.off(Phaser.Core.Events.VISIBLE, touch);
      game.destroy(true);
      frame.remove();
      // Phaser finishes destroying on the loop's next step: a sleeping loop must run it.
      onDemand?.stop();
      onDemand = undefined;
    };

    scenes.notice.onDrawn = () => {
      for (const scene of Object.values(scenes)) {
        scene.onDrawn = () => {
          starting = false;
        };
      }
      resolve({
        show(screen) {
          source.screen = screen;
          switchTo(sceneFor(screen.view));
        },
        showDebrief(picture) {
          source.picture = picture;
          switchTo('debrief');
        },
        drawn: () =>
          new Promise<void>((settle) => {
            drawnWaiters.push(settle);
            touch();
          }),
        destroy,
      });
    };
  });
}
