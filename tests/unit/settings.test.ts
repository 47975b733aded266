/**
 * The player's settings in localStorage: defaults, every field checked on the way in and out,
 * hostile or damaged values falling back field by field, and a device that cannot store them
 * (no storage, full storage, storage that throws) keeping them for the session.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SETTINGS,
  effectsGain,
  loadSettings,
  onSettingsChange,
  resetSettingsSession,
  type Settings,
  saveSettings,
  voiceGain,
} from '../../src/storage/settings';

const KEY = 'redflags.settings';

/** A localStorage stand-in for Node. */
class MapStorage {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

/** Storage that refuses every write, as a full quota or a locked-down profile does. */
class FullStorage extends MapStorage {
  override setItem(): void {
    throw new DOMException('quota exceeded', 'QuotaExceededError');
  }
}

const globals = globalThis as { localStorage?: unknown };
const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
let storage: MapStorage;

function useStorage(next: unknown): void {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    writable: true,
    value: next,
  });
}

beforeEach(() => {
  resetSettingsSession();
  storage = new MapStorage();
  useStorage(storage);
});
afterEach(() => {
  resetSettingsSession();
  if (original) Object.defineProperty(globalThis, 'localStorage', original);
  else delete globals.localStorage;
});

const CHANGED: Settings = {
  textScale: 1.75,
  highContrast: true,
  motion: 'reduce',
  effectsVolume: 35,
  effectsMuted: true,
  voiceOn: true,
  voiceVolume: 10,
};

describe('settings', () => {
  it('start at the defaults: normal text, device motion, voice off for class use', () => {
    expect(loadSettings()).toEqual({
      textScale: 1,
      highContrast: false,
      motion: 'system',
      effectsVolume: 70,
      effectsMuted: false,
      voiceOn: false,
      voiceVolume: 80,
    });
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('are saved, merged and read back on the next visit', () => {
    expect(saveSettings({ textScale: 1.5 })).toBe(true);
    expect(saveSettings({ motion: 'full', voiceOn: true })).toBe(true);
    resetSettingsSession(); // a new visit: only storage remembers
    expect(loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      textScale: 1.5,
      motion: 'full',
      voiceOn: true,
    });
    expect(JSON.parse(storage.getItem(KEY) ?? 'null')).toMatchObject({ textScale: 1.5 });
  });

  it('remember every field', () => {
    saveSettings(CHANGED);
    resetSettingsSession();
    expect(loadSettings()).toEqual(CHANGED);
  });

  it('fall back field by field when a stored value is bad', () => {
    storage.setItem(
      KEY,
      JSON.stringify({
        textScale: 3,
        highContrast: 'yes',
        motion: 'reduce',
        effectsVolume: 101,
        effectsMuted: true,
        voiceOn: 1,
        voiceVolume: -1,
      }),
    );
    expect(loadSettings()).toEqual({ ...DEFAULT_SETTINGS, motion: 'reduce', effectsMuted: true });
  });

  it.each([
    ['not JSON', '{textScale: 2'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"big"'],
    ['an array', '[2, true, "reduce"]'],
    ['NaN smuggled as a string', '{"effectsVolume": "NaN", "textScale": "2"}'],
    ['a huge string', `{"motion": "${'x'.repeat(5_000_000)}"}`],
    ['a huge valid-looking object', `{"textScale": 2, "pad": "${'x'.repeat(100_000)}"}`],
    ['an empty string', ''],
  ])('ignore %s and use the defaults', (_name, text) => {
    storage.setItem(KEY, text);
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('never let __proto__ or constructor in the data reach an object', () => {
    storage.setItem(
      KEY,
      '{"__proto__": {"textScale": 2, "highContrast": true, "polluted": true}, "constructor": {"prototype": {"polluted": true}}, "voiceOn": true}',
    );
    const settings = loadSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, voiceOn: true });
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('read any JSON at all without throwing, and always answer valid settings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        storage.setItem(KEY, text);
        const settings = loadSettings();
        expect([1, 1.25, 1.5, 1.75, 2]).toContain(settings.textScale);
        expect(['system', 'reduce', 'full']).toContain(settings.motion);
        for (const volume of [settings.effectsVolume, settings.voiceVolume]) {
          expect(Number.isInteger(volume) && volume >= 0 && volume <= 100).toBe(true);
        }
        for (const flag of [settings.highContrast, settings.effectsMuted, settings.voiceOn]) {
          expect(typeof flag).toBe('boolean');
        }
      }),
    );
  });

  it('ignore invalid changes, keep the valid ones, and round volumes', () => {
    saveSettings({ textScale: 1.25 });
    const hostile = {
      textScale: 9,
      motion: 'fast',
      effectsVolume: 42.4,
      voiceVolume: Number.NaN,
      highContrast: 'true',
    } as unknown as Partial<Settings>;
    saveSettings(hostile);
    expect(loadSettings()).toEqual({ ...DEFAULT_SETTINGS, textScale: 1.25, effectsVolume: 42 });
  });

  it('last for the session when the storage is full, and say they were not stored', () => {
    useStorage(new FullStorage());
    expect(saveSettings({ textScale: 2, highContrast: true })).toBe(false);
    expect(loadSettings()).toEqual({ ...DEFAULT_SETTINGS, textScale: 2, highContrast: true });
  });

  it('last for the session when there is no storage at all', () => {
    delete globals.localStorage;
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(saveSettings({ motion: 'reduce' })).toBe(false);
    expect(loadSettings().motion).toBe('reduce');
  });

  it('survive storage whose every call throws (a blocked private window)', () => {
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(saveSettings({ effectsMuted: true })).toBe(false);
    expect(loadSettings().effectsMuted).toBe(true);

    const throwing = {
      getItem() {
        throw new Error('broken');
      },
      setItem() {
        throw new Error('broken');
      },
      removeItem() {},
    };
    resetSettingsSession();
    useStorage(throwing);
    expect(loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(saveSettings({ voiceOn: true })).toBe(false);
    expect(loadSettings().voiceOn).toBe(true);
  });

  it('cannot be changed from outside through the object handed out', () => {
    const settings = loadSettings() as { textScale: number };
    expect(() => {
      settings.textScale = 2;
    }).toThrow(TypeError);
    expect(loadSettings().textScale).toBe(1);
  });
});

describe('settings listeners', () => {
  it('hear each change once, with the new settings, until they unsubscribe', () => {
    const heard: Settings[] = [];
    const stop = onSettingsChange((settings) => heard.push(settings));
    saveSettings({ textScale: 1.5 });
    saveSettings({ textScale: 1.5 }); // no change: nothing to tell
    saveSettings({ highContrast: true });
    stop();
    saveSettings({ motion: 'reduce' });
    expect(heard.map((s) => [s.textScale, s.highContrast, s.motion])).toEqual([
      [1.5, false, 'system'],
      [1.5, true, 'system'],
    ]);
  });

  it('hear changes even when the device cannot store them', () => {
    useStorage(new FullStorage());
    const listener = vi.fn();
    onSettingsChange(listener);
    expect(saveSettings({ voiceOn: true })).toBe(false);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ voiceOn: true }));
  });

  it('do not stop each other or the save when one throws', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const second = vi.fn();
    onSettingsChange(() => {
      throw new Error('broken listener');
    });
    onSettingsChange(second);
    expect(saveSettings({ effectsVolume: 20 })).toBe(true);
    expect(second).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});

describe('gains for the sound system', () => {
  it('are 0 to 1, and 0 when muted or the voice is off', () => {
    expect(effectsGain(DEFAULT_SETTINGS)).toBe(0.7);
    expect(effectsGain({ ...DEFAULT_SETTINGS, effectsMuted: true })).toBe(0);
    expect(voiceGain(DEFAULT_SETTINGS)).toBe(0);
    expect(voiceGain({ ...DEFAULT_SETTINGS, voiceOn: true, voiceVolume: 50 })).toBe(0.5);
    saveSettings({ effectsVolume: 25 });
    expect(effectsGain()).toBe(0.25);
  });
});
