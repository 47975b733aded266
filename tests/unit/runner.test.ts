import { describe, expect, it } from 'vitest';
import {
  type BeatType,
  beatSchema,
  EngineError,
  type EngineErrorCode,
  ScenarioRunner,
  type StoryEvent,
  scenarioSchema,
  tally,
} from '../../src/engine/index';
import { fakeClock } from '../fixtures/clock';
import { thrownBy } from '../fixtures/errors';
import { deepClone, miniScenario, miniScenarioData } from '../fixtures/mini-scenario';

/** One short line per event, to compare whole sequences at a glance. */
function outline(events: readonly StoryEvent[]): string[] {
  return events.map((event) => {
    if (event.type === 'beat') return `beat ${event.node} ${event.beat.type}`;
    if (event.type === 'decision') return `decision ${event.node}`;
    if (event.type === 'choice') return `choice ${event.node} ${event.choice.id}`;
    return `ended ${event.node} ${event.ending.outcome}`;
  });
}

function expectEngineError(fn: () => unknown, code: EngineErrorCode): void {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).code).toBe(code);
}

function startedRunner(...choices: string[]): ScenarioRunner {
  const runner = new ScenarioRunner(miniScenario, { now: fakeClock().now });
  runner.start();
  for (const id of choices) runner.choose(id);
  return runner;
}

describe('the mini scenario fixture', () => {
  it('uses every beat type the schema knows', () => {
    const known = beatSchema.options.map((member) => member.shape.type.value);
    const used = new Set<BeatType>();
    for (const node of Object.values(miniScenario.nodes)) {
      for (const beat of node.beats) used.add(beat.type);
    }
    expect(known).toHaveLength(9);
    expect([...used].sort()).toEqual([...known].sort());
  });
});

describe('ScenarioRunner: states and flow', () => {
  it('is "not-started" and empty before start()', () => {
    const runner = new ScenarioRunner(miniScenario);
    expect(runner.state).toBe('not-started');
    expect(runner.node).toBeUndefined();
    expect(runner.events).toEqual([]);
    expect(runner.taken).toEqual([]);
    expect(runner.availableChoices()).toEqual([]);
    expect(runner.prompt).toBeUndefined();
    expect(runner.ending).toBeUndefined();
    expect(runner.elapsedMs).toBe(0);
  });

  it("start() emits the first node's beats in order, then its decision", () => {
    const runner = new ScenarioRunner(miniScenario);
    const emitted = runner.start();
    expect(emitted).toEqual([
      { type: 'beat', node: 'request', beat: { type: 'notice', text: 'nodes.request.scene' } },
      {
        type: 'beat',
        node: 'request',
        beat: {
          type: 'friend-request',
          contact: 'stranger',
          text: 'nodes.request.text',
          flags: ['stranger-request'],
        },
      },
      { type: 'decision', node: 'request', prompt: 'nodes.request.prompt' },
    ]);
    expect(runner.state).toBe('waiting-for-choice');
    expect(runner.node).toBe('request');
    expect(runner.prompt).toBe('nodes.request.prompt');
    expect(runner.events).toEqual(emitted);
  });

  it('choose() emits the choice, then walks through a plain `next` node to the next decision', () => {
    const runner = startedRunner();
    const emitted = runner.choose('accept');
    expect(outline(emitted)).toEqual([
      'choice request accept',
      'beat chat message',
      'beat chat image',
      'beat chat message',
      'beat chat app-switch',
      'beat call caller-id',
      'beat call call-started',
      'beat call speech',
      'beat call speech',
      'decision call',
    ]);
    expect(emitted[0]).toEqual({
      type: 'choice',
      node: 'request',
      choice: {
        id: 'accept',
        node: 'request',
        sort: 'option',
        text: 'nodes.request.accept',
        score: 0,
        spots: [],
        misses: ['stranger-request'],
        feedback: 'nodes.request.acceptFeedback',
        next: 'chat',
      },
    });
    // The chat node has no decision: the runner never waits there.
    expect(runner.node).toBe('call');
    expect(runner.state).toBe('waiting-for-choice');
    expect(runner.prompt).toBe('nodes.call.prompt');
    expect(runner.taken).toEqual([{ node: 'request', choice: 'accept' }]);
  });

  it('records every event in order across the whole run, and ends in "ended"', () => {
    const runner = startedRunner();
    const all = [...runner.choose('accept'), ...runner.choose('screenshot')];
    const last = runner.choose('block');
    expect(outline(last)).toEqual([
      'choice call block',
      'beat blocked call-ended',
      'beat blocked notice',
      'ended end-safe safe',
    ]);
    expect(last.at(-1)).toEqual({
      type: 'ended',
      node: 'end-safe',
      ending: { outcome: 'safe', title: 'endings.safe.title', debrief: ['endings.safe.body'] },
    });
    expect(outline(runner.events)).toEqual([
      'beat request notice',
      'beat request friend-request',
      'decision request',
      ...outline(all),
      ...outline(last),
    ]);
    expect(runner.state).toBe('ended');
    expect(runner.node).toBe('end-safe');
    expect(runner.ending).toEqual({
      node: 'end-safe',
      ending: { outcome: 'safe', title: 'endings.safe.title', debrief: ['endings.safe.body'] },
    });
    expect(runner.availableChoices()).toEqual([]);
    expect(runner.prompt).toBeUndefined();
    expect(runner.taken).toEqual([
      { node: 'request', choice: 'accept' },
      { node: 'call', choice: 'screenshot' },
      { node: 'call', choice: 'block' },
    ]);
  });

  it('emits an ending node\'s own beats before the "ended" event', () => {
    const runner = startedRunner('accept');
    expect(outline(runner.choose('say-no'))).toEqual([
      'choice call say-no',
      'beat end-costly call-ended',
      'ended end-costly safe-but-costly',
    ]);
    expect(runner.ending?.ending.outcome).toBe('safe-but-costly');

    const harmed = startedRunner('accept');
    expect(outline(harmed.choose('buy-cards'))).toEqual([
      'choice call buy-cards',
      'beat end-harmed notice',
      'ended end-harmed harmed',
    ]);
    expect(harmed.ending?.ending.outcome).toBe('harmed');
  });
});

describe('ScenarioRunner: available choices', () => {
  it('lists the options first, then the safety actions, with action uses resolved', () => {
    const runner = startedRunner('accept');
    const choices = runner.availableChoices();
    expect(choices.map((c) => [c.id, c.sort])).toEqual([
      ['buy-cards', 'option'],
      ['say-no', 'option'],
      ['screenshot', 'action'],
      ['block', 'action'],
    ]);
    const screenshot = choices[2];
    // No override: the action's own label, score and feedback; no `next`, so it stays here.
    expect(screenshot).toEqual({
      id: 'screenshot',
      node: 'call',
      sort: 'action',
      actionKind: 'screenshot',
      text: 'actions.screenshot.label',
      score: 1,
      spots: [],
      misses: [],
      feedback: 'actions.screenshot.feedback',
    });
    expect(screenshot?.next).toBeUndefined();
    // The use at "call" overrides score, spots and feedback, and keeps the action's `next`.
    expect(choices[3]).toEqual({
      id: 'block',
      node: 'call',
      sort: 'action',
      actionKind: 'block',
      text: 'actions.block.label',
      score: 3,
      spots: ['off-platform', 'stranger-request', 'gift-card'],
      misses: [],
      feedback: 'nodes.call.blockFeedback',
      next: 'blocked',
    });
  });

  it('keeps the player at the decision after a screenshot, and offers it only once', () => {
    const runner = startedRunner('accept');
    const emitted = runner.choose('screenshot');
    expect(emitted).toEqual([
      { type: 'choice', node: 'call', choice: expect.objectContaining({ id: 'screenshot' }) },
      { type: 'decision', node: 'call', prompt: 'nodes.call.prompt' },
    ]);
    expect(runner.state).toBe('waiting-for-choice');
    expect(runner.node).toBe('call');
    expect(runner.availableChoices().map((c) => c.id)).toEqual(['buy-cards', 'say-no', 'block']);
    expectEngineError(() => runner.choose('screenshot'), 'unknown-choice');
    // The refused second screenshot left no trace.
    expect(runner.taken).toEqual([
      { node: 'request', choice: 'accept' },
      { node: 'call', choice: 'screenshot' },
    ]);
  });

  it('offers only the choices of the current decision', () => {
    const runner = startedRunner();
    expect(runner.availableChoices().map((c) => c.id)).toEqual(['accept', 'ignore']);
    expect(runner.availableChoices().every((c) => c.node === 'request')).toBe(true);
  });
});

describe('ScenarioRunner: misuse throws EngineError with a stable code', () => {
  it('refuses choose() before start()', () => {
    const runner = new ScenarioRunner(miniScenario);
    expectEngineError(() => runner.choose('accept'), 'not-started');
    expect(runner.state).toBe('not-started');
    expect(runner.events).toEqual([]);
  });

  it('refuses a second start()', () => {
    const runner = startedRunner('accept');
    const before = [...runner.events];
    expectEngineError(() => runner.start(), 'already-started');
    expect(runner.node).toBe('call');
    expect(runner.events).toEqual(before);
  });

  it('refuses start() again after the end', () => {
    const runner = startedRunner('ignore');
    expectEngineError(() => runner.start(), 'already-started');
  });

  it('refuses an unknown choice id, and a choice of another decision, changing nothing', () => {
    const runner = startedRunner();
    const before = [...runner.events];
    expectEngineError(() => runner.choose('no-such-choice'), 'unknown-choice');
    expectEngineError(() => runner.choose('say-no'), 'unknown-choice');
    expectEngineError(() => runner.choose('block'), 'unknown-choice');
    expect(runner.state).toBe('waiting-for-choice');
    expect(runner.node).toBe('request');
    expect(runner.events).toEqual(before);
    expect(runner.taken).toEqual([]);
  });

  it('refuses choose() after the end', () => {
    const runner = startedRunner('ignore');
    expect(runner.state).toBe('ended');
    expectEngineError(() => runner.choose('ignore'), 'not-waiting-for-choice');
    expectEngineError(() => runner.choose('accept'), 'not-waiting-for-choice');
  });

  it('throws "unknown-node" for a story pointing to a node that does not exist', () => {
    // The schema alone does not check references; only the validator does.
    const data = deepClone(miniScenarioData);
    data.start = 'nowhere';
    const runner = new ScenarioRunner(scenarioSchema.parse(data));
    expectEngineError(() => runner.start(), 'unknown-node');
  });

  it('throws "runaway-story" instead of hanging on a loop without a decision', () => {
    const data = deepClone(miniScenarioData);
    const chat = data.nodes.chat;
    if (!chat) throw new Error('fixture has no "chat" node');
    chat.next = 'chat';
    const runner = new ScenarioRunner(scenarioSchema.parse(data));
    runner.start();
    expectEngineError(() => runner.choose('accept'), 'runaway-story');
  });
});

describe('ScenarioRunner: time', () => {
  it('measures playing time with the injected clock, and stops it at the ending', () => {
    const clock = fakeClock();
    const startMs = clock.now();
    const runner = new ScenarioRunner(miniScenario, { now: clock.now });
    clock.advance(60_000);
    // Time before start() is not playing time.
    expect(runner.elapsedMs).toBe(0);
    runner.start();
    expect(runner.startedAt).toBe(startMs + 60_000);
    clock.advance(4_000);
    expect(runner.elapsedMs).toBe(4_000);
    runner.choose('accept');
    clock.advance(2_500);
    expect(runner.elapsedMs).toBe(6_500);
    runner.choose('say-no');
    expect(runner.state).toBe('ended');
    clock.advance(3_600_000);
    expect(runner.elapsedMs).toBe(6_500);
  });

  it('uses Date.now when no clock is injected', () => {
    const before = Date.now();
    const runner = new ScenarioRunner(miniScenario);
    runner.start();
    const after = Date.now();
    expect(runner.startedAt).toBeGreaterThanOrEqual(before);
    expect(runner.startedAt).toBeLessThanOrEqual(after);
  });

  it('never lets time count in the score: a fast and a slow player score the same', () => {
    const play = (msPerChoice: number) => {
      const clock = fakeClock();
      const runner = new ScenarioRunner(miniScenario, { now: clock.now });
      runner.start();
      for (const id of ['accept', 'screenshot', 'block']) {
        clock.advance(msPerChoice);
        runner.choose(id);
      }
      return { runner, result: tally(miniScenario, runner.events) };
    };
    const fast = play(200);
    const slow = play(15 * 60_000);
    expect(fast.runner.elapsedMs).toBe(600);
    expect(slow.runner.elapsedMs).toBe(45 * 60_000);
    expect(slow.result).toEqual(fast.result);
    expect(slow.runner.events).toEqual(fast.runner.events);
    expect(fast.result.score).toBe(4);
  });
});
