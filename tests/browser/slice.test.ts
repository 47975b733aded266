/**
 * The vertical slice in a real browser: the Toronto Police call, played to its debrief with the
 * keyboard alone, in every language, against the production build. Any console error or
 * request to another origin fails the test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  openGame,
  progressKey,
  storedRecords,
  tabToAndPress,
  waitForCondition,
} from './support/browser';

const ROOT = join(import.meta.dirname, '..', '..');
const SCENARIO = 'toronto-police-call';
const LANGUAGES = ['en', 'fr', 'zh-Hans'] as const;

type Texts = Record<string, unknown>;
const scenarioTexts = (language: string): Texts =>
  JSON.parse(
    readFileSync(join(ROOT, 'scenarios', SCENARIO, 'locales', `${language}.json`), 'utf8'),
  );
const appTexts = (language: string): Texts =>
  JSON.parse(readFileSync(join(ROOT, 'src', 'i18n', 'locales', `${language}.json`), 'utf8'));

function text(texts: Texts, key: string): string {
  const value = key.split('.').reduce<unknown>((here, part) => (here as Texts)?.[part], texts);
  if (typeof value !== 'string') throw new Error(`no text at ${key}`);
  return value;
}

/** Each step: the choice to take, and the lines that must be in the transcript before it. */
const BEST_PATH = [
  { choice: 'answer', button: 'nodes.ring.answer', lines: ['nodes.ring.scene'] },
  {
    choice: 'hang-up',
    button: 'actions.hangUp.label',
    lines: ['nodes.opening.line1', 'nodes.opening.line2', 'nodes.opening.line3'],
  },
  { choice: 'call-back', button: 'actions.callBack.label', lines: ['nodes.hungUp.notice'] },
  {
    choice: 'report-to-anti-fraud-centre',
    button: 'nodes.officialCall.report',
    lines: ['nodes.officialCall.lookUp', 'nodes.officialCall.line1', 'nodes.officialCall.line2'],
  },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function waitForChoiceFocus(page: Page): Promise<void> {
  await waitForCondition(page, () => document.activeElement?.hasAttribute('data-choice-id'));
}

/** Chooses a language the way a keyboard user does: Tab to the menu, arrow keys to change it. */
async function chooseLanguageByKeyboard(page: Page, language: string): Promise<void> {
  for (let presses = 0; presses < 10; presses++) {
    if (await page.evaluate(() => document.activeElement?.id === 'language-select')) break;
    await page.keyboard.press('Tab');
  }
  for (let presses = 0; presses < 5; presses++) {
    if ((await page.locator('#language-select').inputValue()) === language) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`could not choose ${language} with the keyboard`);
}

describe('the Toronto Police call, by keyboard alone', () => {
  for (const language of LANGUAGES) {
    it(`plays from the first screen to the debrief in ${language}`, async () => {
      const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
      const story = scenarioTexts(language);
      const app = appTexts(language);
      await waitForCondition(page, () => performance.getEntriesByName('app-ready').length === 1);

      if (language !== 'en') await chooseLanguageByKeyboard(page, language);
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
      await expect.poll(() => page.locator('h1').textContent()).toBe(text(app, 'app.title'));

      await tabToAndPress(page, 'data-scenario-id', SCENARIO);
      await waitForChoiceFocus(page);
      // Loaded (the story's first moment on the phone), then the first choice after its pacing.
      const marks = await page.evaluate(() =>
        ['scenario-ready', 'first-choice'].map((n) => performance.getEntriesByName(n).length),
      );
      expect(marks).toEqual([1, 1]);

      const log = page.getByRole('log');
      for (const step of BEST_PATH) {
        await waitForChoiceFocus(page);
        for (const key of step.lines)
          await expect.poll(() => log.textContent()).toContain(text(story, key));
        // The choice is a real button whose accessible name is its text.
        await expect
          .poll(() =>
            page.getByRole('button', { name: text(story, step.button), exact: true }).count(),
          )
          .toBe(1);
        await tabToAndPress(page, 'data-choice-id', step.choice);
      }

      const debrief = page.getByRole('heading', {
        level: 2,
        name: text(story, 'endings.checked.title'),
      });
      await debrief.waitFor();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.textContent))
        .toBe(text(story, 'endings.checked.title'));
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).toContain(text(app, 'debrief.score').replace('{{percent}}', '100'));
      expect(body).toContain(text(story, 'flags.spoofedCallerId.label'));
      expect(body).toContain(text(story, 'rightActions.lookUp'));
      expect(body).toContain('1-800-668-6868');
      const spotted = await page
        .locator('[data-flag-id].flag-spotted')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-flag-id')));
      expect(spotted.sort()).toEqual(['asks-for-details', 'spoofed-caller-id', 'threat-of-arrest']);

      expect(await context.cookies()).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('the slice keeps the player safe from lost progress', () => {
  it('resumes a scenario closed mid-way, then finishes on the worst path with a supportive debrief', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    const story = scenarioTexts('en');
    await tabToAndPress(page, 'data-scenario-id', SCENARIO);
    await waitForChoiceFocus(page);
    await tabToAndPress(page, 'data-choice-id', 'answer');
    await waitForChoiceFocus(page);
    await tabToAndPress(page, 'data-choice-id', 'give-personal-details');
    await waitForChoiceFocus(page);

    // Close the tab's page and come back: the game offers to continue.
    await page.reload();
    await tabToAndPress(page, 'data-scenario-id', SCENARIO);
    await page.getByRole('heading', { name: 'Continue where you left off?' }).waitFor();
    await page.keyboard.press('Enter');
    await waitForChoiceFocus(page);
    const log = page.getByRole('log');
    expect(await log.textContent()).toContain(text(story, 'nodes.opening.line3'));
    expect(await log.textContent()).toContain(text(story, 'nodes.pressure.line2'));

    await tabToAndPress(page, 'data-choice-id', 'agree-to-pay');
    await waitForChoiceFocus(page);
    await tabToAndPress(page, 'data-choice-id', 'insert-cash');
    await page
      .getByRole('heading', { level: 2, name: text(story, 'endings.paid.title') })
      .waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('Safety score: 0%');
    expect(body).toContain(text(story, 'endings.paid.next'));

    // The finished result is stored, and the progress snapshot is gone.
    await expect.poll(async () => (await storedRecords(page)).length).toBe(1);
    const [stored] = await storedRecords(page);
    expect(
      await page.evaluate((key) => localStorage.getItem(key), progressKey(SCENARIO)),
    ).toBeNull();
    expect(stored).toMatchObject({ classCode: null, student: '' });
    expect(stored?.result).toMatchObject({
      scenarioId: SCENARIO,
      outcome: 'harmed',
      locale: 'en',
      choices: [
        { node: 'ring', choice: 'answer' },
        { node: 'opening', choice: 'give-personal-details' },
        { node: 'pressure', choice: 'agree-to-pay' },
        { node: 'bitcoin-machine', choice: 'insert-cash' },
      ],
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('discards a corrupted or foreign snapshot with a message and starts fresh', async () => {
    const app = appTexts('en');
    for (const saved of [
      '{not json',
      JSON.stringify({ format: 'red-flags/snapshot', schemaVersion: 99 }),
    ]) {
      const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
        progressKey(SCENARIO),
        saved,
      ] as const);
      await page.reload();
      await tabToAndPress(page, 'data-scenario-id', SCENARIO);
      await waitForChoiceFocus(page);
      expect(await page.getByRole('status').first().textContent()).toBe(
        text(app, 'resume.discarded'),
      );
      expect(await page.locator('[data-choice-id="answer"]').count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('switches language mid-scenario without losing the place', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    await tabToAndPress(page, 'data-scenario-id', SCENARIO);
    await waitForChoiceFocus(page);
    await tabToAndPress(page, 'data-choice-id', 'answer');
    await waitForChoiceFocus(page);
    await page.locator('#language-select').selectOption('fr');
    const fr = scenarioTexts('fr');
    await expect
      .poll(() => page.getByRole('log').textContent())
      .toContain(text(fr, 'nodes.opening.line2'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.getByRole('button', { name: text(fr, 'nodes.opening.refuse') }).count()).toBe(
      1,
    );
    // The language is remembered on the next visit.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('when the device cannot keep results', () => {
  it('says so in the debrief and saves the result as a file instead, so nothing is lost', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    // A private window with storage switched off: IndexedDB refuses to open.
    await page.addInitScript(() => {
      Object.defineProperty(globalThis, 'indexedDB', { value: undefined, configurable: true });
    });
    await page.reload();
    await tabToAndPress(page, 'data-scenario-id', SCENARIO);
    for (const choice of ['answer', 'hang-up', 'call-back', 'report-to-anti-fraud-centre']) {
      await waitForChoiceFocus(page);
      await tabToAndPress(page, 'data-choice-id', choice);
    }
    await page.getByText('This browser cannot keep results after the tab is closed').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save this result as a file' }).click(),
    ]);
    const file = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8'));
    expect(file).toMatchObject({
      format: 'red-flags/transfer',
      results: [{ scenarioId: SCENARIO, outcome: 'safe' }],
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
