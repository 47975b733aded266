/**
 * Teacher mode in real browsers: a teacher creates a class; students on their own devices
 * (separate browser contexts) join it, play, and send their results by code and by file; one
 * student plays on the teacher's own device. The dashboard's numbers must equal what was
 * played, bad files must be refused by name without changing stored data, and the CSV export
 * must hold every result.
 */
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  openGame,
  startScenario,
  storedRecords,
  type WatchedPage,
} from './support/browser';

const ROOT = joinPath(import.meta.dirname, '..', '..');
const SCENARIO = 'toronto-police-call';
const walks = JSON.parse(
  readFileSync(joinPath(ROOT, 'tests', 'walks', `${SCENARIO}.json`), 'utf8'),
) as {
  walks: { name: string; kind: string; choices: string[]; score: number }[];
};
const BEST_SCORE = 7;
const walk = (name: string) => {
  const found = walks.walks.find((w) => w.name.startsWith(name));
  if (!found) throw new Error(`no walk "${name}"`);
  return found;
};

let browser: Browser;
const opened: WatchedPage[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<WatchedPage> {
  const watched = await openGame(browser, { baseUrl: inject('baseUrl') });
  opened.push(watched);
  return watched;
}

async function join(page: Page, code: string, nickname: string): Promise<void> {
  await page.locator('[data-open="join"]').click();
  await page.getByLabel('Class code').fill(code);
  await page.getByLabel('Nickname or seat number').fill(nickname);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await page.getByText(`Playing as ${nickname}, class ${code}`).waitFor();
}

async function play(page: Page, choices: readonly string[]): Promise<void> {
  await startScenario(page, SCENARIO);
  for (const choice of choices) {
    const button = page.locator(
      `.choices:not([hidden]) [data-choice-id="${choice}"]:not([disabled])`,
    );
    await button.waitFor();
    await button.click();
  }
  await page.locator('.debrief').waitFor();
  await page.getByRole('button', { name: 'Back to the scenarios' }).click();
}

async function openClass(page: Page, code: string): Promise<void> {
  await page.locator('.teacher-settings summary').click();
  await page.locator('[data-open="teacher"]').click();
  await page.locator(`[data-class-code="${code}"]`).click();
  await page.locator('.dashboard').waitFor();
}

/** The overview row of a scenario: [students, average, safe, costly, harmed]. */
async function overviewRow(page: Page, title: string): Promise<string[]> {
  const row = page
    .locator('.dashboard table')
    .first()
    .locator('tr', { has: page.getByRole('rowheader', { name: title, exact: true }) });
  return row.locator('td').allTextContents();
}

describe('a class gathered on the teacher device', () => {
  it('adds up what several students played, moved by code and by file', async () => {
    const teacher = await open();
    await teacher.page.locator('.teacher-settings summary').click();
    await teacher.page.locator('[data-open="teacher"]').click();
    await teacher.page.getByLabel('Class name').fill('8B period 3');
    await teacher.page.getByRole('button', { name: 'Create the class' }).click();
    const code = (await teacher.page.locator('.class-code .code').textContent()) ?? '';
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);

    // Ana on her own device sends a code; Ben saves a file; Cy plays on the teacher's device.
    const best = walk('best path: hang up at the opening');
    const worst = walk('worst path');
    const mixed = walk('mixed: doubts');
    const ana = await open();
    await join(ana.page, code.toLowerCase(), 'Ana');
    await play(ana.page, best.choices);
    await ana.page.locator('[data-open="share"]').click();
    const anaCode = await ana.page.locator('#share-code').inputValue();
    expect(anaCode).toMatch(/^RF1\./);
    await expect
      .poll(() => ana.page.getByRole('img', { name: 'QR code with your results' }).count())
      .toBe(1);

    const ben = await open();
    await join(ben.page, code, 'Ben 12');
    await play(ben.page, worst.choices);
    await ben.page.locator('[data-open="share"]').click();
    const [download] = await Promise.all([
      ben.page.waitForEvent('download'),
      ben.page.getByRole('button', { name: 'Save my results file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^red-flags-${code}-ben-12-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const benFile = readFileSync((await download.path()) ?? '', 'utf8');

    await teacher.page.getByRole('button', { name: 'Back to the classes' }).click();
    await teacher.page.getByRole('button', { name: 'Back to the game' }).click();
    await join(teacher.page, code, 'Cy');
    await play(teacher.page, mixed.choices);
    await openClass(teacher.page, code);

    const page = teacher.page;
    await page.getByLabel('A results code').fill(anaCode);
    await page.getByRole('button', { name: 'Add this code' }).click();
    await page.getByText('Ana: 1 result(s) added, 0 already here').waitFor();
    await page.getByLabel('Results files').setInputFiles({
      name: 'ben.json',
      mimeType: 'application/json',
      buffer: Buffer.from(benFile),
    });
    await page.getByText('ben.json: Ben 12: 1 result(s) added, 0 already here').waitFor();
    // The same file again changes nothing.
    await page.getByLabel('Results files').setInputFiles({
      name: 'ben-again.json',
      mimeType: 'application/json',
      buffer: Buffer.from(benFile),
    });
    await page.getByText('ben-again.json: Ben 12: 0 result(s) added, 1 already here').waitFor();

    const percent = (score: number) =>
      Math.round((100 * Math.min(Math.max(score, 0), BEST_SCORE)) / BEST_SCORE);
    const average = Math.round(
      (percent(best.score) + percent(worst.score) + percent(mixed.score)) / 3,
    );
    await expect
      .poll(() => overviewRow(page, 'A call from "Toronto Police"'))
      .toEqual(['3', `${average}%`, '1', '1', '1']);
    // "Answer it" was the first choice of all three walks.
    const answered = page.locator('table', {
      has: page.locator('caption', { hasText: 'The screen says "Toronto Police"' }),
    });
    expect(
      await answered.locator('tr', { hasText: 'Answer it' }).locator('td').first().textContent(),
    ).toBe('3');

    // Projector view: fewer than 3 students behind a breakdown hides it, and no nickname shows.
    await page.getByRole('button', { name: 'Projector view' }).click();
    // The dashboard redraws after the click: wait until the per-student table is gone.
    await expect.poll(() => page.locator('.dashboard').textContent()).not.toContain('Per student');
    const projected = (await page.locator('.dashboard').textContent()) ?? '';
    for (const nickname of ['Ana', 'Ben 12', 'Cy']) expect(projected).not.toContain(nickname);
    expect(await overviewRow(page, 'A call from "Toronto Police"')).toEqual([
      '3',
      `${average}%`,
      '1',
      '1',
      '1',
    ]);
    expect(projected).toContain('Hidden: fewer than 3 students.');
    await page.getByRole('button', { name: 'Projector view' }).click();

    // The CSV export holds one row per student and scenario.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Results (CSV, one row per student and scenario)' }).click(),
    ]);
    const text = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(4);

    for (const watched of [teacher, ana, ben]) expect(watched.problems).toEqual([]);
  });

  it('refuses bad files and codes by name, asks before another class, and changes nothing', async () => {
    const teacher = await open();
    const page = teacher.page;
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.getByLabel('Class name').fill('7A');
    await page.getByRole('button', { name: 'Create the class' }).click();
    const code = (await page.locator('.class-code .code').textContent()) ?? '';

    // A good file from a student of another class, to damage in several ways.
    const student = await open();
    await join(student.page, 'ABCDEF', 'Dee');
    await play(student.page, walk('best path: hang up at the opening').choices);
    await student.page.locator('[data-open="share"]').click();
    const [download] = await Promise.all([
      student.page.waitForEvent('download'),
      student.page.getByRole('button', { name: 'Save my results file' }).click(),
    ]);
    const good = readFileSync((await download.path()) ?? '', 'utf8');
    const payload = JSON.parse(good);
    const future = { ...payload, schemaVersion: 2 };
    const tampered = good.replace('"safe"', '"harmed"');
    const before = await storedRecords(page);

    const files = [
      { name: 'empty.json', buffer: Buffer.alloc(0) },
      { name: 'truncated.json', buffer: Buffer.from(good.slice(0, good.length / 2)) },
      {
        name: 'picture.json',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      },
      { name: 'future.json', buffer: Buffer.from(JSON.stringify(future)) },
      { name: 'tampered.json', buffer: Buffer.from(tampered) },
      {
        name: 'proto.json',
        buffer: Buffer.from('{"__proto__": {"polluted": true}, "format": "red-flags/transfer"}'),
      },
      { name: 'huge.json', buffer: Buffer.alloc(6 * 1024 * 1024, 0x20) },
    ];
    await page
      .getByLabel('Results files')
      .setInputFiles(files.map((f) => ({ ...f, mimeType: 'application/json' })));
    const expected: Record<string, string> = {
      'empty.json': 'the file is empty.',
      'truncated.json': 'this is not a results file or code',
      'picture.json': 'this is not a results file (it looks like a picture',
      'future.json': 'Update the app on this device',
      'tampered.json': 'this file or code is damaged',
      'proto.json': 'this file is not from Red Flags.',
      'huge.json': 'the file is too large',
    };
    for (const [name, message] of Object.entries(expected)) {
      await expect
        .poll(() => page.locator('.import-error', { hasText: `${name}:` }).textContent())
        .toContain(message);
    }
    await page.getByLabel('A results code').fill('RF1.abcdefghijklmnop.00000000');
    await page.getByRole('button', { name: 'Add this code' }).click();
    await expect
      .poll(() => page.locator('.import-error', { hasText: 'Pasted code:' }).textContent())
      .toContain('damaged');
    expect(await storedRecords(page)).toEqual(before);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty(
      'polluted',
    );

    // The good file belongs to another class: nothing goes in until the teacher says so.
    await page
      .getByLabel('Results files')
      .setInputFiles({ name: 'dee.json', mimeType: 'application/json', buffer: Buffer.from(good) });
    await page
      .getByText('dee.json comes from another class (ABCDEF). Import it into this class anyway?')
      .waitFor();
    expect(await storedRecords(page)).toEqual(before);
    await page.getByRole('button', { name: 'Import it here' }).click();
    await page.getByText('dee.json: Dee: 1 result(s) added, 0 already here').waitFor();
    const after = await storedRecords(page);
    expect(after.filter((r) => r.classCode === code).map((r) => r.student)).toEqual(['Dee']);

    expect(teacher.problems).toEqual([]);
    expect(student.problems).toEqual([]);
  });
});

describe('joining a class', () => {
  it('refuses a bad code and nicknames with HTML, direction overrides or 10,000 characters', async () => {
    const { page, problems } = await open();
    await page.locator('[data-open="join"]').click();
    await page.getByText('Do not use your real name.').waitFor();
    const cases: [string, string, string][] = [
      ['NOPE', 'Sam', 'That is not a class code.'],
      ['K7MPQ2', '<b>Sam</b>', 'Use only letters, numbers'],
      ['K7MPQ2', 'Sam\u202Eevil', 'Use only letters, numbers'],
      ['K7MPQ2', '   ', 'Type a nickname or your seat number.'],
    ];
    for (const [code, nickname, message] of cases) {
      await page.getByLabel('Class code').fill(code);
      await page.getByLabel('Nickname or seat number').fill(nickname);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await expect.poll(() => page.locator('.join').textContent()).toContain(message);
    }
    // The field stops typing at 40 characters; a longer name still gets a clear message.
    await page.getByLabel('Nickname or seat number').evaluate((input: HTMLInputElement) => {
      input.removeAttribute('maxlength');
      input.value = 'a'.repeat(10_000);
    });
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await expect
      .poll(() => page.locator('.join').textContent())
      .toContain('Use 24 characters or fewer.');
    expect(await page.getByLabel('Nickname or seat number').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(problems).toEqual([]);
  });
});

describe('for the whole room', () => {
  it('runs a workshop: options wait for the reveal, and nothing is stored', async () => {
    const { page, problems } = await open();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.locator(`[data-workshop="${SCENARIO}"]`).click();
    for (const choice of walk('best path: hang up at the opening').choices) {
      const reveal = page.getByRole('button', { name: 'Reveal the options' });
      await reveal.waitFor();
      expect(await page.locator('.choices:not([hidden]) [data-choice-id]').count()).toBe(0);
      await reveal.click();
      await page.locator(`.choices:not([hidden]) [data-choice-id="${choice}"]`).click();
    }
    await page.getByText('Workshop mode: nothing from this play was stored.').waitFor();
    expect(await storedRecords(page)).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('progress'))),
    ).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows a printable lesson guide for every scenario, in every language', async () => {
    const { page, problems } = await open();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.locator('[data-guide]').first().waitFor();
    const ids = await page
      .locator('[data-guide]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-guide')));
    expect(ids.length).toBeGreaterThanOrEqual(11);
    for (const id of ids) {
      await page.locator(`[data-guide="${id}"]`).click();
      await page.getByRole('heading', { name: 'Learning goals' }).waitFor();
      expect(await page.locator('.lesson-guide section').count()).toBeGreaterThanOrEqual(6);
      expect(await page.locator('.lesson-guide li').count()).toBeGreaterThan(8);
      await page
        .getByRole('heading', { name: 'If a student tells you it happened to them' })
        .waitFor();
      await page.getByRole('button', { name: 'Print this guide' }).waitFor();
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await page.locator('[data-guide]').first().waitFor();
    }
    await page.locator('#language-select').selectOption('zh-Hans');
    await page.locator(`[data-guide="${SCENARIO}"]`).click();
    await page.getByRole('heading', { name: '学习目标' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows a class only the scenarios its teacher switched on', async () => {
    const { page, problems } = await open();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.getByLabel('Class name').fill('5C');
    for (const box of await page.locator('.scenario-choice input[type="checkbox"]').all()) {
      if ((await box.getAttribute('value')) !== SCENARIO) await box.uncheck();
    }
    await page.getByRole('button', { name: 'Create the class' }).click();
    const code = (await page.locator('.class-code .code').textContent()) ?? '';
    await page.getByRole('button', { name: 'Back to the classes' }).click();
    await page.getByRole('button', { name: 'Back to the game' }).click();
    await join(page, code, 'Eli');
    await expect
      .poll(() =>
        page
          .locator('[data-scenario-id]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-scenario-id'))),
      )
      .toEqual([SCENARIO]);
    expect(problems).toEqual([]);
  });
});

describe('moving and keeping data', () => {
  it('reads a results QR code with the camera, and says what to do where it cannot', async () => {
    const student = await open();
    await join(student.page, 'K7MPQ2', 'Fay');
    await play(student.page, walk('best path: hang up at the opening').choices);
    await student.page.locator('[data-open="share"]').click();
    const code = await student.page.locator('#share-code').inputValue();

    // No camera API at all: the screen points to the code and the file.
    const plain = await open();
    await plain.page.addInitScript(() => {
      Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
    });
    await plain.page.reload();
    await plain.page.locator('.teacher-settings summary').click();
    await plain.page.locator('[data-open="teacher"]').click();
    await plain.page.getByLabel('Class name').fill('QR');
    await plain.page.getByRole('button', { name: 'Create the class' }).click();
    await plain.page.getByText('This browser cannot use a camera here.').waitFor();

    // A camera API but no camera (this machine): a clear message, nothing else happens.
    const noCamera = await open();
    await noCamera.page.locator('.teacher-settings summary').click();
    await noCamera.page.locator('[data-open="teacher"]').click();
    await noCamera.page.getByLabel('Class name').fill('QR');
    await noCamera.page.getByRole('button', { name: 'Create the class' }).click();
    await noCamera.page.getByRole('button', { name: 'Scan a QR code with the camera' }).click();
    await noCamera.page.getByText('The camera could not be used.').waitFor();

    // A camera, and jsQR reading its frames where the browser has no BarcodeDetector: the
    // fake camera shows no code, so the scanner keeps looking until the teacher stops it.
    const fakeCamera = await launchBrowser({ fakeCamera: true });
    try {
      const scanning = await openGame(fakeCamera, { baseUrl: inject('baseUrl') });
      await scanning.context.grantPermissions(['camera']);
      await scanning.page.locator('.teacher-settings summary').click();
      await scanning.page.locator('[data-open="teacher"]').click();
      await scanning.page.getByLabel('Class name').fill('QR');
      await scanning.page.getByRole('button', { name: 'Create the class' }).click();
      await scanning.page.getByRole('button', { name: 'Scan a QR code with the camera' }).click();
      await scanning.page.getByText("Hold the student's QR code in front of the camera.").waitFor();
      await expect
        .poll(() =>
          scanning.page.locator('video.qr-video').evaluate((v: HTMLVideoElement) => v.videoWidth),
        )
        .toBeGreaterThan(0);
      await scanning.page.getByRole('button', { name: 'Stop the camera' }).click();
      expect(
        await scanning.page
          .locator('video.qr-video')
          .evaluate((v: HTMLVideoElement) => v.srcObject),
      ).toBeNull();
      expect(scanning.problems).toEqual([]);
    } finally {
      await fakeCamera.close();
    }

    // A Chromebook has one: stand it in with a detector that "sees" the student's code.
    const cameraBrowser = await launchBrowser({ fakeCamera: true });
    try {
      const teacher = await openGame(cameraBrowser, { baseUrl: inject('baseUrl') });
      await teacher.context.grantPermissions(['camera']);
      await teacher.page.addInitScript((seen: string) => {
        (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector = class {
          async detect() {
            return [{ rawValue: seen }];
          }
        };
      }, code);
      await teacher.page.reload();
      await teacher.page.locator('.teacher-settings summary').click();
      await teacher.page.locator('[data-open="teacher"]').click();
      await teacher.page.getByLabel('Class name').fill('QR');
      await teacher.page.getByRole('button', { name: 'Create the class' }).click();
      await teacher.page.getByRole('button', { name: 'Scan a QR code with the camera' }).click();
      await teacher.page.getByText('comes from another class (K7MPQ2)').waitFor();
      await teacher.page.getByRole('button', { name: 'Import it here' }).click();
      await teacher.page.getByText('QR code: Fay: 1 result(s) added, 0 already here').waitFor();
      // The camera is off again once a code is read.
      expect(
        await teacher.page.locator('video.qr-video').evaluate((v: HTMLVideoElement) => v.srcObject),
      ).toBeNull();
      expect(teacher.problems).toEqual([]);
    } finally {
      await cameraBrowser.close();
    }
    expect(student.problems).toEqual([]);
    expect(plain.problems).toEqual([]);
    expect(noCamera.problems).toEqual([]);
  });

  it('backs up every class, deletes everything, and restores the same class and results', async () => {
    const { page, problems } = await open();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.getByLabel('Class name').fill('6D');
    await page.getByRole('button', { name: 'Create the class' }).click();
    const code = (await page.locator('.class-code .code').textContent()) ?? '';
    await page.getByRole('button', { name: 'Back to the classes' }).click();
    await page.getByRole('button', { name: 'Back to the game' }).click();
    await join(page, code, 'Gus');
    await play(page, walk('worst path').choices);
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    const before = await storedRecords(page);
    expect(before).toHaveLength(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup of every class on this device' }).click(),
    ]);
    const backup = readFileSync((await download.path()) ?? '', 'utf8');
    await page.getByRole('button', { name: 'Delete all data on this device' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await page.getByText('No class on this device yet.').waitFor();
    expect(await storedRecords(page)).toEqual([]);

    await page.getByLabel('Restore from a backup file').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    await page.getByText('backup.json: restored, 1 result(s) added, 0 already here.').waitFor();
    expect(await storedRecords(page)).toEqual(before);
    await page.locator(`[data-class-code="${code}"]`).click();
    await expect
      .poll(() => overviewRow(page, 'A call from "Toronto Police"'))
      .toEqual(['1', '0%', '0', '0', '1']);

    // A damaged backup is refused by name and changes nothing.
    await page.getByRole('button', { name: 'Back to the classes' }).click();
    await page.getByLabel('Restore from a backup file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup.replace('"Gus"', '"Gal"')),
    });
    await page.getByText('broken.json: this file or code is damaged').waitFor();
    expect(await storedRecords(page)).toEqual(before);
    expect(problems).toEqual([]);
  });

  it('keeps a retention period between 30 and 1,095 days', async () => {
    const { page, problems } = await open();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    const days = page.getByLabel('Keep results for (days)');
    expect(await days.inputValue()).toBe('365');
    await days.fill('5');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Enter a whole number of days from 30 to 1095.').waitFor();
    await days.fill('200');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    expect(await page.getByLabel('Keep results for (days)').inputValue()).toBe('200');
    expect(problems).toEqual([]);
  });
});

describe('the passphrase', () => {
  it('locks teacher mode, encrypts results at rest, refuses a wrong passphrase and still lets students play', async () => {
    const { page, problems } = await open();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.getByLabel('Class name').fill('9E');
    await page.getByRole('button', { name: 'Create the class' }).click();
    const code = (await page.locator('.class-code .code').textContent()) ?? '';
    await page.getByRole('button', { name: 'Back to the classes' }).click();

    await page
      .getByText('If you forget this passphrase, the results cannot be recovered.')
      .waitFor();
    await page.getByLabel('New passphrase').fill('short');
    await page.getByLabel('The same passphrase again').fill('short');
    await page.getByRole('button', { name: 'Set the passphrase' }).click();
    await page.getByText('Use at least 8 characters.').waitFor();
    await page.getByLabel('New passphrase').fill('maple leaf 2026');
    await page.getByLabel('The same passphrase again').fill('maple leaf 2026');
    await page.getByRole('button', { name: 'Set the passphrase' }).click();
    await page.getByRole('button', { name: 'Lock now' }).waitFor();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Teacher mode is locked' }).waitFor();
    expect(await page.locator(`[data-class-code="${code}"]`).count()).toBe(0);

    // A student plays on this device while it is locked; the result is stored sealed.
    await page.getByRole('button', { name: 'Back to the game' }).click();
    await join(page, code, 'Hal');
    await play(page, walk('best path: hang up at the opening').choices);
    const raw = JSON.stringify(await storedRecords(page));
    expect(raw).toContain('sealed');
    expect(raw).not.toContain('Hal');
    expect(raw).not.toContain(SCENARIO);

    await page.reload();
    await page.locator('.teacher-settings summary').click();
    await page.locator('[data-open="teacher"]').click();
    await page.getByLabel('Passphrase').fill('maple leaf 2025');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('That passphrase is not right. Nothing was changed.').waitFor();
    expect(JSON.stringify(await storedRecords(page))).toBe(raw);
    await page.getByLabel('Passphrase').fill('maple leaf 2026');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator(`[data-class-code="${code}"]`).click();
    await expect
      .poll(() => overviewRow(page, 'A call from "Toronto Police"'))
      .toEqual(['1', '100%', '1', '0', '0']);
    expect(problems).toEqual([]);
  });
});
