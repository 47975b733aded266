/**
 * The committed sounds are exactly what scripts/make-sounds.ts makes (so a hand-edited file,
 * or a changed script whose output was not regenerated, fails here), and each one is a sound
 * file the game can use: valid 16-bit mono WAV, the right length, loud enough, never clipping,
 * silent at both ends so loops join without a click.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/scenario-files';
import { encodeWav, makeSounds, SAMPLE_RATE, writeSounds } from '../../scripts/make-sounds';
import { isLoopingCue, SOUND_CUES, type SoundCue } from '../../src/audio/cues';

const COMMITTED = join(ROOT, 'public', 'sounds');

/** Seconds each sound may last: loops long enough not to nag, one-shots short. */
const DURATIONS: Record<SoundCue, readonly [number, number]> = {
  ringtone: [1.5, 3],
  vibrate: [0.7, 1.5],
  message: [0.15, 0.6],
  notification: [0.3, 1],
  typing: [0.5, 1.2],
  connect: [0.1, 0.5],
  hangup: [0.4, 1.2],
  dial: [1.5, 3],
};

interface Wav {
  readonly sampleRate: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  readonly samples: Int16Array;
}

/** Reads a canonical PCM WAV file; throws on anything else. */
function parseWav(bytes: Uint8Array): Wav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) =>
    String.fromCharCode(...bytes.subarray(offset, Math.min(offset + 4, bytes.length)));
  if (bytes.length < 44 || text(0) !== 'RIFF' || text(8) !== 'WAVE')
    throw new Error('not RIFF/WAVE');
  if (view.getUint32(4, true) !== bytes.length - 8) throw new Error('RIFF size is wrong');
  if (text(12) !== 'fmt ' || view.getUint32(16, true) !== 16) throw new Error('no PCM fmt chunk');
  if (view.getUint16(20, true) !== 1) throw new Error('not PCM');
  const channels = view.getUint16(22, true);
  const sampleRate = view.getUint32(24, true);
  const bitsPerSample = view.getUint16(34, true);
  const frameBytes = (channels * bitsPerSample) / 8;
  if (view.getUint16(32, true) !== frameBytes) throw new Error('block align is wrong');
  if (view.getUint32(28, true) !== sampleRate * frameBytes) throw new Error('byte rate is wrong');
  if (text(36) !== 'data') throw new Error('no data chunk');
  const dataBytes = view.getUint32(40, true);
  if (dataBytes !== bytes.length - 44 || dataBytes % 2 !== 0) throw new Error('data size is wrong');
  const samples = new Int16Array(dataBytes / 2);
  for (let i = 0; i < samples.length; i++) samples[i] = view.getInt16(44 + i * 2, true);
  return { sampleRate, channels, bitsPerSample, samples };
}

const dbfs = (value: number) => 20 * Math.log10(value / 32_768);
const peakOf = (samples: Int16Array) => samples.reduce((m, s) => Math.max(m, Math.abs(s)), 0);

let fresh: string;
beforeAll(() => {
  fresh = mkdtempSync(join(tmpdir(), 'red-flags-sounds-'));
  writeSounds(fresh);
});
afterAll(() => {
  rmSync(fresh, { recursive: true, force: true });
});

describe('the sound files', () => {
  it('are exactly what the generator makes, one per cue and nothing else', () => {
    const expected = SOUND_CUES.map((cue) => `${cue}.wav`).sort();
    expect(readdirSync(fresh).sort()).toEqual(expected);
    expect(readdirSync(COMMITTED).sort()).toEqual(expected);
    for (const name of expected) {
      const committed = readFileSync(join(COMMITTED, name));
      const regenerated = readFileSync(join(fresh, name));
      expect(
        committed.equals(regenerated),
        `${name}: run npm run sounds and commit the files`,
      ).toBe(true);
    }
  });

  it('come out the same on every run', () => {
    const first = makeSounds();
    const second = makeSounds();
    for (const cue of SOUND_CUES) expect(Buffer.from(first[cue]).equals(second[cue])).toBe(true);
  });

  it('are synthesised from seeded noise, never Math.random', () => {
    const source = readFileSync(join(ROOT, 'scripts', 'make-sounds.ts'), 'utf8');
    expect(source).not.toMatch(/Math\.random/);
  });

  it('weigh under 450 KB together', () => {
    const total = SOUND_CUES.reduce(
      (sum, cue) => sum + readFileSync(join(COMMITTED, `${cue}.wav`)).length,
      0,
    );
    expect(total).toBeLessThan(450 * 1024);
  });

  for (const cue of SOUND_CUES) {
    it(`${cue}.wav: 16-bit mono at 22,050 Hz, the right length and level, silent at both ends`, () => {
      const wav = parseWav(readFileSync(join(COMMITTED, `${cue}.wav`)));
      expect(wav).toMatchObject({ sampleRate: SAMPLE_RATE, channels: 1, bitsPerSample: 16 });
      expect(SAMPLE_RATE).toBe(22_050);

      const seconds = wav.samples.length / wav.sampleRate;
      const [shortest, longest] = DURATIONS[cue];
      expect(seconds).toBeGreaterThanOrEqual(shortest);
      expect(seconds).toBeLessThanOrEqual(longest);

      // Peaks around -6 dBFS: well clear of clipping, loud enough to hear.
      const peak = dbfs(peakOf(wav.samples));
      expect(peak).toBeLessThan(-5);
      expect(peak).toBeGreaterThan(-7);

      // The first and last 2 ms are near silence: no click at the start, the end or a loop's seam.
      const edge = Math.round(0.002 * wav.sampleRate);
      const quiet = 32_768 * 0.01;
      expect(peakOf(wav.samples.subarray(0, edge))).toBeLessThan(quiet);
      expect(peakOf(wav.samples.subarray(-edge))).toBeLessThan(quiet);
      if (isLoopingCue(cue)) {
        expect(Math.abs((wav.samples[0] ?? 0) - (wav.samples.at(-1) ?? 0))).toBeLessThan(quiet);
      }
    });
  }
});

describe('the WAV checks', () => {
  it('catch a damaged header, a clipping sound and a click at the end', () => {
    const good = encodeWav([0, 0.25, -0.25, 0]);
    expect(parseWav(good).samples).toEqual(new Int16Array([0, 8192, -8192, 0]));
    const damaged = good.slice();
    damaged[22] = 2; // "stereo"
    expect(() => parseWav(damaged)).toThrow('block align');
    expect(() => parseWav(good.subarray(0, 40))).toThrow('not RIFF/WAVE');
    const clipped = parseWav(encodeWav([0, 1.5, -2, 0])).samples;
    expect(dbfs(peakOf(clipped))).toBeGreaterThan(-0.01);
    const click = parseWav(encodeWav([0, 0, 0, 0.8])).samples;
    expect(peakOf(click.subarray(-1))).toBeGreaterThan(32_768 * 0.01);
  });
});
