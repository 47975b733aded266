/**
 * The debrief picture the phone draws: built from real scenario files and their expected walks,
 * with the real English strings, so a label that would show as a raw key fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_LOCALES_DIR,
  ROOT,
  SCENARIOS_DIR,
  validateFolder,
} from '../../scripts/lib/scenario-files';
import { type Scenario, ScenarioRunner, safetyPercent, tally } from '../../src/engine/index';
import { debriefPicture } from '../../src/ui/debrief-picture';
import type { PhoneLook } from '../../src/ui/phone-screen';

type Strings = { readonly [key: string]: string | Strings };

const readJson = (path: string): Strings => JSON.parse(readFileSync(path, 'utf8'));

/** A tiny i18next: nested keys and {{name}} values; a missing key throws. */
function translator(strings: Strings) {
  return (key: string, values: Record<string, string> = {}): string => {
    let node: string | Strings | undefined = strings;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no string for "${key}"`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
  };
}

const t = translator(readJson(join(APP_LOCALES_DIR, 'en.json')));
const look: PhoneLook = { reducedMotion: true, highContrast: false, textScale: 1.5 };

function load(id: string): { scenario: Scenario; text: (key: string) => string } {
  const report = validateFolder(join(SCENARIOS_DIR, id));
  if (!report.scenario) throw new Error(`${id} is invalid: run npm run validate`);
  const text = translator(readJson(join(SCENARIOS_DIR, id, 'locales', 'en.json')));
  return { scenario: report.scenario, text: (key) => text(key) };
}

interface Walk {
  readonly name: string;
  readonly kind: string;
  readonly choices: readonly string[];
  readonly outcome: string;
  readonly spotted: readonly string[];
  readonly missed: readonly string[];
}

function walks(id: string): readonly Walk[] {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'walks', `${id}.json`), 'utf8')).walks;
}

function play(scenario: Scenario, choices: readonly string[]): ScenarioRunner {
  const runner = new ScenarioRunner(scenario, { now: () => 0 });
  runner.start();
  for (const id of choices) runner.choose(id);
  return runner;
}

describe('debriefPicture', () => {
  const toronto = load('toronto-police-call');
  const torontoWalks = walks('toronto-police-call');

  it('gives every walk its score, outcome and red flags, in the words of the DOM debrief', () => {
    expect(torontoWalks.length).toBeGreaterThanOrEqual(3);
    for (const walk of torontoWalks) {
      const runner = play(toronto.scenario, walk.choices);
      const picture = debriefPicture({ runner, t, text: toronto.text, look });
      const { score, bestScore } = tally(toronto.scenario, runner.events);
      expect({ walk: walk.name, percent: picture.percent, outcome: picture.outcome }).toEqual({
        walk: walk.name,
        percent: safetyPercent(score, bestScore),
        outcome: walk.outcome,
      });
      expect(picture.outcomeLabel).toBe(t(`debrief.outcome.${walk.outcome}`));
      expect(picture.scoreLabel).toBe('Safety score');
      expect(picture.look).toBe(look);

      const ids = Object.keys(toronto.scenario.redFlags);
      expect(picture.flags).toHaveLength(ids.length);
      picture.flags.forEach((flag, i) => {
        const id = ids[i] ?? '';
        const expected = walk.spotted.includes(id)
          ? 'spotted'
          : walk.missed.includes(id)
            ? 'missed'
            : 'not-seen';
        expect({ walk: walk.name, id, status: flag.status }).toEqual({
          walk: walk.name,
          id,
          status: expected,
        });
        expect(flag.label).toBe(toronto.text(toronto.scenario.redFlags[id]?.label ?? ''));
        expect(flag.statusLabel).toBe(
          {
            spotted: 'You spotted it',
            missed: 'You missed it this time',
            'not-seen': 'It did not come up in your game',
          }[flag.status],
        );
      });
    }
  });

  it('places each flag at the first beat that shows it, as a share of the story', () => {
    const best = torontoWalks.find((w) => w.kind === 'best');
    const worst = torontoWalks.find((w) => w.kind === 'worst');
    for (const walk of [best, worst]) {
      if (!walk) throw new Error('the walks file needs a best and a worst walk');
      const runner = play(toronto.scenario, walk.choices);
      const picture = debriefPicture({ runner, t, text: toronto.text, look });
      const events = runner.events;
      Object.keys(toronto.scenario.redFlags).forEach((id, i) => {
        const index = events.findIndex(
          (e) => e.type === 'beat' && (e.beat.flags ?? []).includes(id),
        );
        const flag = picture.flags[i];
        if (index < 0) expect(flag?.at).toBeUndefined();
        else expect(flag?.at).toBe(index / events.length);
      });
      for (const flag of picture.flags) {
        if (flag.at === undefined) continue;
        expect(flag.at).toBeGreaterThanOrEqual(0);
        expect(flag.at).toBeLessThan(1);
      }
    }
  });

  it('shows the spoofed caller ID first, at the very start of the call', () => {
    const worst = torontoWalks.find((w) => w.kind === 'worst');
    const runner = play(toronto.scenario, worst?.choices ?? []);
    const flags = debriefPicture({ runner, t, text: toronto.text, look }).flags;
    const spoofed = flags[0];
    expect(spoofed?.at).toBeLessThan(0.2);
    const seen = flags.filter((f) => f.at !== undefined).map((f) => f.at ?? 0);
    expect(seen.length).toBeGreaterThan(1);
    expect(Math.max(...seen)).toBeGreaterThan(spoofed?.at ?? 1);
  });

  it('has no outcome before an ending, and places nothing in an empty story', () => {
    const started = new ScenarioRunner(toronto.scenario, { now: () => 0 });
    const empty = debriefPicture({ runner: started, t, text: toronto.text, look });
    expect(empty.outcome).toBe('none');
    expect(empty.outcomeLabel).toBe('');
    expect(empty.percent).toBe(0);
    expect(empty.flags.every((f) => f.status === 'not-seen' && f.at === undefined)).toBe(true);

    started.start();
    const opening = debriefPicture({ runner: started, t, text: toronto.text, look });
    expect(opening.outcome).toBe('none');
    expect(opening.flags[0]?.at).toBeDefined();
  });

  it('uses the genuine words ("You checked it") for a genuine contact', () => {
    const genuine = load('genuine-bank-fraud-alert');
    expect(genuine.scenario.meta.scamType).toBe('genuine');
    const labels = new Set<string>();
    for (const walk of walks('genuine-bank-fraud-alert')) {
      const runner = play(genuine.scenario, walk.choices);
      const picture = debriefPicture({ runner, t, text: genuine.text, look });
      for (const flag of picture.flags) {
        labels.add(flag.statusLabel);
        if (flag.status === 'spotted') expect(flag.statusLabel).toBe('You checked it');
        if (flag.status === 'missed')
          expect(flag.statusLabel).toBe('You did not check it this time');
      }
    }
    expect(labels.has('You checked it')).toBe(true);
    expect(labels.has('You spotted it')).toBe(false);
  });
});
