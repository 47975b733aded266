import { describe, expect, it } from 'vitest';
import {
  type Choice,
  choicesAt,
  type FlagOutcome,
  ScenarioRunner,
  type StoryEvent,
  safetyPercent,
  tally,
} from '../../src/engine/index';
import { miniScenario } from '../fixtures/mini-scenario';

function play(...choices: string[]): readonly StoryEvent[] {
  const runner = new ScenarioRunner(miniScenario, { now: () => 0 });
  runner.start();
  for (const id of choices) runner.choose(id);
  return runner.events;
}

function choice(node: string, id: string): Choice {
  const found = choicesAt(miniScenario, node).find((c) => c.id === id);
  if (!found) throw new Error(`the fixture has no choice "${id}" at "${node}"`);
  return found;
}

const choiceEvent = (node: string, id: string): StoryEvent => ({
  type: 'choice',
  node,
  choice: choice(node, id),
});

const flagBeat = (node: string, flag: string): StoryEvent => ({
  type: 'beat',
  node,
  beat: { type: 'notice', text: 'nodes.request.scene', flags: [flag] },
});

const byId = (flags: readonly FlagOutcome[]) => Object.fromEntries(flags.map((f) => [f.id, f]));

describe('tally', () => {
  it('sums the safety points of every choice, a screenshot included', () => {
    expect(tally(miniScenario, play('accept', 'screenshot', 'block')).score).toBe(4);
    expect(tally(miniScenario, play('accept', 'block')).score).toBe(3);
    expect(tally(miniScenario, play('ignore')).score).toBe(1);
    expect(tally(miniScenario, play('accept', 'say-no')).score).toBe(1);
    expect(tally(miniScenario, play('accept', 'screenshot', 'buy-cards')).score).toBe(-2);
    expect(tally(miniScenario, play('accept', 'buy-cards')).score).toBe(-3);
  });

  it("carries the scenario's best score, and scores nothing before any choice", () => {
    const result = tally(miniScenario, play());
    expect(result.score).toBe(0);
    expect(result.bestScore).toBe(4);
  });

  it("gives one outcome per red flag, in the order of the scenario's redFlags", () => {
    const { flags } = tally(miniScenario, play('ignore'));
    expect(flags.map((f) => f.id)).toEqual(['stranger-request', 'off-platform', 'gift-card']);
  });

  it('marks flags spotted, with where each appeared and where it was recognised', () => {
    const { flags } = tally(miniScenario, play('accept', 'screenshot', 'block'));
    expect(flags).toEqual([
      // Missed at "request" (accept), then recognised at "call" (block): spotted.
      {
        id: 'stranger-request',
        status: 'spotted',
        appearedAt: 'request',
        appearedIndex: 1,
        decidedAt: 'call',
      },
      {
        id: 'off-platform',
        status: 'spotted',
        appearedAt: 'chat',
        appearedIndex: 7,
        decidedAt: 'call',
      },
      {
        id: 'gift-card',
        status: 'spotted',
        appearedAt: 'call',
        appearedIndex: 10,
        decidedAt: 'call',
      },
    ]);
  });

  it('marks flags missed where a choice walked past them', () => {
    const { flags } = tally(miniScenario, play('accept', 'buy-cards'));
    expect(flags).toEqual([
      {
        id: 'stranger-request',
        status: 'missed',
        appearedAt: 'request',
        appearedIndex: 1,
        decidedAt: 'request',
      },
      {
        id: 'off-platform',
        status: 'missed',
        appearedAt: 'chat',
        appearedIndex: 7,
        decidedAt: 'call',
      },
      {
        id: 'gift-card',
        status: 'missed',
        appearedAt: 'call',
        appearedIndex: 10,
        decidedAt: 'call',
      },
    ]);
  });

  it('marks flags "not-seen" when the path never showed them', () => {
    const { flags } = tally(miniScenario, play('ignore'));
    expect(flags).toEqual([
      {
        id: 'stranger-request',
        status: 'spotted',
        appearedAt: 'request',
        appearedIndex: 1,
        decidedAt: 'request',
      },
      { id: 'off-platform', status: 'not-seen' },
      { id: 'gift-card', status: 'not-seen' },
    ]);
    for (const flag of flags.filter((f) => f.status === 'not-seen')) {
      expect(flag).not.toHaveProperty('appearedAt');
      expect(flag).not.toHaveProperty('appearedIndex');
      expect(flag).not.toHaveProperty('decidedAt');
    }
  });

  it('mixes the three statuses on one path', () => {
    const flags = byId(tally(miniScenario, play('accept', 'say-no')).flags);
    expect(flags['stranger-request']?.status).toBe('missed');
    expect(flags['off-platform']).toEqual({
      id: 'off-platform',
      status: 'missed',
      appearedAt: 'chat',
      appearedIndex: 7,
    });
    expect(flags['gift-card']).toEqual({
      id: 'gift-card',
      status: 'spotted',
      appearedAt: 'call',
      appearedIndex: 10,
      decidedAt: 'call',
    });
  });

  it('counts spotting after missing as spotted, at the node that spotted it', () => {
    const events: StoryEvent[] = [
      flagBeat('request', 'stranger-request'),
      choiceEvent('request', 'accept'), // misses stranger-request
      choiceEvent('call', 'block'), // spots it
    ];
    expect(byId(tally(miniScenario, events).flags)['stranger-request']).toEqual({
      id: 'stranger-request',
      status: 'spotted',
      appearedAt: 'request',
      appearedIndex: 0,
      decidedAt: 'call',
    });
  });

  it('keeps a flag spotted when a later choice walks past it', () => {
    const events: StoryEvent[] = [
      flagBeat('call', 'gift-card'),
      choiceEvent('call', 'say-no'), // spots gift-card
      choiceEvent('call', 'buy-cards'), // misses it
    ];
    expect(byId(tally(miniScenario, events).flags)['gift-card']).toEqual({
      id: 'gift-card',
      status: 'spotted',
      appearedAt: 'call',
      appearedIndex: 0,
      decidedAt: 'call',
    });
  });

  it('records where a flag first appeared, and where it was first missed', () => {
    const events: StoryEvent[] = [
      flagBeat('chat', 'gift-card'),
      flagBeat('call', 'gift-card'),
      choiceEvent('request', 'accept'),
      choiceEvent('call', 'buy-cards'),
      choiceEvent('request', 'accept'),
    ];
    const flags = byId(tally(miniScenario, events).flags);
    expect(flags['gift-card']).toEqual({
      id: 'gift-card',
      status: 'missed',
      appearedAt: 'chat',
      appearedIndex: 0,
      decidedAt: 'call',
    });
    // Counting every choice event: 0 - 3 + 0.
    expect(tally(miniScenario, events).score).toBe(-3);
  });

  it('ignores events that are not choices or flagged beats', () => {
    const events: StoryEvent[] = [
      { type: 'decision', node: 'request', prompt: 'nodes.request.prompt' },
      {
        type: 'ended',
        node: 'end-safe',
        ending: { outcome: 'safe', title: 'endings.safe.title', debrief: ['endings.safe.body'] },
      },
    ];
    const result = tally(miniScenario, events);
    expect(result.score).toBe(0);
    expect(result.flags.every((f) => f.status === 'not-seen')).toBe(true);
  });
});

describe('safetyPercent', () => {
  it.each([
    [4, 4, 100],
    [3, 4, 75],
    [1, 4, 25],
    [0, 4, 0],
    [1, 3, 33],
    [2, 3, 67],
    [1, 8, 13], // 12.5 rounds up
    [5, 7, 71],
  ])('scores %i of %i as %i%%', (score, best, percent) => {
    expect(safetyPercent(score, best)).toBe(percent);
  });

  it('clamps a negative score to 0 and a score above the best to 100', () => {
    expect(safetyPercent(-9, 7)).toBe(0);
    expect(safetyPercent(-1, 4)).toBe(0);
    expect(safetyPercent(8, 7)).toBe(100);
    expect(safetyPercent(40, 4)).toBe(100);
  });

  it('gives 0, not NaN or Infinity, when there is no best score', () => {
    expect(safetyPercent(3, 0)).toBe(0);
    expect(safetyPercent(0, 0)).toBe(0);
    expect(safetyPercent(3, -2)).toBe(0);
  });

  it('always returns a whole number between 0 and 100', () => {
    for (let best = 1; best <= 12; best++) {
      for (let score = -12; score <= 15; score++) {
        const percent = safetyPercent(score, best);
        expect(Number.isInteger(percent)).toBe(true);
        expect(percent).toBeGreaterThanOrEqual(0);
        expect(percent).toBeLessThanOrEqual(100);
      }
    }
  });
});
