/**
 * The player's settings (text size, contrast, motion, sound, voice), remembered on this device
 * between visits. What storage hands back is checked field by field: a missing, damaged or
 * hostile value falls back to that field's default and never throws. When the device cannot
 * keep them (private window, storage full or off), settings still hold for the session.
 */
import { readText, writeJson } from './local-store';

export const TEXT_SCALES = [1, 1.25, 1.5, 1.75, 2] as const;
export type TextScale = (typeof TEXT_SCALES)[number];

/** 'system' follows the device's prefers-reduced-motion; the others override it. */
export const MOTIONS = ['system', 'reduce', 'full'] as const;
export type Motion = (typeof MOTIONS)[number];

export interface Settings {
  readonly textScale: TextScale;
  readonly highContrast: boolean;
  readonly motion: Motion;
  /** 0 to 100. */
  readonly effectsVolume: number;
  readonly effectsMuted: boolean;
  /** Callers' words read aloud. Off by default: the game is played in class. */
  readonly voiceOn: boolean;
  /** 0 to 100. */
  readonly voiceVolume: number;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  textScale: 1,
  highContrast: false,
  motion: 'system',
  effectsVolume: 70,
  effectsMuted: false,
  voiceOn: false,
  voiceVolume: 80,
});

const KEY = 'settings';
/** Settings are a few short fields; anything longer than this was not written by the game. */
const MAX_STORED_LENGTH = 2_000;

type Field = keyof Settings;
const FIELDS = Object.keys(DEFAULT_SETTINGS) as Field[];

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

function readVolume(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
    return undefined;
  }
  return Math.round(value);
}

/** Each field's check: the value when it is valid, else undefined. */
const CHECKS: { [F in Field]: (value: unknown) => Settings[F] | undefined } = {
  textScale: (value) => TEXT_SCALES.find((scale) => scale === value),
  highContrast: (value) => (isBoolean(value) ? value : undefined),
  motion: (value) => MOTIONS.find((motion) => motion === value),
  effectsVolume: readVolume,
  effectsMuted: (value) => (isBoolean(value) ? value : undefined),
  voiceOn: (value) => (isBoolean(value) ? value : undefined),
  voiceVolume: readVolume,
};

function own(source: object, field: string): unknown {
  return Object.hasOwn(source, field) ? (source as Record<string, unknown>)[field] : undefined;
}

/**
 * `base` with every valid field of `source` laid over it. Only the known fields are read, and
 * only as own properties, so `__proto__` or `constructor` in the data change nothing.
 */
function merge(base: Settings, source: unknown): Settings {
  if (typeof source !== 'object' || source === null || Array.isArray(source)) return base;
  const next: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const checked = CHECKS[field](own(source, field));
    next[field] = checked === undefined ? base[field] : checked;
  }
  return Object.freeze(next as unknown as Settings);
}

function readStored(): Settings {
  const text = readText(KEY);
  if (text === undefined || text.length > MAX_STORED_LENGTH) return DEFAULT_SETTINGS;
  try {
    return merge(DEFAULT_SETTINGS, JSON.parse(text) as unknown);
  } catch {
    return DEFAULT_SETTINGS;
  }
}

/** This session's settings once one was saved: they win even when storage could not keep them. */
let session: Settings | undefined;
type Listener = (settings: Settings) => void;
const listeners = new Set<Listener>();

/** The current settings: this session's, else the stored ones, else the defaults. */
export function loadSettings(): Settings {
  return session ?? readStored();
}

/**
 * Lays the valid fields of `changes` over the current settings (invalid ones are ignored),
 * keeps the result for the session, stores it, and tells the listeners when anything changed.
 * Returns whether the device stored it; when not, the settings last until the page closes.
 */
export function saveSettings(changes: Partial<Settings>): boolean {
  const before = loadSettings();
  const next = merge(before, changes);
  session = next;
  const stored = writeJson(KEY, next);
  if (FIELDS.some((field) => before[field] !== next[field])) {
    for (const listener of [...listeners]) {
      try {
        listener(next);
      } catch (error) {
        // One broken listener must not stop the others (or the save).
        console.error(error);
      }
    }
  }
  return stored;
}

/** Calls `listener` with the new settings after each change. Returns the unsubscribe. */
export function onSettingsChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The sound effects' volume from 0 to 1, 0 when muted (for Howler). */
export function effectsGain(settings: Settings = loadSettings()): number {
  return settings.effectsMuted ? 0 : settings.effectsVolume / 100;
}

/** The callers' voice volume from 0 to 1, 0 when the voice is off (for speechSynthesis). */
export function voiceGain(settings: Settings = loadSettings()): number {
  return settings.voiceOn ? settings.voiceVolume / 100 : 0;
}

/** For tests: forgets this session's settings and listeners, as a fresh page would. */
export function resetSettingsSession(): void {
  session = undefined;
  listeners.clear();
}
