/**
 * The spot check in a real browser, by keyboard alone: form A before, form B after, hits and
 * false alarms stored with the results, and no accessibility violations on its screens.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SpotCheckResult } from '../../src/engine/index';
import {
  launchBrowser,
  openGame,
  storedRecords,
  tabToAndPress,
  waitForCondition,
} from './support/browser';

const ROOT = join(import.meta.dirname, '..', '..');
const spotCheck = JSON.parse(
  readFileSync(join(ROOT, 'src', 'content', 'spot-check', 'spot-check.json'), 'utf8'),
) as {
  items: Record<string, { form: 'A' | 'B'; answer: 'scam' | 'genuine' }>;
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help}`);
}

/** Answers every item: scams as scams, and the first genuine item wrongly, as a scam. */
async function takeSpotCheck(page: Page, form: 'A' | 'B', checkAxe: boolean): Promise<void> {
  const items = Object.entries(spotCheck.items).filter(([, item]) => item.form === form);
  await tabToAndPress(page, 'data-open', 'spot-check');
  await page.getByRole('button', { name: 'Start', exact: true }).waitFor();
  if (checkAxe) expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  let falseAlarmGiven = false;
  for (const [index, [, item]] of items.entries()) {
    await page.getByRole('heading', { name: `Item ${index + 1} of ${items.length}` }).waitFor();
    let verdict = item.answer;
    if (item.answer === 'genuine' && !falseAlarmGiven) {
      verdict = 'scam';
      falseAlarmGiven = true;
    }
    await tabToAndPress(page, 'data-verdict', verdict);
    // Focus moves to the confidence buttons; "Very sure" is the third.
    await waitForCondition(
      page,
      () => document.activeElement?.getAttribute('data-confidence') === '1',
    );
    if (checkAxe && index === 0) expect(await axeViolations(page)).toEqual([]);
    await tabToAndPress(page, 'data-confidence', '3');
  }
  await page.getByRole('heading', { name: 'Your spot check' }).waitFor();
  if (checkAxe) expect(await axeViolations(page)).toEqual([]);
}

describe('the spot check', () => {
  it('takes form A before and form B after, storing hits, false alarms and discernment', async () => {
    const { context, page, problems } = await openGame(browser, { baseUrl: inject('baseUrl') });
    await takeSpotCheck(page, 'A', true);
    const scams = Object.values(spotCheck.items).filter(
      (i) => i.form === 'A' && i.answer === 'scam',
    ).length;
    expect(await page.locator('main').textContent()).toContain(
      `You spotted ${scams} of ${scams} scams.`,
    );

    await page.getByRole('button', { name: 'Back to the scenarios' }).click();
    await page.locator('[data-open="spot-check"]').waitFor();
    await takeSpotCheck(page, 'B', false);

    const stored = (await storedRecords(page))
      .map((r) => r.result as unknown as SpotCheckResult)
      .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
    expect(stored.map((r: { form: string; phase: string }) => [r.form, r.phase])).toEqual([
      ['A', 'before'],
      ['B', 'after'],
    ]);
    for (const result of stored) {
      const genuine = Object.values(spotCheck.items).filter(
        (i) => i.form === result.form && i.answer === 'genuine',
      ).length;
      expect(result).toMatchObject({
        format: 'red-flags/spot-check-result',
        hits: scams,
        misses: 0,
        falseAlarms: 1,
      });
      expect(result.discernment).toBeCloseTo(1 - 1 / genuine, 3);
      expect(result.responses.every((r: { confidence: number }) => r.confidence === 3)).toBe(true);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
