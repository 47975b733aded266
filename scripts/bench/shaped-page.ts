/**
 * A page in a fresh browser context with a school laptop's handicaps, set through the Chrome
 * DevTools Protocol: the CPU slowed 4x and the network shaped to 150 ms round trips and
 * 1.6 Mbit/s each way. It counts the bytes that came over the wire (the sum of
 * `encodedDataLength` from `Network.loadingFinished`) up to a performance mark, and notes what
 * the page did wrong (console errors, uncaught errors, requests to other origins).
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

export const CPU_SLOWDOWN = 4;
export const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1.6e6 / 8,
  uploadThroughput: 1.6e6 / 8,
} as const;

interface Finished {
  readonly at: number;
  readonly bytes: number;
}

/** What came over the wire for one navigation, with CDP's monotonic clock (seconds). */
class WireLog {
  finished: Finished[] = [];
  /** Requests that are not over the wire (data: URLs). */
  local = new Set<string>();
  /** The document's request: its CDP timing ties the page's clock to CDP's. */
  documentId: string | undefined;
  documentSentAt: number | undefined;
  documentTiming: { requestTime: number; sendStart: number } | undefined;

  reset(): void {
    this.finished = [];
    this.local.clear();
    this.documentId = undefined;
    this.documentSentAt = undefined;
    this.documentTiming = undefined;
  }

  /** Bytes of every response finished by `at` (CDP monotonic seconds). */
  until(at: number): { bytes: number; requests: number } {
    const done = this.finished.filter((f) => f.at <= at);
    return { bytes: done.reduce((sum, f) => sum + f.bytes, 0), requests: done.length };
  }
}

export interface ShapedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly problems: string[];
  readonly wire: WireLog;
  close(): Promise<void>;
}

export interface ShapedOptions {
  readonly baseUrl: string;
  /** CPU and network handicaps on (timing runs) or off (heap runs: memory is not about speed). */
  readonly throttle: boolean;
  readonly reducedMotion?: boolean;
}

export async function openShaped(browser: Browser, options: ShapedOptions): Promise<ShapedPage> {
  const context = await browser.newContext({
    locale: 'en-CA',
    viewport: { width: 1366, height: 768 },
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(options.baseUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
  });

  const cdp = await context.newCDPSession(page);
  const wire = new WireLog();
  cdp.on('Network.requestWillBeSent', (event) => {
    // data: URLs (Phaser's built-in textures) never touch the network.
    if (event.request.url.startsWith('data:')) wire.local.add(event.requestId);
    // The navigation's own request: its id is the loader's id.
    if (event.requestId === event.loaderId && wire.documentId === undefined) {
      wire.documentId = event.requestId;
      wire.documentSentAt = event.timestamp;
    }
  });
  cdp.on('Network.responseReceived', (event) => {
    if (event.requestId === wire.documentId && event.response.timing) {
      wire.documentTiming = {
        requestTime: event.response.timing.requestTime,
        sendStart: event.response.timing.sendStart,
      };
    }
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (wire.local.has(event.requestId)) return;
    wire.finished.push({ at: event.timestamp, bytes: event.encodedDataLength });
  });
  await cdp.send('Network.enable');
  if (options.throttle) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Network.emulateNetworkConditions', { ...NETWORK });
  }
  return {
    context,
    page,
    cdp,
    problems,
    wire,
    close: () => context.close(),
  };
}

/** A timeout with a message that says what the page was doing. */
async function describe(page: Page): Promise<string> {
  try {
    const text = await page.evaluate(() => (document.body?.innerText ?? '').replace(/\s+/g, ' '));
    return `${page.url()} showing "${text.slice(0, 200)}"`;
  } catch {
    return page.url();
  }
}

/**
 * The page waits for a performance mark itself (a PerformanceObserver), asked through the
 * DevTools protocol. Not Playwright's waitForFunction: its first use after a navigation
 * evaluates Playwright's injected script in the page, 30-55 ms of main-thread work at 4x that
 * fell inside the very load being timed, sometimes before the HTML parser finished and
 * sometimes after (the two groups the repeat visits fell into). A string, not a function: tsx
 * would wrap named inner functions in a helper the page lacks.
 */
const MARK_WAITER = `(name, timeoutMs) => new Promise((resolve) => {
  const seen = () => performance.getEntriesByName(name, 'mark')[0];
  const now = seen();
  if (now) return resolve(now.startTime);
  const observer = new PerformanceObserver(() => {
    const mark = seen();
    if (!mark) return;
    observer.disconnect();
    resolve(mark.startTime);
  });
  observer.observe({ type: 'mark', buffered: true });
  setTimeout(() => {
    observer.disconnect();
    resolve(-1);
  }, timeoutMs);
})`;

/** Right after a navigation commits, the new document's context may not be the default yet. */
const CONTEXT_GONE = /context|destroyed|navigat/i;

export async function waitForMark(
  shaped: ShapedPage,
  name: string,
  timeoutMs: number,
  what: string,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const expression = `(${MARK_WAITER})(${JSON.stringify(name)}, ${Math.round(timeoutMs)})`;
  for (;;) {
    try {
      const answer = await shaped.cdp.send('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      });
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.text);
      const at = answer.result.value as number;
      if (at >= 0) return at;
      break;
    } catch (error) {
      if (!CONTEXT_GONE.test(String(error)) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  throw new Error(
    `${what}: no performance.mark('${name}') within ${timeoutMs / 1000} s (${await describe(shaped.page)})`,
  );
}

/** Waits for a locator with a clear message on timeout. */
export async function waitVisible(
  page: Page,
  selector: string,
  timeoutMs: number,
  what: string,
): Promise<void> {
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    throw new Error(
      `${what}: nothing matched ${selector} within ${timeoutMs / 1000} s (${await describe(page)})`,
    );
  }
}

/**
 * Bytes over the wire from the navigation's start until a mark made `markMs` after the page's
 * time origin. The page's clock and CDP's are tied through the document request: the page's
 * `requestStart` is CDP's `requestTime + sendStart`.
 */
export async function bytesUntil(
  shaped: ShapedPage,
  markMs: number,
): Promise<{ bytes: number; requests: number }> {
  const { wire, page } = shaped;
  const requestStart = await page.evaluate(
    () =>
      (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.requestStart ?? 0,
  );
  let at: number;
  if (wire.documentTiming && requestStart > 0) {
    const { requestTime, sendStart } = wire.documentTiming;
    at = requestTime + (sendStart + markMs - requestStart) / 1000;
  } else if (wire.documentSentAt !== undefined) {
    at = wire.documentSentAt + markMs / 1000;
  } else {
    at = Number.POSITIVE_INFINITY;
  }
  // A few milliseconds of slack for the two clocks' rounding.
  return wire.until(at + 0.005);
}

/** Loads `url` in the shaped page and waits for `app-ready`. */
export async function visit(
  shaped: ShapedPage,
  url: string,
  what: string,
  timeoutMs: number,
): Promise<{ appReadyMs: number; bytes: number; requests: number }> {
  shaped.wire.reset();
  try {
    await shaped.page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  } catch (error) {
    throw new Error(`${what}: could not open ${url}: ${(error as Error).message}`);
  }
  const appReadyMs = await waitForMark(shaped, 'app-ready', timeoutMs, what);
  const { bytes, requests } = await bytesUntil(shaped, appReadyMs);
  return { appReadyMs, bytes, requests };
}

/**
 * Frames drawn (requestAnimationFrame callbacks) per second over `ms`. (A string, not a
 * function: tsx would wrap the named inner function in a helper the page lacks.)
 */
export function framesPerSecond(page: Page, ms: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let first;
    let frames = 0;
    const step = (time) => {
      if (first === undefined) first = time;
      else frames += 1;
      if (time - first < ${Math.round(ms)}) requestAnimationFrame(step);
      else resolve(frames / ((time - first) / 1000));
    };
    requestAnimationFrame(step);
  })`);
}

/** The JavaScript heap in use after a full garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Whether a service worker is registered, once it is active (or after `timeoutMs`). */
export function serviceWorkerState(
  page: Page,
  timeoutMs: number,
): Promise<'none' | 'active' | 'not active in time' | 'unsupported'> {
  return page.evaluate(async (wait) => {
    if (!('serviceWorker' in navigator)) return 'unsupported' as const;
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return 'none' as const;
    const ready = await Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), wait)),
    ]);
    return ready ? ('active' as const) : ('not active in time' as const);
  }, timeoutMs);
}
