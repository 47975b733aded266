/**
 * axe-core on the first screen, a decision point and the debrief, at WCAG 2.2 AA. The canvas
 * is invisible to axe, which is why every choice and line also lives in the DOM.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openGame } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const language of ['en', 'fr', 'zh-Hans']) {
    it(`has no violations on the first screen, a decision and the debrief in ${language}`, async () => {
      const { context, page, problems } = await openGame(browser, {
        baseUrl: inject('baseUrl'),
        locale: language === 'zh-Hans' ? 'zh-CN' : `${language}-CA`,
      });
      await page.locator('[data-scenario-id]').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      expect(await violations(page)).toEqual([]);

      await page.locator('[data-scenario-id="toronto-police-call"]').click();
      await page.locator('[data-choice-id="answer"]').click();
      await page.locator('[data-choice-id="refuse-details"]').waitFor();
      expect(await violations(page)).toEqual([]);

      for (const id of ['refuse-details', 'hang-up', 'call-back', 'thank-and-hang-up']) {
        await page.locator(`[data-choice-id="${id}"]`).click();
      }
      await page.locator('.debrief').waitFor();
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
