/**
 * The Phaser the phone ships: Phaser's own "core" build entry (phaser/src/phaser-core.js: the
 * game loop, scenes, cameras, WebGL and canvas renderers, Text, Graphics, Image, tweens, time,
 * scale) plus the two game objects the phone draws that the core leaves out, Container and Arc.
 * No physics, tilemaps, particles, sound or the other game objects: the phone needs none of them,
 * and the stock bundle carries them all (about 1.3 MB of script to fetch and parse before the
 * first call can ring on a school laptop).
 *
 * vite.config.ts points the bare specifier `phaser` here for the game's build and dev server, so
 * the scenes keep `import * as Phaser from 'phaser'` and the package's types. Phaser's sources
 * are CommonJS with feature switches (`typeof WEBGL_RENDERER` ...) that vite.config.ts sets, as
 * Phaser's own webpack config does.
 */

import CanvasPool from 'phaser-src/display/canvas/CanvasPool.js';
import Container from 'phaser-src/gameobjects/container/Container.js';
import Arc from 'phaser-src/gameobjects/shape/arc/Arc.js';
import core from 'phaser-src/phaser-core.js';
// Registers `scene.add.container`; the core registers its own objects' factories itself.
import 'phaser-src/gameobjects/container/ContainerFactory.js';

type PhaserModule = typeof import('phaser');
const phaser = core as PhaserModule;

export const {
  AUTO,
  CANVAS,
  WEBGL,
  HEADLESS,
  Cameras,
  Core,
  Events,
  Game,
  Input,
  Scale,
  Scene,
  Scenes,
  Textures,
  Time,
  Tweens,
} = phaser;
/** The core's Display has only Masks; the stage also reaches Canvas.CanvasPool (canvas-pool.ts). */
export const Display = {
  ...phaser.Display,
  Canvas: {
    ...phaser.Display.Canvas,
    CanvasPool: CanvasPool as PhaserModule['Display']['Canvas']['CanvasPool'],
  },
};
export const GameObjects = {
  ...phaser.GameObjects,
  Arc: Arc as PhaserModule['GameObjects']['Arc'],
  Container: Container as PhaserModule['GameObjects']['Container'],
};
