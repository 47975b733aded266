/**
 * The game as a Progressive Web App, served the way a school would serve it: from a sub-path of
 * a plain static host that applies the build's own `_headers` file (CSP with frame-ancestors and
 * the rest). After one visit the service worker has every file of the build; with the network
 * gone, every scenario plays in every language; the manifest makes it installable; a new
 * version waits behind an "update ready" prompt, never mixes with the old one, and loses
 * neither a finished result nor a scenario in progress.
 */

import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROME_PATH,
  CHROMIUM_FLAGS,
  launchBrowser,
  startScenario,
  storedRecords,
} from './support/browser';
import { type StaticHost, startStaticHost } from './support/static-host';
import {
  appText,
  backToList,
  bestWalk,
  DIST,
  openWatched,
  playWalk,
  ROOT,
  serviceWorkerReady,
  takeChoices,
  violations,
  walkFiles,
  watchPage,
} from './support/watch';

const SUB_PATH = '/some/path/';
const SHOTS = join(ROOT, '.tmp', 'pwa-shots');
/** Files of the build that are host configuration or the worker itself, not the game. */
const NOT_PRECACHED = new Set(['_headers', 'sw.js']);

let browser: Browser;
let host: StaticHost;
beforeAll(async () => {
  browser = await launchBrowser();
  host = await startStaticHost({ dir: DIST, prefix: SUB_PATH, headers: true });
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
});

function buildFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** Every URL in the page's Cache Storage, without Workbox's revision parameter. */
function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        url.searchParams.delete('__WB_REVISION__');
        urls.push(url.href);
      }
    }
    return urls.sort();
  });
}

describe('offline after one visit, from a sub-path', () => {
  it('keeps every file of the game: each chunk, scenario, language, sound and icon', async () => {
    const { context, page, problems } = await openWatched(browser, { url: host.url });
    await serviceWorkerReady(page);
    const files = buildFiles(DIST).filter((file) => !NOT_PRECACHED.has(file));
    // What must be there, by name, so a build that lost one of them cannot pass unnoticed.
    const sounds = readdirSync(join(ROOT, 'public', 'sounds')).filter((f) => f.endsWith('.wav'));
    expect(sounds.length).toBeGreaterThan(0);
    for (const sound of sounds) expect(files).toContain(`sounds/${sound}`);
    for (const chunk of [
      'phaser-',
      'teacher-home-screen-',
      'jsQR-',
      'phone-stage-',
      'sound-player-',
    ]) {
      expect(
        files.some((f) => f.startsWith(`assets/${chunk}`)),
        chunk,
      ).toBe(true);
    }
    // One per scenario: "scenario-" and the 8-character hash (not scenario-catalog-...).
    const scenarioChunks = files.filter((f) => /^assets\/scenario-[\w-]{8}\.js$/.test(f));
    expect(scenarioChunks.length).toBe(walkFiles.length);
    for (const language of ['en', 'fr', 'zh-Hans']) {
      const chunks = files.filter((f) => f.startsWith(`assets/${language}-`));
      expect(chunks.length, language).toBeGreaterThanOrEqual(walkFiles.length);
    }
    expect(await cachedUrls(page)).toEqual(files.map((file) => new URL(file, host.url).href));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('plays every scenario in every language and opens teacher mode with the network off, after a reload', async () => {
    const { context, page, problems } = await openWatched(browser, { url: host.url });
    await serviceWorkerReady(page);
    const served = host.requests.length;
    host.setDown(true);
    await context.setOffline(true);
    try {
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const languages = ['en', 'fr', 'zh-Hans'] as const;
      for (const [index, file] of walkFiles.entries()) {
        const language = languages[index % languages.length] ?? 'en';
        await page.locator('#language-select').selectOption(language);
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
        await playWalk(page, file.scenario, bestWalk(file.scenario).choices);
        expect(await page.locator('.debrief .score').textContent()).toContain('100');
        if (index === 0) {
          await page.screenshot({ path: join(SHOTS, 'offline-debrief-1366.png') });
        }
        await backToList(page);
      }
      await page.locator('#language-select').selectOption('en');
      expect((await storedRecords(page)).length).toBe(walkFiles.length);

      await page.locator('.teacher-settings summary').click();
      await page.locator('[data-open="teacher"]').click();
      await page.getByLabel('Class name').fill('Offline 7B');
      await page.getByRole('button', { name: 'Create the class' }).click();
      await expect.poll(() => page.locator('.class-code .code').textContent()).toMatch(/^\w{6}$/);

      // A phone-sized screen, still offline, in the middle of a scenario.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      await startScenario(page, 'toronto-police-call');
      await takeChoices(page, ['answer']);
      await page.locator('.choices:not([hidden]) [data-choice-id]').first().waitFor();
      await page.screenshot({ path: join(SHOTS, 'offline-play-360.png'), fullPage: true });
      // Nothing reached the server while it was away: everything came from the worker.
      expect(host.requests.length).toBe(served);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      host.setDown(false);
      await context.close();
    }
  }, 180_000);

  it('is installable: a manifest with icons made here, start URL and scope on the sub-path; PNG tab icons', async () => {
    // Installing needs a real profile: an incognito context is never installable.
    const profile = mkdtempSync(join(tmpdir(), 'red-flags-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROME_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS],
      reducedMotion: 'reduce',
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const problems: string[] = [];
      watchPage(page, problems);
      await page.goto(host.url);
      await serviceWorkerReady(page);
      const session = await context.newCDPSession(page);
      const manifest = (await session.send('Page.getAppManifest')) as {
        url: string;
        errors: unknown[];
        data?: string;
      };
      expect(manifest.url).toBe(new URL('manifest.webmanifest', host.url).href);
      expect(manifest.errors).toEqual([]);
      const data = JSON.parse(manifest.data ?? '{}');
      expect(data).toMatchObject({
        name: 'Red Flags',
        short_name: 'Red Flags',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
        background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
      });
      await expect
        .poll(async () => {
          const { installabilityErrors } = (await session.send('Page.getInstallabilityErrors')) as {
            installabilityErrors: unknown[];
          };
          return installabilityErrors;
        })
        .toEqual([]);

      // Each icon is served, is a PNG of the size it claims, and both purposes are there.
      const icons = data.icons as { src: string; sizes: string; purpose: string }[];
      for (const wanted of ['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']) {
        expect(icons.map((i) => `${i.sizes} ${i.purpose}`)).toContain(wanted);
      }
      // So is each icon the page links: the tab's PNG favicons (not favicon.svg, which costs an
      // SVG document on the main thread at every load) and the home-screen icon.
      const linked = await page.$$eval('link[rel="icon"], link[rel="apple-touch-icon"]', (links) =>
        links.map((link) => ({
          src: link.getAttribute('href') ?? '',
          sizes: link.getAttribute('sizes') ?? '180x180',
          purpose: link.getAttribute('rel') ?? '',
        })),
      );
      expect(linked.map((icon) => `${icon.purpose} ${icon.sizes}`)).toEqual([
        'icon 32x32',
        'icon 64x64',
        'apple-touch-icon 180x180',
      ]);
      for (const icon of [...icons, ...linked]) {
        const response = await page.request.get(new URL(icon.src, host.url).href);
        expect(response.headers()['content-type']).toBe('image/png');
        const png = await response.body();
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${width}x${height}`).toBe(icon.sizes);
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

/**
 * A copy of the build as the next release: index.html changed (a marker this test can see),
 * so sw.js lists a new revision for it and differs byte for byte, as after any real change.
 */
function nextVersion(): string {
  const dir = mkdtempSync(join(tmpdir(), 'red-flags-next-'));
  cpSync(DIST, dir, { recursive: true });
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(
    '<title>',
    '<meta name="red-flags-build" content="next" />\n    <title>',
  );
  writeFileSync(join(dir, 'index.html'), html);
  const revision = createHash('md5').update(html).digest('hex');
  const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
  const entry = /\{url:"index\.html",revision:"[0-9a-f]+"\}/g;
  expect(worker.match(entry)?.length).toBe(1);
  writeFileSync(
    join(dir, 'sw.js'),
    worker.replace(entry, `{url:"index.html",revision:"${revision}"}`),
  );
  return dir;
}

const buildMarker = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelector('meta[name="red-flags-build"]')?.getAttribute('content') ?? 'first',
  );

describe('a new version', () => {
  it('waits for "Update now", never mixes with the old files, and keeps results and the scenario in progress', async () => {
    const next = nextVersion();
    const versionHost = await startStaticHost({ dir: DIST, prefix: SUB_PATH, headers: true });
    const { context, page, problems } = await openWatched(browser, { url: versionHost.url });
    try {
      await serviceWorkerReady(page);
      // The second visit is the first one the worker controls.
      await page.reload();
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const finished = bestWalk('genuine-new-classmate');
      await playWalk(page, 'genuine-new-classmate', finished.choices);
      await backToList(page);

      // The next version is deployed; the open game finds it (as its hourly check would).
      versionHost.setDir(next);
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration?.update();
      });
      const notice = page.locator('[data-notice="update"] .notice-text');
      await notice.waitFor();
      expect(await notice.textContent()).toBe(
        `${appText('en', 'pwa.update.ready')} ${appText('en', 'pwa.after.idle')}`,
      );
      // A scenario in progress, two choices in: the prompt now says what a reload does to it.
      const walk = bestWalk('toronto-police-call');
      await startScenario(page, 'toronto-police-call');
      await takeChoices(page, walk.choices.slice(0, 2));
      await page.locator('.choices:not([hidden]) [data-choice-id]').first().waitFor();
      await expect
        .poll(() => notice.textContent())
        .toBe(`${appText('en', 'pwa.update.ready')} ${appText('en', 'pwa.after.playing')}`);
      expect(await buildMarker(page)).toBe('first');
      await page.screenshot({ path: join(SHOTS, 'update-prompt-1366.png') });

      // Another tab opened now still gets the old version whole: the new one only waits.
      const other = await context.newPage();
      await other.setViewportSize({ width: 360, height: 740 });
      await other.goto(versionHost.url);
      await other.locator('[data-notice="update"]').waitFor();
      expect(await buildMarker(other)).toBe('first');
      expect(await other.locator('[data-notice="update"] .notice-text').textContent()).toContain(
        appText('en', 'pwa.after.idle'),
      );
      await other.screenshot({ path: join(SHOTS, 'update-prompt-360.png') });
      // The prompt passes axe (WCAG 2.2 AA) like every other screen.
      const axe = await new AxeBuilder({ page: other })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      // The prompt follows the language.
      await other.locator('#language-select').selectOption('fr');
      await expect
        .poll(() => other.locator('[data-notice="update"] .notice-text').textContent())
        .toContain(appText('fr', 'pwa.update.ready'));
      await other.locator('#language-select').selectOption('en');
      // "Later": the prompt goes, and a reload still gets the old version and asks again.
      await other.locator('[data-action="pwa-later"]').click();
      await expect.poll(() => other.locator('[data-notice="update"]').count()).toBe(0);
      await other.reload();
      await other.locator('[data-notice="update"]').waitFor();
      expect(await buildMarker(other)).toBe('first');

      // "Update now" in the first tab: it reloads into the new version and reopens the scenario.
      await Promise.all([
        page.waitForEvent('load'),
        page.locator('[data-action="pwa-update"]').click(),
      ]);
      await expect.poll(() => buildMarker(page)).toBe('next');
      await page.getByRole('heading', { name: appText('en', 'resume.heading') }).waitFor();
      await page.getByRole('button', { name: appText('en', 'resume.continue') }).click();
      await takeChoices(page, walk.choices.slice(2));
      await page.locator('.debrief').waitFor();
      expect(await page.locator('.debrief .score').textContent()).toContain('100');
      const stored = await storedRecords(page);
      expect(stored.map((r) => r.result.scenarioId).sort()).toEqual([
        'genuine-new-classmate',
        'toronto-police-call',
      ]);
      expect(
        stored.find((r) => r.result.scenarioId === 'toronto-police-call')?.result,
      ).toMatchObject({
        choices: walk.choices.map((choice) => expect.objectContaining({ choice })),
      });

      // The other tab still runs the old code: it is told to reload, and gets the new version.
      await other.locator('[data-notice="updated-elsewhere"]').waitFor();
      await Promise.all([
        other.waitForEvent('load'),
        other.locator('[data-action="pwa-reload"]').click(),
      ]);
      await expect.poll(() => buildMarker(other)).toBe('next');
      await other.locator('[data-scenario-id]').first().waitFor();
      expect(await other.locator('[data-notice]').count()).toBe(0);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await versionHost.close();
      rmSync(next, { recursive: true, force: true });
    }
  }, 120_000);
});
