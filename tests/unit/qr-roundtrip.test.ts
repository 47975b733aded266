/**
 * The QR code a student shows can be read back: the code is drawn with uqr (as the share
 * screen does) into camera-like pixels and decoded with jsQR (as the scanner does where the
 * browser has no BarcodeDetector), for a payload of one result and one of several.
 */
import jsQR from 'jsqr';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { createResult, ScenarioRunner } from '../../src/engine/index';
import { createPayload, decodeTransfer, encodeCode } from '../../src/teacher/transfer';
import { miniScenario } from '../fixtures/mini-scenario';

function result(n: number) {
  const runner = new ScenarioRunner(miniScenario, { now: () => 1_760_000_000_000 + n * 60_000 });
  runner.start();
  runner.choose('accept');
  runner.choose('screenshot');
  runner.choose('block');
  return createResult(runner, { id: `qr-result-${String(n).padStart(4, '0')}`, locale: 'fr' });
}

/** Black modules on white, 4 pixels each, as RGBA: what a camera frame of the screen holds. */
function pixels(text: string): { data: Uint8ClampedArray; size: number } {
  const qr = encode(text, { ecc: 'L', border: 2 });
  const scale = 4;
  const size = qr.size * scale;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!qr.data[Math.floor(y / scale)]?.[Math.floor(x / scale)]) continue;
      const i = (y * size + x) * 4;
      data[i] = 0;
      data[i + 1] = 0;
      data[i + 2] = 0;
    }
  }
  return { data, size };
}

describe('results QR codes', () => {
  for (const count of [1, 6]) {
    it(`read back to the same payload with ${count} result(s)`, async () => {
      const payload = createPayload({
        classCode: 'K7MPQ2',
        student: 'Zoë',
        results: Array.from({ length: count }, (_, i) => result(i)),
        now: new Date('2026-03-02T10:00:00Z'),
      });
      const code = await encodeCode(payload);
      const { data, size } = pixels(code);
      const read = jsQR(data, size, size);
      expect(read?.data).toBe(code);
      const decoded = await decodeTransfer(read?.data ?? '');
      expect(decoded).toEqual({ ok: true, payload });
    });
  }
});
