/**
 * axe-core at WCAG 2.2 AA on every screen and at every step of a call, a video call and a chat
 * scenario, in every language: the first screen, joining a class, the spot check, the teacher
 * screens, a content note, each decision, each debrief and the calm "leave now" page. The
 * canvas is invisible to axe, which is why every choice and line also lives in the DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openGame, passContentNote } from './support/browser';

const ROOT = join(import.meta.dirname, '..', '..');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGUAGES = ['en', 'fr', 'zh-Hans'] as const;
/** A phone call, a video call with a transfer, and a chat with a friend request and an app switch. */
const SCENARIOS = ['toronto-police-call', 'foreign-police-video-call', 'sextortion-approach'];

interface Walk {
  readonly kind: string;
  readonly choices: readonly string[];
}
const bestWalk = (scenario: string): readonly string[] => {
  const file = JSON.parse(
    readFileSync(join(ROOT, 'tests', 'walks', `${scenario}.json`), 'utf8'),
  ) as { walks: Walk[] };
  const walk = file.walks.find((w) => w.kind === 'best');
  if (!walk) throw new Error(`no best walk for ${scenario}`);
  return walk.choices;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function violations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations.map(
    (v) => `${where}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const localeOf = (language: string) => (language === 'zh-Hans' ? 'zh-CN' : `${language}-CA`);

describe('accessibility (axe, WCAG 2.2 AA)', () => {
  for (const language of LANGUAGES) {
    it(`has no violations on the app's screens in ${language}`, { timeout: 120_000 }, async () => {
      const { context, page, problems } = await openGame(browser, {
        baseUrl: inject('baseUrl'),
        locale: localeOf(language),
      });
      const found: string[] = [];
      await page.locator('[data-scenario-id]').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      found.push(...(await violations(page, 'home')));

      await page.locator('[data-open="join"]').click();
      await page.locator('.join input').first().waitFor();
      found.push(...(await violations(page, 'join')));
      await page.goBack().catch(() => undefined);
      await page.goto(inject('baseUrl'));

      await page.locator('[data-open="spot-check"]').click();
      await page.locator('main h2').first().waitFor();
      found.push(...(await violations(page, 'spot check')));
      await page.goto(inject('baseUrl'));

      await page.locator('.teacher-settings summary').click();
      await page.locator('[data-open="teacher"]').click();
      await page.locator('main h2').first().waitFor();
      await page.waitForTimeout(200);
      found.push(...(await violations(page, 'teacher home')));
      expect(found).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });

    // Every step of all three kinds in English; the call again in the other languages (their
    // structure is the same, their words and line lengths are not).
    for (const scenario of language === 'en' ? SCENARIOS : SCENARIOS.slice(0, 1)) {
      it(`has no violations at any step of ${scenario} in ${language}`, {
        timeout: 180_000,
      }, async () => {
        const { context, page, problems } = await openGame(browser, {
          baseUrl: inject('baseUrl'),
          locale: localeOf(language),
        });
        const found: string[] = [];
        await page.locator(`[data-scenario-id="${scenario}"]`).click();
        const gate = page.locator('[data-action="start-scenario"]');
        await page
          .locator('[data-action="start-scenario"], .choices:not([hidden]) [data-choice-id]')
          .first()
          .waitFor();
        if (await gate.isVisible()) found.push(...(await violations(page, 'content note')));
        await passContentNote(page);
        for (const [step, choice] of bestWalk(scenario).entries()) {
          const button = page.locator(
            `.choices:not([hidden]) [data-choice-id="${choice}"]:not([disabled])`,
          );
          await button.waitFor();
          found.push(...(await violations(page, `step ${step + 1}`)));
          await button.click();
        }
        await page.locator('.debrief').waitFor();
        found.push(...(await violations(page, 'debrief')));

        // Leave now, from the middle of a fresh play.
        await page.locator('.debrief .button-row button.primary').click();
        await passContentNote(page);
        await page.locator('[data-action="leave-now"]').click();
        await page.locator('[data-screen="calm"]').waitFor();
        found.push(...(await violations(page, 'calm page')));
        expect(found).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
