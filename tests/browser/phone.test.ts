/**
 * The phone in a real browser: pacing and reduced motion, the keyboard and the screen reader's
 * view of a scenario, 200% text on a 360-pixel screen, sound captions and blocked audio,
 * "leave now", content notes, the phone book, the pressure timer and the stage's size.
 *
 * Choices are found by role and name (what a screen reader announces), never by the canvas.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  choiceButtons,
  launchBrowser,
  openGame,
  startScenario,
  waitForCondition,
} from './support/browser';
import { takeChoices } from './support/watch';

const ROOT = join(import.meta.dirname, '..', '..');
type Texts = Record<string, unknown>;
const readJson = (...parts: string[]): Texts =>
  JSON.parse(readFileSync(join(ROOT, ...parts), 'utf8')) as Texts;
const lookup = (texts: Texts, key: string): string => {
  const value = key.split('.').reduce<unknown>((here, part) => (here as Texts)?.[part], texts);
  if (typeof value !== 'string') throw new Error(`no text at ${key}`);
  return value;
};
const app = readJson('src', 'i18n', 'locales', 'en.json');
const toronto = readJson('scenarios', 'toronto-police-call', 'locales', 'en.json');
const torontoFile = readJson('scenarios', 'toronto-police-call', 'scenario.json') as {
  actions: Record<string, { label: string }>;
  nodes: Record<string, { decision?: { options: { id: string; text: string }[] } }>;
};
const walkOf = (scenario: string, kind: string): string[] => {
  const file = readJson('tests', 'walks', `${scenario}.json`) as {
    walks: { kind: string; choices: string[] }[];
  };
  const walk = file.walks.find((w) => w.kind === kind);
  if (!walk) throw new Error(`no ${kind} walk for ${scenario}`);
  return walk.choices;
};

/** The accessible name of a Toronto choice, as the scenario's English text gives it. */
function choiceName(id: string): string {
  for (const node of Object.values(torontoFile.nodes)) {
    const option = node.decision?.options.find((o) => o.id === id);
    if (option) return lookup(toronto, option.text);
  }
  const action = torontoFile.actions[id];
  if (action) return lookup(toronto, action.label);
  throw new Error(`no choice ${id}`);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const open = (options: Partial<Parameters<typeof openGame>[1]> = {}) =>
  openGame(browser, { baseUrl: inject('baseUrl'), ...options });

describe('pacing', () => {
  it('types before messages and rings before the answer buttons, unless motion is reduced', async () => {
    const { context, page, problems } = await open({ reducedMotion: 'no-preference' });
    await page.locator('[data-scenario-id="toronto-police-call"]').click();
    // The ring: the answer buttons wait a moment, with "show now" on offer meanwhile.
    const showNow = page.getByRole('button', { name: lookup(app, 'play.showNow') });
    await showNow.waitFor();
    expect(await choiceButtons(page).count()).toBe(0);
    await choiceButtons(page).first().waitFor();
    expect(await showNow.isVisible()).toBe(false);
    // Answering: the caller talks a line at a time; the N key shows the rest now.
    await page.getByRole('button', { name: choiceName('answer') }).click();
    await showNow.waitFor();
    const linesBefore = await page.locator('.transcript .line').count();
    await page.keyboard.press('n');
    await choiceButtons(page).first().waitFor();
    expect(await page.locator('.transcript .line').count()).toBeGreaterThan(linesBefore);
    await context.close();

    // A chat: the contact types before each message.
    const chat = await open({ reducedMotion: 'no-preference' });
    await startScenario(chat.page, 'genuine-new-classmate');
    const [first] = walkOf('genuine-new-classmate', 'best');
    await chat.page.locator(`.choices:not([hidden]) [data-choice-id="${first}"]`).click();
    await waitForCondition(
      chat.page,
      () => (document.querySelector('.typing-note')?.textContent ?? '').length > 0,
      undefined,
      { timeout: 10_000 },
    );
    expect(problems).toEqual([]);
    expect(chat.problems).toEqual([]);
    await chat.context.close();
  });

  it('removes every delay, typing indicator and animation with reduced motion', async () => {
    const { context, page, problems } = await open({ reducedMotion: 'reduce' });
    await startScenario(page, 'sextortion-approach');
    const walk = walkOf('sextortion-approach', 'best');
    for (const [step, choice] of walk.entries()) {
      const button = page.locator(`.choices:not([hidden]) [data-choice-id="${choice}"]`);
      await button.waitFor();
      // Click, and in the very same task the next choices are there: nothing waits at all.
      const shownAtOnce = await button.evaluate((node) => {
        (node as HTMLButtonElement).click();
        const panel = document.querySelector('.choices');
        return (
          panel !== null &&
          !panel.hasAttribute('hidden') &&
          panel.querySelector('[data-choice-id]:not([disabled])') !== null
        );
      });
      if (step < walk.length - 1) expect(shownAtOnce).toBe(true);
      expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
      if (step === walk.length - 1) break;
      expect(await page.locator('[data-action="show-now"]').isVisible()).toBe(false);
      expect(await page.locator('.typing-note').textContent()).toBe('');
    }
    await page.locator('.debrief').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('keyboard and screen reader', () => {
  it('plays the slice with the keyboard alone: Tab, Enter and the number keys, never trapped', async () => {
    const { context, page, problems } = await open();
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () => document.activeElement?.getAttribute('data-scenario-id') === 'toronto-police-call',
        )
      )
        break;
    }
    await page.keyboard.press('Enter');
    for (const choice of walkOf('toronto-police-call', 'best')) {
      await waitForCondition(page, () => document.activeElement?.hasAttribute('data-choice-id'));
      // Focus is on the new choices, with a visible focus ring.
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      });
      expect(ring).toBe(true);
      const ids = await choiceButtons(page).evaluateAll((nodes) =>
        nodes.map((node) => node.getAttribute('data-choice-id')),
      );
      await page.keyboard.press(String(ids.indexOf(choice) + 1));
    }
    await page.locator('.debrief').waitFor();
    // Tab goes through the whole page and back to the top: never into the canvas, never stuck.
    const visited = new Set<string>();
    for (let presses = 0; presses < 80; presses++) {
      await page.keyboard.press('Tab');
      const tag = await page.evaluate(() => document.activeElement?.tagName ?? '');
      expect(tag).not.toBe('CANVAS');
      visited.add(tag);
    }
    expect(visited.has('BUTTON')).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('plays the slice through roles and names only, reading every line from the log', async () => {
    const { context, page, problems } = await open();
    await page
      .getByRole('button', {
        name: lookup(app, 'home.playNamed').replace('{{title}}', lookup(toronto, 'meta.title')),
      })
      .click();
    const log = page.getByRole('log');
    let transcript = '';
    for (const choice of walkOf('toronto-police-call', 'best')) {
      const button = page.getByRole('button', { name: choiceName(choice), exact: true });
      await button.waitFor();
      transcript = (await log.textContent()) ?? '';
      // Replies and safety actions sit in labelled groups.
      expect(await page.getByRole('group', { name: lookup(app, 'play.replies') }).count()).toBe(1);
      await button.click();
    }
    await page
      .getByRole('heading', { level: 2, name: lookup(toronto, 'endings.checked.title') })
      .waitFor();

    expect(transcript).toContain(lookup(toronto, 'nodes.opening.line1'));
    expect(transcript).toContain('416-808-2300');
    expect(await log.count()).toBe(0); // the log made way for the debrief
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('200% text on a 360-pixel screen', () => {
  it('clips and overlaps no text at any step of a call and a chat', {
    timeout: 240_000,
  }, async () => {
    const { context, page, problems } = await open({ viewport: { width: 360, height: 740 } });
    await page.evaluate(() =>
      localStorage.setItem('redflags.settings', JSON.stringify({ textScale: 2 })),
    );
    await page.reload();
    const clipped = () =>
      page.evaluate(() => {
        window.scrollTo(0, 0);
        const issues: string[] = [];
        if (document.documentElement.scrollWidth > window.innerWidth + 1) {
          issues.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
        }
        const texts = [...document.querySelectorAll<HTMLElement>('main *')].filter((node) => {
          if (node.closest('[hidden], .visually-hidden, .stage')) return false;
          const own = [...node.childNodes].some((c) => c.nodeType === 3 && c.textContent?.trim());
          return own && node.getClientRects().length > 0;
        });
        for (const node of texts) {
          const style = getComputedStyle(node);
          const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible';
          if (clips && node.scrollWidth > node.clientWidth + 1)
            issues.push(`clipped: ${node.textContent?.slice(0, 40)}`);
          const box = node.getBoundingClientRect();
          if (box.right > window.innerWidth + 1)
            issues.push(`off screen: ${node.textContent?.slice(0, 40)}`);
        }
        // Leaf text boxes must not overlap one another, line fragment by line fragment (an
        // inline word after a bold one shares its line box without overlapping it). The sticky
        // bar with "Leave now" floats over the page by design, so the page is read from the top.
        const floating = (node: Element) => {
          for (let here: Element | null = node; here; here = here.parentElement) {
            const position = getComputedStyle(here).position;
            if (position === 'fixed' || position === 'sticky') return true;
          }
          return false;
        };
        const boxes = texts
          .filter((node) => !texts.some((other) => other !== node && node.contains(other)))
          .filter((node) => !floating(node))
          .map((node) => ({ node, rects: visibleRects(node) }));
        // Lines scrolled out of a scrolling box (the transcript) are not on screen: clip to it.
        function visibleRects(node: Element): DOMRect[] {
          let clip = new DOMRect(-1e6, -1e6, 2e6, 2e6);
          for (let here = node.parentElement; here; here = here.parentElement) {
            const style = getComputedStyle(here);
            if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
            const box = here.getBoundingClientRect();
            const left = Math.max(clip.left, box.left);
            const top = Math.max(clip.top, box.top);
            const right = Math.min(clip.right, box.right);
            const bottom = Math.min(clip.bottom, box.bottom);
            clip = new DOMRect(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
          }
          return [...node.getClientRects()].flatMap((rect) => {
            const left = Math.max(clip.left, rect.left);
            const top = Math.max(clip.top, rect.top);
            const right = Math.min(clip.right, rect.right);
            const bottom = Math.min(clip.bottom, rect.bottom);
            return right - left > 0 && bottom - top > 0
              ? [new DOMRect(left, top, right - left, bottom - top)]
              : [];
          });
        }
        const overlaps = (a: DOMRect, b: DOMRect) =>
          Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
          Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
        for (let i = 0; i < boxes.length; i++) {
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i];
            const b = boxes[j];
            if (!a || !b || a.node.contains(b.node) || b.node.contains(a.node)) continue;
            if (a.rects.some((ra) => b.rects.some((rb) => overlaps(ra, rb)))) {
              issues.push(
                `overlap: "${a.node.textContent?.slice(0, 30)}" / "${b.node.textContent?.slice(0, 30)}"`,
              );
            }
          }
        }
        return issues;
      });
    const found: string[] = [];
    for (const scenario of ['toronto-police-call', 'sextortion-approach']) {
      await page.goto(inject('baseUrl'));
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
        '32px',
      );
      found.push(...(await clipped()).map((issue) => `home: ${issue}`));
      await startScenario(page, scenario);
      for (const [step, choice] of walkOf(scenario, 'best').entries()) {
        const button = page.locator(
          `.choices:not([hidden]) [data-choice-id="${choice}"]:not([disabled])`,
        );
        await button.waitFor();
        found.push(...(await clipped()).map((issue) => `${scenario} step ${step + 1}: ${issue}`));
        if (step === 1)
          await page.screenshot({
            path: join(ROOT, '.tmp', `text-200-${scenario}.png`),
            fullPage: true,
          });
        await button.click();
      }
      await page.locator('.debrief').waitFor();
      found.push(...(await clipped()).map((issue) => `${scenario} debrief: ${issue}`));
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('sound', () => {
  it('captions every sound, and stays silent without an error when audio cannot load', async () => {
    const { context, page, problems } = await open();
    // Every sound file arrives broken: Howler cannot decode it.
    await context.route('**/sounds/**', (route) =>
      route.fulfill({ status: 200, contentType: 'audio/wav', body: 'not a sound' }),
    );
    await startScenario(page, 'toronto-police-call');
    await choiceButtons(page).first().waitFor();
    const transcript = page.locator('.transcript');
    expect(await transcript.textContent()).toContain(lookup(app, 'sound.ringtone'));
    await page.locator('[data-choice-id="answer"]').click();
    await page.locator('[data-choice-id="hang-up"]').click();
    await choiceButtons(page).first().waitFor();
    const text = (await transcript.textContent()) ?? '';
    expect(text).toContain(lookup(app, 'sound.connect'));
    expect(text).toContain(lookup(app, 'sound.hangup'));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('leaving, content notes and the phone book', () => {
  it('leaves at once to a calm page with help lines, by button or Escape', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'toronto-police-call');
    await choiceButtons(page).first().waitFor();
    await page.getByRole('button', { name: lookup(app, 'play.leaveNow') }).click();
    await page.getByRole('heading', { name: lookup(app, 'calm.heading') }).waitFor();
    expect(await page.locator('[data-help-line]').count()).toBeGreaterThan(0);
    expect(await page.locator('canvas').count()).toBe(0);

    await page.getByRole('button', { name: lookup(app, 'calm.home') }).click();
    await startScenario(page, 'sextortion-approach');
    await choiceButtons(page).first().waitFor();
    await page.keyboard.press('Escape');
    await page.locator('[data-screen="calm"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the content note first, and lets the player choose another scenario', async () => {
    const { context, page, problems } = await open();
    await page.locator('[data-scenario-id="sextortion-threat"]').click();
    await page.getByRole('heading', { name: lookup(app, 'contentGate.heading') }).waitFor();
    // The phone may boot behind the note, but nothing of the story shows before it is passed.
    expect(await page.locator('canvas:visible').count()).toBe(0);
    expect(await choiceButtons(page).count()).toBe(0);
    expect(await page.getByRole('log').count()).toBe(0);
    await page.getByRole('button', { name: lookup(app, 'contentGate.another') }).click();
    await page.locator('[data-scenario-id]').first().waitFor();
    // A scenario without a note starts straight away.
    await page.locator('[data-scenario-id="genuine-school-office-call"]').click();
    await choiceButtons(page).first().waitFor();
    expect(await page.locator('[data-action="start-scenario"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('looks up the official number in the phone book beside the phone', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'toronto-police-call');
    const book = page.getByRole('button', { name: lookup(app, 'play.phoneBook') });
    await book.click();
    expect(await book.getAttribute('aria-expanded')).toBe('true');
    const region = page.getByRole('region', { name: lookup(app, 'play.phoneBookHeading') });
    expect(await region.textContent()).toContain('416-808-2300');
    await book.click();
    expect(await region.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the pressure timer', () => {
  it('is off by default, and when a teacher turns it on it warns, extends and never chooses', async () => {
    const { context, page, problems } = await open();
    await page.clock.install();
    await page.goto(inject('baseUrl'));
    await startScenario(page, 'toronto-police-call');
    await choiceButtons(page).first().waitFor();
    expect(await page.getByRole('timer').count()).toBe(0);

    // A class with the timer on, on this shared device.
    await page.goto(inject('baseUrl'));
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.getByLabel('Class name').fill('7A');
    await page.locator('#class-timer').check();
    await page.getByRole('button', { name: 'Create the class' }).click();
    const code = (await page.locator('.class-code .code').textContent()) ?? '';
    await page.goto(inject('baseUrl'));
    await page.locator('[data-open="join"]').click();
    await page.getByLabel('Class code').fill(code);
    await page.getByLabel('Nickname or seat number').fill('Seat 4');
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await page.locator('[data-scenario-id]').first().waitFor();
    await startScenario(page, 'toronto-police-call');
    await choiceButtons(page).first().waitFor();
    const timer = page.getByRole('timer');
    await timer.waitFor();
    const seconds = async () => {
      const [minutes = '0', rest = '0'] = ((await timer.textContent()) ?? '').split(':');
      return Number(minutes) * 60 + Number(rest);
    };
    // The clock runs on while the test steps; a second or two may have gone.
    expect(await seconds()).toBeGreaterThanOrEqual(42);
    expect(await seconds()).toBeLessThanOrEqual(45);
    await page.clock.fastForward(26_000);
    await page
      .getByRole('alert')
      .filter({ hasText: lookup(app, 'pressure.warning') })
      .waitFor();
    const beforeMore = await seconds();
    expect(beforeMore).toBeLessThanOrEqual(20);
    await page.getByRole('button', { name: lookup(app, 'pressure.more') }).click();
    await page.clock.fastForward(300);
    expect(await seconds()).toBeGreaterThanOrEqual(beforeMore + 27);
    await page.clock.fastForward(60_000);
    await page
      .getByRole('alert')
      .filter({ hasText: lookup(app, 'pressure.expired') })
      .waitFor();
    // Time is up, and every choice is still the player's.
    expect(await choiceButtons(page).count()).toBeGreaterThan(1);
    await page.getByRole('button', { name: lookup(app, 'pressure.off') }).click();
    expect(await timer.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('resizing', () => {
  it('keeps the stage its own size when the phone boots behind a content note, to the debrief', async () => {
    // Behind a content note the stage is hidden, so it has no size when the phone boots. Phaser
    // then "expands" its parent by default: height 100% on the stage, the page and the body,
    // which on the debrief made the canvas as tall as the whole debrief (about 3,000 px) and
    // drew the picture far below the window.
    const { context, page, problems } = await open();
    const sizes = () =>
      page.evaluate(() => {
        const stage = document.querySelector<HTMLElement>('.stage');
        return {
          stage: Math.round(stage?.getBoundingClientRect().height ?? -1),
          window: window.innerHeight,
          inline: [
            stage?.style.height,
            document.documentElement.style.height,
            document.body.style.height,
          ],
        };
      });
    const settled = () =>
      waitForCondition(page, () => {
        const stage = document.querySelector('.stage');
        const canvas = stage?.querySelector('canvas');
        if (!stage || !canvas) return false;
        const height = canvas.getBoundingClientRect().height;
        return height > 0 && Math.abs(height - stage.getBoundingClientRect().height) < 2;
      });

    await startScenario(page, 'sextortion-approach');
    await choiceButtons(page).first().waitFor();
    await settled();
    const playing = await sizes();
    expect(playing.inline).toEqual(['', '', '']);
    expect(playing.stage).toBeLessThanOrEqual(playing.window);

    await takeChoices(page, walkOf('sextortion-approach', 'worst'));
    await page.locator('.debrief-layout').waitFor();
    await settled();
    const debrief = await sizes();
    expect(debrief.inline).toEqual(['', '', '']);
    expect(debrief.stage).toBeLessThanOrEqual(debrief.window);
    // The worst walk's points fall below zero; the sentence under the percent never says "-9".
    expect(await page.locator('.debrief .score-detail').textContent()).not.toMatch(/-\d/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('redraws the phone to a new window size without reloading', async () => {
    const { context, page, problems } = await open();
    await startScenario(page, 'toronto-police-call');
    await choiceButtons(page).first().waitFor();
    const marker = await page.evaluate(() => {
      (window as unknown as { keep: number }).keep = 42;
      return document.querySelector('.stage canvas')?.getBoundingClientRect().width ?? 0;
    });
    await page.setViewportSize({ width: 390, height: 800 });
    await waitForCondition(
      page,
      (before) => {
        const canvas = document.querySelector('.stage canvas');
        const stage = document.querySelector('.stage');
        if (!canvas || !stage) return false;
        const width = canvas.getBoundingClientRect().width;
        return width !== before && Math.abs(width - stage.getBoundingClientRect().width) < 2;
      },
      marker,
    );
    expect(await page.evaluate(() => (window as unknown as { keep?: number }).keep)).toBe(42);
    expect(problems).toEqual([]);
    await context.close();
  });
});
