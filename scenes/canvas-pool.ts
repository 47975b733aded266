/**
 * Lets go of the 2D canvases Phaser keeps once a phone is destroyed.
 *
 * Phaser's CanvasPool is one list for the whole page: a canvas that a Text (or the 2D renderer's
 * screen) used stays in it, marked free for the next user. Two things made it grow with every
 * phone under the 2D renderer (measured: +26% JS heap over 20 plays):
 * - Phaser 4.2's TextureManager makes a TileSprite for its drawing helpers and never destroys
 *   it. Under the 2D renderer that TileSprite takes two canvases from the pool, and as their
 *   `parent` it keeps the whole destroyed game reachable.
 * - In Chromium each canvas keeps a text-shaping cache of every string drawn in it, and a
 *   reused canvas only adds to it.
 * So when a phone goes, the TileSprite's canvases are given back and every free canvas is
 * dropped. A new phone makes fresh ones in a few milliseconds.
 *
 * Pure: Phaser's pool and texture manager come in as arguments.
 */

/** What this needs of Phaser.Display.Canvas.CanvasPool. */
export interface CanvasPoolLike {
  /** Frees every canvas whose user is `parent`. */
  remove(parent: unknown): void;
  /** The list itself: Phaser has it at run time, though its type declarations leave it out. */
  readonly pool?: unknown;
}

/** One entry of Phaser's pool: `parent` is whoever uses the canvas, or null when it is free. */
interface PoolEntry {
  readonly parent: unknown;
}

/**
 * Removes the free entries from `canvasPool.pool` and returns how many went. Entries in use stay:
 * their users give them back as usual. Anything that is not such a list is left alone, so a
 * Phaser update that changes the pool costs memory, never a crash.
 */
export function dropFreeCanvases(canvasPool: Pick<CanvasPoolLike, 'pool'>): number {
  const pool = canvasPool.pool;
  if (!Array.isArray(pool)) return 0;
  const before = pool.length;
  const free = (entry: unknown) =>
    typeof entry === 'object' &&
    entry !== null &&
    'parent' in entry &&
    !(entry as PoolEntry).parent;
  const inUse = pool.filter((entry: unknown) => !free(entry));
  // The same array, changed in place: Phaser holds it in a closure.
  pool.splice(0, pool.length, ...inUse);
  return before - pool.length;
}

/**
 * For a destroyed game: gives back the canvases of its texture manager's TileSprite (`textures`
 * is `game.textures`), then drops every free canvas. Returns how many were dropped.
 */
export function releaseCanvases(canvasPool: CanvasPoolLike, textures: unknown): number {
  const tileSprite = (textures as { tileSprite?: unknown } | null | undefined)?.tileSprite;
  if (tileSprite) canvasPool.remove(tileSprite);
  return dropFreeCanvases(canvasPool);
}
