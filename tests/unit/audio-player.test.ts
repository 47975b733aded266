/**
 * The Howler adapter, with Howler replaced by a recording fake: one Howl per cue made on first
 * use, loops never doubled, volume and mute everywhere, and a failed or blocked sound leaves
 * the game silent with one warning and no error.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cuesForEvent } from '../../src/audio/cues';

interface HowlOptions {
  src: string[];
  format?: string[];
  html5?: boolean;
  preload?: boolean;
  loop?: boolean;
  volume?: number;
  mute?: boolean;
  onloaderror?: (id: number | null, error: unknown) => void;
  onplayerror?: (id: number, error: unknown) => void;
}

const fake = vi.hoisted(() => ({
  howls: [] as FakeHowlShape[],
  failNextConstruction: false,
  /** Calls to Howler.volume(): the first one starts Howler's audio engine. */
  engineStarts: 0,
}));

interface FakeHowlShape {
  options: HowlOptions;
  calls: string[];
  volumeNow: number;
  mutedNow: boolean;
}

vi.mock('howler', () => {
  class Howl implements FakeHowlShape {
    options: HowlOptions;
    calls: string[] = [];
    volumeNow: number;
    mutedNow: boolean;
    #next = 1;
    constructor(options: HowlOptions) {
      if (fake.failNextConstruction) {
        fake.failNextConstruction = false;
        throw new Error('no AudioContext');
      }
      this.options = options;
      this.volumeNow = options.volume ?? 1;
      this.mutedNow = options.mute ?? false;
      fake.howls.push(this);
    }
    play() {
      this.calls.push('play');
      return this.#next++;
    }
    stop(id?: number) {
      this.calls.push(id === undefined ? 'stop' : `stop ${id}`);
      return this;
    }
    volume(value: number) {
      this.volumeNow = value;
      return this;
    }
    mute(muted: boolean) {
      this.mutedNow = muted;
      return this;
    }
    unload() {
      this.calls.push('unload');
    }
  }
  const Howler = {
    volume() {
      fake.engineStarts += 1;
      return 1;
    },
  };
  return { Howl, Howler };
});

const { applyCues, createHowlerSoundPlayer, silentSoundPlayer } = await import(
  '../../src/audio/sound-player'
);

const howlFor = (cue: string) => fake.howls.find((h) => h.options.src[0]?.endsWith(`/${cue}.wav`));

let warn: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fake.howls.length = 0;
  fake.failNextConstruction = false;
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  expect(error).not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

describe('the silent player', () => {
  it('does nothing and never throws', () => {
    expect(() => {
      silentSoundPlayer.play('ringtone');
      silentSoundPlayer.stop('ringtone');
      silentSoundPlayer.stopAll();
      silentSoundPlayer.preload(['message']);
      silentSoundPlayer.setVolume(0.5, false);
      silentSoundPlayer.unload();
    }).not.toThrow();
  });
});

describe('createHowlerSoundPlayer', () => {
  it('starts the audio engine when made, before any sound is asked for', () => {
    const before = fake.engineStarts;
    createHowlerSoundPlayer('./');
    expect(fake.engineStarts).toBe(before + 1);
    expect(fake.howls).toHaveLength(0);
  });

  it('makes one Howl per cue on first use: Web Audio, preloaded, looping where it should', () => {
    const player = createHowlerSoundPlayer('./');
    expect(fake.howls).toHaveLength(0);
    player.play('ringtone');
    player.play('message');
    player.play('message');
    expect(fake.howls).toHaveLength(2);
    expect(howlFor('ringtone')?.options).toMatchObject({
      src: ['./sounds/ringtone.wav'],
      html5: false,
      preload: true,
      loop: true,
    });
    expect(howlFor('message')?.options).toMatchObject({ loop: false, html5: false });
    // One-shot cues may overlap (two messages in a row); a loop is never started twice.
    expect(howlFor('message')?.calls).toEqual(['play', 'play']);
    player.play('ringtone');
    expect(howlFor('ringtone')?.calls).toEqual(['play']);
  });

  it('uses the base URL of the site', () => {
    const player = createHowlerSoundPlayer('/red-flags/');
    player.preload(['dial', 'typing']);
    expect(fake.howls.map((h) => h.options.src[0])).toEqual([
      '/red-flags/sounds/dial.wav',
      '/red-flags/sounds/typing.wav',
    ]);
    expect(fake.howls.every((h) => h.calls.length === 0)).toBe(true);
  });

  it('stops one cue, restarts a stopped loop, and stops everything', () => {
    const player = createHowlerSoundPlayer('./');
    player.stop('vibrate'); // nothing made yet: nothing to do
    expect(fake.howls).toHaveLength(0);
    player.play('vibrate');
    player.stop('vibrate');
    player.play('vibrate');
    expect(howlFor('vibrate')?.calls).toEqual(['play', 'stop', 'play']);
    player.play('dial');
    player.stopAll();
    expect(howlFor('dial')?.calls).toEqual(['play', 'stop']);
    player.play('dial');
    expect(howlFor('dial')?.calls).toEqual(['play', 'stop', 'play']);
  });

  it('applies volume and mute to every sound, now and later, within 0 to 1', () => {
    const player = createHowlerSoundPlayer('./');
    player.play('message');
    player.setVolume(0.3, true);
    expect(howlFor('message')).toMatchObject({ volumeNow: 0.3, mutedNow: true });
    player.play('connect');
    expect(howlFor('connect')?.options).toMatchObject({ volume: 0.3, mute: true });
    player.setVolume(7, false);
    expect(howlFor('connect')).toMatchObject({ volumeNow: 1, mutedNow: false });
    player.setVolume(Number.NaN, false);
    expect(howlFor('message')?.volumeNow).toBe(0);
  });

  it('applies a story event: stops first, then plays', () => {
    const player = createHowlerSoundPlayer('./');
    applyCues(
      player,
      cuesForEvent({ type: 'beat', node: 'n', beat: { type: 'caller-id', contact: 'c' } }),
    );
    applyCues(
      player,
      cuesForEvent({ type: 'beat', node: 'n', beat: { type: 'call-started', contact: 'c' } }),
    );
    expect(howlFor('ringtone')?.calls).toEqual(['play', 'stop']);
    expect(howlFor('vibrate')?.calls).toEqual(['play', 'stop']);
    expect(howlFor('connect')?.calls).toEqual(['play']);
  });

  it('goes silent for a cue whose file fails to load, with one warning', () => {
    const player = createHowlerSoundPlayer('./');
    player.play('ringtone');
    player.play('message');
    howlFor('ringtone')?.options.onloaderror?.(null, 'Failed loading audio file with status: 404.');
    howlFor('message')?.options.onloaderror?.(null, 'Decoding audio data failed.');
    expect(howlFor('ringtone')?.calls).toEqual(['play', 'unload']);
    expect(warn).toHaveBeenCalledTimes(1);
    player.play('ringtone');
    player.play('message');
    expect(fake.howls).toHaveLength(2); // no new attempt for a broken file
    expect(() => player.stop('ringtone')).not.toThrow();
  });

  it('stays silent when playback is blocked, and can play again later', () => {
    const player = createHowlerSoundPlayer('./');
    player.play('dial');
    howlFor('dial')?.options.onplayerror?.(1, 'Playback was unable to start.');
    howlFor('dial')?.options.onplayerror?.(2, 'Playback was unable to start.');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(howlFor('dial')?.calls).toEqual(['play', 'stop 1', 'stop 2']);
    player.play('dial');
    expect(howlFor('dial')?.calls).toEqual(['play', 'stop 1', 'stop 2', 'play']);
  });

  it('never throws when Howler cannot start', () => {
    const player = createHowlerSoundPlayer('./');
    fake.failNextConstruction = true;
    expect(() => player.play('ringtone')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(() => player.play('message')).not.toThrow();
    expect(fake.howls).toHaveLength(1);
  });

  it('unloads every sound and stays silent afterwards', () => {
    const player = createHowlerSoundPlayer('./');
    player.play('ringtone');
    player.play('message');
    player.unload();
    expect(howlFor('ringtone')?.calls).toEqual(['play', 'unload']);
    expect(howlFor('message')?.calls).toEqual(['play', 'unload']);
    player.play('ringtone');
    player.play('hangup');
    expect(fake.howls).toHaveLength(2);
    expect(warn).not.toHaveBeenCalled();
  });
});
