/**
 * The phone's Phaser is built from Phaser's sources (vite.config.ts). Each feature switch in
 * them must be set: one left unset reads as "on" (`typeof X` of an undeclared name is the
 * non-empty string "undefined"), which would quietly pull in code or break at run time after a
 * Phaser update adds a switch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHASER_FEATURES } from '../../vite.config';

const PHASER_SRC = join(import.meta.dirname, '..', '..', 'node_modules', 'phaser', 'src');

function switchesIn(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) switchesIn(path, found);
    else if (entry.name.endsWith('.js')) {
      for (const match of readFileSync(path, 'utf8').matchAll(/typeof ([A-Z][A-Z0-9_]{3,})\b/g)) {
        found.add(match[1] as string);
      }
    }
  }
  return found;
}

describe("the phone's Phaser build", () => {
  it("sets every feature switch found in Phaser's sources", () => {
    const switches = [...switchesIn(PHASER_SRC)];
    expect(switches.length).toBeGreaterThan(3);
    expect(switches.filter((name) => !(name in PHASER_FEATURES))).toEqual([]);
  });

  it('keeps WebGL with the canvas fallback, and leaves Phaser sound out (Howler plays)', () => {
    expect(PHASER_FEATURES).toMatchObject({
      WEBGL_RENDERER: true,
      CANVAS_RENDERER: true,
      FEATURE_SOUND: false,
    });
  });
});
