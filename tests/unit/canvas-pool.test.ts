import { describe, expect, it } from 'vitest';
import { dropFreeCanvases, releaseCanvases } from '../../scenes/canvas-pool';

describe('dropFreeCanvases', () => {
  it('drops the free entries from the same list and keeps those in use, in order', () => {
    const text = { name: 'a text' };
    const screen = { name: 'the 2D screen' };
    const pool = [
      { parent: null, canvas: 'free 1' },
      { parent: text, canvas: 'used by a text' },
      { parent: null, canvas: 'free 2' },
      { parent: screen, canvas: 'used by the screen' },
    ];
    const canvasPool = { pool };
    expect(dropFreeCanvases(canvasPool)).toBe(2);
    // Phaser holds this very array in a closure: it must change in place.
    expect(canvasPool.pool).toBe(pool);
    expect(pool.map((entry) => entry.canvas)).toEqual(['used by a text', 'used by the screen']);
  });

  it('leaves alone anything that is not a pool it knows, and entries of another shape', () => {
    expect(dropFreeCanvases({})).toBe(0);
    expect(dropFreeCanvases({ pool: 'not a list' })).toBe(0);
    const odd = [null, 7, { canvas: 'no parent field' }];
    expect(dropFreeCanvases({ pool: odd })).toBe(0);
    expect(odd).toHaveLength(3);
  });
});

describe('releaseCanvases', () => {
  it("gives back the texture manager's TileSprite canvases, then drops every free one", () => {
    const tileSprite = { name: 'the TileSprite Phaser never destroys' };
    const text = { name: 'a text still alive' };
    const pool = [
      { parent: tileSprite, canvas: 'tile' },
      { parent: tileSprite, canvas: 'tile fill' },
      { parent: null, canvas: 'free' },
      { parent: text, canvas: 'text' },
    ];
    // Phaser's remove(parent): each canvas of that user becomes free.
    const canvasPool = {
      pool,
      remove(parent: unknown) {
        for (const entry of pool) if (entry.parent === parent) entry.parent = null;
      },
    };
    expect(releaseCanvases(canvasPool, { tileSprite })).toBe(3);
    expect(pool.map((entry) => entry.canvas)).toEqual(['text']);
  });

  it('still drops free canvases when there is no TileSprite (the WebGL renderer, another Phaser)', () => {
    const pool = [{ parent: null }, { parent: {} }];
    const canvasPool = { pool, remove: () => {} };
    expect(releaseCanvases(canvasPool, {})).toBe(1);
    expect(releaseCanvases(canvasPool, null)).toBe(0);
    expect(pool).toHaveLength(1);
  });
});
