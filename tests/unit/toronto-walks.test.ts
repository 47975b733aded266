/**
 * Expected walks as data, in the style of YarnSpinner's test plans: each plan lists the choice
 * ids to take in order and what the walk must end with. One test replays them all through the
 * real scenario file, so a change to the story or its scoring shows up here as a changed plan.
 *
 * The numbers were worked out by hand from scenarios/toronto-police-call/scenario.json. Flags a
 * path shows but no choice decides count as missed; flags a path never shows are in neither list.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIOS_DIR, validateFolder } from '../../scripts/lib/scenario-files';
import {
  choicesAt,
  createResult,
  type Outcome,
  type Scenario,
  ScenarioRunner,
} from '../../src/engine/index';

interface WalkPlan {
  readonly name: string;
  readonly choices: readonly string[];
  readonly ending: string;
  readonly outcome: Outcome;
  readonly score: number;
  /** In the order of the scenario's redFlags. */
  readonly spotted: readonly string[];
  readonly missed: readonly string[];
}

const PLANS: readonly WalkPlan[] = [
  {
    name: 'best path: hang up at the opening, call the real number back, report',
    // 0 + 3 (hang-up, overridden at "opening") + 3 (call-back) + 1
    choices: ['answer', 'hang-up', 'call-back', 'report-to-anti-fraud-centre'],
    ending: 'end-checked',
    outcome: 'safe',
    score: 7,
    spotted: ['spoofed-caller-id', 'threat-of-arrest', 'asks-for-details'],
    missed: [],
  },
  {
    name: 'best path through telling an adult',
    // 0 + 1 (refuse) + 2 (tell-adult) + 3 (call-back) + 1
    choices: ['answer', 'refuse-details', 'tell-adult', 'call-back', 'report-to-anti-fraud-centre'],
    ending: 'end-checked',
    outcome: 'safe',
    score: 7,
    // Telling an adult spots the secrecy, the crypto payment and the threat by default.
    spotted: [
      'spoofed-caller-id',
      'threat-of-arrest',
      'asks-for-details',
      'secrecy-and-urgency',
      'crypto-payment',
    ],
    missed: [],
  },
  {
    name: 'best score the long way: offer to call the station, tell an adult at the counter-move',
    // 0 + 1 + 1 (offer) + 1 (tell-adult, overridden) + 3 + 1
    choices: [
      'answer',
      'refuse-details',
      'offer-to-call-station',
      'tell-adult',
      'call-back',
      'report-to-anti-fraud-centre',
    ],
    ending: 'end-checked',
    outcome: 'safe',
    score: 7,
    spotted: [
      'spoofed-caller-id',
      'threat-of-arrest',
      'asks-for-details',
      'secrecy-and-urgency',
      'crypto-payment',
    ],
    missed: [],
  },
  {
    name: 'best score, hanging up at the counter-move',
    // 0 + 1 + 1 + 1 (hang-up, score overridden; default spots) + 3 + 1
    choices: [
      'answer',
      'refuse-details',
      'offer-to-call-station',
      'hang-up',
      'call-back',
      'report-to-anti-fraud-centre',
    ],
    ending: 'end-checked',
    outcome: 'safe',
    score: 7,
    spotted: [
      'spoofed-caller-id',
      'threat-of-arrest',
      'asks-for-details',
      'secrecy-and-urgency',
      'crypto-payment',
    ],
    missed: [],
  },
  {
    name: 'worst path: give details, agree to pay, insert cash',
    // 0 - 3 - 3 - 3; the caller ID was shown and never questioned
    choices: ['answer', 'give-personal-details', 'agree-to-pay', 'insert-cash'],
    ending: 'end-paid',
    outcome: 'harmed',
    score: -9,
    spotted: [],
    missed: [
      'spoofed-caller-id',
      'threat-of-arrest',
      'asks-for-details',
      'secrecy-and-urgency',
      'crypto-payment',
    ],
  },
  {
    name: 'mixed: doubts, then stays on the line, then hangs up at the machine and forgets',
    // 0 + 0 + 1 (offer) - 2 (stay) + 1 (hang-up at the machine) + 0
    choices: [
      'answer',
      'ask-badge-number',
      'offer-to-call-station',
      'stay-on-line',
      'hang-up',
      'try-to-forget',
    ],
    ending: 'end-unchecked',
    outcome: 'safe-but-costly',
    score: 0,
    // The caller ID was spotted (offer) before being walked past (stay): spotted wins.
    spotted: ['spoofed-caller-id', 'crypto-payment'],
    missed: ['threat-of-arrest', 'asks-for-details', 'secrecy-and-urgency'],
  },
  {
    name: 'mixed and harmed: doubts, stays on the line, pays',
    // 0 + 1 + 1 - 2 - 3
    choices: ['answer', 'refuse-details', 'offer-to-call-station', 'stay-on-line', 'insert-cash'],
    ending: 'end-paid',
    outcome: 'harmed',
    score: -3,
    spotted: ['spoofed-caller-id', 'asks-for-details'],
    missed: ['threat-of-arrest', 'secrecy-and-urgency', 'crypto-payment'],
  },
  {
    name: 'agrees to pay, then tells an adult at the machine, then would rather forget',
    // 0 + 1 - 3 + 1 (tell-adult, score overridden; default spots) + 0
    choices: ['answer', 'refuse-details', 'agree-to-pay', 'tell-adult', 'rather-forget'],
    ending: 'end-unchecked',
    outcome: 'safe-but-costly',
    score: -1,
    // Secrecy and the crypto payment were walked past at "pressure" and recognised at the
    // machine (with the threat): spotted.
    spotted: ['threat-of-arrest', 'asks-for-details', 'secrecy-and-urgency', 'crypto-payment'],
    missed: ['spoofed-caller-id'],
  },
  {
    name: 'let it ring, then call the real number from the directory',
    // 1 + 3 (call-back, spots overridden at "voicemail") + 1
    choices: ['let-it-ring', 'call-back', 'report-to-anti-fraud-centre'],
    ending: 'end-checked',
    outcome: 'safe',
    score: 5,
    spotted: ['spoofed-caller-id', 'threat-of-arrest'],
    missed: [],
  },
  {
    name: 'let it ring, delete the voicemail and forget',
    choices: ['let-it-ring', 'delete-and-forget'],
    ending: 'end-unchecked',
    outcome: 'safe-but-costly',
    score: 1,
    spotted: [],
    missed: ['spoofed-caller-id', 'threat-of-arrest'],
  },
  {
    name: 'let it ring, call the number in the message, hang up, redial, thank',
    // 1 - 2 + 2 (hang-up, default) + 1 (redial) + 0
    choices: [
      'let-it-ring',
      'call-number-in-message',
      'hang-up',
      'redial-last-number',
      'thank-and-hang-up',
    ],
    ending: 'end-checked',
    outcome: 'safe',
    score: 2,
    spotted: ['threat-of-arrest', 'secrecy-and-urgency', 'crypto-payment'],
    missed: ['spoofed-caller-id', 'asks-for-details'],
  },
];

function loadToronto(): Scenario {
  const report = validateFolder(join(SCENARIOS_DIR, 'toronto-police-call'));
  expect(report.problems).toEqual([]);
  if (!report.scenario) throw new Error('the Toronto scenario does not validate');
  return report.scenario;
}

interface Walked {
  readonly ending: string | undefined;
  readonly outcome: Outcome | undefined;
  readonly score: number | undefined;
  readonly spotted: readonly string[] | undefined;
  readonly missed: readonly string[] | undefined;
  readonly error?: string;
}

function walk(scenario: Scenario, choices: readonly string[]): Walked {
  const runner = new ScenarioRunner(scenario, { now: () => 0 });
  try {
    runner.start();
    for (const id of choices) runner.choose(id);
    const result = createResult(runner, { id: 'walk-plan-0000', locale: 'en' });
    return {
      ending: result.ending,
      outcome: result.outcome,
      score: result.score,
      spotted: result.redFlags.spotted,
      missed: result.redFlags.missed,
    };
  } catch (error) {
    return {
      ending: undefined,
      outcome: undefined,
      score: undefined,
      spotted: undefined,
      missed: undefined,
      error: `stuck at "${runner.node}" (${runner.state}): ${String(error)}`,
    };
  }
}

describe('toronto-police-call: expected walks', () => {
  it('replays every plan to its expected ending, outcome, score and red flags', () => {
    const scenario = loadToronto();
    for (const plan of PLANS) {
      const { name, choices: _choices, ...expected } = plan;
      expect.soft(walk(scenario, plan.choices), name).toEqual(expected);
    }
  });

  it('has plans that reach the best score, every ending and every outcome', () => {
    const scenario = loadToronto();
    expect(scenario.bestScore).toBe(7);
    expect(Math.max(...PLANS.map((p) => p.score))).toBe(scenario.bestScore);
    const endings = Object.entries(scenario.nodes)
      .filter(([, node]) => node.ending)
      .map(([id]) => id);
    expect(new Set(PLANS.map((p) => p.ending))).toEqual(new Set(endings));
    expect(new Set(PLANS.map((p) => p.outcome))).toEqual(
      new Set(['safe', 'safe-but-costly', 'harmed']),
    );
  });

  it('takes every choice of the scenario in at least one plan', () => {
    const scenario = loadToronto();
    const taken = new Set<string>();
    for (const plan of PLANS) {
      const runner = new ScenarioRunner(scenario, { now: () => 0 });
      runner.start();
      for (const id of plan.choices) {
        taken.add(`${runner.node} ${id}`);
        runner.choose(id);
      }
    }
    const offered = Object.keys(scenario.nodes).flatMap((node) =>
      choicesAt(scenario, node).map((c) => `${node} ${c.id}`),
    );
    expect(offered.filter((choice) => !taken.has(choice))).toEqual([]);
  });
});
