/**
 * Boots Phaser for the phone screen. This module and Phaser form their own chunk, loaded only
 * when a scenario starts. Phaser's own audio stays off: Howler owns sound.
 */
import * as Phaser from 'phaser';
import type { PhoneScreen } from '../src/ui/phone-state';
import { CallScene } from './call-scene';

export interface PhoneStage {
  show(screen: PhoneScreen): void;
  destroy(): void;
}

export function createPhoneStage(parent: HTMLElement): Promise<PhoneStage> {
  return new Promise((resolve, reject) => {
    const scene = new CallScene();
    let game: Phaser.Game;
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
        scene,
      });
    } catch (error) {
      reject(error);
      return;
    }
    scene.onReady = () =>
      resolve({
        show: (screen) => scene.show(screen),
        destroy: () => game.destroy(true),
      });
  });
}
