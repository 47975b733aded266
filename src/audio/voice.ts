/**
 * Callers' lines read aloud with the Web Speech API, as an extra: the captions always carry
 * the words, and many devices (headless Chromium among them) have no voice at all.
 *
 * Only voices that run on the device (`localService === true`) are used: a network voice
 * would send the script's text to a speech service, and nothing a student does may leave the
 * device. A voice must speak the player's language (compared by primary language tag, the
 * preferred regions first); when there is none, `speak` does nothing.
 */
import type { Language } from '../i18n/languages';

export interface Voice {
  /** Whether a local voice speaks this language right now. */
  available(language: Language): boolean;
  /** Queues one line (after any line still being spoken); does nothing without a voice. */
  speak(text: string, language: Language, volume0to1: number): void;
  /** Stops the line being spoken and drops the queued ones. */
  cancel(): void;
  /** Calls `listener` when the device's voices change (they often arrive late); returns an unsubscribe. */
  onVoicesChanged(listener: () => void): () => void;
  /** Cancels speech and stops listening to the device. */
  dispose(): void;
}

/**
 * Language tags each game language accepts, best first; matched against the start of a
 * voice's tag (lower case, "_" read as "-"). The game is Canadian, so Canadian voices first.
 * Simplified Chinese takes Mandarin voices of mainland China or Singapore, never Cantonese or
 * a Traditional-script (Taiwan, Hong Kong) voice.
 */
const PREFERRED_TAGS: Record<Language, readonly string[]> = {
  en: ['en-ca', 'en-us', 'en-gb', 'en'],
  fr: ['fr-ca', 'fr-fr', 'fr'],
  'zh-Hans': ['zh-cn', 'zh-hans', 'cmn-hans', 'cmn-cn', 'zh-sg', 'cmn', 'zh'],
};

/** Subtags of Chinese voices that do not read Simplified Chinese as Mandarin. */
const NOT_SIMPLIFIED_MANDARIN = new Set(['hant', 'tw', 'hk', 'mo', 'yue']);

function normaliseTag(tag: string): string {
  return tag.trim().replace(/_/g, '-').toLowerCase();
}

/** How well a voice's language tag fits a game language: 0 is best, undefined is no match. */
export function voiceRank(voiceLang: string, language: Language): number | undefined {
  const tag = normaliseTag(voiceLang);
  if (language === 'zh-Hans' && tag.split('-').some((sub) => NOT_SIMPLIFIED_MANDARIN.has(sub))) {
    return undefined;
  }
  const preferred = PREFERRED_TAGS[language];
  const index = preferred.findIndex((p) => tag === p || tag.startsWith(`${p}-`));
  return index === -1 ? undefined : index;
}

/** The best local voice for a language, or undefined. Network voices are never chosen. */
export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  language: Language,
): SpeechSynthesisVoice | undefined {
  let best: { voice: SpeechSynthesisVoice; rank: number } | undefined;
  for (const voice of voices) {
    if (voice.localService !== true) continue;
    const rank = voiceRank(voice.lang, language);
    if (rank === undefined) continue;
    // Equal ranks: the device's default voice wins, else the first listed.
    const score = rank * 2 + (voice.default ? 0 : 1);
    if (!best || score < best.rank) best = { voice, rank: score };
  }
  return best?.voice;
}

const silentVoice: Voice = Object.freeze({
  available: () => false,
  speak: () => {},
  cancel: () => {},
  onVoicesChanged: () => () => {},
  dispose: () => {},
});

/** The Web Speech voice of the device, or a silent one when the browser has no speech. */
export function createVoice(
  synth: SpeechSynthesis | undefined = globalThis.speechSynthesis,
): Voice {
  if (!synth || typeof synth.getVoices !== 'function') return silentVoice;
  const listeners = new Set<() => void>();

  const voices = (): readonly SpeechSynthesisVoice[] => {
    try {
      return synth.getVoices() ?? [];
    } catch {
      return [];
    }
  };

  // Chromium lists its voices only after a while and says so with "voiceschanged"; the list is
  // read afresh at each call, so this only tells the game to look again.
  const onChange = (): void => {
    for (const listener of listeners) listener();
  };
  try {
    synth.addEventListener?.('voiceschanged', onChange);
  } catch {
    // An old engine without event targets: voices are still read at each call.
  }

  return {
    available(language) {
      return pickVoice(voices(), language) !== undefined;
    },
    speak(text, language, volume0to1) {
      const volume = Number.isFinite(volume0to1) ? Math.min(1, Math.max(0, volume0to1)) : 0;
      if (volume === 0 || text.trim() === '') return;
      const voice = pickVoice(voices(), language);
      if (!voice || typeof SpeechSynthesisUtterance === 'undefined') return;
      try {
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.lang = voice.lang;
        utterance.volume = volume;
        synth.speak(utterance);
      } catch {
        // Speech is an extra: the caption already shows the line.
      }
    },
    cancel() {
      try {
        synth.cancel();
      } catch {
        // Nothing was being spoken.
      }
    },
    onVoicesChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      listeners.clear();
      try {
        synth.removeEventListener?.('voiceschanged', onChange);
        synth.cancel();
      } catch {
        // Already gone.
      }
    },
  };
}
