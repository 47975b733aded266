/**
 * The scenario's sound: the story events become sound cues (src/audio/cues.ts), played through
 * Howler, each with a caption in the transcript, and callers' words spoken by a voice stored on
 * the device when the player turned it on. Sound is never needed: captions always show, and a
 * sound that fails to load or is blocked leaves the game silent, with nothing said to the player.
 */
import type { TFunction } from 'i18next';
import { captionKey, cuesForEvent, isLoopingCue, SOUND_CUES, type SoundCue } from '../audio/cues';
import type { SoundPlayer } from '../audio/sound-player';
import { createVoice } from '../audio/voice';
import type { StoryEvent } from '../engine/index';
import type { Language } from '../i18n/languages';
import { effectsGain, loadSettings, onSettingsChange, voiceGain } from '../storage/settings';

export interface PlayAudio {
  /** One story event became visible. */
  event(event: StoryEvent): void;
  /** The other side is typing (or stopped). */
  typing(on: boolean): void;
  /**
   * Fetches every sound now. The play screen asks once the phone is drawn, so the sounds never
   * share a slow network with the phone itself; a cue played before then loads its own sound.
   */
  preloadSounds(): void;
  destroy(): void;
}

export interface PlayAudioOptions {
  readonly language: () => Language;
  readonly t: () => TFunction;
  /** Adds a caption line for a sound, whether or not it is heard. */
  readonly caption: (text: string) => void;
  /** The words to speak for an event (a caller's line), if any. */
  readonly speechText: (event: StoryEvent) => string | undefined;
}

export async function createPlayAudio(options: PlayAudioOptions): Promise<PlayAudio> {
  const player = await loadPlayer();

  const voice = createVoice();
  /** Loops that are playing now, so each gets its caption once, when it starts. */
  const looping = new Set<SoundCue>();
  const applyVolume = () => {
    const settings = loadSettings();
    player.setVolume(effectsGain(settings), settings.effectsMuted);
    if (!settings.voiceOn) voice.cancel();
  };
  applyVolume();
  const stopWatching = onSettingsChange(applyVolume);

  const play = (cue: SoundCue) => {
    if (isLoopingCue(cue)) {
      if (looping.has(cue)) return;
      looping.add(cue);
    }
    // Typing has its own visible indicator; every other sound gets a caption line.
    if (cue !== 'typing') options.caption(options.t()(captionKey(cue)));
    player.play(cue);
  };
  const stop = (cue: SoundCue) => {
    looping.delete(cue);
    player.stop(cue);
  };

  return {
    event(event) {
      const change = cuesForEvent(event);
      for (const cue of change.stop) stop(cue);
      for (const cue of change.play) play(cue);
      const words = options.speechText(event);
      const volume = voiceGain();
      if (words && volume > 0) voice.speak(words, options.language(), volume);
    },
    typing(on) {
      if (on) play('typing');
      else stop('typing');
    },
    preloadSounds() {
      player.preload(SOUND_CUES);
    },
    destroy() {
      stopWatching();
      looping.clear();
      voice.dispose();
      player.stopAll();
      player.unload();
    },
  };
}

/** Howler is fetched with the scenario; if even that fails, the game goes on in silence. */
async function loadPlayer(): Promise<SoundPlayer> {
  const module = await import('../audio/sound-player');
  try {
    return module.createHowlerSoundPlayer(import.meta.env.BASE_URL);
  } catch (error) {
    console.warn('Sound is off: the player could not start.', error);
    return module.silentSoundPlayer;
  }
}
