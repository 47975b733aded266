/**
 * The scenario runner: walks a validated scenario, one decision at a time.
 *
 * Like inkjs and YarnSpinner, it knows nothing about screens or languages. It emits story
 * events that carry text keys; the UI draws them and calls `choose` with a stable choice id.
 * Its state is a small string union so that a UI (or a test) can always tell what to do next.
 */
import { type Choice, choicesAt } from './choices';
import { EngineError } from './errors';
import type { Beat, Ending, Scenario, ScenarioNode } from './schema';

export type RunnerState = 'not-started' | 'waiting-for-choice' | 'ended';

/** One choice the player made, by id: what snapshots and results record. */
export interface TakenChoice {
  readonly node: string;
  readonly choice: string;
}

export type StoryEvent =
  | { readonly type: 'beat'; readonly node: string; readonly beat: Beat }
  | { readonly type: 'choice'; readonly node: string; readonly choice: Choice }
  | { readonly type: 'decision'; readonly node: string; readonly prompt: string }
  | { readonly type: 'ended'; readonly node: string; readonly ending: Ending };

export interface RunnerOptions {
  /** Milliseconds since the epoch; injected so tests control time. */
  readonly now?: () => number;
}

export class ScenarioRunner {
  readonly scenario: Scenario;
  #state: RunnerState = 'not-started';
  #node: string | undefined;
  readonly #taken: TakenChoice[] = [];
  readonly #events: StoryEvent[] = [];
  readonly #now: () => number;
  #startedAt = 0;
  /** Playing time before this session (a restored snapshot), so closed-tab time never counts. */
  #elapsedBefore = 0;
  #sessionStart = 0;
  #finishedElapsed: number | undefined;
  #finishedAt: number | undefined;

  constructor(scenario: Scenario, options: RunnerOptions = {}) {
    this.scenario = scenario;
    this.#now = options.now ?? Date.now;
  }

  get state(): RunnerState {
    return this.#state;
  }

  /** The node the player is at, or undefined before the start. */
  get node(): string | undefined {
    return this.#node;
  }

  /** Everything that has happened so far, in order: enough to redraw the screen after a resume. */
  get events(): readonly StoryEvent[] {
    return this.#events;
  }

  get taken(): readonly TakenChoice[] {
    return this.#taken;
  }

  get startedAt(): number {
    return this.#startedAt;
  }

  /** When the ending was reached (clock time), once the state is "ended". */
  get finishedAt(): number | undefined {
    return this.#finishedAt;
  }

  /** Playing time so far, in milliseconds, excluding any time the scenario was closed. */
  get elapsedMs(): number {
    if (this.#finishedElapsed !== undefined) return this.#finishedElapsed;
    if (this.#state === 'not-started') return 0;
    return this.#elapsedBefore + Math.max(0, this.#now() - this.#sessionStart);
  }

  /** The ending reached, once the state is "ended". */
  get ending(): { readonly node: string; readonly ending: Ending } | undefined {
    if (this.#state !== 'ended' || this.#node === undefined) return undefined;
    const ending = this.scenario.nodes[this.#node]?.ending;
    return ending ? { node: this.#node, ending } : undefined;
  }

  /** The choices open right now; empty unless the state is "waiting-for-choice". */
  availableChoices(): Choice[] {
    if (this.#state !== 'waiting-for-choice' || this.#node === undefined) return [];
    const node = this.#node;
    const takenHere = new Set(this.#taken.filter((t) => t.node === node).map((t) => t.choice));
    // A choice that keeps the player here (a screenshot) can be taken once per decision.
    return choicesAt(this.scenario, node).filter(
      (choice) => choice.next !== undefined || !takenHere.has(choice.id),
    );
  }

  /** The prompt of the open decision, as a text key. */
  get prompt(): string | undefined {
    if (this.#state !== 'waiting-for-choice' || this.#node === undefined) return undefined;
    return this.scenario.nodes[this.#node]?.decision?.prompt;
  }

  /** Starts the story and returns the events up to the first decision (or the ending). */
  start(): StoryEvent[] {
    if (this.#state !== 'not-started') {
      throw new EngineError('already-started', 'the scenario has already started');
    }
    this.#startedAt = this.#now();
    this.#sessionStart = this.#startedAt;
    return this.#enter(this.scenario.start);
  }

  /** Takes a choice by id and returns the events up to the next decision (or the ending). */
  choose(choiceId: string): StoryEvent[] {
    if (this.#state === 'not-started') {
      throw new EngineError('not-started', 'call start() before choose()');
    }
    if (this.#state !== 'waiting-for-choice' || this.#node === undefined) {
      throw new EngineError('not-waiting-for-choice', 'the scenario has ended');
    }
    const node = this.#node;
    const choice = this.availableChoices().find((c) => c.id === choiceId);
    if (!choice) {
      throw new EngineError('unknown-choice', `"${choiceId}" is not a choice open at "${node}"`);
    }
    this.#taken.push({ node, choice: choice.id });
    const emitted: StoryEvent[] = [this.#emit({ type: 'choice', node, choice })];
    if (choice.next === undefined) {
      emitted.push(this.#emit({ type: 'decision', node, prompt: this.prompt ?? '' }));
      return emitted;
    }
    return [...emitted, ...this.#enter(choice.next)];
  }

  /** Used by restore: resume the clock with the playing time a snapshot had recorded. */
  resumeClock(startedAt: number, elapsedMs: number): void {
    this.#startedAt = startedAt;
    this.#elapsedBefore = elapsedMs;
    this.#sessionStart = this.#now();
    if (this.#state === 'ended') {
      // The replay just reached the ending again; the original finish is startedAt + elapsed.
      this.#finishedElapsed = elapsedMs;
      this.#finishedAt = startedAt + elapsedMs;
    }
  }

  #emit(event: StoryEvent): StoryEvent {
    this.#events.push(event);
    return event;
  }

  /** Walks from a node through its beats and any plain `next` links, to a decision or an end. */
  #enter(firstNode: string): StoryEvent[] {
    const emitted: StoryEvent[] = [];
    let nodeId: string | undefined = firstNode;
    // A validated scenario has no cycles; this bound keeps a broken one from hanging the page.
    for (let steps = 0; nodeId !== undefined; steps++) {
      if (steps > Object.keys(this.scenario.nodes).length) {
        throw new EngineError('runaway-story', `the story loops without a decision at "${nodeId}"`);
      }
      const node: ScenarioNode | undefined = this.scenario.nodes[nodeId];
      if (!node) throw new EngineError('unknown-node', `there is no node "${nodeId}"`);
      this.#node = nodeId;
      for (const beat of node.beats) emitted.push(this.#emit({ type: 'beat', node: nodeId, beat }));
      if (node.decision) {
        this.#state = 'waiting-for-choice';
        emitted.push(this.#emit({ type: 'decision', node: nodeId, prompt: node.decision.prompt }));
        return emitted;
      }
      if (node.ending) {
        this.#state = 'ended';
        this.#finishedAt = this.#now();
        this.#finishedElapsed =
          this.#elapsedBefore + Math.max(0, this.#finishedAt - this.#sessionStart);
        emitted.push(this.#emit({ type: 'ended', node: nodeId, ending: node.ending }));
        return emitted;
      }
      nodeId = node.next;
    }
    return emitted;
  }
}
