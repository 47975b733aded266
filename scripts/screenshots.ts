/**
 * Takes the screenshots in docs/screenshots: each phone scene in each language, from the real
 * production build in Debian Chromium, so the README shows what a class sees.
 *
 *   npm run screenshots          (builds first, then writes docs/screenshots/<scene>-<lang>.png)
 *
 * Reduced motion makes every screen settle at once, so the pictures are the same each run.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchBrowser } from '../tests/browser/support/browser';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'screenshots');
const DIST = join(ROOT, '.tmp', 'screenshots-dist');
const LANGUAGES = { en: 'en-CA', fr: 'fr-CA', 'zh-Hans': 'zh-CN' } as const;

interface Shot {
  readonly name: string;
  readonly scenario: string;
  /** Choices to take before the picture. */
  readonly choices: readonly string[];
  /** Something to do last (open the phone book). */
  readonly finally?: (page: Page) => Promise<void>;
}

const SHOTS: readonly Shot[] = [
  { name: 'chat', scenario: 'genuine-new-classmate', choices: ['check-at-school-first'] },
  { name: 'incoming-call', scenario: 'toronto-police-call', choices: [] },
  { name: 'in-call', scenario: 'toronto-police-call', choices: ['answer'] },
  { name: 'video-call', scenario: 'foreign-police-video-call', choices: ['answer'] },
  {
    name: 'dialer',
    scenario: 'toronto-police-call',
    choices: ['answer', 'hang-up'],
    finally: (page) => page.locator('[data-action="phone-book"]').click(),
  },
  {
    name: 'debrief',
    scenario: 'toronto-police-call',
    choices: ['answer', 'hang-up', 'call-back', 'report-to-anti-fraud-centre'],
  },
];

async function main(): Promise<void> {
  await build({ root: ROOT, logLevel: 'warn', build: { outDir: DIST, emptyOutDir: true } });
  const server = await preview({
    root: ROOT,
    configFile: false,
    base: './',
    logLevel: 'silent',
    build: { outDir: DIST },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not start');
  const browser = await launchBrowser();
  await mkdir(OUT, { recursive: true });
  try {
    for (const [language, locale] of Object.entries(LANGUAGES)) {
      for (const shot of SHOTS) {
        const context = await browser.newContext({
          locale,
          viewport: { width: 1366, height: 768 },
          reducedMotion: 'reduce',
        });
        const page = await context.newPage();
        await page.goto(url);
        await page.locator(`[data-scenario-id="${shot.scenario}"]`).click();
        const start = page.locator('[data-action="start-scenario"]');
        await page
          .locator('[data-action="start-scenario"], .choices:not([hidden]) [data-choice-id]')
          .first()
          .waitFor();
        if (await start.isVisible()) await start.click();
        for (const choice of shot.choices) {
          await page
            .locator(`.choices:not([hidden]) [data-choice-id="${choice}"]:not([disabled])`)
            .click();
        }
        await page.locator('.choices:not([hidden]), .debrief').first().waitFor();
        await shot.finally?.(page);
        // Two frames for the phone to draw the last screen.
        await page.waitForTimeout(600);
        await page.evaluate(() => window.scrollTo(0, 0));
        const file = join(OUT, `${shot.name}-${language}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
