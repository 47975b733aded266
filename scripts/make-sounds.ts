/**
 * `npm run sounds`: synthesises every sound of the game in code and writes them to
 * public/sounds/<cue>.wav (16-bit mono PCM, 22,050 Hz). Nothing is downloaded or recorded and
 * no tool is needed beyond Node.
 *
 * The output is deterministic: the same bytes on every run (noise comes from a seeded
 * generator), so tests/unit/audio-sounds.test.ts regenerates the files and compares them with
 * the committed ones. Change a sound here, run `npm run sounds`, commit both.
 *
 * Every sound starts and ends in silence with short fades (no clicks, and the looping ones
 * join seamlessly), and peaks at -6 dBFS.
 * They are meant to sound like a phone, not like any one maker's phone.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SOUND_CUES, type SoundCue } from '../src/audio/cues';

export const SAMPLE_RATE = 22_050;
export const SOUNDS_DIR = join(import.meta.dirname, '..', 'public', 'sounds');

type Samples = Float64Array;

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Mulberry32: a small seeded PRNG, so "random" noise is the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function silence(seconds: number): Samples {
  return new Float64Array(Math.round(seconds * SAMPLE_RATE));
}

/** 0 -> 1 along half a cosine: a fade with no corner at either end. */
function smoothStep(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return 0.5 - 0.5 * Math.cos(Math.PI * x);
}

interface Partial {
  /** Multiple of the note's frequency (need not be whole: bells are inharmonic). */
  readonly ratio: number;
  readonly amp: number;
  /** Extra decay speed for this partial: high partials die away first. */
  readonly decay?: number;
}

interface Tone {
  readonly start: number;
  readonly duration: number;
  readonly freq: number;
  readonly amp?: number;
  readonly partials?: readonly Partial[];
  /** Seconds of the smooth fade in and out. */
  readonly attack?: number;
  readonly release?: number;
  /** Time constant of an exponential decay, in seconds; none for a steady tone. */
  readonly decay?: number;
  /** Frequency glide: the note starts at freq * glide and settles on freq. */
  readonly glide?: number;
  readonly glideTime?: number;
}

const PURE: readonly Partial[] = [{ ratio: 1, amp: 1 }];

/** Adds a tone (a sum of sine partials under an envelope) into the buffer. */
function addTone(out: Samples, tone: Tone): void {
  const {
    start,
    duration,
    freq,
    amp = 1,
    partials = PURE,
    attack = 0.005,
    release = 0.02,
    decay,
    glide = 1,
    glideTime = 0.03,
  } = tone;
  const first = Math.round(start * SAMPLE_RATE);
  const length = Math.round(duration * SAMPLE_RATE);
  const phases = partials.map(() => 0);
  for (let i = 0; i < length && first + i < out.length; i++) {
    const t = i / SAMPLE_RATE;
    const envelope =
      smoothStep(t / attack) *
      smoothStep((duration - t) / release) *
      (decay === undefined ? 1 : Math.exp(-t / decay));
    const f = freq * (1 + (glide - 1) * (1 - smoothStep(t / glideTime)));
    let value = 0;
    partials.forEach((partial, p) => {
      const phase = (phases[p] ?? 0) + (2 * Math.PI * f * partial.ratio) / SAMPLE_RATE;
      phases[p] = phase % (2 * Math.PI);
      const fade = partial.decay === undefined ? 1 : Math.exp(-t * partial.decay);
      value += partial.amp * fade * Math.sin(phase);
    });
    out[first + i] = (out[first + i] ?? 0) + amp * envelope * value;
  }
}

/** A one-pole low-pass filter, in place. */
function lowPass(samples: Samples, cutoff: number): void {
  const a = Math.exp((-2 * Math.PI * cutoff) / SAMPLE_RATE);
  let y = 0;
  for (let i = 0; i < samples.length; i++) {
    y = (1 - a) * (samples[i] ?? 0) + a * y;
    samples[i] = y;
  }
}

/** A one-pole high-pass filter, in place. */
function highPass(samples: Samples, cutoff: number): void {
  const a = Math.exp((-2 * Math.PI * cutoff) / SAMPLE_RATE);
  let previousIn = 0;
  let y = 0;
  for (let i = 0; i < samples.length; i++) {
    const x = samples[i] ?? 0;
    y = a * (y + x - previousIn);
    previousIn = x;
    samples[i] = y;
  }
}

/** Fades both ends to exact silence, then scales the peak to `peakDb` dBFS. */
function finish(samples: Samples, peakDb: number): Samples {
  const edge = Math.round(0.004 * SAMPLE_RATE);
  for (let i = 0; i < edge && i < samples.length; i++) {
    const gain = smoothStep(i / edge);
    samples[i] = (samples[i] ?? 0) * gain;
    const j = samples.length - 1 - i;
    samples[j] = (samples[j] ?? 0) * gain;
  }
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  if (peak === 0) throw new Error('a sound came out silent');
  const scale = 10 ** (peakDb / 20) / peak;
  for (let i = 0; i < samples.length; i++) samples[i] = (samples[i] ?? 0) * scale;
  return samples;
}

// ---------------------------------------------------------------------------------------------
// The sounds

/** A soft bell: a little inharmonic shimmer that fades faster than the note. */
const BELL: readonly Partial[] = [
  { ratio: 1, amp: 1 },
  { ratio: 2, amp: 0.28, decay: 10 },
  { ratio: 3, amp: 0.1, decay: 18 },
  { ratio: 4.16, amp: 0.05, decay: 30 },
];

/** A wooden mallet: the fundamental and a quick, bright fourth harmonic. */
const MALLET: readonly Partial[] = [
  { ratio: 1, amp: 1 },
  { ratio: 4, amp: 0.18, decay: 40 },
  { ratio: 10, amp: 0.04, decay: 90 },
];

/** Two rings of four alternating bell notes (a fourth apart), then a rest. Loops every 2 s. */
function ringtone(): Samples {
  const out = silence(2);
  const high = 987.77; // B5
  const low = 739.99; // F#5
  for (const burst of [0, 0.6]) {
    for (let n = 0; n < 4; n++) {
      addTone(out, {
        start: 0.01 + burst + n * 0.12,
        duration: 0.22,
        freq: n % 2 === 0 ? high : low,
        amp: n === 0 ? 1 : 0.85,
        partials: BELL,
        attack: 0.004,
        release: 0.05,
        decay: 0.13,
      });
    }
  }
  return finish(out, -6);
}

/**
 * A phone buzzing on a desk: a motor hum (with the odd harmonics of a clipped wave, so small
 * speakers can play it) and the rattle of the case. Two buzzes and a gap; loops every second.
 */
function vibrate(): Samples {
  const out = silence(1);
  const random = seededRandom(0x7ab);
  let phase = 0;
  let rattle = 0;
  for (const [start, length] of [
    [0.02, 0.38],
    [0.5, 0.38],
  ] as const) {
    const first = Math.round(start * SAMPLE_RATE);
    const count = Math.round(length * SAMPLE_RATE);
    for (let i = 0; i < count; i++) {
      const t = i / SAMPLE_RATE;
      // The motor spins up and down; a slow wobble keeps it from sounding like a pure tone.
      const spin = smoothStep(t / 0.05) * smoothStep((length - t) / 0.06);
      const f = 120 + 48 * smoothStep(t / 0.07) + 3 * Math.sin(2 * Math.PI * 7 * t);
      phase = (phase + (2 * Math.PI * f) / SAMPLE_RATE) % (2 * Math.PI);
      const hum = Math.tanh(2.5 * Math.sin(phase));
      rattle = 0.7 * rattle + 0.3 * (random() * 2 - 1);
      const knock = Math.max(0, Math.sin(phase)) ** 6;
      out[first + i] = spin * (0.8 * hum + 0.55 * rattle * knock);
    }
  }
  lowPass(out, 1400);
  highPass(out, 60);
  return finish(out, -6);
}

/** An incoming message: a quick rising pop, then a bright ding. */
function message(): Samples {
  const out = silence(0.4);
  addTone(out, {
    start: 0.005,
    duration: 0.07,
    freq: 880,
    glide: 0.55,
    glideTime: 0.035,
    amp: 0.7,
    attack: 0.003,
    release: 0.03,
    decay: 0.025,
  });
  addTone(out, {
    start: 0.05,
    duration: 0.34,
    freq: 1318.51, // E6
    amp: 0.8,
    partials: BELL,
    attack: 0.003,
    release: 0.08,
    decay: 0.08,
  });
  return finish(out, -6);
}

/** A friend request or an app opening: two rising mallet notes, softer and longer than a message. */
function notification(): Samples {
  const out = silence(0.7);
  addTone(out, {
    start: 0.005,
    duration: 0.4,
    freq: 783.99, // G5
    partials: MALLET,
    amp: 0.8,
    attack: 0.004,
    release: 0.1,
    decay: 0.12,
  });
  addTone(out, {
    start: 0.13,
    duration: 0.56,
    freq: 1174.66, // D6
    partials: MALLET,
    attack: 0.004,
    release: 0.15,
    decay: 0.15,
  });
  return finish(out, -6);
}

/** Someone typing on a phone: soft, uneven taps. Loops every 0.8 s. */
function typing(): Samples {
  const out = silence(0.8);
  const random = seededRandom(0x7e1);
  let t = 0.03;
  while (t < 0.72) {
    const first = Math.round(t * SAMPLE_RATE);
    const strength = 0.55 + 0.45 * random();
    const body = 1700 + 900 * random();
    const count = Math.round(0.012 * SAMPLE_RATE);
    let phase = 0;
    for (let i = 0; i < count; i++) {
      const s = i / SAMPLE_RATE;
      phase += (2 * Math.PI * body) / SAMPLE_RATE;
      const click = (random() * 2 - 1) * Math.exp(-s / 0.0012);
      const thump = Math.sin(phase) * Math.exp(-s / 0.004);
      const envelope = smoothStep(s / 0.0006) * smoothStep((0.012 - s) / 0.003);
      out[first + i] = (out[first + i] ?? 0) + strength * envelope * (0.6 * click + thump);
    }
    // Bursts of quick taps with the odd pause, as a thumb types.
    t += random() < 0.2 ? 0.16 + 0.08 * random() : 0.06 + 0.05 * random();
  }
  lowPass(out, 4200);
  highPass(out, 300);
  return finish(out, -6);
}

/** The call connects: two short rising beeps. */
function connect(): Samples {
  const out = silence(0.28);
  addTone(out, { start: 0.005, duration: 0.07, freq: 880, attack: 0.006, release: 0.015 });
  addTone(out, { start: 0.1, duration: 0.11, freq: 1318.51, attack: 0.006, release: 0.03 });
  return finish(out, -6);
}

/** The call ends: three falling beeps. */
function hangup(): Samples {
  const out = silence(0.78);
  const beeps = [
    [0.005, 783.99],
    [0.24, 659.25],
    [0.475, 523.25],
  ] as const;
  for (const [start, freq] of beeps) {
    addTone(out, {
      start,
      duration: 0.17,
      freq,
      partials: [
        { ratio: 1, amp: 1 },
        { ratio: 2, amp: 0.12 },
      ],
      attack: 0.008,
      release: 0.04,
    });
  }
  return finish(out, -6);
}

/**
 * The ringback heard while a call goes through: the North American telephone network's
 * 440 Hz + 480 Hz pair, a second on and a second off. Loops every 2 s.
 */
function dial(): Samples {
  const out = silence(2);
  for (const freq of [440, 480]) {
    addTone(out, { start: 0.01, duration: 1, freq, amp: 0.5, attack: 0.02, release: 0.03 });
  }
  return finish(out, -6);
}

const MAKERS: Record<SoundCue, () => Samples> = {
  ringtone,
  vibrate,
  message,
  notification,
  typing,
  connect,
  hangup,
  dial,
};

// ---------------------------------------------------------------------------------------------
// WAV files

/** A 16-bit mono PCM WAV file: the 44-byte RIFF header, then the samples, little-endian. */
export function encodeWav(samples: ArrayLike<number>): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i++) {
    const value = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(44 + i * 2, Math.round(value * 32_767), true);
  }
  return bytes;
}

/** Every cue's WAV file, in memory. */
export function makeSounds(): Record<SoundCue, Uint8Array> {
  return Object.fromEntries(SOUND_CUES.map((cue) => [cue, encodeWav(MAKERS[cue]())])) as Record<
    SoundCue,
    Uint8Array
  >;
}

/** Writes every cue's WAV file into `dir` (public/sounds by default); returns the paths. */
export function writeSounds(dir: string = SOUNDS_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(makeSounds()).map(([cue, bytes]) => {
    const file = join(dir, `${cue}.wav`);
    writeFileSync(file, bytes);
    return file;
  });
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;

if (invokedDirectly) {
  const dir = process.argv[2] ? resolve(process.argv[2]) : SOUNDS_DIR;
  let total = 0;
  for (const file of writeSounds(dir)) {
    const bytes = statSync(file).size;
    total += bytes;
    const seconds = (bytes - 44) / 2 / SAMPLE_RATE;
    console.log(`${basename(file)}  ${seconds.toFixed(2)} s  ${(bytes / 1024).toFixed(1)} KB`);
  }
  console.log(`${SOUND_CUES.length} sounds, ${(total / 1024).toFixed(1)} KB, in ${dir}`);
}
