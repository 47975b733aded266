/**
 * The phone renders on demand (scenes/render-on-demand.ts): Phaser's loop sleeps while the
 * picture is still and draws again on every change. The stage element's `data-frames` counts
 * the frames Phaser rendered; screenshots of the canvas show what it drew.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  choiceButtons,
  launchBrowser,
  openGame,
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

/** Waits until no frame has been rendered for `quietMs`; returns the frame count then. */
async function settled(page: Page, quietMs = 700, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = await frames(page);
  for (;;) {
    await sleep(quietMs);
    const now = await frames(page);
    if (now === last && now > 0) return now;
    if (Date.now() > deadline) throw new Error(`the phone never stopped drawing (${now} frames)`);
    last = now;
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
