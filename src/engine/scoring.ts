/**
 * Scoring: a safety score from the choices made, and the status of every red flag.
 * Derived from the story events alone, so a restored run scores exactly like a live one.
 * Time is never an input: there are no points for speed.
 */
import type { StoryEvent } from './runner';
import type { Scenario } from './schema';

export type FlagStatus = 'spotted' | 'missed' | 'not-seen';

export interface FlagOutcome {
  readonly id: string;
  readonly status: FlagStatus;
  /** The node where the flag first became visible, for the debrief's timeline. */
  readonly appearedAt?: string;
  /** The index, among the story's events, of the beat that first showed it (its moment). */
  readonly appearedIndex?: number;
  /** The node of the choice that recognised it, or walked past it. */
  readonly decidedAt?: string;
}

export interface Tally {
  /** The sum of the choices' safety points; can be negative. */
  readonly score: number;
  readonly bestScore: number;
  readonly flags: readonly FlagOutcome[];
}

export function tally(scenario: Scenario, events: readonly StoryEvent[]): Tally {
  let score = 0;
  const appeared = new Map<string, { node: string; index: number }>();
  const spotted = new Map<string, string>();
  const missed = new Map<string, string>();
  for (const [index, event] of events.entries()) {
    if (event.type === 'beat') {
      for (const flag of event.beat.flags ?? []) {
        if (!appeared.has(flag)) appeared.set(flag, { node: event.node, index });
      }
    } else if (event.type === 'choice') {
      score += event.choice.score;
      for (const flag of event.choice.spots) if (!spotted.has(flag)) spotted.set(flag, event.node);
      for (const flag of event.choice.misses) if (!missed.has(flag)) missed.set(flag, event.node);
    }
  }
  const flags = Object.keys(scenario.redFlags).map((id): FlagOutcome => {
    const first = appeared.get(id);
    const appearedAt = first?.node;
    const where = first === undefined ? {} : { appearedAt: first.node, appearedIndex: first.index };
    // Recognising a flag at any point counts, even after walking past it once: that is learning.
    const spottedAt = spotted.get(id);
    if (spottedAt !== undefined) return { id, status: 'spotted', ...where, decidedAt: spottedAt };
    const missedAt = missed.get(id);
    if (missedAt !== undefined) return { id, status: 'missed', ...where, decidedAt: missedAt };
    return { id, status: appearedAt === undefined ? 'not-seen' : 'missed', ...where };
  });
  return { score, bestScore: scenario.bestScore, flags };
}

/** The safety score as a whole percentage, 0 to 100, for display and class averages. */
export function safetyPercent(score: number, bestScore: number): number {
  if (bestScore <= 0) return 0;
  return Math.round((100 * Math.min(Math.max(score, 0), bestScore)) / bestScore);
}
