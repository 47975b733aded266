/**
 * Player settings in a real browser: the dialog works by keyboard alone, every change applies
 * at once and is remembered after a reload; axe finds nothing on the open dialog in every
 * language and in high contrast; at 200% text on a 360 px wide phone nothing scrolls sideways
 * or is cut off; and with reduced motion nothing on the page animates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openGame, startScenario } from './support/browser';

const ROOT = join(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, '.tmp');
const SETTINGS_KEY = 'redflags.settings';
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PHONE = { width: 360, height: 740 };

type Texts = Record<string, unknown>;
const appTexts = (language: string): Texts =>
  JSON.parse(readFileSync(join(ROOT, 'src', 'i18n', 'locales', `${language}.json`), 'utf8'));
function text(texts: Texts, key: string): string {
  const value = key.split('.').reduce<unknown>((here, part) => (here as Texts)?.[part], texts);
  if (typeof value !== 'string') throw new Error(`no text at ${key}`);
  return value;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function ready(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('app-ready').length), {
      timeout: 30_000,
    })
    .toBe(1);
}

/**
 * Adds CSS to the page through the CSSOM: the game's Content-Security-Policy refuses inline
 * <style> elements, as it should.
 */
async function addStyles(page: Page, css: string): Promise<void> {
  await page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);
}

/** Presses Tab until the focused element matches `selector`; fails if Tab never gets there. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} could not be reached with the Tab key`);
}

const look = (page: Page) =>
  page.evaluate(() => {
    const html = document.documentElement;
    return {
      fontSize: getComputedStyle(html).fontSize,
      contrast: html.dataset.contrast ?? null,
      motion: html.dataset.motion ?? null,
    };
  });

const stored = (page: Page) =>
  page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), SETTINGS_KEY);

const dialogOpen = (page: Page) =>
  page.evaluate(
    () => document.querySelector<HTMLDialogElement>('dialog.settings-dialog')?.open ?? false,
  );

async function storeSettings(page: Page, settings: Record<string, unknown>): Promise<void> {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    SETTINGS_KEY,
    JSON.stringify(settings),
  ] as const);
  await page.reload();
  await ready(page);
}

async function openSettings(page: Page): Promise<void> {
  await page.locator('[data-open="settings"]').click();
  await page.locator('dialog.settings-dialog[open]').waitFor();
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_AA).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * Everything that shows text cut off or crowded inside `rootSelector`: the page scrolling
 * sideways, text outside the viewport, text overflowing its own box or clipped by a box
 * that does not scroll that way, text boxes drawn over each other, text on screen with
 * something else on top of it, and sticky bars taking more than a third of the screen.
 */
function layoutProblems(page: Page, rootSelector: string, onScreenOnly = false): Promise<string[]> {
  return page.evaluate(
    ([selector, visibleOnly]) => {
      const problems: string[] = [];
      const html = document.documentElement;
      const width = html.clientWidth;
      if (html.scrollWidth > width) {
        problems.push(`the page scrolls sideways: ${html.scrollWidth} > ${width}`);
      }
      const root = document.querySelector(selector);
      if (!root) return [`nothing matches ${selector}`];
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/ /g, '.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
      const skipped = (el: Element) =>
        el.closest('.visually-hidden, option, select, script, style, canvas') !== null ||
        !el.checkVisibility({ visibilityProperty: true, opacityProperty: true });

      const pinnedPosition = (el: Element) =>
        ['sticky', 'fixed'].includes(getComputedStyle(el).position);
      const pinned = (el: Element): boolean => {
        for (let box: Element | null = el; box; box = box.parentElement) {
          if (pinnedPosition(box)) return true;
        }
        return false;
      };
      // A bar that stays on screen while the page scrolls must leave most of the screen free.
      for (const el of root.querySelectorAll('*')) {
        if (!pinnedPosition(el) || skipped(el)) continue;
        const rect = el.getBoundingClientRect();
        const shown = Math.min(rect.bottom, innerHeight) - Math.max(rect.top, 0);
        if (shown > innerHeight / 3) {
          problems.push(
            `${name(el)} stays on screen and takes ${Math.round((100 * shown) / innerHeight)}% of it`,
          );
        }
      }

      const boxes: { rect: DOMRect; owner: Element; pinned: boolean }[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const checkedOwners = new Set<Element>();
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const owner = node.parentElement;
        if (!owner || !node.textContent?.trim() || skipped(owner)) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
        for (const rect of rects) {
          // At a later scroll position only what is on screen can have changed.
          if (visibleOnly && (rect.bottom < 0 || rect.top > innerHeight)) continue;
          if (rect.left < -1 || rect.right > width + 1) {
            problems.push(`text outside the screen: ${name(owner)}`);
          }
          let scrolledAway = false;
          for (let box = owner as Element | null; box && box !== html; box = box.parentElement) {
            const style = getComputedStyle(box);
            const frame = box.getBoundingClientRect();
            const clipsX = style.overflowX !== 'visible';
            const clipsY = style.overflowY !== 'visible';
            const scrollsY = style.overflowY === 'auto' || style.overflowY === 'scroll';
            // A box that scrolls sideways to show text is as bad as one that cuts it off.
            if (clipsX && (rect.left < frame.left - 1 || rect.right > frame.right + 1)) {
              problems.push(`text cut off sideways by ${name(box)}: ${name(owner)}`);
              break;
            }
            if (clipsY && (rect.top < frame.top - 1 || rect.bottom > frame.bottom + 1)) {
              // Text a box scrolls up and down to show is fine; cut off for good is not.
              if (scrollsY) scrolledAway = true;
              else problems.push(`text cut off by ${name(box)}: ${name(owner)}`);
              break;
            }
          }
          if (scrolledAway) continue;
          boxes.push({ rect, owner, pinned: pinned(owner) });
          // Text on screen must be the top thing there: not under a sticky bar or a picture.
          const x = (Math.max(rect.left, 0) + Math.min(rect.right, width)) / 2;
          const y = rect.top + rect.height / 2;
          if (y > 0 && y < innerHeight) {
            const top = document.elementFromPoint(x, y);
            // Text may scroll under a sticky bar (one that is small enough: checked below).
            if (top && !owner.contains(top) && !top.contains(owner) && !pinned(top)) {
              problems.push(`text hidden under ${name(top)}: ${name(owner)}`);
            }
          }
        }
        if (!checkedOwners.has(owner)) {
          checkedOwners.add(owner);
          const display = getComputedStyle(owner).display;
          if (
            display !== 'inline' &&
            owner.clientWidth > 0 &&
            owner.scrollWidth > owner.clientWidth + 1
          ) {
            problems.push(
              `text wider than its box (${owner.scrollWidth} > ${owner.clientWidth}): ${name(owner)}`,
            );
          }
        }
      }
      for (let i = 0; i < (visibleOnly ? 0 : boxes.length); i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (!a || !b || a.owner === b.owner) continue;
          // Text may scroll under a bar that stays on screen (checked for size above).
          if (a.pinned || b.pinned) continue;
          if (a.owner.contains(b.owner) || b.owner.contains(a.owner)) {
            // Nested inline text (a <kbd> in a line) shares lines with its parent's text.
            if (getComputedStyle(b.owner).display === 'inline') continue;
            if (getComputedStyle(a.owner).display === 'inline') continue;
          }
          const overlapX =
            Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
          const overlapY =
            Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
          if (overlapX > 2 && overlapY > 2) {
            problems.push(`text drawn over other text: ${name(a.owner)} / ${name(b.owner)}`);
          }
        }
      }
      return [...new Set(problems)];
    },
    [rootSelector, onScreenOnly] as const,
  );
}

/**
 * `layoutProblems` at every scroll position, top to bottom, of the page or of the element
 * `scroller` names (the dialog scrolls by itself): a sticky bar only covers text once scrolled.
 */
async function layoutProblemsWhileScrolling(
  page: Page,
  rootSelector: string,
  scroller?: string,
): Promise<string[]> {
  const found = new Set<string>();
  for (let step = 0; step < 60; step++) {
    const more = await page.evaluate(
      ([target, index]) => {
        const box = target ? document.querySelector(target) : document.scrollingElement;
        if (!box) return false;
        const view = target ? box.clientHeight : innerHeight;
        box.scrollTop = index * Math.round(view * 0.8);
        return box.scrollTop + view < box.scrollHeight - 1;
      },
      [scroller ?? '', step] as const,
    );
    for (const problem of await layoutProblems(page, rootSelector, step > 0)) found.add(problem);
    if (!more) break;
  }
  return [...found];
}

describe('the settings dialog', () => {
  it('opens by keyboard alone; every change applies at once and is remembered', async () => {
    const { context, page, problems } = await openGame(browser, {
      baseUrl: inject('baseUrl'),
      reducedMotion: 'no-preference',
    });
    await ready(page);
    expect(await look(page)).toEqual({ fontSize: '16px', contrast: null, motion: 'full' });

    await tabTo(page, '[data-open="settings"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialogOpen(page), { timeout: 10_000 }).toBe(true);
    expect(
      await page.evaluate(() =>
        document.querySelector('dialog[open]')?.contains(document.activeElement),
      ),
    ).toBe(true);

    // Text size: from 100% two steps up, with the arrow keys of the radio group.
    await tabTo(page, 'input[data-setting="textScale"]:checked');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await look(page)).fontSize).toBe('24px');

    await tabTo(page, 'input[data-setting="highContrast"]');
    await page.keyboard.press('Space');
    expect((await look(page)).contrast).toBe('high');

    await tabTo(page, 'input[data-setting="motion"]:checked');
    await page.keyboard.press('ArrowRight'); // follow the device -> reduce
    expect((await look(page)).motion).toBe('reduce');

    await tabTo(page, 'input[data-setting="effectsVolume"]');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect
      .poll(() => page.locator('input[data-setting="effectsVolume"] + output').textContent(), {
        timeout: 10_000,
      })
      .toBe('60%');

    await tabTo(page, 'input[data-setting="effectsMuted"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[data-setting="voiceOn"]');
    await page.keyboard.press('Space');
    await tabTo(page, 'input[data-setting="voiceVolume"]');
    await page.keyboard.press('End');
    await expect
      .poll(() => page.locator('input[data-setting="voiceVolume"] + output').textContent(), {
        timeout: 10_000,
      })
      .toBe('100%');

    const chosen = {
      textScale: 1.5,
      highContrast: true,
      motion: 'reduce',
      effectsVolume: 60,
      effectsMuted: true,
      voiceOn: true,
      voiceVolume: 100,
    };
    expect(await stored(page)).toEqual(chosen);

    // Esc closes it and focus goes back to the Settings button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialogOpen(page), { timeout: 10_000 }).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-open'))).toBe(
      'settings',
    );

    await page.reload();
    await ready(page);
    expect(await look(page)).toEqual({ fontSize: '24px', contrast: 'high', motion: 'reduce' });
    await page.keyboard.press('Tab'); // the skip link
    await tabTo(page, '[data-open="settings"]');
    await page.keyboard.press('Space');
    await expect.poll(() => dialogOpen(page), { timeout: 10_000 }).toBe(true);
    const controls = await page.evaluate(() => {
      const value = (setting: string) =>
        document.querySelector<HTMLInputElement>(
          `input[data-setting="${setting}"]:not([type="radio"])`,
        );
      const radio = (setting: string) =>
        document.querySelector<HTMLInputElement>(`input[data-setting="${setting}"]:checked`)?.value;
      return {
        textScale: Number(radio('textScale')),
        highContrast: value('highContrast')?.checked,
        motion: radio('motion'),
        effectsVolume: Number(value('effectsVolume')?.value),
        effectsMuted: value('effectsMuted')?.checked,
        voiceOn: value('voiceOn')?.checked,
        voiceVolume: Number(value('voiceVolume')?.value),
      };
    });
    expect(controls).toEqual(chosen);

    // The bottom Close button closes it too, and focus goes back to Settings.
    await tabTo(page, '[data-close="settings-bottom"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialogOpen(page), { timeout: 10_000 }).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-open'))).toBe(
      'settings',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens over a scenario without losing it, and follows a language change', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    await ready(page);
    await startScenario(page, 'toronto-police-call');
    const answer = page.locator('[data-choice-id="answer"]');
    await answer.waitFor();
    await openSettings(page);
    await page.locator('input[data-setting="textScale"][value="2"]').check();
    expect((await look(page)).fontSize).toBe('32px');
    await page.locator('[data-close="settings"]').click();
    await expect.poll(() => dialogOpen(page), { timeout: 10_000 }).toBe(false);
    expect(await answer.isVisible()).toBe(true);
    await answer.click();
    await page.locator('[data-choice-id="refuse-details"]').waitFor();

    await page.locator('#language-select').selectOption('fr');
    const fr = appTexts('fr');
    await expect
      .poll(() => page.locator('[data-open="settings"]').textContent(), { timeout: 10_000 })
      .toBe(text(fr, 'settings.open'));
    await openSettings(page);
    expect(await page.locator('dialog[open] h2').textContent()).toBe(text(fr, 'settings.heading'));
    expect(await page.locator('dialog[open] dd').first().textContent()).toBe(
      text(fr, 'shortcuts.choose'),
    );
    expect(await page.locator('dialog[open] kbd').nth(2).textContent()).toBe('Échap');
    expect(await page.locator('input[data-setting="effectsVolume"] + output').textContent()).toBe(
      '70\u00a0%',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says so when the device cannot keep settings, and still applies them', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.reload();
    await ready(page);
    await openSettings(page);
    const status = page.locator('dialog[open] [role="status"]');
    expect(await status.textContent()).toBe('');
    await page.locator('input[data-setting="highContrast"]').check();
    expect((await look(page)).contrast).toBe('high');
    expect(await status.textContent()).toBe(text(appTexts('en'), 'settings.notKept'));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('says captions only when the device has no voice of its own', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    await ready(page);
    // Headless Debian Chromium has no voices (see shared/stack-notes.md).
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await openSettings(page);
    expect(await page.locator('.settings-voice-note').textContent()).toBe(
      text(appTexts('en'), 'settings.voiceMissing'),
    );
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the settings dialog (axe, WCAG 2.2 AA)', () => {
  for (const language of ['en', 'fr', 'zh-Hans']) {
    it(`has no violations when open in ${language}, in normal and high contrast`, async () => {
      const { context, page, problems } = await openGame(browser, {
        baseUrl: inject('baseUrl'),
        locale: language === 'zh-Hans' ? 'zh-CN' : `${language}-CA`,
      });
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      await openSettings(page);
      expect(await page.locator('dialog[open] h2').textContent()).toBe(
        text(appTexts(language), 'settings.heading'),
      );
      expect(await violations(page)).toEqual([]);

      await page.locator('input[data-setting="highContrast"]').check();
      expect((await look(page)).contrast).toBe('high');
      expect(await violations(page)).toEqual([]);
      await page.locator('[data-close="settings"]').click();
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});

describe('at 200% text', () => {
  for (const viewport of [PHONE, { width: 1366, height: 768 }]) {
    const size = `${viewport.width}x${viewport.height}`;
    it(`reflows the home screen, the dialog and teacher home with nothing cut off at ${size}`, async () => {
      const { context, page, problems } = await openGame(browser, {
        baseUrl: inject('baseUrl'),
        viewport,
      });
      await ready(page);
      await storeSettings(page, { textScale: 2 });
      await page.locator('[data-scenario-id]').first().waitFor();
      expect((await look(page)).fontSize).toBe('32px');
      await page.locator('.teacher-settings summary').click(); // unfold it: its text counts too
      expect(await layoutProblemsWhileScrolling(page, 'body')).toEqual([]);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `settings-home-200-${size}.png`) });

      await openSettings(page);
      expect(await layoutProblemsWhileScrolling(page, 'dialog[open]', 'dialog[open]')).toEqual([]);
      await page.evaluate(() => document.querySelector('dialog[open]')?.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `settings-dialog-200-${size}.png`) });
      await page.locator('input[data-setting="highContrast"]').check();
      expect(await layoutProblemsWhileScrolling(page, 'dialog[open]', 'dialog[open]')).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `settings-dialog-200-hc-${size}.png`) });
      await page.keyboard.press('Escape');

      await page.locator('[data-open="teacher"]').click();
      await page.locator('.teacher').first().waitFor();
      expect(await layoutProblemsWhileScrolling(page, 'body')).toEqual([]);
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `settings-teacher-200-hc-${size}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('reflows joining, the spot check, a scenario and its debrief at 360x740', async () => {
    const { context, page, problems } = await openGame(browser, {
      baseUrl: inject('baseUrl'),
      viewport: PHONE,
    });
    await ready(page);
    await storeSettings(page, { textScale: 2, highContrast: true });
    const check = async (name: string) => {
      expect(await layoutProblemsWhileScrolling(page, 'body'), name).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `settings-${name}-200-360x740.png`) });
    };
    await page.locator('[data-open="join"]').click();
    await page.locator('.join').waitFor();
    await check('join');
    await page.reload();
    await ready(page);
    await page.locator('[data-open="spot-check"]').click();
    await page.locator('.spot-check').waitFor();
    await check('spot-check');
    await page.reload();
    await ready(page);
    await startScenario(page, 'toronto-police-call');
    await page.locator('[data-choice-id="answer"]').click();
    await page.locator('[data-choice-id="refuse-details"]').waitFor();
    await check('play');
    for (const id of ['refuse-details', 'hang-up', 'call-back', 'thank-and-hang-up']) {
      await page.locator(`[data-choice-id="${id}"]`).click();
    }
    await page.locator('.debrief').waitFor();
    await check('debrief');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds text that is cut off (the check can fail)', async () => {
    const { context, page } = await openGame(browser, {
      baseUrl: inject('baseUrl'),
      viewport: PHONE,
    });
    await ready(page);
    await storeSettings(page, { textScale: 2 });
    await page.locator('[data-scenario-id]').first().waitFor();
    await addStyles(
      page,
      '.tagline { white-space: nowrap; overflow: hidden; } .intro { width: 30rem; }',
    );
    const found = await layoutProblems(page, 'body');
    expect(found.some((p) => p.startsWith('the page scrolls sideways'))).toBe(true);
    expect(found.some((p) => p.includes('p.tagline'))).toBe(true);

    // Text under something else, and a sticky bar taking half the screen.
    await page.reload();
    await ready(page);
    await page.locator('[data-scenario-id]').first().waitFor();
    await addStyles(page, '.app-header { position: sticky; top: 0; min-height: 50vh; }');
    await page.evaluate(() => {
      const intro = document.querySelector('.intro')?.getBoundingClientRect();
      if (!intro) return;
      const cover = document.createElement('div');
      cover.className = 'test-cover';
      cover.style.cssText = `position:absolute;left:0;top:${intro.top + scrollY}px;width:100%;height:${intro.height}px;background:#fff`;
      document.body.append(cover);
    });
    const covered = await layoutProblems(page, 'body');
    expect(covered.some((p) => p.startsWith('text hidden under div.test-cover'))).toBe(true);
    expect(covered.some((p) => p.includes('header.app-header') && p.includes('stays on'))).toBe(
      true,
    );
    await context.close();
  });
});

describe('reduced motion', () => {
  /** A transition and an animation, so the test sees what reduced motion removes. */
  const MOVING_STYLES = `
    @keyframes settings-test-pulse { from { opacity: 1; } to { opacity: 0.5; } }
    button { transition: background-color 2s linear; }
    .app-title { animation: settings-test-pulse 2s infinite alternate; }
  `;
  const animations = (page: Page) => page.evaluate(() => document.getAnimations().length);
  const buttonDurations = (page: Page) =>
    page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('button')].map((b) => getComputedStyle(b).transitionDuration),
      ),
    ]);

  async function interact(page: Page): Promise<void> {
    await page.locator('[data-scenario-id]').first().hover();
    await page.locator('[data-open="join"]').focus();
    await openSettings(page);
    await page.locator('input[data-setting="effectsMuted"]').click();
    await page.locator('[data-close="settings"]').hover();
    await page.locator('[data-close="settings"]').click();
    await page.locator('[data-scenario-id]').nth(1).hover();
  }

  it('leaves nothing animating when the player chooses it', async () => {
    const { context, page, problems } = await openGame(browser, {
      baseUrl: inject('baseUrl'),
      reducedMotion: 'no-preference',
    });
    await ready(page);
    await page.locator('[data-scenario-id]').first().waitFor();
    await addStyles(page, MOVING_STYLES);
    // Full motion first: the page really animates, so the check below can fail.
    await interact(page);
    expect(await animations(page)).toBeGreaterThan(0);
    expect(await buttonDurations(page)).toEqual(['2s']);

    await storeSettings(page, { motion: 'reduce' });
    await page.locator('[data-scenario-id]').first().waitFor();
    await addStyles(page, MOVING_STYLES);
    expect((await look(page)).motion).toBe('reduce');
    await interact(page);
    expect(await animations(page)).toBe(0);
    expect(await buttonDurations(page)).toEqual(['0s']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("follows the device's preference as it changes, unless the player chose", async () => {
    const { context, page, problems } = await openGame(browser, {
      baseUrl: inject('baseUrl'),
      reducedMotion: 'no-preference',
    });
    await ready(page);
    expect((await look(page)).motion).toBe('full');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(async () => (await look(page)).motion, { timeout: 10_000 }).toBe('reduce');
    await page.locator('[data-scenario-id]').first().waitFor();
    await addStyles(page, MOVING_STYLES);
    await interact(page);
    expect(await animations(page)).toBe(0);

    // "Full motion" chosen in the settings wins over the device.
    await openSettings(page);
    await page.locator('input[data-setting="motion"][value="full"]').check();
    expect((await look(page)).motion).toBe('full');
    await page.locator('[data-close="settings"]').click();
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect((await look(page)).motion).toBe('full');
    expect(await buttonDurations(page)).toEqual(['2s']);
    expect(problems).toEqual([]);
    await context.close();
  });
});
