/**
 * Private by construction, checked in the built game: a student plays every scenario (best walk)
 * and sends the results as a file, and the teacher imports it on another device. Every request
 * (pages and service worker alike) is logged: all of them go to the game's own origin, no
 * WebSocket opens, no cookie exists. Then the same session again with every other origin
 * blocked stores exactly the same results. And the Content Security Policy is live: the
 * things it forbids are refused, the game never trips it, and another site cannot frame it.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, storedRecords } from './support/browser';
import { type StaticHost, startStaticHost } from './support/static-host';
import {
  backToList,
  bestWalk,
  comparable,
  DIST,
  openWatched,
  playWalk,
  serviceWorkerReady,
  violations,
  type Watched,
  walkFiles,
} from './support/watch';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Session {
  readonly student: Watched;
  readonly teacher: Watched;
  readonly studentRecords: Awaited<ReturnType<typeof storedRecords>>;
  readonly teacherRecords: Awaited<ReturnType<typeof storedRecords>>;
  /** Requests to another origin that the route refused (always none, or the test fails). */
  readonly refused: string[];
  readonly sockets: string[];
}

/** Refuses every request that leaves the game's origin, as a locked-down school network would. */
async function blockOtherOrigins(context: BrowserContext, origin: string, refused: string[]) {
  await context.route(
    (url) => url.origin !== origin,
    (route) => {
      refused.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
}

function openBlocked(url: string, block: boolean, refused: string[]): Promise<Watched> {
  const origin = new URL(url).origin;
  return openWatched(browser, {
    url,
    // In place before the first request, for pages and the service worker alike.
    prepare: block ? (context) => blockOtherOrigins(context, origin, refused) : undefined,
  });
}

/** The addresses in the page's markup (src, href, poster, action): all must be its own. */
function foreignAddresses(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const foreign: string[] = [];
    for (const element of document.querySelectorAll('[src], [href], [poster], [action]')) {
      for (const name of ['src', 'href', 'poster', 'action']) {
        const value = element.getAttribute(name);
        if (!value) continue;
        const url = new URL(value, document.baseURI);
        if (url.protocol === 'data:' || url.protocol === 'blob:') continue;
        if (url.origin !== location.origin) foreign.push(`${element.tagName} ${name}=${value}`);
      }
    }
    return foreign;
  });
}

async function session(block: boolean): Promise<Session> {
  const url = inject('baseUrl');
  const refused: string[] = [];
  const sockets: string[] = [];
  const teacher = await openBlocked(url, block, refused);
  const student = await openBlocked(url, block, refused);
  for (const { page } of [teacher, student]) page.on('websocket', (ws) => sockets.push(ws.url()));

  await teacher.page.locator('.teacher-settings summary').click();
  await teacher.page.locator('[data-open="teacher"]').click();
  await teacher.page.getByLabel('Class name').fill('8C privacy');
  await teacher.page.getByRole('button', { name: 'Create the class' }).click();
  const code = (await teacher.page.locator('.class-code .code').textContent()) ?? '';
  expect(code).toMatch(/^\w{6}$/);

  const page = student.page;
  await page.locator('[data-open="join"]').click();
  await page.getByLabel('Class code').fill(code);
  await page.getByLabel('Nickname or seat number').fill('Seat 14');
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByText(`Playing as Seat 14, class ${code}`).waitFor();
  for (const file of walkFiles) {
    await playWalk(page, file.scenario, bestWalk(file.scenario).choices);
    expect(await foreignAddresses(page)).toEqual([]);
    await backToList(page);
  }
  await page.locator('[data-open="share"]').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save my results file' }).click(),
  ]);
  const resultsFile = readFileSync((await download.path()) ?? '', 'utf8');

  await teacher.page.getByLabel('Results files').setInputFiles({
    name: 'seat-14.json',
    mimeType: 'application/json',
    buffer: Buffer.from(resultsFile),
  });
  await teacher.page
    .getByText(`seat-14.json: Seat 14: ${walkFiles.length} result(s) added, 0 already here`)
    .waitFor();
  await teacher.page.locator('.dashboard').waitFor();
  expect(await foreignAddresses(teacher.page)).toEqual([]);
  // The worker has fetched everything it keeps: its requests are in the log too.
  await serviceWorkerReady(page);
  await serviceWorkerReady(teacher.page);

  return {
    student,
    teacher,
    studentRecords: await storedRecords(page),
    teacherRecords: await storedRecords(teacher.page),
    refused,
    sockets,
  };
}

/** Class codes are random: the same session makes the same records under another code. */
const sameClass = (records: Session['studentRecords']) =>
  comparable(records.map((r) => ({ ...r, classCode: r.classCode === null ? null : 'CLASS' })));

describe('privacy by construction', () => {
  it('sends nothing to any other origin, keeps no cookie, and works the same with other origins blocked', async () => {
    const origin = new URL(inject('baseUrl')).origin;
    const open = await session(false);
    const blocked = await session(true);
    try {
      for (const run of [open, blocked]) {
        for (const watched of [run.student, run.teacher]) {
          expect(watched.requests.length).toBeGreaterThan(10);
          const elsewhere = watched.requests.filter(
            (line) => new URL(line.slice(line.indexOf(' ') + 1)).origin !== origin,
          );
          expect(elsewhere).toEqual([]);
          expect(await watched.context.cookies()).toEqual([]);
          expect(await watched.page.evaluate(() => document.cookie)).toBe('');
          expect(await violations(watched.page)).toEqual([]);
          expect(watched.problems).toEqual([]);
        }
        expect(run.sockets).toEqual([]);
        expect(run.refused).toEqual([]);
      }
      // The service worker's own fetches are in the log: it precached the game from here.
      expect(open.student.requests.some((line) => /\/assets\/phaser-[\w-]+\.js$/.test(line))).toBe(
        true,
      );
      expect(open.studentRecords).toHaveLength(walkFiles.length);
      expect(open.teacherRecords).toHaveLength(walkFiles.length);
      expect(sameClass(blocked.studentRecords)).toEqual(sameClass(open.studentRecords));
      expect(sameClass(blocked.teacherRecords)).toEqual(sameClass(open.teacherRecords));
      expect(sameClass(open.teacherRecords)).toEqual(sameClass(open.studentRecords));
    } finally {
      for (const run of [open, blocked]) {
        await run.student.context.close();
        await run.teacher.context.close();
      }
    }
  }, 300_000);
});

describe('the Content Security Policy', () => {
  it('refuses inline script, eval, markup sinks and plugins, and reports each as a violation', async () => {
    const { context, page, problems } = await openWatched(browser, { url: inject('baseUrl') });
    await page.locator('[data-scenario-id]').first().waitFor();
    // The attempts run in a click handler, as the page's own code: code that DevTools evaluates
    // directly is exempt from the eval check, so it would prove nothing.
    await page.evaluate(() => {
      const outcomes: Record<string, string> = {};
      const attempt = (name: string, action: () => void) => {
        try {
          action();
          outcomes[name] = 'ran';
        } catch (error) {
          outcomes[name] = (error as Error).name;
        }
      };
      document.body.addEventListener(
        'click',
        () => {
          attempt('eval', () => {
            // biome-ignore lint/security/noGlobalEval: the test checks that the CSP refuses it
            eval('1 + 1');
          });
          attempt('function', () => new Function('return 1')());
          attempt('innerHTML', () => {
            document.createElement('div').innerHTML = '<b>markup</b>';
          });
          attempt('inline script', () => {
            const script = document.createElement('script');
            script.textContent = 'window.__inlineRan = true';
            document.head.append(script);
          });
          attempt('plugin', () => {
            const object = document.createElement('object');
            object.data = './favicon.svg';
            document.body.append(object);
          });
          (globalThis as { __attempts?: unknown }).__attempts = outcomes;
        },
        { once: true },
      );
    });
    await page.locator('body').click({ position: { x: 1, y: 1 } });
    const refused = await page.evaluate(() => (globalThis as { __attempts?: unknown }).__attempts);
    expect(refused).toEqual({
      eval: expect.stringMatching(/EvalError|TypeError/),
      function: expect.stringMatching(/EvalError|TypeError/),
      innerHTML: 'TypeError',
      'inline script': 'TypeError',
      plugin: 'TypeError',
    });
    expect(await page.evaluate(() => '__inlineRan' in globalThis)).toBe(false);
    // An image from elsewhere: refused and reported, never loaded.
    await page.evaluate(() => {
      const image = new Image();
      image.src = 'http://203.0.113.1/pixel.png';
      document.body.append(image);
    });
    await expect
      .poll(async () => (await violations(page)).map((v) => v.split(' ')[2]))
      .toEqual(expect.arrayContaining(['img-src', 'require-trusted-types-for']));
    // The listener this suite relies on hears violations, and they count as problems.
    expect(problems.some((p) => p.includes('CSP violation'))).toBe(true);
    await context.close();
  });

  it('with the headers file applied, plays a scenario and a teacher import without a violation, and refuses framing', async () => {
    const host: StaticHost = await startStaticHost({ dir: DIST, prefix: '/', headers: true });
    const { context, page, problems } = await openWatched(browser, { url: host.url });
    try {
      const response = await page.request.get(host.url);
      expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await page.locator('.teacher-settings summary').click();
      await page.locator('[data-open="teacher"]').click();
      await page.getByLabel('Class name').fill('CSP');
      await page.getByRole('button', { name: 'Create the class' }).click();
      const code = (await page.locator('.class-code .code').textContent()) ?? '';
      await page.getByRole('button', { name: 'Back to the classes' }).click();
      await page.getByRole('button', { name: 'Back to the game' }).click();
      await page.locator('[data-open="join"]').click();
      await page.getByLabel('Class code').fill(code);
      await page.getByLabel('Nickname or seat number').fill('Kim');
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.getByText(`Playing as Kim, class ${code}`).waitFor();
      // A full scenario: the phone (Phaser), sounds, pacing, the debrief.
      await playWalk(
        page,
        'foreign-police-video-call',
        bestWalk('foreign-police-video-call').choices,
      );
      await backToList(page);
      await page.locator('[data-open="share"]').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Save my results file' }).click(),
      ]);
      const file = readFileSync((await download.path()) ?? '', 'utf8');
      await page.getByRole('button', { name: 'Back to the scenarios' }).click();
      await page.locator('.teacher-settings summary').click();
      await page.locator('[data-open="teacher"]').click();
      await page.locator(`[data-class-code="${code}"]`).click();
      await page.getByLabel('Results files').setInputFiles({
        name: 'kim.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file),
      });
      await page.getByText('kim.json: Kim: 0 result(s) added, 1 already here').waitFor();
      await page.locator('.dashboard').waitFor();
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);

      // Another page tries to show the game in a frame: the browser refuses.
      const framer = await context.newPage();
      const refusals: string[] = [];
      framer.on('console', (message) => refusals.push(message.text()));
      await framer.setContent(`<iframe src="${host.url}" title="game"></iframe>`);
      await expect.poll(() => refusals.join('\n')).toContain("frame-ancestors 'none'");
      expect(host.requests.filter((r) => r === 'GET /').length).toBeGreaterThan(0);
    } finally {
      await context.close();
      await host.close();
    }
  });
});
