/**
 * How fast the story arrives. A real chat does not drop five messages at once: the other side
 * types, then the message lands; a caller talks for a moment before you can answer. This module
 * turns a batch of story events into timed steps. It is pure (no timers): the play screen runs
 * the steps, and tests read them.
 *
 * With reduced motion every wait is zero and nobody "types": the whole batch arrives at once.
 */
import type { StoryEvent } from '../engine/index';

export interface RevealStep {
  /** How long to wait before this event shows, in milliseconds. */
  readonly waitMs: number;
  /** Whether the other side shows as typing during the wait. */
  readonly typing: boolean;
  readonly event: StoryEvent;
}

export interface PacingOptions {
  readonly reducedMotion: boolean;
}

/** Reading and typing speeds, chosen to feel like a phone without boring a class. */
export const PACE = {
  /** A contact types: a floor, a little per character, and a ceiling. */
  typingBaseMs: 700,
  typingPerCharMs: 22,
  typingMaxMs: 2400,
  /** The player's own message goes out. */
  sentMs: 350,
  /** A caller's sentence: time to read the caption before the next one. */
  speechBaseMs: 500,
  speechPerCharMs: 18,
  speechMaxMs: 2600,
  /** The phone rings a moment before the choices show. */
  ringMs: 1200,
  /** Anything else (a notice, a call connecting). */
  otherMs: 450,
} as const;

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/**
 * The steps for a batch of events. `textLength` gives the length of an event's visible text
 * (translated), since longer messages take longer to type and read.
 */
export function revealSteps(
  events: readonly StoryEvent[],
  textLength: (event: StoryEvent) => number,
  options: PacingOptions,
): RevealStep[] {
  return events.map((event) => {
    if (options.reducedMotion) return { waitMs: 0, typing: false, event };
    return { ...timing(event, textLength(event)), event };
  });
}

function timing(event: StoryEvent, length: number): { waitMs: number; typing: boolean } {
  // The player's own choice shows at once: it answers the click.
  if (event.type !== 'beat') return { waitMs: 0, typing: false };
  const beat = event.beat;
  switch (beat.type) {
    case 'message':
    case 'image':
      if (beat.from === 'player') return { waitMs: PACE.sentMs, typing: false };
      return {
        waitMs: clamp(PACE.typingBaseMs + length * PACE.typingPerCharMs, 0, PACE.typingMaxMs),
        typing: true,
      };
    case 'speech':
      return {
        waitMs: clamp(PACE.speechBaseMs + length * PACE.speechPerCharMs, 0, PACE.speechMaxMs),
        typing: false,
      };
    default:
      return { waitMs: PACE.otherMs, typing: false };
  }
}

/** The wait after the last step before the choices show: the phone rings a moment first. */
export function settleMs(events: readonly StoryEvent[], options: PacingOptions): number {
  if (options.reducedMotion) return 0;
  const last = [...events].reverse().find((event) => event.type === 'beat');
  return last?.type === 'beat' && last.beat.type === 'caller-id' ? PACE.ringMs : 0;
}
