/**
 * What the offline, privacy and fault tests share: a page on any host, watched for console
 * errors, uncaught exceptions, requests to another origin and every Content Security Policy
 * violation (a `securitypolicyviolation` listener put in before any of the page's own script),
 * and the expected walks of tests/walks, played by clicking as a student would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startScenario } from './browser';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The build under test: the one global-setup serves (RF_DIST_DIR, else dist/). */
export const DIST = join(ROOT, process.env.RF_DIST_DIR || 'dist');

export interface Walk {
  readonly name: string;
  readonly kind: string;
  readonly choices: readonly string[];
  readonly ending: string;
  readonly outcome: string;
}
export interface WalkFile {
  readonly scenario: string;
  readonly walks: readonly Walk[];
}

export const walkFiles: readonly WalkFile[] = readdirSync(join(ROOT, 'tests', 'walks'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(join(ROOT, 'tests', 'walks', file), 'utf8')));

export function bestWalk(scenario: string): Walk {
  const walk = walkFiles.find((f) => f.scenario === scenario)?.walks.find((w) => w.kind === 'best');
  if (!walk) throw new Error(`no best walk for ${scenario}`);
  return walk;
}

/** The app's own text at a dotted key, in one language. */
export function appText(language: string, key: string): string {
  const texts = JSON.parse(
    readFileSync(join(ROOT, 'src', 'i18n', 'locales', `${language}.json`), 'utf8'),
  );
  const value = key.split('.').reduce<unknown>((here, part) => (here as never)?.[part], texts);
  if (typeof value !== 'string') throw new Error(`no app text at ${key}`);
  return value;
}

/** Reports every CSP violation twice: as a console error, and in `window.__cspViolations`. */
function listenForViolations(): void {
  const seen: string[] = [];
  (globalThis as { __cspViolations?: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    const line = `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`;
    seen.push(line);
    console.error(line);
  });
}

export interface Watched {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Everything that went wrong; a test ends with `expect(problems).toEqual([])`. */
  readonly problems: string[];
  /** Every request any page or worker of the context made, as `METHOD url`. */
  readonly requests: string[];
  /** Opens a helper tab at `url` (see `helperTab`): its console is not watched. */
  helper(url: string): Promise<Page>;
}

/** Watches a page (and any page opened later in its context) for problems. */
export function watchPage(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}

export interface OpenOptions extends BrowserContextOptions {
  readonly url: string;
  /** Runs on the new context before its first page opens (routes, init scripts). */
  readonly prepare?: (context: BrowserContext) => Promise<unknown>;
  /**
   * The first page is a helper tab of the same origin, not the game (a bare file used to
   * hold a database open): its console is not watched, since the browser logs the 404 of the
   * /favicon.ico it asks for there.
   */
  readonly helperTab?: boolean;
}

/** A fresh context (a student's browser profile) with the game open at `url`. */
export async function openWatched(browser: Browser, options: OpenOptions): Promise<Watched> {
  const { url, prepare, helperTab, ...contextOptions } = options;
  const context = await browser.newContext({
    locale: 'en-CA',
    viewport: { width: 1366, height: 768 },
    reducedMotion: 'reduce',
    ...contextOptions,
  });
  const origin = new URL(url).origin;
  const problems: string[] = [];
  const requests: string[] = [];
  await context.addInitScript(listenForViolations);
  context.on('request', (request) => {
    const address = request.url();
    requests.push(`${request.method()} ${address}`);
    if (address.startsWith('data:') || address.startsWith('blob:')) return;
    if (new URL(address).origin !== origin) problems.push(`request to another origin: ${address}`);
  });
  let unwatched = helperTab === true;
  context.on('page', (page) => {
    if (unwatched) unwatched = false;
    else watchPage(page, problems);
  });
  // Which address failed, beside the console's "Failed to load resource".
  context.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(url);
  const helper = async (address: string) => {
    unwatched = true;
    const tab = await context.newPage();
    await tab.goto(address);
    return tab;
  };
  return { context, page, problems, requests, helper };
}

/** The CSP violations a page saw since it loaded. */
export function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Plays a walk from the first screen to its debrief. */
export async function playWalk(page: Page, scenario: string, choices: readonly string[]) {
  await startScenario(page, scenario);
  await takeChoices(page, choices);
  await page.locator('.debrief').waitFor();
}

export async function takeChoices(page: Page, choices: readonly string[]): Promise<void> {
  for (const choice of choices) {
    const button = page.locator(
      `.choices:not([hidden]) button[data-choice-id="${choice}"]:not([disabled])`,
    );
    await button.waitFor();
    await button.click();
  }
}

/** From a debrief back to the list of scenarios. */
export async function backToList(page: Page): Promise<void> {
  await page.locator('.debrief button:not(.primary)').click();
  await page.locator('[data-scenario-id]').first().waitFor();
}

/** Waits until the service worker has precached the game and is active. */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the service worker did not activate in 30 s')), 30_000),
    );
    const registration = await Promise.race([navigator.serviceWorker.ready, timeout]);
    if (!registration.active) throw new Error('no active service worker');
  });
}

/** Result records as the tests compare them: what was played, not when or under which id. */
export function comparable(
  records: readonly {
    classCode: string | null;
    student: string;
    result: Record<string, unknown>;
  }[],
): unknown[] {
  return records
    .map((record) => {
      const {
        id: _id,
        finishedAt: _finished,
        startedAt: _started,
        durationMs: _duration,
        ...result
      } = record.result;
      return { classCode: record.classCode, student: record.student, result };
    })
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
