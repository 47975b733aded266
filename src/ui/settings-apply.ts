/**
 * Puts the player's settings on the document, so CSS does the rest:
 * - text size: the root font-size (every size in styles.css is in rem or em);
 * - `data-contrast="high"` on <html> for the black-and-white theme (absent otherwise);
 * - `data-motion="reduce"` or `data-motion="full"` on <html>: "reduce" when the player chose
 *   it, or chose to follow the device and the device asks for reduced motion.
 * Code that animates (the phone, typing delays) asks `reducedMotion()` or `currentLook()`, and
 * `onLookChange()` tells it when either the settings or the device's preference change.
 */
import { loadSettings, onSettingsChange, type Settings, type TextScale } from '../storage/settings';

export interface Look {
  readonly reducedMotion: boolean;
  readonly highContrast: boolean;
  readonly textScale: TextScale;
}

const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function deviceReducesMotion(): boolean {
  try {
    return globalThis.matchMedia?.(REDUCED_MOTION_QUERY).matches ?? false;
  } catch {
    return false;
  }
}

function lookOf(settings: Settings): Look {
  const reduced =
    settings.motion === 'reduce' || (settings.motion === 'system' && deviceReducesMotion());
  return {
    reducedMotion: reduced,
    highContrast: settings.highContrast,
    textScale: settings.textScale,
  };
}

/** What the player sees now: the settings, with 'follow the device' resolved. */
export function currentLook(): Look {
  return lookOf(loadSettings());
}

/** True when animations, tweens and typing delays should be left out. */
export function reducedMotion(): boolean {
  return currentLook().reducedMotion;
}

/** Sets the root font-size and the data-* attributes on <html> from `settings`. */
export function applySettings(settings: Settings = loadSettings()): Look {
  const look = lookOf(settings);
  const root = document.documentElement;
  root.style.fontSize = `${look.textScale * 100}%`;
  root.dataset.textScale = String(look.textScale);
  if (look.highContrast) root.dataset.contrast = 'high';
  else delete root.dataset.contrast;
  root.dataset.motion = look.reducedMotion ? 'reduce' : 'full';
  return look;
}

type LookListener = (look: Look) => void;
const lookListeners = new Set<LookListener>();
let started = false;

function refresh(settings: Settings = loadSettings()): void {
  const look = applySettings(settings);
  for (const listener of [...lookListeners]) {
    try {
      listener(look);
    } catch (error) {
      console.error(error);
    }
  }
}

/**
 * Applies the settings now and keeps them applied: after every change of settings, and when
 * the device's reduced-motion preference changes. Safe to call more than once.
 */
export function startApplyingSettings(): Look {
  if (!started) {
    started = true;
    onSettingsChange((settings) => refresh(settings));
    try {
      globalThis.matchMedia?.(REDUCED_MOTION_QUERY).addEventListener('change', () => refresh());
    } catch {
      // A browser without matchMedia listeners: the setting itself still applies.
    }
  }
  return applySettings();
}

/**
 * Calls `listener` with the new look whenever the settings or the device's motion preference
 * change it (once `startApplyingSettings` has run, as main.ts does). Returns the unsubscribe.
 */
export function onLookChange(listener: LookListener): () => void {
  lookListeners.add(listener);
  return () => {
    lookListeners.delete(listener);
  };
}
