/**
 * Teacher-import benchmark: how long a teacher waits between picking 1,000 results files and
 * seeing the class dashboard. It prints figures; it is not a test and exits 0 whether the
 * target is met or not (1 only when something crashed or the import did not do its work).
 *
 *   npx tsx scripts/bench-teacher.ts [--no-build] [--runs N] [--files N]
 *
 * 1. Builds the game (`npx vite build`) unless --no-build, and serves dist/ on 127.0.0.1 with
 *    vite's preview server, as the browser tests do.
 * 2. Makes the results files in memory with the real engine: each a different student, with 1
 *    to 3 scenarios played by random (seeded) choices and sometimes a spot check.
 * 3. In headless Chromium (/usr/bin/chromium or CHROME_PATH, launched with the browser tests'
 *    flags), per run and in a fresh browser context (so a fresh IndexedDB): creates a class in teacher mode, gives the file picker
 *    every file at once, and reads performance.measure('import-start' ->
 *    'import-dashboard-ready'), the marks the class screen sets around its import. It also
 *    reads, from the page, the records stored for the class and the students the dashboard
 *    shows, so the figures come from an import that did the whole work.
 * 4. The same for one file, as a baseline that shows how noisy the machine is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { preview } from 'vite';
import {
  CONFIDENCES,
  createResult,
  FORMS,
  ScenarioRunner,
  SpotCheckSession,
  VERDICTS,
} from '../src/engine/index';
import type { StoredResult } from '../src/teacher/records';
import { createPayload, encodeFile, fileName } from '../src/teacher/transfer';
import { CHROME_PATH, launchBrowser, openGame } from '../tests/browser/support/browser';
import { realScenario, realSpotCheck } from '../tests/fixtures/class-records';
import { fakeClock, SCHOOL_MORNING } from '../tests/fixtures/clock';
import { ROOT, scenarioFolders } from './lib/scenario-files';

const TARGET_MS = 1000;
interface Options {
  readonly build: boolean;
  readonly runs: number;
  readonly files: number;
}

function parseArgs(argv: readonly string[]): Options {
  let build = true;
  let runs = 5;
  let files = 1000;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const count = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a whole number`);
      return value;
    };
    if (arg === '--no-build') build = false;
    else if (arg === '--runs') runs = count('--runs');
    else if (arg === '--files') files = count('--files');
    else throw new Error(`unknown argument ${arg} (use --no-build, --runs N, --files N)`);
  }
  return { build, runs, files };
}

/* ----------------------------------------------------------------------------------------- */
/* The students' results, played with the real engine                                         */

/** A small seeded generator (mulberry32), so every run imports the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Ana',
  'Ben',
  'Cy',
  'Dee',
  'Eli',
  'Zoé',
  'Léa',
  'Noah',
  'Mei',
  'Seat',
  'Amir',
  'Ola',
];
const LOCALES = ['en', 'fr', 'zh-Hans'];

interface Student {
  readonly student: string;
  readonly results: StoredResult[];
}

function makeStudents(count: number): Student[] {
  const rand = random(20260908);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const ids = scenarioFolders().map((folder) => folder.split(/[\\/]/).pop() ?? '');
  const scenarios = ids.map((id) => realScenario(id));
  const spotCheck = realSpotCheck();
  const students: Student[] = [];
  for (let i = 0; i < count; i++) {
    const student = `${NAMES[i % NAMES.length]} ${i + 1}`;
    const locale = pick(LOCALES);
    const start = SCHOOL_MORNING + i * 60_000;
    const results: StoredResult[] = [];
    const played = [...scenarios].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 3));
    for (const [n, scenario] of played.entries()) {
      const clock = fakeClock(start + n * 3_600_000);
      const runner = new ScenarioRunner(scenario, { now: clock.now });
      runner.start();
      for (let step = 0; runner.state === 'waiting-for-choice'; step++) {
        if (step > 200) throw new Error(`${scenario.id}: a random walk did not end`);
        clock.advance(3_000 + Math.floor(rand() * 30_000));
        runner.choose(pick(runner.availableChoices()).id);
      }
      results.push(createResult(runner, { id: `bench-${i}-${scenario.id}`, locale }));
    }
    // Sometimes the spot check: before only, or before and after on the two forms.
    const spot = rand();
    if (spot < 0.5) {
      const first = pick(FORMS);
      const phases = spot < 0.2 ? (['before', 'after'] as const) : (['before'] as const);
      for (const [n, phase] of phases.entries()) {
        const form = n === 0 ? first : first === 'A' ? 'B' : 'A';
        const clock = fakeClock(start - 600_000 + n * 7_200_000);
        const session = new SpotCheckSession(spotCheck, form, phase, { now: clock.now });
        while (session.current) {
          clock.advance(2_000 + Math.floor(rand() * 8_000));
          session.answer(pick(VERDICTS), pick(CONFIDENCES));
        }
        results.push(session.result({ id: `bench-${i}-spot-${phase}`, locale }));
      }
    }
    students.push({ student, results });
  }
  return students;
}

interface ResultsFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** The students' results files for a class (its code is only known once it is created). */
function filesFor(classCode: string, students: readonly Student[]): ResultsFile[] {
  const now = new Date(SCHOOL_MORNING + 86_400_000);
  return students.map(({ student, results }) => {
    const payload = createPayload({ classCode, student, results, now });
    return {
      name: fileName(payload),
      mimeType: 'application/json',
      buffer: Buffer.from(encodeFile(payload)),
    };
  });
}

/* ----------------------------------------------------------------------------------------- */
/* One import in a fresh browser context                                                      */

interface RunResult {
  /** performance.measure('import-start' -> 'import-dashboard-ready'). */
  readonly importMs: number;
  /** From 'import-start' to the end of the next frame after the dashboard was built. */
  readonly frameMs: number;
  readonly storedRecords: number;
  readonly dashboardStudents: number;
  readonly perStudentRows: number;
  readonly filesAdded: number;
  readonly filesRefused: number;
}

async function createClass(page: Page): Promise<string> {
  await page.locator('.teacher-settings summary').click();
  await page.locator('[data-open="teacher"]').click();
  await page.getByLabel('Class name').fill('Benchmark 9A');
  await page.getByRole('button', { name: 'Create the class' }).click();
  await page.locator('.dashboard').waitFor();
  const code = (await page.locator('.class-code .code').textContent()) ?? '';
  if (!/^[A-HJKMNP-Z2-9]{6}$/.test(code)) throw new Error(`no class code on the page: "${code}"`);
  return code;
}

async function importRun(
  browser: Browser,
  baseUrl: string,
  students: readonly Student[],
): Promise<RunResult> {
  // As the browser tests open the game: console errors, uncaught errors and requests to other
  // origins are noted in `problems`, and any of them stops the benchmark.
  const { context, page, problems } = await openGame(browser, { baseUrl });
  try {
    const code = await createClass(page);
    const files = filesFor(code, students);
    // When the dashboard is built, note when the next frame (style, layout, paint) is done too.
    await page.evaluate(() => {
      new PerformanceObserver((list, observer) => {
        if (!list.getEntriesByName('import-dashboard-ready').length) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => performance.mark('bench-next-frame')));
      }).observe({ type: 'mark' });
    });
    await page.getByLabel('Results files').setInputFiles(files);
    await page.waitForFunction(() => performance.getEntriesByName('bench-next-frame').length > 0, {
      timeout: 300_000,
    });
    const { importMs, frameMs } = await page.evaluate(() => ({
      importMs: performance.measure('bench-import', 'import-start', 'import-dashboard-ready')
        .duration,
      frameMs: performance.measure('bench-frame', 'import-start', 'bench-next-frame').duration,
    }));
    const storedRecords = await page.evaluate(
      (classCode) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('red-flags');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db
              .transaction('results')
              .objectStore('results')
              .index('byClass')
              .count(classCode);
            request.onsuccess = () => {
              db.close();
              resolve(request.result);
            };
            request.onerror = () => reject(request.error);
          };
        }),
      code,
    );
    const overview = (await page.locator('.dashboard').textContent()) ?? '';
    const count = /(\d+) student\(s\) with results\./.exec(overview);
    const perStudentRows = await page
      .locator('.dashboard table', {
        has: page.locator('caption', { hasText: 'Latest safety score per student' }),
      })
      .locator('tbody tr')
      .count();
    const result: RunResult = {
      importMs,
      frameMs,
      storedRecords,
      dashboardStudents: count ? Number(count[1]) : -1,
      perStudentRows,
      filesAdded: await page.locator('.import-report .import-ok').count(),
      filesRefused: await page.locator('.import-report .import-error').count(),
    };
    if (problems.length > 0) throw new Error(`the page reported:\n  ${problems.join('\n  ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/* ----------------------------------------------------------------------------------------- */
/* Figures                                                                                     */

function stats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

const ms = (value: number) => `${Math.round(value)} ms`;
const summary = (values: readonly number[]) => {
  const s = stats(values);
  return `median ${ms(s.median)}, min ${ms(s.min)}, max ${ms(s.max)}`;
};

/** Runs `runs` imports of these students' files, checking that each did the whole work. */
async function measure(
  label: string,
  browser: Browser,
  baseUrl: string,
  students: readonly Student[],
  runs: number,
): Promise<RunResult[]> {
  const expectedRecords = students.reduce((sum, s) => sum + s.results.length, 0);
  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    const r = await importRun(browser, baseUrl, students);
    console.log(
      `  ${label} run ${run}: ${ms(r.importMs)} (next frame drawn ${ms(r.frameMs)}); ` +
        `${r.storedRecords} records stored, ${r.dashboardStudents} students on the dashboard ` +
        `(${r.perStudentRows} per-student rows), ${r.filesAdded} files added, ` +
        `${r.filesRefused} refused`,
    );
    const wrong = [
      r.storedRecords !== expectedRecords &&
        `${r.storedRecords} records stored, ${expectedRecords} sent`,
      r.dashboardStudents !== students.length &&
        `${r.dashboardStudents} students on the dashboard, ${students.length} sent`,
      r.perStudentRows !== students.length &&
        `${r.perStudentRows} per-student rows, ${students.length} students sent`,
      r.filesAdded !== students.length && `${r.filesAdded} files added, ${students.length} sent`,
    ].filter(Boolean);
    if (wrong.length > 0) throw new Error(`the import did not do its work: ${wrong.join('; ')}`);
    results.push(r);
  }
  return results;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) {
    console.error('building: npx vite build');
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 2, 2],
    });
    if (built.status !== 0) throw new Error('npx vite build failed');
  }
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('no build in dist/: run without --no-build');
  }

  const made = performance.now();
  const students = makeStudents(options.files);
  const scenarioResults = students.reduce(
    (sum, s) => sum + s.results.filter((r) => r.format === 'red-flags/scenario-result').length,
    0,
  );
  const spotResults = students.reduce((sum, s) => sum + s.results.length, 0) - scenarioResults;
  const bytes = filesFor('ABCDEF', students).reduce((sum, f) => sum + f.buffer.byteLength, 0);

  const server = await preview({
    root: ROOT,
    configFile: false,
    base: './',
    logLevel: 'silent',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('the preview server did not report its address');
  const browser = await launchBrowser();
  try {
    console.log('Red Flags: teacher import benchmark');
    console.log(`  build: ${options.build ? 'npx vite build' : 'dist/ as it is (--no-build)'}`);
    console.log(`  served: ${baseUrl} (vite preview)`);
    console.log(`  browser: Chromium ${browser.version()} (${CHROME_PATH}), headless`);
    console.log(
      `  files: ${students.length} results files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ` +
        `${scenarioResults} scenario results and ${spotResults} spot checks ` +
        `(made in ${ms(performance.now() - made)})`,
    );
    console.log(
      `  each run: a fresh browser context, a new class, every file given to the picker at once`,
    );

    const baseline = await measure('1 file', browser, baseUrl, students.slice(0, 1), options.runs);
    const full = await measure(
      `${students.length} files`,
      browser,
      baseUrl,
      students,
      options.runs,
    );

    const median = stats(full.map((r) => r.importMs)).median;
    console.log('');
    console.log(`baseline, import 1 file:       ${summary(baseline.map((r) => r.importMs))}`);
    console.log(
      `import ${students.length} files:`.padEnd(31) + summary(full.map((r) => r.importMs)),
    );
    console.log(`  to the next frame drawn:     ${summary(full.map((r) => r.frameMs))}`);
    console.log(
      `  every run stored ${full[0]?.storedRecords} records and showed ` +
        `${full[0]?.dashboardStudents} students on the dashboard`,
    );
    console.log(
      `teacher import (${students.length} files): median ${Math.round(median)} ms ` +
        `(target < ${TARGET_MS} ms): ${median < TARGET_MS ? 'PASS' : 'FAIL'}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
