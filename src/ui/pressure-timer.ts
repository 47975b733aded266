/**
 * The call's pressure timer, when a teacher turns it on for the class (off by default). It shows
 * how long the caller will "wait", warns well before the end, offers more time as often as
 * asked, and at zero only says that rushing is the scammer's trick: it never chooses for the
 * player (WCAG 2.2.1).
 */
import type { TFunction } from 'i18next';
import { el } from './dom';
import { createPressureClock, formatSeconds, type PressurePhase } from './pressure-clock';

export interface PressureTimer {
  readonly root: HTMLElement;
  /** Starts a fresh countdown for a new decision. */
  start(): void;
  stop(): void;
  relabel(t: TFunction): void;
}

export function createPressureTimer(
  t: () => TFunction,
  now: () => number = () => performance.now(),
): PressureTimer {
  const time = el('span', {
    className: 'pressure-time',
    attrs: { role: 'timer', 'aria-live': 'off' },
  });
  const label = el('span', { className: 'pressure-label' });
  const warning = el('p', { className: 'pressure-warning', attrs: { role: 'alert' } });
  const more = el('button', {
    attrs: { type: 'button', 'data-action': 'more-time' },
    on: { click: () => clock?.extend(now()) },
  });
  const off = el('button', {
    attrs: { type: 'button', 'data-action': 'timer-off' },
    on: {
      click: () => {
        switchedOff = true;
        stop();
      },
    },
  });
  const root = el('section', { className: 'pressure-timer' }, [
    el('p', { className: 'pressure-line' }, [label, ' ', time]),
    warning,
    el('div', { className: 'button-row' }, [more, off]),
  ]);
  root.hidden = true;
  let clock: ReturnType<typeof createPressureClock> | undefined;
  let interval: ReturnType<typeof setInterval> | undefined;
  let phase: PressurePhase = 'running';
  /** The player switched it off: it stays off for the rest of this scenario. */
  let switchedOff = false;

  const tick = () => {
    if (!clock) return;
    const at = now();
    time.textContent = formatSeconds(clock.remainingMs(at));
    const next = clock.phase(at);
    if (next === phase) return;
    phase = next;
    root.dataset.phase = next;
    // The alert speaks once per phase change, not every second.
    warning.textContent =
      next === 'warning'
        ? t()('pressure.warning')
        : next === 'expired'
          ? t()('pressure.expired')
          : '';
  };

  function stop() {
    if (interval !== undefined) clearInterval(interval);
    interval = undefined;
    clock = undefined;
    root.hidden = true;
    warning.textContent = '';
  }

  const relabel = (tr: TFunction) => {
    label.textContent = tr('pressure.label');
    more.textContent = tr('pressure.more');
    off.textContent = tr('pressure.off');
  };

  return {
    root,
    start() {
      stop();
      if (switchedOff) return;
      relabel(t());
      clock = createPressureClock(now());
      phase = 'running';
      root.dataset.phase = phase;
      root.hidden = false;
      tick();
      interval = setInterval(tick, 250);
    },
    stop,
    relabel,
  };
}
