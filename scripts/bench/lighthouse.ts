/**
 * Lighthouse through its Node API against the served game, with the same Chromium the browser
 * tests use, launched here with a DevTools port (headless, WebGL through SwiftShader, and the
 * flags that keep Chromium off the network on this closed machine). One run per preset:
 * mobile (Lighthouse's default: a mid-range phone, simulated slow 4G, 4x CPU) and desktop.
 * Lighthouse is imported only when it runs, so `BENCH_LIGHTHOUSE=0` never loads it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_FLAGS } from '../../tests/browser/support/browser';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

/** The browser tests' flags (tests/browser/support/browser.ts), plus what Lighthouse needs. */
const FLAGS = [
  ...CHROMIUM_FLAGS,
  '--headless=new',
  '--enable-unsafe-swiftshader',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--mute-audio',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider',
];

export interface LighthouseScores {
  readonly preset: 'mobile' | 'desktop';
  /** 0-100 per category, or null when Lighthouse could not score it. */
  readonly scores: Record<(typeof CATEGORIES)[number], number | null>;
  readonly metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number };
  /** Audits that did not fully pass in these categories ("category: audit-id"). */
  readonly failing: readonly string[];
  /** Lighthouse's own CPU benchmark of the machine (a busy or slow machine scores low). */
  readonly benchmarkIndex: number;
  readonly warnings: readonly string[];
  readonly ms: number;
}

async function launch(chromePath: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'red-flags-lighthouse-'));
  const child: ChildProcess = spawn(
    chromePath,
    [...FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group, so that stopping it stops its helper processes too: they
    // outlive the browser process by a moment and keep writing the profile folder.
    { stdio: 'ignore', detached: true },
  );
  const signalAll = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group has already gone.
    }
  };
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      signalAll('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    }
    signalAll('SIGKILL');
    // Never let a leftover temporary folder throw away the scores just measured.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.error(`Lighthouse: could not remove ${profile}: ${(error as Error).message}`);
    }
  };
  // Chromium writes the port it chose to DevToolsActivePort in its profile.
  const file = join(profile, 'DevToolsActivePort');
  for (let waited = 0; waited < 20_000; waited += 100) {
    if (child.exitCode !== null) break;
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
      if (port > 0) return { port, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Lighthouse: ${chromePath} did not open a DevTools port within 20 s`);
}

export async function runLighthouse(
  url: string,
  chromePath: string,
  preset: 'mobile' | 'desktop',
): Promise<LighthouseScores> {
  const started = performance.now();
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chrome = await launch(chromePath);
  try {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        disableFullPageScreenshot: true,
        maxWaitForLoad: 60_000,
      },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse (${preset}) returned no result`);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw new Error(
        `Lighthouse (${preset}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
      );
    }
    const score = (id: string) => {
      const value = lhr.categories[id]?.score;
      return typeof value === 'number' ? Math.round(value * 100) : null;
    };
    const failing = CATEGORIES.flatMap((category) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .filter((ref) => {
          const audit = lhr.audits[ref.id];
          return audit && typeof audit.score === 'number' && audit.score < 0.9;
        })
        .map((ref) => `${category}: ${ref.id}`),
    );
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      preset,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
      },
      metrics: {
        fcpMs: metric('first-contentful-paint'),
        lcpMs: metric('largest-contentful-paint'),
        tbtMs: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
      },
      failing,
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? Number.NaN,
      warnings: lhr.runWarnings.map(String),
      ms: performance.now() - started,
    };
  } finally {
    await chrome.stop();
  }
}
