/**
 * Launches Debian's Chromium through playwright-core and watches a page for the things every
 * browser test must fail on: console errors, uncaught exceptions, and any request to an
 * origin other than the game's own.
 */
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Flags that work on this machine's closed network (see shared/stack-notes.md). */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchOptions {
  /** A fake camera that needs no permission prompt (for the QR scanner). */
  readonly fakeCamera?: boolean;
}

export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const camera = options.fakeCamera
    ? ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
    : [];
  return chromium.launch({
    executablePath: CHROME_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...camera],
  });
}

export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Everything that went wrong; a test ends with `expect(problems).toEqual([])`. */
  readonly problems: string[];
}

export interface OpenOptions {
  readonly baseUrl: string;
  readonly locale?: string;
  readonly viewport?: { width: number; height: number };
  /**
   * The device's motion preference. Tests play with reduced motion unless they test pacing:
   * it removes the phone's typing delays, so a walk through a scenario takes a second, not a
   * minute.
   */
  readonly reducedMotion?: 'reduce' | 'no-preference';
  /** Runs in every page of the context before the game's own scripts (to stand in for a device). */
  readonly initScript?: () => void;
}

export async function openGame(browser: Browser, options: OpenOptions): Promise<WatchedPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-CA',
    viewport: options.viewport ?? { width: 1366, height: 768 },
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  if (options.initScript) await context.addInitScript(options.initScript);
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(options.baseUrl).origin;
  page.on('console', (message) => {
    // WebGL's performance warnings (SwiftShader) are warnings, not errors.
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });
  await page.goto(options.baseUrl);
  return { context, page, problems };
}

/** The data-* id of the focused element, to steer by keyboard alone. */
export function focusedId(page: Page, attribute: string): Promise<string | null> {
  return page.evaluate((name) => document.activeElement?.getAttribute(name) ?? null, attribute);
}

/**
 * Presses Tab until the element with `attribute="value"` has focus, then Enter: what a
 * keyboard user does. Fails if the element is not reachable by Tab.
 */
export async function tabToAndPress(page: Page, attribute: string, value: string): Promise<void> {
  for (let presses = 0; presses < 40; presses++) {
    if ((await focusedId(page, attribute)) === value) {
      await page.keyboard.press('Enter');
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`[${attribute}="${value}"] could not be reached with the Tab key`);
}

/** Every result record the game stored in the page's IndexedDB. */
export function storedRecords(
  page: Page,
): Promise<
  { id: string; classCode: string | null; student: string; result: Record<string, unknown> }[]
> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('red-flags');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('results').objectStore('results').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * An `initScript` that stands in for a graphics chip: the WebGL renderer's name, which is all
 * scenes/renderer-choice.ts reads, says hardware instead of this machine's SwiftShader, so the
 * phone takes WebGL. (Self-contained: Playwright sends its source to the page.)
 */
export function pretendGraphicsChip(): void {
  const UNMASKED_RENDERER_WEBGL = 0x9246;
  const real = WebGLRenderingContext.prototype.getParameter;
  WebGLRenderingContext.prototype.getParameter = function (this: WebGLRenderingContext, what) {
    return what === UNMASKED_RENDERER_WEBGL
      ? 'ANGLE (Test Vendor, Test Graphics Chip)'
      : real.call(this, what);
  };
}

/** The choices the player can take now (the panel shown, the buttons enabled). */
export const choiceButtons = (page: Page) =>
  page.locator('.choices:not([hidden]) [data-choice-id]:not([disabled])');

/** The localStorage key of a scenario's saved progress for a player without a class. */
export const progressKey = (scenarioId: string) => `redflags.progress.no-class..${scenarioId}`;

/**
 * Opens a scenario from the first screen as a player would: its Play button, then, for a
 * scenario with a content note, the "start" button under the note.
 */
export async function startScenario(page: Page, scenarioId: string): Promise<void> {
  await page.locator(`[data-scenario-id="${scenarioId}"]`).click();
  await passContentNote(page);
}

/** Passes the content note if the scenario shows one; waits until the story or the note shows. */
export async function passContentNote(page: Page): Promise<void> {
  const start = page.locator('[data-action="start-scenario"]');
  await page
    .locator('[data-action="start-scenario"], .choices:not([hidden]) [data-choice-id]')
    .first()
    .waitFor();
  if (await start.isVisible()) await start.click();
}

/**
 * Waits until `condition` is true in the page, polling with `page.evaluate`. Playwright's own
 * `waitForFunction` builds its polling function from a string, which the game's CSP (no eval,
 * Trusted Types) forbids, as it should.
 */
export async function waitForCondition<Arg>(
  page: Page,
  condition: (arg: Arg) => boolean | undefined,
  arg?: Arg,
  options: { timeout?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  for (;;) {
    // Playwright's types unbox the argument; ours are plain JSON values.
    const check = condition as unknown as (arg: unknown) => boolean;
    if (await page.evaluate(check, arg as unknown)) return;
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${condition}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
