/**
 * A finished phone leaves nothing behind. Each scenario boots a Phaser game for its phone and
 * destroys it at the end; a class plays all morning on one page. Under Phaser's 2D renderer a
 * destroyed game used to stay reachable through canvases Phaser pools for reuse (its mouse
 * manager's wheel listener, its texture manager's TileSprite: scenes/canvas-pool.ts): one more
 * live canvas a play, and the whole game behind it. This counts the page's canvas elements after a full garbage collection: it
 * must not grow from play to play, with either renderer. (A count, not a timing or a heap size:
 * the heap target is measured by `npm run bench`.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openGame, pretendGraphicsChip, startScenario } from './support/browser';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIO = 'sextortion-approach';
const walks = JSON.parse(
  readFileSync(join(ROOT, 'tests', 'walks', `${SCENARIO}.json`), 'utf8'),
) as { walks: { kind: string; choices: string[] }[] };
const best = walks.walks.find((walk) => walk.kind === 'best');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** One play from the list to the debrief and back to the list. */
async function playOnce(page: Page): Promise<void> {
  if (!best) throw new Error(`tests/walks/${SCENARIO}.json has no best walk`);
  await startScenario(page, SCENARIO);
  for (const choice of best.choices) {
    await page
      .locator(`.choices:not([hidden]) button[data-choice-id="${choice}"]:not([disabled])`)
      .click();
  }
  await page.locator('.debrief button:not(.primary)').last().click();
  await page.locator('[data-scenario-id]').first().waitFor();
}

/** Canvas elements alive in the page after a full garbage collection, in or out of the DOM. */
async function liveCanvases(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const prototype = await cdp.send('Runtime.evaluate', {
    expression: 'HTMLCanvasElement.prototype',
    objectGroup: 'count',
  });
  const found = await cdp.send('Runtime.queryObjects', {
    prototypeObjectId: prototype.result.objectId as string,
    objectGroup: 'count',
  });
  const length = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId as string,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  // The list of found objects would itself keep them all alive for the next count.
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'count' });
  return length.result.value as number;
}

describe("the phone's memory", () => {
  for (const [renderer, initScript] of [
    ['canvas', undefined],
    ['webgl', pretendGraphicsChip],
  ] as const) {
    it(`keeps no canvas of a finished phone, play after play (${renderer} renderer)`, async () => {
      const { context, page, problems } = await openGame(browser, {
        baseUrl: inject('baseUrl'),
        initScript,
      });
      const cdp = await context.newCDPSession(page);
      await playOnce(page);
      expect(await page.locator('.stage').count()).toBe(0);
      const afterFirst = await liveCanvases(cdp);
      const counts: number[] = [];
      for (let play = 2; play <= 4; play++) {
        await playOnce(page);
        counts.push(await liveCanvases(cdp));
      }
      expect(counts).toEqual(counts.map(() => afterFirst));
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
