/**
 * Load-and-play benchmark: the game against a bare Phaser 4 page, on a slow school laptop. It
 * prints figures; it is not a test and exits 0 whether targets are met or not (1 only when
 * something crashed or a page never got ready).
 *
 *   npm run bench          (BENCH_RUNS=5, BENCH_LIGHTHOUSE=1, BENCH_PLAYS=20, CHROME_PATH)
 *
 * 1. Builds the game (Vite's build() with the project's config) into .tmp/bench/game, and a
 *    bare Phaser 4 page it writes itself (.tmp/bench/bare-src: one scene, one text, one button,
 *    `performance.mark('app-ready')` in create()) into .tmp/bench/bare. Never touches dist/.
 * 2. Serves both gzip-compressed from its own static server on 127.0.0.1 (random ports), with
 *    a static host's caching: hashed files immutable, the page and any service worker no-cache.
 * 3. In Debian's Chromium (playwright-core, the browser tests' flags), BENCH_RUNS loads of
 *    each, alternating game and bare page, each in a fresh context with the CPU slowed 4x and
 *    the network shaped to 150 ms round trips and 1.6 Mbit/s each way (CDP). Per load: bytes
 *    over the wire and time to `app-ready`; the game's first chat scenario opened (through its
 *    content note if one shows) to `scenario-ready` (story, phone and sounds loaded, the story's
 *    first moment on the phone) and, for reference, to `first-choice` (after the story's paced
 *    opening); frames per second over 5 s in the chat scenario from `scenario-ready` (bare
 *    page: its running scene); then a second visit in the same context
 *    (service worker warm if the page registered one).
 * 4. The game's heap: every scenario's best walk (tests/walks) played in a row, and on round
 *    again to BENCH_PLAYS plays, with reduced motion; heap after a full GC after each play.
 * 5. Lighthouse (mobile and desktop presets) on the served game, unless BENCH_LIGHTHOUSE=0.
 * 6. Medians, ratios to the bare page, targets with PASS/MISS, and a table for the README.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROME_PATH, launchBrowser } from '../tests/browser/support/browser';
import { type Built, buildBare, buildGame } from './bench/build';
import { type LighthouseScores, runLighthouse } from './bench/lighthouse';
import {
  kb,
  mb,
  median,
  ms,
  percent,
  type Row,
  ratio,
  rowsTable,
  fps as showFps,
  verdict,
} from './bench/report';
import {
  bareRun,
  bestWalks,
  FPS_WINDOW_MS,
  gameRun,
  type HeapRun,
  heapPlays,
  type LoadRun,
} from './bench/runs';
import { CPU_SLOWDOWN, NETWORK } from './bench/shaped-page';
import { type StaticServer, serveStatic } from './bench/static-server';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, '.tmp', 'bench');

/** The targets, as ratios. */
const TARGET = {
  firstScreen: 0.6,
  firstScenario: 1.2,
  fpsWithin: 0.05,
  heapGrowth: 0.1,
  repeatVisit: 0.3,
} as const;

function wholeNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number >= 1`);
  return value;
}

const elapsed = (since: number) => `${((performance.now() - since) / 1000).toFixed(0)} s`;
const log = (line = '') => console.log(line);

function describeBuild(name: string, built: Built): string {
  const total = built.files.reduce((sum, f) => sum + f.bytes, 0);
  const js = built.files.filter((f) => /\.m?js$/.test(f.path));
  const biggest = [...js].sort((a, b) => b.bytes - a.bytes)[0];
  return (
    `  ${name}: ${relative(ROOT, built.dir)} in ${(built.ms / 1000).toFixed(1)} s, ` +
    `${built.files.length} files, ${kb(total)} on disk (${js.length} scripts, biggest ` +
    `${biggest ? `${biggest.path} ${kb(biggest.bytes)}` : 'none'})`
  );
}

function describeRun(label: string, n: number, r: LoadRun, game: boolean): string {
  const parts = [
    `app-ready ${ms(r.first.appReadyMs)} (${kb(r.first.bytes)} in ${r.first.requests} responses)`,
  ];
  if (game) {
    parts.push(
      `scenario-ready ${ms(r.scenarioReadyMs)} (mark at ${ms(r.scenarioReadyRawMs)}, ` +
        `${kb(r.scenarioBytes)}${r.contentNote ? ', through a content note' : ''}), ` +
        `first choice ${ms(r.firstChoiceMs)}`,
    );
  }
  parts.push(
    showFps(r.fps),
    `repeat visit ${ms(r.repeat.appReadyMs)} (${kb(r.repeat.bytes)}, service worker: ` +
      `${r.serviceWorker}${r.repeatControlled ? ', page controlled' : ''})`,
  );
  if (r.problems.length > 0) parts.push(`${r.problems.length} page problem(s)`);
  return `  ${label} run ${n}: ${parts.join(', ')}`;
}

interface Results {
  readonly game: LoadRun[];
  readonly bare: LoadRun[];
  readonly heap: HeapRun | undefined;
  readonly heapError: string | undefined;
  readonly scenarios: number;
  readonly lighthouse: LighthouseScores[];
  readonly lighthouseNote: string;
}

function summarize(results: Results, runs: number): void {
  const { game, bare, heap } = results;
  const loads =
    game.length === runs && bare.length === runs
      ? `${runs} loads each`
      : `${game.length} game and ${bare.length} bare-page loads (of ${runs} each)`;
  const m = (rows: LoadRun[], pick: (r: LoadRun) => number) => median(rows.map(pick));

  const gameBytes = m(game, (r) => r.first.bytes);
  const bareBytes = m(bare, (r) => r.first.bytes);
  const gameScenarioBytes = m(game, (r) => r.scenarioBytes);
  const gameReady = m(game, (r) => r.first.appReadyMs);
  const bareReady = m(bare, (r) => r.first.appReadyMs);
  const gameScenario = m(game, (r) => r.scenarioReadyMs);
  const gameScenarioRaw = m(game, (r) => r.scenarioReadyRawMs);
  const gameFirstChoice = m(game, (r) => r.firstChoiceMs);
  const gameFps = m(game, (r) => r.fps);
  const bareFps = m(bare, (r) => r.fps);
  const gameRepeat = m(game, (r) => r.repeat.appReadyMs);
  const bareRepeat = m(bare, (r) => r.repeat.appReadyMs);
  const gameRepeatBytes = m(game, (r) => r.repeat.bytes);
  const bareHeap = m(bare, (r) => r.heapBytes);
  const controlled = game.filter((r) => r.repeatControlled).length;
  const registered = game.filter((r) => r.serviceWorker !== 'none').length;
  const contentNotes = game.filter((r) => r.contentNote).length;

  const firstScreen = gameReady / bareReady;
  const firstScenario = gameScenario / bareReady;
  const fpsRatio = gameFps / bareFps;
  const repeatRatio = gameRepeat / gameReady;

  let heapAll = Number.NaN;
  let heapFirst = Number.NaN;
  let heapLast = Number.NaN;
  let growth = Number.NaN;
  if (heap && heap.afterPlay.length > 0) {
    heapAll = heap.afterEveryScenario;
    heapFirst = heap.afterPlay[0] as number;
    heapLast = heap.afterPlay[heap.afterPlay.length - 1] as number;
    growth = (heapLast - heapFirst) / heapFirst;
  }
  const plays = heap?.afterPlay.length ?? 0;

  const sw =
    registered === 0
      ? 'no service worker registered'
      : `service worker registered in ${registered}/${game.length} runs, ` +
        `controlled the repeat visit in ${controlled}/${game.length}`;

  log('');
  log(
    `Medians of ${loads} (fresh context per load; ${CPU_SLOWDOWN}x CPU slowdown, ` +
      `${NETWORK.latency} ms RTT, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down and up):`,
  );
  log(
    `  bytes over the wire to app-ready:  game ${kb(gameBytes)}, bare ${kb(bareBytes)}, ` +
      `ratio ${ratio(gameBytes / bareBytes)}; game to scenario-ready ${kb(gameScenarioBytes)}`,
  );
  log(
    `  first screen ready (app-ready):    game ${ms(gameReady)}, bare ${ms(bareReady)}, ` +
      `ratio ${ratio(firstScreen)}  target <= ${TARGET.firstScreen}x: ` +
      verdict(firstScreen <= TARGET.firstScreen),
  );
  log(
    `  first scenario ready:              game ${ms(gameScenario)} (mark at ` +
      `${ms(gameScenarioRaw)} with the benchmark's clicking delay), bare app-ready ` +
      `${ms(bareReady)}, ratio ${ratio(firstScenario)}  target <= ${TARGET.firstScenario}x: ` +
      `${verdict(firstScenario <= TARGET.firstScenario)}` +
      (contentNotes > 0 ? ` (content note shown in ${contentNotes}/${game.length})` : ''),
  );
  log(
    `  first choice shown (for reference): game ${ms(gameFirstChoice)} (the story's opening ` +
      `plays at the phone's pace first: typing, ringing)`,
  );
  log(
    `  frames per second (${FPS_WINDOW_MS / 1000} s):          game chat ${showFps(gameFps)}, ` +
      `bare ${showFps(bareFps)}, ratio ${ratio(fpsRatio)}  target within ` +
      `${TARGET.fpsWithin * 100}%: ${verdict(fpsRatio >= 1 - TARGET.fpsWithin)}`,
  );
  if (heap) {
    log(
      `  JS heap after every scenario once (${results.scenarios} plays in a row): ` +
        `${mb(heapAll)} (after load ${mb(heap.afterLoad)}; bare page ${mb(bareHeap)})`,
    );
    log(
      `  heap growth over the ${plays} plays after that: play 1 ${mb(heapFirst)} -> play ` +
        `${plays} ${mb(heapLast)}, ` +
        `${percent(growth)}  target < ${TARGET.heapGrowth * 100}%: ` +
        verdict(growth < TARGET.heapGrowth),
    );
  } else {
    log(`  JS heap: not measured (${results.heapError ?? 'skipped'})`);
  }
  log(
    `  repeat visit (app-ready):          game ${ms(gameRepeat)} (${kb(gameRepeatBytes)}), first ` +
      `${ms(gameReady)}, ratio ${ratio(repeatRatio)}  target < ${TARGET.repeatVisit}x first: ` +
      `${verdict(repeatRatio < TARGET.repeatVisit)}; bare ${ms(bareRepeat)} ` +
      `(${ratio(bareRepeat / bareReady)} of its first)`,
  );
  log(`  service worker:                    ${sw}`);
  for (const lh of results.lighthouse) {
    log(
      `  Lighthouse ${lh.preset.padEnd(7)}: performance ${lh.scores.performance ?? 'n/a'}, ` +
        `accessibility ${lh.scores.accessibility ?? 'n/a'}, best practices ` +
        `${lh.scores['best-practices'] ?? 'n/a'} (FCP ${ms(lh.metrics.fcpMs)}, LCP ` +
        `${ms(lh.metrics.lcpMs)}, TBT ${ms(lh.metrics.tbtMs)}, CLS ${lh.metrics.cls.toFixed(3)}; ` +
        `CPU benchmark index ${Math.round(lh.benchmarkIndex)}; ${(lh.ms / 1000).toFixed(0)} s)`,
    );
    if (lh.failing.length > 0) log(`    below 90 in: ${lh.failing.join(', ')}`);
    for (const warning of lh.warnings) log(`    warning: ${warning}`);
  }
  if (results.lighthouse.length === 0) log(`  Lighthouse: ${results.lighthouseNote}`);

  const problems = [...new Set([...game, ...bare].flatMap((r) => r.problems))];
  for (const p of heap?.problems ?? []) if (!problems.includes(p)) problems.push(p);
  if (problems.length > 0) {
    log('');
    log(`The pages reported ${problems.length} distinct problem(s) (figures may be off):`);
    for (const p of problems.slice(0, 20)) log(`  ${p}`);
  }

  const rows: Row[] = [
    {
      figure: 'bytes over the wire to first screen',
      game: kb(gameBytes),
      bare: kb(bareBytes),
      ratio: ratio(gameBytes / bareBytes),
      target: '',
      verdict: '',
    },
    {
      figure: 'first screen ready (app-ready)',
      game: ms(gameReady),
      bare: ms(bareReady),
      ratio: ratio(firstScreen),
      target: `<= ${TARGET.firstScreen}x`,
      verdict: verdict(firstScreen <= TARGET.firstScreen),
    },
    {
      figure: 'first scenario ready',
      game: ms(gameScenario),
      bare: `${ms(bareReady)} (app-ready)`,
      ratio: ratio(firstScenario),
      target: `<= ${TARGET.firstScenario}x`,
      verdict: verdict(firstScenario <= TARGET.firstScenario),
    },
    {
      figure: 'first choice shown (story paced, for reference)',
      game: ms(gameFirstChoice),
      bare: '',
      ratio: '',
      target: '',
      verdict: '',
    },
    {
      figure: 'frames per second in a chat scenario',
      game: showFps(gameFps),
      bare: showFps(bareFps),
      ratio: ratio(fpsRatio),
      target: `>= ${1 - TARGET.fpsWithin}x`,
      verdict: verdict(fpsRatio >= 1 - TARGET.fpsWithin),
    },
    {
      figure: `JS heap after all ${results.scenarios} scenarios in a row`,
      game: mb(heapAll),
      bare: `${mb(bareHeap)} (loaded)`,
      ratio: ratio(heapAll / bareHeap),
      target: '',
      verdict: '',
    },
    {
      figure: `JS heap growth over ${plays} more plays`,
      game: percent(growth),
      bare: '',
      ratio: '',
      target: `< ${TARGET.heapGrowth * 100}%`,
      verdict: heap ? verdict(growth < TARGET.heapGrowth) : '',
    },
    {
      figure: 'repeat visit (app-ready)',
      game: `${ms(gameRepeat)} (${controlled > 0 ? 'service worker' : 'HTTP cache, no SW'})`,
      bare: ms(bareRepeat),
      ratio: `${ratio(repeatRatio)} of first`,
      target: `< ${TARGET.repeatVisit}x first`,
      verdict: verdict(repeatRatio < TARGET.repeatVisit),
    },
    ...results.lighthouse.map(
      (lh): Row => ({
        figure: `Lighthouse ${lh.preset} (perf / a11y / best practices)`,
        game: `${lh.scores.performance ?? '-'} / ${lh.scores.accessibility ?? '-'} / ${lh.scores['best-practices'] ?? '-'}`,
        bare: '',
        ratio: '',
        target: '',
        verdict: '',
      }),
    ),
  ];
  log('');
  log(
    `Table (median of ${loads}; Chromium, ${CPU_SLOWDOWN}x CPU slowdown, ${NETWORK.latency} ms ` +
      `RTT, ${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s; gzip static server):`,
  );
  log('');
  log(rowsTable(rows));
}

async function main(): Promise<void> {
  const started = performance.now();
  process.chdir(ROOT);
  const runs = wholeNumber('BENCH_RUNS', 5);
  const plays = wholeNumber('BENCH_PLAYS', 20);
  const withLighthouse = process.env.BENCH_LIGHTHOUSE !== '0';
  const walks = bestWalks(ROOT);

  log('Red Flags: load and play benchmark (the game against a bare Phaser 4 page)');
  console.error('building the game and the bare page with vite ...');
  const game = await buildGame(ROOT, join(OUT, 'game'));
  const bare = await buildBare(join(OUT, 'bare-src'), join(OUT, 'bare'));
  log(describeBuild('game', game));
  log(describeBuild('bare', bare));

  const servers: StaticServer[] = [];
  let browser: Browser | undefined;
  try {
    const gameServer = await serveStatic(game.dir);
    servers.push(gameServer);
    const bareServer = await serveStatic(bare.dir);
    servers.push(bareServer);
    const chromium = await launchBrowser();
    browser = chromium;
    log(`  served (gzip, own static server): game ${gameServer.url}, bare ${bareServer.url}`);
    log(`  browser: Chromium ${chromium.version()} (${CHROME_PATH}), headless`);
    log(
      `  machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} ` +
        '(other work on the machine slows every figure; compare with the bare page of the same run)',
    );
    log(
      `  each load: a fresh context, CPU ${CPU_SLOWDOWN}x slower, ${NETWORK.latency} ms RTT, ` +
        `${(NETWORK.downloadThroughput * 8) / 1e6} Mbit/s down and up; ${runs} loads each, ` +
        `game and bare page in turn`,
    );

    const gameRuns: LoadRun[] = [];
    const bareRuns: LoadRun[] = [];
    // A load that fails (a timeout, a page that broke) is reported and left out of the medians.
    const attempt = async (
      label: string,
      n: number,
      run: () => Promise<LoadRun>,
      game: boolean,
    ) => {
      try {
        const result = await run();
        log(describeRun(label, n, result, game));
        return [result];
      } catch (error) {
        log(`  ${label} run ${n} FAILED: ${(error as Error).message}`);
        return [];
      }
    };
    for (let n = 1; n <= runs; n++) {
      gameRuns.push(...(await attempt('game', n, () => gameRun(chromium, gameServer.url), true)));
      bareRuns.push(...(await attempt('bare', n, () => bareRun(chromium, bareServer.url), false)));
    }
    if (gameRuns.length === 0 || bareRuns.length === 0) {
      throw new Error(`every ${gameRuns.length === 0 ? 'game' : 'bare page'} load failed`);
    }
    log(`  (loads done at ${elapsed(started)})`);

    let heap: HeapRun | undefined;
    let heapError: string | undefined;
    log(
      `  heap run: the best walks of all ${walks.length} scenarios in a row, then ${plays} more ` +
        `plays round the scenarios; reduced motion, DOM clicks, no CPU or network handicap, ` +
        `a full GC before each reading`,
    );
    try {
      heap = await heapPlays(
        chromium,
        gameServer.url,
        walks,
        plays,
        (phase, n, scenario, bytes) => {
          if (phase === 'round' && n === walks.length) {
            log(`    every scenario played once (${n}, last ${scenario}): ${mb(bytes)}`);
          } else if (phase === 'measured' && (n === 1 || n === plays || n % 5 === 0)) {
            log(`    play ${n} (${scenario}): ${mb(bytes)}`);
          }
        },
      );
      log(`  (heap run took ${(heap.ms / 1000).toFixed(0)} s; done at ${elapsed(started)})`);
    } catch (error) {
      heapError = (error as Error).message;
      log(`  heap run failed: ${heapError}`);
    }
    await chromium.close();
    browser = undefined;

    const lighthouse: LighthouseScores[] = [];
    let lighthouseNote = 'skipped (BENCH_LIGHTHOUSE=0)';
    if (withLighthouse) {
      for (const preset of ['mobile', 'desktop'] as const) {
        try {
          lighthouse.push(await runLighthouse(gameServer.url, CHROME_PATH, preset));
        } catch (error) {
          lighthouseNote = `failed: ${(error as Error).message}`;
          log(`  Lighthouse ${preset} failed: ${(error as Error).message}`);
        }
      }
      log(`  (Lighthouse done at ${elapsed(started)})`);
    }

    summarize(
      {
        game: gameRuns,
        bare: bareRuns,
        heap,
        heapError,
        scenarios: walks.length,
        lighthouse,
        lighthouseNote,
      },
      runs,
    );
    log('');
    log(`whole run: ${elapsed(started)} (load average at the end ${loadavg()[0]?.toFixed(1)})`);
  } finally {
    await browser?.close();
    for (const server of servers) await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
