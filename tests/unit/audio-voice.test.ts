/**
 * Callers' voices: only voices on the device, only in the player's language, nothing at all
 * when there is none, and voices that arrive late are picked up.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVoice, pickVoice, voiceRank } from '../../src/audio/voice';

interface FakeVoice {
  name: string;
  lang: string;
  localService: boolean;
  default: boolean;
  voiceURI: string;
}

const voice = (name: string, lang: string, localService = true, isDefault = false): FakeVoice => ({
  name,
  lang,
  localService,
  default: isDefault,
  voiceURI: name,
});

class FakeUtterance {
  text: string;
  voice: FakeVoice | null = null;
  lang = '';
  volume = 1;
  constructor(text: string) {
    this.text = text;
  }
}

/** Just enough of SpeechSynthesis: a voice list, a queue, cancel and voiceschanged. */
class FakeSynth extends EventTarget {
  voices: FakeVoice[];
  spoken: FakeUtterance[] = [];
  cancelled = 0;
  constructor(voices: FakeVoice[] = []) {
    super();
    this.voices = voices;
  }
  getVoices(): FakeVoice[] {
    return this.voices;
  }
  speak(utterance: FakeUtterance): void {
    this.spoken.push(utterance);
  }
  cancel(): void {
    this.cancelled++;
    this.spoken = [];
  }
  /** The browser finishing loading its voices. */
  loadVoices(voices: FakeVoice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

const asSynth = (fake: FakeSynth) => fake as unknown as SpeechSynthesis;
const asVoices = (voices: FakeVoice[]) => voices as unknown as SpeechSynthesisVoice[];

beforeEach(() => {
  vi.stubGlobal('SpeechSynthesisUtterance', FakeUtterance);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('choosing a voice', () => {
  it('never picks a network voice, however well it matches', () => {
    const voices = [voice('Cloud Canada', 'en-CA', false, true), voice('Local US', 'en-US')];
    expect(pickVoice(asVoices(voices), 'en')?.name).toBe('Local US');
    expect(pickVoice(asVoices([voice('Cloud FR', 'fr-CA', false)]), 'fr')).toBeUndefined();
  });

  it('matches by primary language tag and prefers the Canadian region', () => {
    const voices = [
      voice('Deutsch', 'de-DE'),
      voice('English UK', 'en-GB'),
      voice('Français France', 'fr-FR'),
      voice('Français Canada', 'fr_CA'),
      voice('English Canada', 'en-CA'),
    ];
    expect(pickVoice(asVoices(voices), 'en')?.name).toBe('English Canada');
    expect(pickVoice(asVoices(voices), 'fr')?.name).toBe('Français Canada');
    expect(pickVoice(asVoices(voices), 'zh-Hans')).toBeUndefined();
    expect(pickVoice(asVoices([voice('Français Belgique', 'fr-BE')]), 'fr')?.name).toBe(
      'Français Belgique',
    );
    expect(pickVoice(asVoices([voice('Anglais', 'english')]), 'en')).toBeUndefined();
  });

  it('reads Simplified Chinese with a Mandarin voice of mainland China, never Cantonese or Taiwan', () => {
    expect(voiceRank('zh-CN', 'zh-Hans')).toBe(0);
    expect(voiceRank('zh-Hans', 'zh-Hans')).toBe(1);
    expect(voiceRank('zh', 'zh-Hans')).toBeDefined();
    for (const tag of ['zh-TW', 'zh-HK', 'zh-Hant-TW', 'yue-HK', 'zh-yue', 'cmn-Hant-TW']) {
      expect(voiceRank(tag, 'zh-Hans'), tag).toBeUndefined();
    }
    const voices = [voice('Taiwan', 'zh-TW'), voice('Hong Kong', 'zh-HK'), voice('Chine', 'zh_CN')];
    expect(pickVoice(asVoices(voices), 'zh-Hans')?.name).toBe('Chine');
    expect(pickVoice(asVoices(voices.slice(0, 2)), 'zh-Hans')).toBeUndefined();
  });

  it('between voices of the same region, takes the device default', () => {
    const voices = [voice('First', 'en-US'), voice('Default', 'en-US', true, true)];
    expect(pickVoice(asVoices(voices), 'en')?.name).toBe('Default');
  });
});

describe('createVoice', () => {
  it('speaks a line with the chosen local voice, in its language, at the volume given', () => {
    const synth = new FakeSynth([voice('Cloud', 'en-CA', false), voice('Local', 'en-US')]);
    const speaker = createVoice(asSynth(synth));
    expect(speaker.available('en')).toBe(true);
    speaker.speak('Hello, this is the police.', 'en', 0.4);
    expect(synth.spoken).toHaveLength(1);
    const [utterance] = synth.spoken;
    expect(utterance?.text).toBe('Hello, this is the police.');
    expect(utterance?.voice?.name).toBe('Local');
    expect(utterance?.lang).toBe('en-US');
    expect(utterance?.volume).toBe(0.4);
  });

  it('does nothing without a local voice in the language, or at volume 0', () => {
    const synth = new FakeSynth([voice('Cloud', 'fr-CA', false), voice('English', 'en-US')]);
    const speaker = createVoice(asSynth(synth));
    expect(speaker.available('fr')).toBe(false);
    speaker.speak('Bonjour', 'fr', 1);
    speaker.speak('Hello', 'en', 0);
    speaker.speak('   ', 'en', 1);
    expect(synth.spoken).toEqual([]);
  });

  it('picks up voices that load late, and tells whoever listens', () => {
    const synth = new FakeSynth([]);
    const speaker = createVoice(asSynth(synth));
    const changed = vi.fn();
    const unsubscribe = speaker.onVoicesChanged(changed);
    expect(speaker.available('zh-Hans')).toBe(false);
    speaker.speak('你好', 'zh-Hans', 1);
    expect(synth.spoken).toEqual([]);

    synth.loadVoices([voice('Mandarin', 'zh-CN')]);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(speaker.available('zh-Hans')).toBe(true);
    speaker.speak('你好', 'zh-Hans', 1);
    expect(synth.spoken.map((u) => u.voice?.name)).toEqual(['Mandarin']);

    unsubscribe();
    synth.loadVoices([]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('cancels what is being said', () => {
    const synth = new FakeSynth([voice('Local', 'en-GB')]);
    const speaker = createVoice(asSynth(synth));
    speaker.speak('One', 'en', 1);
    speaker.speak('Two', 'en', 1);
    expect(synth.spoken).toHaveLength(2);
    speaker.cancel();
    expect(synth.cancelled).toBe(1);
    expect(synth.spoken).toEqual([]);
  });

  it('stops listening and speaking when disposed', () => {
    const synth = new FakeSynth([]);
    const speaker = createVoice(asSynth(synth));
    const changed = vi.fn();
    speaker.onVoicesChanged(changed);
    speaker.dispose();
    synth.loadVoices([voice('Local', 'en-US')]);
    expect(changed).not.toHaveBeenCalled();
    expect(synth.cancelled).toBe(1);
  });

  it('is silent where the browser has no speech at all (Node has none)', () => {
    const speaker = createVoice();
    expect(speaker.available('en')).toBe(false);
    expect(() => speaker.speak('Hello', 'en', 1)).not.toThrow();
    expect(() => speaker.cancel()).not.toThrow();
    expect(createVoice(undefined).available('fr')).toBe(false);
  });

  it('never throws when the engine does', () => {
    const synth = new FakeSynth([voice('Local', 'en-US')]);
    const speak = vi.fn(() => {
      throw new Error('synthesis-failed');
    });
    synth.speak = speak;
    const speaker = createVoice(asSynth(synth));
    expect(() => speaker.speak('Hello', 'en', 1)).not.toThrow();
    expect(speak).toHaveBeenCalledTimes(1);

    synth.getVoices = () => {
      throw new Error('not ready');
    };
    expect(speaker.available('en')).toBe(false);
    expect(() => speaker.speak('Hello', 'en', 1)).not.toThrow();
    expect(speak).toHaveBeenCalledTimes(1);
  });
});
