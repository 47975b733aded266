/**
 * Boots Phaser for the phone and shows one scene at a time: the chat app, the call screens, the
 * lock screen or the debrief picture. This module and Phaser form their own chunk, loaded only
 * when a scenario starts. Phaser's own audio stays off: Howler owns sound.
 */
import * as Phaser from 'phaser';
import type { DebriefPicture, PhoneScreen, PhoneView } from '../src/ui/phone-screen';
import { CallScene } from './call-scene';
import { ChatScene } from './chat-scene';
import { DebriefScene } from './debrief-scene';
import { NoticeScene } from './notice-scene';
import type { PhoneScene, ScreenSource } from './phone-scene';

export interface PhoneStage {
  show(screen: PhoneScreen): void;
  showDebrief(picture: DebriefPicture): void;
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

export function createPhoneStage(parent: HTMLElement): Promise<PhoneStage> {
  return new Promise((resolve, reject) => {
    const source: ScreenSource = { screen: undefined, picture: undefined };
    const scenes: Record<SceneKey, PhoneScene> = {
      chat: new ChatScene(source),
      call: new CallScene(source),
      notice: new NoticeScene(source),
      debrief: new DebriefScene(source),
    };
    let current: SceneKey = 'notice';
    let game: Phaser.Game;

    const switchTo = (key: SceneKey) => {
      if (key === current && game.scene.isActive(key)) {
        scenes[key].redraw();
        return;
      }
      game.scene.stop(current);
      current = key;
      // A started scene draws the latest screen from `source` in its create().
      game.scene.start(key);
    };

    try {
      game = new Phaser.Game({
        type: Phaser.AUTO,
        parent,
        backgroundColor: '#0f1420',
        banner: false,
        audio: { noAudio: true },
        // The canvas is a picture; keyboard focus stays in the DOM buttons.
        input: { keyboard: false },
        scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
        // Only the notice scene starts by itself; the others start when first shown.
        scene: [scenes.notice, scenes.chat, scenes.call, scenes.debrief],
      });
    } catch (error) {
      reject(error);
      return;
    }
    scenes.notice.onDrawn = () => {
      scenes.notice.onDrawn = undefined;
      resolve({
        show(screen) {
          source.screen = screen;
          switchTo(sceneFor(screen.view));
        },
        showDebrief(picture) {
          source.picture = picture;
          switchTo('debrief');
        },
        destroy: () => game.destroy(true),
      });
    };
  });
}
