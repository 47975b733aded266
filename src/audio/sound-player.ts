/**
 * The game's one sound system: a small port (`SoundPlayer`) and its Howler adapter. Howler is
 * imported here and nowhere else; this module is loaded lazily with a scenario.
 *
 * Sound is never essential (every cue has a caption) so nothing here may break a game: when a
 * file fails to load or the browser blocks playback, that cue stays silent, one console.warn
 * says so, and no call ever throws.
 */
import { Howl, Howler } from 'howler';
import { type CueChange, isLoopingCue, type SoundCue } from './cues';

export interface SoundPlayer {
  /** Starts a cue. A looping cue already playing is left as it is (never doubled). */
  play(cue: SoundCue): void;
  stop(cue: SoundCue): void;
  stopAll(): void;
  /** Loads cues ahead of time so the first ring starts on time; optional to call. */
  preload(cues: readonly SoundCue[]): void;
  /** Volume from 0 to 1 and mute, for every cue, now and later. */
  setVolume(volume0to1: number, muted: boolean): void;
  /** Stops and frees every sound; the player stays silent afterwards. */
  unload(): void;
}

const noop = (): void => {};

/** A player that plays nothing: before sound has loaded, or when sound is off. */
export const silentSoundPlayer: SoundPlayer = Object.freeze({
  play: noop,
  stop: noop,
  stopAll: noop,
  preload: noop,
  setVolume: noop,
  unload: noop,
});

/** Applies what `cuesForEvent` returned: stops first, then starts. */
export function applyCues(player: SoundPlayer, change: CueChange): void {
  for (const cue of change.stop) player.stop(cue);
  for (const cue of change.play) player.play(cue);
}

/** A volume Howler accepts: a number from 0 to 1 (anything else is silence). */
function clampVolume(volume: number): number {
  return Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 0;
}

/**
 * The Howler adapter. `baseUrl` is where the site is served from, ending in a slash
 * (`import.meta.env.BASE_URL`); the files are `${baseUrl}sounds/<cue>.wav`. Each Howl is
 * created (and starts loading) the first time its cue is played or preloaded. Web Audio only
 * (html5: false); Howler's global volume and audio context are left alone.
 */
export function createHowlerSoundPlayer(baseUrl: string): SoundPlayer {
  const howls = new Map<SoundCue, Howl>();
  const failed = new Set<SoundCue>();
  /** Looping cues that should be sounding now: play() on one of them does not start another. */
  const looping = new Set<SoundCue>();
  let volume = 1;
  let muted = false;
  let unloaded = false;
  let warned = false;

  const warnOnce = (detail: unknown): void => {
    if (warned) return;
    warned = true;
    console.warn('Red Flags: sound is off for this game (captions still show).', detail);
  };

  /** Runs a Howler call, turning anything it throws into silence and one warning. */
  const guard = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      warnOnce(error);
    }
  };

  // The audio engine starts now, while the scenario's files are still on their way (a moment of
  // CPU on a slow laptop), rather than with the first sound, mid-story.
  guard(() => Howler.volume());

  const fail = (cue: SoundCue, detail: unknown): void => {
    failed.add(cue);
    looping.delete(cue);
    const howl = howls.get(cue);
    howls.delete(cue);
    warnOnce(detail);
    if (howl) guard(() => howl.unload());
  };

  const howlFor = (cue: SoundCue): Howl | undefined => {
    if (unloaded || failed.has(cue)) return undefined;
    const existing = howls.get(cue);
    if (existing) return existing;
    try {
      const howl = new Howl({
        src: [`${baseUrl}sounds/${cue}.wav`],
        format: ['wav'],
        html5: false,
        preload: true,
        loop: isLoopingCue(cue),
        volume,
        mute: muted,
        onloaderror: (_id, error) => fail(cue, error),
        onplayerror: (id, error) => {
          // Autoplay blocked or the device refused: this play stays silent, the game goes on.
          if (isLoopingCue(cue)) looping.delete(cue);
          warnOnce(error);
          guard(() => howls.get(cue)?.stop(id));
        },
      });
      howls.set(cue, howl);
      return howl;
    } catch (error) {
      fail(cue, error);
      return undefined;
    }
  };

  return {
    play(cue) {
      const loop = isLoopingCue(cue);
      if (loop && looping.has(cue)) return;
      const howl = howlFor(cue);
      if (!howl) return;
      if (loop) looping.add(cue);
      guard(() => howl.play());
    },
    stop(cue) {
      looping.delete(cue);
      const howl = howls.get(cue);
      if (howl) guard(() => howl.stop());
    },
    stopAll() {
      looping.clear();
      for (const howl of howls.values()) guard(() => howl.stop());
    },
    preload(cues) {
      for (const cue of cues) howlFor(cue);
    },
    setVolume(volume0to1, mute) {
      volume = clampVolume(volume0to1);
      muted = mute;
      for (const howl of howls.values()) {
        guard(() => {
          howl.volume(volume);
          howl.mute(muted);
        });
      }
    },
    unload() {
      unloaded = true;
      looping.clear();
      for (const howl of howls.values()) guard(() => howl.unload());
      howls.clear();
    },
  };
}
