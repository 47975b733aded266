/**
 * One measured load of the game or of the bare Phaser page, each in a fresh browser context,
 * and the game's heap over many plays. Every wait has a timeout whose message says what was
 * awaited and what the page showed instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  bytesUntil,
  framesPerSecond,
  heapAfterGc,
  openShaped,
  serviceWorkerState,
  visit,
  waitForMark,
  waitVisible,
} from './shaped-page';

/** The chat scenario whose Play button the benchmark presses (else the first one listed). */
export const CHAT_SCENARIO = 'sextortion-approach';
const LOAD_TIMEOUT_MS = 60_000;
const SCENARIO_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 20_000;
export const FPS_WINDOW_MS = 5_000;
/** How long a registered service worker may take to activate before the repeat visit. */
const SERVICE_WORKER_TIMEOUT_MS = 30_000;

export interface Visit {
  readonly appReadyMs: number;
  readonly bytes: number;
  readonly requests: number;
}

export interface LoadRun {
  readonly first: Visit;
  /** Game: from navigation start, as if each click came the moment its button showed. */
  readonly scenarioReadyMs: number;
  /** Game: the mark as it fell, the benchmark's own clicking delay included. */
  readonly scenarioReadyRawMs: number;
  readonly scenarioBytes: number;
  /** Game: when the first choice could be taken (after the story's own pacing), same clock. */
  readonly firstChoiceMs: number;
  readonly contentNote: boolean;
  readonly scenarioId: string;
  readonly fps: number;
  /** The JS heap after a full GC once the page is loaded (bare page only; game: -1). */
  readonly heapBytes: number;
  readonly serviceWorker: string;
  readonly repeat: Visit;
  readonly repeatControlled: boolean;
  readonly problems: readonly string[];
}

/**
 * Notes, in the page, when each click happens and when the content-note screen shows. (A
 * string, not a function: tsx would wrap named inner functions in a helper the page lacks.)
 */
const WATCH_CLICKS = `(() => {
  const bench = { clicks: [], startShown: -1 };
  window.__bench = bench;
  document.addEventListener('pointerdown', (event) => bench.clicks.push(event.timeStamp), true);
  new MutationObserver(() => {
    if (bench.startShown < 0 && document.querySelector('[data-action="start-scenario"]')) {
      bench.startShown = performance.now();
    }
  }).observe(document.body, { childList: true, subtree: true });
})()`;

function watchClicks(page: Page): Promise<void> {
  return page.evaluate(WATCH_CLICKS);
}

async function pressPlay(page: Page): Promise<string> {
  await waitVisible(page, '[data-scenario-id]', STEP_TIMEOUT_MS, 'the first screen');
  const chat = page.locator(`button[data-scenario-id="${CHAT_SCENARIO}"]`);
  const button = (await chat.count()) > 0 ? chat : page.locator('[data-scenario-id]').first();
  const id = (await button.getAttribute('data-scenario-id')) ?? '?';
  await button.click({ timeout: STEP_TIMEOUT_MS });
  return id;
}

/**
 * After Play: a content-note screen may come first (its button is
 * `[data-action="start-scenario"]`); press it, then wait for `scenario-ready`.
 */
async function throughContentNote(page: Page, what: string, timeoutMs: number): Promise<boolean> {
  const start = page.locator('button[data-action="start-scenario"]');
  try {
    await page.waitForFunction(
      () =>
        performance.getEntriesByName('scenario-ready').length > 0 ||
        document.querySelector('button[data-action="start-scenario"]') !== null,
      undefined,
      { timeout: timeoutMs, polling: 50 },
    );
  } catch {
    throw new Error(
      `${what}: neither a content note ([data-action="start-scenario"]) nor ` +
        `performance.mark('scenario-ready') within ${timeoutMs / 1000} s (at ${page.url()})`,
    );
  }
  if ((await start.count()) === 0) return false;
  await start.first().click({ timeout: STEP_TIMEOUT_MS });
  return true;
}

export async function gameRun(browser: Browser, baseUrl: string): Promise<LoadRun> {
  const shaped = await openShaped(browser, { baseUrl, throttle: true });
  const { page } = shaped;
  try {
    const first = await visit(shaped, baseUrl, 'game, first visit', LOAD_TIMEOUT_MS);

    await watchClicks(page);
    const scenarioId = await pressPlay(page);
    const contentNote = await throughContentNote(page, 'game, first scenario', SCENARIO_TIMEOUT_MS);
    const rawMs = await waitForMark(
      shaped,
      'scenario-ready',
      SCENARIO_TIMEOUT_MS,
      `game, scenario ${scenarioId}`,
    );
    const bench = await page.evaluate(
      () => (window as unknown as { __bench: { clicks: number[]; startShown: number } }).__bench,
    );
    const [play, start] = bench.clicks;
    if (play === undefined) throw new Error('game: the Play click was not seen by the page');
    // The page's own time: the benchmark's delay before each click is left out.
    const pageTime = (markMs: number) =>
      contentNote && start !== undefined && bench.startShown >= 0
        ? first.appReadyMs + (bench.startShown - play) + (markMs - start)
        : first.appReadyMs + (markMs - play);
    const scenarioReadyMs = pageTime(rawMs);
    const scenarioBytes = (await bytesUntil(shaped, rawMs)).bytes;

    await waitVisible(page, '.stage canvas', STEP_TIMEOUT_MS, 'game, the phone canvas');
    const fps = await framesPerSecond(page, FPS_WINDOW_MS);
    const firstChoiceMs = pageTime(
      await waitForMark(
        shaped,
        'first-choice',
        SCENARIO_TIMEOUT_MS,
        `game, scenario ${scenarioId}`,
      ),
    );

    const serviceWorker = await serviceWorkerState(page, SERVICE_WORKER_TIMEOUT_MS);
    await page.goto('about:blank');
    const repeat = await visit(shaped, baseUrl, 'game, repeat visit', LOAD_TIMEOUT_MS);
    const repeatControlled = await page.evaluate(() => !!navigator.serviceWorker?.controller);
    return {
      first,
      scenarioReadyMs,
      scenarioReadyRawMs: rawMs,
      scenarioBytes,
      firstChoiceMs,
      contentNote,
      scenarioId,
      fps,
      heapBytes: -1,
      serviceWorker,
      repeat,
      repeatControlled,
      problems: [...shaped.problems],
    };
  } finally {
    await shaped.close();
  }
}

export async function bareRun(browser: Browser, baseUrl: string): Promise<LoadRun> {
  const shaped = await openShaped(browser, { baseUrl, throttle: true });
  const { page, cdp } = shaped;
  try {
    const first = await visit(shaped, baseUrl, 'bare page, first visit', LOAD_TIMEOUT_MS);
    await waitVisible(page, 'canvas', STEP_TIMEOUT_MS, 'bare page, its canvas');
    const fps = await framesPerSecond(page, FPS_WINDOW_MS);
    const heapBytes = await heapAfterGc(cdp);
    const serviceWorker = await serviceWorkerState(page, SERVICE_WORKER_TIMEOUT_MS);
    await page.goto('about:blank');
    const repeat = await visit(shaped, baseUrl, 'bare page, repeat visit', LOAD_TIMEOUT_MS);
    return {
      first,
      scenarioReadyMs: first.appReadyMs,
      scenarioReadyRawMs: first.appReadyMs,
      scenarioBytes: first.bytes,
      firstChoiceMs: first.appReadyMs,
      contentNote: false,
      scenarioId: '-',
      fps,
      heapBytes,
      serviceWorker,
      repeat,
      repeatControlled: await page.evaluate(() => !!navigator.serviceWorker?.controller),
      problems: [...shaped.problems],
    };
  } finally {
    await shaped.close();
  }
}

/* ----------------------------------------------------------------------------------------- */
/* The game's heap over many plays                                                            */

export interface Walk {
  readonly scenario: string;
  readonly choices: readonly string[];
}

/** Each scenario's first best walk from tests/walks/<id>.json, in file-name order. */
export function bestWalks(root: string): Walk[] {
  const folder = join(root, 'tests', 'walks');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = JSON.parse(readFileSync(join(folder, name), 'utf8')) as {
        scenario: string;
        walks: { kind: string; choices: string[] }[];
      };
      const best = file.walks.find((walk) => walk.kind === 'best');
      if (!best) throw new Error(`tests/walks/${name} has no best walk`);
      return { scenario: file.scenario, choices: best.choices };
    });
}

/**
 * Plays one walk from the list back to the list. Buttons get DOM click events straight away
 * (no pointer and actionability waits): this run measures memory, not input, and real clicks
 * under a busy SwiftShader canvas took seconds each.
 */
async function playWalk(page: Page, walk: Walk, what: string): Promise<void> {
  const play = page.locator(`[data-scenario-id="${walk.scenario}"]`);
  try {
    await play.dispatchEvent('click', undefined, { timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`${what}: no Play button [data-scenario-id="${walk.scenario}"] on the list`);
  }
  // The content note (if the scenario has one) or the first choices, whichever comes.
  const next = page.locator(
    'button[data-action="start-scenario"], .choices:not([hidden]) button[data-choice-id]',
  );
  try {
    await next.first().waitFor({ timeout: STEP_TIMEOUT_MS * 3 });
  } catch {
    throw new Error(`${what}: neither a content note nor a choice showed after Play`);
  }
  const start = page.locator('button[data-action="start-scenario"]');
  if ((await start.count()) > 0) await start.first().dispatchEvent('click');
  for (const [step, choice] of walk.choices.entries()) {
    const button = page.locator(
      `.choices:not([hidden]) button[data-choice-id="${choice}"]:not([disabled])`,
    );
    try {
      await button.waitFor({ timeout: STEP_TIMEOUT_MS });
      await button.dispatchEvent('click', undefined, { timeout: STEP_TIMEOUT_MS });
    } catch {
      throw new Error(
        `${what}: choice ${step + 1} "${choice}" did not show within ${STEP_TIMEOUT_MS / 1000} s`,
      );
    }
  }
  await waitVisible(page, '.debrief', STEP_TIMEOUT_MS, `${what}, its debrief`);
  const back = page.locator('.debrief button:not(.primary)').last();
  try {
    await back.dispatchEvent('click', undefined, { timeout: STEP_TIMEOUT_MS });
  } catch {
    throw new Error(`${what}: no way back to the list from the debrief (.debrief button)`);
  }
  await waitVisible(page, '[data-scenario-id]', STEP_TIMEOUT_MS, `${what}, back on the list`);
}

export interface HeapRun {
  readonly afterLoad: number;
  /** After every scenario was played once, in a row (the warm-up round). */
  readonly afterEveryScenario: number;
  /** After each of the measured plays that follow (bytes). */
  readonly afterPlay: number[];
  readonly problems: readonly string[];
  readonly ms: number;
}

/**
 * The game's heap in one page, with reduced motion so nothing waits on typing and no CPU or
 * network handicap (memory does not depend on them); a full GC before each reading.
 * First every scenario's best walk in a row (so every scenario's code and texts are loaded:
 * what stays is the game's working set), then `plays` more plays going round the scenarios
 * again: growth between the first and the last of those is what would pile up in a class
 * that plays all morning.
 */
export async function heapPlays(
  browser: Browser,
  baseUrl: string,
  walks: readonly Walk[],
  plays: number,
  onPlay: (phase: 'round' | 'measured', n: number, scenario: string, heap: number) => void,
): Promise<HeapRun> {
  const started = performance.now();
  const shaped = await openShaped(browser, { baseUrl, throttle: false, reducedMotion: true });
  const { page, cdp } = shaped;
  const playAndWeigh = async (walk: Walk, what: string) => {
    await playWalk(page, walk, what);
    await page.evaluate(() => {
      performance.clearMarks();
      performance.clearMeasures();
    });
    return heapAfterGc(cdp);
  };
  try {
    await visit(shaped, baseUrl, 'game, heap run', LOAD_TIMEOUT_MS);
    await waitVisible(page, '[data-scenario-id]', STEP_TIMEOUT_MS, 'game, heap run');
    const afterLoad = await heapAfterGc(cdp);
    let afterEveryScenario = afterLoad;
    for (const [i, walk] of walks.entries()) {
      afterEveryScenario = await playAndWeigh(walk, `heap run, scenario ${walk.scenario}`);
      onPlay('round', i + 1, walk.scenario, afterEveryScenario);
    }
    const afterPlay: number[] = [];
    for (let n = 1; n <= plays; n++) {
      const walk = walks[(n - 1) % walks.length] as Walk;
      const heap = await playAndWeigh(walk, `heap run, play ${n} (${walk.scenario})`);
      afterPlay.push(heap);
      onPlay('measured', n, walk.scenario, heap);
    }
    return {
      afterLoad,
      afterEveryScenario,
      afterPlay,
      problems: [...shaped.problems],
      ms: performance.now() - started,
    };
  } finally {
    await shaped.close();
  }
}
