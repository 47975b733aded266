/**
 * The pressure timer's arithmetic, apart from the DOM so it can be tested with a hand-stepped
 * clock. Scam callers rush their targets; a teacher can let the class feel that rush. WCAG 2.2.1
 * asks that a time limit warns first and can be extended with one simple action, as often as the
 * player needs: `extend` is that action, and the limit never chooses for the player.
 */
export const PRESSURE = {
  /** How long a call decision lasts before the caller "pushes". */
  totalMs: 45_000,
  /** The warning shows this long before the end (at least 20 s, as WCAG asks). */
  warnMs: 20_000,
  /** Each "more time" adds this much. */
  extendMs: 30_000,
} as const;

export type PressurePhase = 'running' | 'warning' | 'expired';

export interface PressureClock {
  remainingMs(now: number): number;
  phase(now: number): PressurePhase;
  /** Gives more time; works in every phase, as often as asked. */
  extend(now: number): void;
}

export function createPressureClock(
  startedAt: number,
  totalMs: number = PRESSURE.totalMs,
): PressureClock {
  let endsAt = startedAt + totalMs;
  const remainingMs = (now: number) => Math.max(0, endsAt - now);
  return {
    remainingMs,
    phase(now) {
      const left = remainingMs(now);
      if (left <= 0) return 'expired';
      return left <= PRESSURE.warnMs ? 'warning' : 'running';
    },
    extend(now) {
      endsAt = Math.max(endsAt, now) + PRESSURE.extendMs;
    },
  };
}

/** "0:45" */
export function formatSeconds(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
