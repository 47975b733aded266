/**
 * Every scenario, played in the built game in every language: its best walk (from
 * tests/walks) reaches its ending with a 100% safety score, and its worst walk reaches a
 * debrief that still shows the help lines. Fails on any console error or foreign request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openGame, startScenario } from './support/browser';

const ROOT = join(import.meta.dirname, '..', '..');
interface Walk {
  kind: string;
  choices: string[];
  ending: string;
}
const walkFiles = readdirSync(join(ROOT, 'tests', 'walks'))
  .filter((f) => f.endsWith('.json'))
  .map(
    (f) =>
      JSON.parse(readFileSync(join(ROOT, 'tests', 'walks', f), 'utf8')) as {
        scenario: string;
        walks: Walk[];
      },
  );

const LOCALES = { en: 'en-CA', fr: 'fr-CA', 'zh-Hans': 'zh-CN' } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function play(page: Page, scenario: string, walk: Walk): Promise<void> {
  await startScenario(page, scenario);
  for (const choice of walk.choices) {
    const button = page.locator(
      `.choices:not([hidden]) button[data-choice-id="${choice}"]:not([disabled])`,
    );
    await button.waitFor();
    await button.click();
  }
  await page.locator('.debrief').waitFor();
}

describe('every scenario plays to its debrief', () => {
  for (const [language, locale] of Object.entries(LOCALES)) {
    it(`best walks score 100% in ${language}`, async () => {
      const { context, page, problems } = await openGame(browser, {
        baseUrl: inject('baseUrl'),
        locale,
      });
      for (const file of walkFiles) {
        const best = file.walks.find((w) => w.kind === 'best');
        if (!best) throw new Error(`${file.scenario} has no best walk`);
        await play(page, file.scenario, best);
        const score = await page.locator('.debrief .score').textContent();
        expect({ scenario: file.scenario, score: score?.replace(/\s/g, '') }).toEqual({
          scenario: file.scenario,
          score: expect.stringContaining('100'),
        });
        expect(await page.locator('.debrief [data-help-line="emergency"]').count()).toBe(1);
        await page.locator('.debrief button:not(.primary)').click();
        await page.locator('[data-scenario-id]').first().waitFor();
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('worst walks end in a debrief that shows the way out', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    for (const file of walkFiles) {
      const worst = file.walks.find((w) => w.kind === 'worst');
      if (!worst) throw new Error(`${file.scenario} has no worst walk`);
      await play(page, file.scenario, worst);
      expect(await page.locator('.debrief .flag-list li').count()).toBeGreaterThan(0);
      expect(await page.locator('.debrief [data-help-line]').count()).toBeGreaterThan(1);
      await page.locator('.debrief button:not(.primary)').click();
      await page.locator('[data-scenario-id]').first().waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hides the sextortion scenarios when a teacher asks, and shows them again', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    const sextortion = walkFiles.map((f) => f.scenario).filter((id) => id.startsWith('sextortion'));
    await page.locator('[data-scenario-id]').first().waitFor();
    const count = async () =>
      page.evaluate(
        (ids) => ids.filter((id) => document.querySelector(`[data-scenario-id="${id}"]`)).length,
        sextortion,
      );
    expect(await count()).toBe(sextortion.length);
    await page.locator('.teacher-settings summary').click();
    await page.getByLabel('Hide the sextortion scenarios (ages 11 and up) on this device').check();
    await expect.poll(count).toBe(0);
    await page.reload();
    await page.locator('[data-scenario-id]').first().waitFor();
    expect(await count()).toBe(0);
    await page.locator('.teacher-settings summary').click();
    await page
      .getByLabel('Hide the sextortion scenarios (ages 11 and up) on this device')
      .uncheck();
    await expect.poll(count).toBe(sextortion.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});
