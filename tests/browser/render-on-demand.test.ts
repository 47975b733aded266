/**
 * The phone renders on demand (scenes/render-on-demand.ts): Phaser's loop sleeps while the
 * picture is still and draws again on every change. The stage element's `data-frames` counts
 * the frames Phaser rendered; screenshots of the canvas show what it drew. The last test checks
 * the choice between the 2D canvas and WebGL (scenes/renderer-choice.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  choiceButtons,
  launchBrowser,
  openGame,
  pretendGraphicsChip,
  startScenario,
  waitForCondition,
} from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (options: Partial<Parameters<typeof openGame>[1]> = {}) =>
  openGame(browser, { baseUrl: inject('baseUrl'), ...options });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Frames Phaser has rendered so far (-1 before the stage has drawn any). */
function frames(page: Page): Promise<number> {
  return page.evaluate(() =>
    Number(document.querySelector('.stage')?.getAttribute('data-frames') ?? -1),
  );
}

/** The phone canvas's size on the page ("545x658"), or '' before there is one. */
function canvasSize(page: Page): Promise<string> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.stage canvas');
    return canvas ? `${canvas.clientWidth}x${canvas.clientHeight}` : '';
  });
}

/**
 * Waits until no frame has been rendered and the canvas has kept its size for `quietMs`;
 * returns the frame count then. (The stage's height follows the page's layout, which can still
 * settle after the choices show on a busy machine.)
 */
async function settled(page: Page, quietMs = 700, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = await frames(page);
  let lastSize = await canvasSize(page);
  for (;;) {
    await sleep(quietMs);
    const now = await frames(page);
    const size = await canvasSize(page);
    if (now === last && size === lastSize && now > 0) return now;
    if (Date.now() > deadline) throw new Error(`the phone never stopped drawing (${now} frames)`);
    last = now;
    lastSize = size;
  }
}

const canvasShot = (page: Page) => page.locator('.stage canvas').screenshot();

describe('render on demand', () => {
  it('stops drawing once a chat settles, and draws each change', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'sextortion-approach');
    await choiceButtons(page).first().waitFor();
    const still = await settled(page);
    const before = await canvasShot(page);
    // Asleep: a second and a half with no frame at all.
    await sleep(1500);
    expect(await frames(page)).toBe(still);

    // A choice: the next screen is drawn, then the loop sleeps again.
    await choiceButtons(page).first().click();
    await waitForCondition(
      page,
      (n) => Number(document.querySelector('.stage')?.getAttribute('data-frames')) > n,
      still,
    );
    const next = await settled(page);
    expect(next).toBeGreaterThan(still);
    expect((await canvasShot(page)).equals(before)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('redraws when the window or only the stage element changes size', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'toronto-police-call');
    await choiceButtons(page).first().waitFor();
    const still = await settled(page);

    // The stage alone grows (no window resize): Phaser would not notice while asleep.
    const taller = await page.evaluate(() => {
      const stage = document.querySelector<HTMLElement>('.stage');
      if (!stage) return 0;
      const height = Math.round(stage.getBoundingClientRect().height + 60);
      stage.style.height = `${height}px`;
      return height;
    });
    await waitForCondition(
      page,
      (height) => {
        const canvas = document.querySelector('.stage canvas');
        return !!canvas && Math.abs(canvas.getBoundingClientRect().height - height) < 2;
      },
      taller,
      { timeout: 5000 },
    );
    const afterStage = await settled(page);
    expect(afterStage).toBeGreaterThan(still);

    // The window: the canvas follows the stage's new width, and the loop sleeps again.
    await page.setViewportSize({ width: 390, height: 800 });
    await waitForCondition(
      page,
      () => {
        const canvas = document.querySelector('.stage canvas');
        const stage = document.querySelector('.stage');
        if (!canvas || !stage) return false;
        const width = canvas.getBoundingClientRect().width;
        return Math.abs(width - stage.getBoundingClientRect().width) < 2 && width < 400;
      },
      undefined,
      { timeout: 5000 },
    );
    expect(await settled(page)).toBeGreaterThan(afterStage);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('wakes about once a second for a call timer, and the timer moves', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'toronto-police-call');
    await page.locator('[data-choice-id="answer"]').click();
    await choiceButtons(page).first().waitFor();
    await sleep(1000);
    const start = await frames(page);
    const first = await canvasShot(page);
    await sleep(3000);
    const drawn = (await frames(page)) - start;
    // Running flat out it would be dozens; on demand it is a few frames per tick of the clock.
    expect(drawn).toBeGreaterThanOrEqual(2);
    expect(drawn).toBeLessThanOrEqual(16);
    expect((await canvasShot(page)).equals(first)).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps drawing while the typing dots pulse, at the calmer ambient rate', async () => {
    const { context, page, problems } = await open({ reducedMotion: 'no-preference' });
    await startScenario(page, 'sextortion-approach');
    await choiceButtons(page).first().waitFor();
    await settled(page);
    await choiceButtons(page).first().click();
    await waitForCondition(
      page,
      () => (document.querySelector('.typing-note')?.textContent ?? '') !== '',
      undefined,
      { timeout: 10_000 },
    );
    const start = await frames(page);
    await sleep(600);
    const drawn = (await frames(page)) - start;
    const stillTyping = await page.evaluate(
      () => (document.querySelector('.typing-note')?.textContent ?? '') !== '',
    );
    expect(stillTyping).toBe(true);
    expect(drawn).toBeGreaterThanOrEqual(4);
    // An ambient loop is drawn at about 30 frames a second, not 60 (36 in 600 ms): room is left
    // for a bubble's slide-in at full rate at the start of the window.
    expect(drawn).toBeLessThanOrEqual(26);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets go of the phone while its loop sleeps', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'sextortion-approach');
    await choiceButtons(page).first().waitFor();
    await settled(page);
    await page.keyboard.press('Escape');
    await page.locator('[data-screen="calm"]').waitFor();
    expect(await page.locator('canvas').count()).toBe(0);
    await sleep(300);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * How far apart two pictures of the same size are: each is cut into 12-pixel cells, and the
 * result is the largest and the mean difference of a cell's average brightness (0-255). Cells
 * forgive a pixel's shift; a missing shape or text changes its cells by tens.
 */
async function pictureDistance(page: Page, a: Buffer, b: Buffer) {
  return page.evaluate(
    async ([first, second]) => {
      const pixels = async (base64: string) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.drawImage(image, 0, 0);
        return context.getImageData(0, 0, image.width, image.height);
      };
      const [one, two] = [await pixels(first), await pixels(second)];
      if (one.width !== two.width || one.height !== two.height)
        return { sizes: [one.width, one.height, two.width, two.height], max: 255, mean: 255 };
      const cell = 12;
      const brightness = (data: ImageData, cx: number, cy: number) => {
        let sum = 0;
        let count = 0;
        for (let y = cy; y < Math.min(cy + cell, data.height); y++)
          for (let x = cx; x < Math.min(cx + cell, data.width); x++) {
            const i = (y * data.width + x) * 4;
            const [r = 0, g = 0, b = 0] = data.data.subarray(i, i + 3);
            sum += (r + g + b) / 3;
            count++;
          }
        return sum / count;
      };
      let max = 0;
      let total = 0;
      let cells = 0;
      for (let y = 0; y < one.height; y += cell)
        for (let x = 0; x < one.width; x += cell) {
          const difference = Math.abs(brightness(one, x, y) - brightness(two, x, y));
          max = Math.max(max, difference);
          total += difference;
          cells++;
        }
      return { sizes: [one.width, one.height], max, mean: total / cells };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

describe('the renderer', () => {
  it('draws with the 2D canvas where WebGL is software, and the same picture with WebGL on a chip', async () => {
    const shots: Buffer[] = [];
    for (const [initScript, renderer] of [
      [undefined, 'canvas'],
      [pretendGraphicsChip, 'webgl'],
    ] as const) {
      const { context, page, problems } = await open({ initScript });
      await startScenario(page, 'sextortion-threat');
      await choiceButtons(page).first().waitFor();
      await settled(page);
      // This machine's Chromium runs with --disable-gpu: its WebGL is SwiftShader.
      expect(await page.locator('.stage').getAttribute('data-renderer')).toBe(renderer);
      shots.push(await canvasShot(page));
      expect(problems).toEqual([]);
      await context.close();
    }
    // A blank page to compare in: the game's CSP rightly refuses data: images.
    const page = await browser.newPage();
    const [canvas, webgl] = shots as [Buffer, Buffer];
    const distance = await pictureDistance(page, canvas, webgl);
    // Both pictures have the same size.
    expect(distance.sizes).toHaveLength(2);
    // Measured: mean 0.2, largest cell 7 (text anti-aliasing, a pixel's shift here and there).
    // The blurred photo's gradient drawn flat, as Phaser's 2D renderer would draw a gradient
    // fill, makes its cells differ by 16.
    expect(distance.mean).toBeLessThan(1);
    expect(distance.max).toBeLessThan(12);
    await page.close();
  });
});
