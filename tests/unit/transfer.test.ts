import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/engine/identifiers';
import type { ScenarioResult } from '../../src/engine/result';
import type { SpotCheckResult } from '../../src/engine/spot-check';
import { CLASS_CODE_ALPHABET } from '../../src/teacher/class-code';
import { crc32, crc32Hex, crc32HexOfText } from '../../src/teacher/crc32';
import { checkNickname } from '../../src/teacher/nickname';
import type { StoredResult } from '../../src/teacher/records';
import {
  CODE_PREFIX,
  createPayload,
  DEFAULT_MAX_BYTES,
  type DecodeResult,
  decodeTransfer,
  encodeCode,
  encodeFile,
  fileName,
  TRANSFER_ERRORS,
  type TransferPayload,
  transferPayloadSchema,
} from '../../src/teacher/transfer';
import { bytes, mutate, mutationArb, PNG_HEADER } from '../fixtures/damage';

/* ---------------------------------------------------------------------------------------- */
/* Fixtures                                                                                 */

const SCENARIO_RESULT: ScenarioResult = {
  format: 'red-flags/scenario-result',
  schemaVersion: 1,
  id: 'play-0001-abcd',
  scenarioId: 'toronto-police-call',
  scenarioVersion: 2,
  locale: 'fr',
  choices: [
    { node: 'ring', choice: 'answer' },
    { node: 'demand', choice: 'hang-up' },
  ],
  ending: 'end-safe',
  outcome: 'safe',
  score: 4,
  bestScore: 4,
  redFlags: { spotted: ['spoofed-caller-id', 'urgency'], missed: ['secrecy'] },
  startedAt: '2025-01-15T09:00:00.000Z',
  finishedAt: '2025-01-15T09:04:10.000Z',
  durationMs: 250_000,
};

const SPOT_CHECK_RESULT: SpotCheckResult = {
  format: 'red-flags/spot-check-result',
  schemaVersion: 1,
  id: 'spot-0001-abcd',
  form: 'A',
  phase: 'before',
  locale: 'zh-Hans',
  responses: [
    { item: 'bank-text', answer: 'scam', confidence: 3 },
    { item: 'school-call', answer: 'genuine', confidence: 1 },
  ],
  hits: 1,
  misses: 0,
  falseAlarms: 0,
  correctRejections: 1,
  discernment: 1,
  startedAt: '2025-01-15T08:50:00.000Z',
  finishedAt: '2025-01-15T08:55:00.000Z',
  durationMs: 300_000,
};

const NOW = new Date('2025-01-15T09:30:00.000Z');

function samplePayload(overrides: Partial<Parameters<typeof createPayload>[0]> = {}) {
  return createPayload({
    classCode: 'K7PQ2M',
    student: 'Zoë',
    results: [SPOT_CHECK_RESULT, SCENARIO_RESULT],
    now: NOW,
    ...overrides,
  });
}

/** A results file written by hand: any object, with the checksum a real file would carry. */
function handFile(body: Record<string, unknown>): string {
  return JSON.stringify({ ...body, checksum: crc32HexOfText(JSON.stringify(body)) }, null, 2);
}

/** A code written by hand around any JSON text (the CRC is right, so only the content is wrong). */
async function handCode(json: string, prefix = CODE_PREFIX): Promise<string> {
  const stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(json));
      controller.close();
    },
  }).pipeThrough(new CompressionStream('deflate-raw'));
  const compressed = new Uint8Array(await new Response(stream).arrayBuffer());
  return `${prefix}${toBase64url(compressed)}.${crc32Hex(compressed)}`;
}

function toBase64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

async function errorOf(input: string | Uint8Array, options?: { maxBytes?: number }) {
  const decoded = await decodeTransfer(input, options);
  return decoded.ok ? 'ok' : decoded.error;
}

async function decodedPayload(input: string | Uint8Array): Promise<TransferPayload> {
  const decoded = await decodeTransfer(input);
  if (!decoded.ok) throw new Error(`expected a payload, got ${decoded.error}`);
  return decoded.payload;
}

afterEach(() => {
  // No test may leave anything on Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
});

/* ---------------------------------------------------------------------------------------- */
/* CRC-32                                                                                   */

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32Hex(new TextEncoder().encode('123456789'))).toBe('cbf43926');
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32HexOfText('The quick brown fox jumps over the lazy dog')).toBe('414fa339');
    expect(crc32HexOfText('a')).toBe('e8b7be43');
    // Leading zeros are kept: always 8 digits.
    expect(crc32Hex(Uint8Array.from([0x2c, 0x2f, 0x35]))).toMatch(/^[0-9a-f]{8}$/);
  });

  it('hashes UTF-8: "Zoë" is 4 bytes', () => {
    expect(crc32HexOfText('Zoë')).toBe(crc32Hex(Uint8Array.from([0x5a, 0x6f, 0xc3, 0xab])));
  });
});

/* ---------------------------------------------------------------------------------------- */
/* The payload                                                                              */

describe('createPayload', () => {
  it('builds the payload in a fixed key order', () => {
    const payload = samplePayload();
    expect(payload).toEqual({
      format: 'red-flags/transfer',
      schemaVersion: 1,
      classCode: 'K7PQ2M',
      student: 'Zoë',
      createdAt: '2025-01-15T09:30:00.000Z',
      results: [SPOT_CHECK_RESULT, SCENARIO_RESULT],
    });
    expect(Object.keys(payload)).toEqual([
      'format',
      'schemaVersion',
      'classCode',
      'student',
      'createdAt',
      'results',
    ]);
    expect(transferPayloadSchema.safeParse(payload).success).toBe(true);
  });

  it('copies the results, so later changes to them do not reach the payload', () => {
    const result = structuredClone(SCENARIO_RESULT);
    const payload = samplePayload({ results: [result] });
    result.score = 0;
    expect(payload.results[0]).toEqual(SCENARIO_RESULT);
    expect(payload.results[0]).not.toBe(result);
  });

  it('puts result keys in schema order, whatever order they came in', () => {
    const shuffled = Object.fromEntries(
      Object.entries(SCENARIO_RESULT).reverse(),
    ) as ScenarioResult;
    expect(JSON.stringify(samplePayload({ results: [shuffled] }))).toBe(
      JSON.stringify(samplePayload({ results: [SCENARIO_RESULT] })),
    );
  });

  it('normalises the nickname and the class code', () => {
    const payload = samplePayload({ classCode: ' k7p-q2m ', student: '  Zoe\u0308  ' });
    expect(payload.classCode).toBe('K7PQ2M');
    expect(payload.student).toBe('Zoë');
  });

  it('allows no class and no nickname', () => {
    const payload = samplePayload({ classCode: null, student: '' });
    expect(payload.classCode).toBeNull();
    expect(payload.student).toBe('');
  });

  it('stores -0 as 0, as JSON would, so a decoded payload is exactly the same', () => {
    const payload = samplePayload({ results: [{ ...SPOT_CHECK_RESULT, discernment: -0 }] });
    expect(Object.is((payload.results[0] as SpotCheckResult).discernment, 0)).toBe(true);
  });

  it('throws for input that cannot make a valid payload (a caller bug)', () => {
    expect(() => samplePayload({ student: '<b>x</b>' })).toThrow(/nickname/);
    expect(() => samplePayload({ classCode: 'ABCDE0' })).toThrow(/class code/);
    expect(() => samplePayload({ results: [{ ...SCENARIO_RESULT, score: 1.5 }] })).toThrow();
    expect(() =>
      samplePayload({ results: Array.from({ length: 501 }, () => SCENARIO_RESULT) }),
    ).toThrow();
    expect(() => samplePayload({ now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

/* ---------------------------------------------------------------------------------------- */
/* The file                                                                                 */

describe('encodeFile', () => {
  it('writes pretty JSON with the checksum of the compact payload last', () => {
    const payload = samplePayload();
    const text = encodeFile(payload);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "red-flags/transfer",\n');
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed).at(-1)).toBe('checksum');
    expect(parsed.checksum).toBe(crc32HexOfText(JSON.stringify(payload)));
    expect(parsed.checksum).toMatch(/^[0-9a-f]{8}$/);
  });

  it('round-trips exactly, from the text and from the bytes', async () => {
    const payload = samplePayload();
    const text = encodeFile(payload);
    expect(await decodedPayload(text)).toStrictEqual(payload);
    expect(await decodedPayload(new TextEncoder().encode(text))).toStrictEqual(payload);
    // Encoding what was decoded gives the same file, byte for byte.
    expect(encodeFile(await decodedPayload(text))).toBe(text);
  });

  it('reads a file that went through Windows: CRLF line ends and a byte-order mark', async () => {
    const payload = samplePayload();
    const windows = `\ufeff${encodeFile(payload).replaceAll('\n', '\r\n')}`;
    expect(await decodedPayload(windows)).toStrictEqual(payload);
    expect(await decodedPayload(new TextEncoder().encode(windows))).toStrictEqual(payload);
  });

  it('reads a file re-indented by an editor (the checksum covers content, not layout)', async () => {
    const payload = samplePayload();
    const reformatted = JSON.stringify(JSON.parse(encodeFile(payload)), null, '\t');
    expect(await decodedPayload(reformatted)).toStrictEqual(payload);
  });
});

describe('fileName', () => {
  const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12, 0, 0);

  it.each([
    ['Zoë', 'K7PQ2M', 'red-flags-K7PQ2M-zoe-2025-03-14.json'],
    ['12', 'K7PQ2M', 'red-flags-K7PQ2M-12-2025-03-14.json'],
    ['小明', 'K7PQ2M', 'red-flags-K7PQ2M-student-2025-03-14.json'],
    ["Sam O'Neil", 'K7PQ2M', 'red-flags-K7PQ2M-sam-o-neil-2025-03-14.json'],
    ['_Jean-Éloïse.', null, 'red-flags-no-class-jean-eloise-2025-03-14.json'],
    ['Straße Łukasz', null, 'red-flags-no-class-strasse-lukasz-2025-03-14.json'],
    ['', null, 'red-flags-no-class-student-2025-03-14.json'],
    ['...', null, 'red-flags-no-class-student-2025-03-14.json'],
  ])('%j in %s', (student, classCode, name) => {
    expect(fileName(samplePayload({ student, classCode, now: at(2025, 3, 14) }))).toBe(name);
  });

  it('is ASCII letters, digits and hyphens for any nickname, and not too long', () => {
    fc.assert(
      fc.property(nicknameArb, classCodeArb, dateArb, (student, classCode, now) => {
        const name = fileName(createPayload({ classCode, student, results: [], now }));
        expect(name).toMatch(/^red-flags-[A-Za-z0-9-]+-\d{4}-\d{2}-\d{2}\.json$/);
        expect(name).not.toMatch(/--/);
        expect(name.length).toBeLessThanOrEqual(80);
      }),
      { numRuns: 300 },
    );
  });
});

/* ---------------------------------------------------------------------------------------- */
/* The code                                                                                 */

describe('encodeCode', () => {
  it('is RF1., base64url and an 8-digit CRC: characters safe in a URL, a QR code and a chat', async () => {
    const code = await encodeCode(samplePayload());
    expect(code).toMatch(/^RF1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    const [, body, crc] = code.split('.') as [string, string, string];
    const compressed = Uint8Array.from(atob(body.replaceAll('-', '+').replaceAll('_', '/')), (c) =>
      c.charCodeAt(0),
    );
    expect(crc32Hex(compressed)).toBe(crc);
  });

  it('is compact: far shorter than the JSON for a class period of results', async () => {
    const results = Array.from({ length: 10 }, (_, i) => ({
      ...SCENARIO_RESULT,
      id: `play-${String(i).padStart(4, '0')}-k3j9`,
      startedAt: new Date(Date.UTC(2025, 0, 15, 9, i * 5)).toISOString(),
    }));
    const payload = samplePayload({ results });
    const code = await encodeCode(payload);
    expect(code.length).toBeLessThan(JSON.stringify(payload).length / 4);
    // One result fits a QR code easily (byte mode holds 2,953 characters at most).
    expect((await encodeCode(samplePayload({ results: [SCENARIO_RESULT] }))).length).toBeLessThan(
      700,
    );
  });

  it('round-trips exactly', async () => {
    const payload = samplePayload();
    const code = await encodeCode(payload);
    expect(await decodedPayload(code)).toStrictEqual(payload);
    expect(await encodeCode(await decodedPayload(code))).toBe(code);
  });

  it('ignores white space and line breaks anywhere in a pasted code', async () => {
    const payload = samplePayload();
    const code = await encodeCode(payload);
    const wrapped = code.match(/.{1,7}/g)?.join(' \r\n\t') ?? '';
    expect(await decodedPayload(`\n\n  ${wrapped}  \n`)).toStrictEqual(payload);
  });

  it('finds the code in the text pasted around it', async () => {
    const payload = samplePayload();
    const code = await encodeCode(payload);
    expect(await decodedPayload(`Here is my code: ${code} thanks!`)).toStrictEqual(payload);
    expect(await decodedPayload(`"${code}"`)).toStrictEqual(payload);
    expect(await decodedPayload(`https://example.org/import#${code}`)).toStrictEqual(payload);
    expect(await decodedPayload(new TextEncoder().encode(`${code}\n`))).toStrictEqual(payload);
  });

  it('is read from an upper-case checksum too', async () => {
    const code = await encodeCode(samplePayload());
    const upper = code.slice(0, -8) + code.slice(-8).toUpperCase();
    expect(await errorOf(upper)).toBe('ok');
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                   */

describe('decodeTransfer: each error, from a realistic input', () => {
  it('knows every error code', () => {
    expect(TRANSFER_ERRORS).toEqual([
      'empty',
      'too-large',
      'not-text',
      'not-json',
      'not-red-flags',
      'newer-version',
      'unknown-version',
      'bad-checksum',
      'invalid',
    ]);
  });

  it('empty: an empty file, white space only, a byte-order mark alone', async () => {
    expect(await errorOf('')).toBe('empty');
    expect(await errorOf(new Uint8Array(0))).toBe('empty');
    expect(await errorOf('   \n\t\r\n  ')).toBe('empty');
    expect(await errorOf(bytes(0xef, 0xbb, 0xbf, 0x20, 0x0a))).toBe('empty');
  });

  it('too-large: a 50 MB string is refused at once, without being parsed', async () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const start = performance.now();
    expect(await errorOf(huge)).toBe('too-large');
    expect(performance.now() - start).toBeLessThan(100);
  });

  it('too-large: a 6 MB file, and any input over a smaller maxBytes', async () => {
    expect(await errorOf(new Uint8Array(6 * 1024 * 1024).fill(0x20))).toBe('too-large');
    expect(await errorOf(`{${' '.repeat(DEFAULT_MAX_BYTES)}}`)).toBe('too-large');
    const file = encodeFile(samplePayload());
    expect(await errorOf(file, { maxBytes: 100 })).toBe('too-large');
    expect(await errorOf(file, { maxBytes: file.length + 10 })).toBe('ok');
    // UTF-8 bytes are counted, not characters: 小 is 3 bytes.
    expect(await errorOf('小'.repeat(40), { maxBytes: 100 })).toBe('too-large');
  });

  it('too-large: a code that inflates beyond the limit (a zip bomb) is stopped', async () => {
    const bomb = await handCode(
      `{"format":"red-flags/transfer","pad":"${'x'.repeat(20_000_000)}"}`,
    );
    expect(bomb.length).toBeLessThan(100_000);
    expect(await errorOf(bomb)).toBe('too-large');
    expect(await errorOf(await encodeCode(samplePayload()), { maxBytes: 200 })).toBe('too-large');
  });

  it('not-text: a PNG renamed to .json, as bytes and as the text a browser reads from it', async () => {
    expect(await errorOf(PNG_HEADER)).toBe('not-text');
    expect(await errorOf(new TextDecoder().decode(PNG_HEADER))).toBe('not-text');
    expect(await errorOf(String.fromCharCode(...PNG_HEADER))).toBe('not-text');
  });

  it('not-text: JPEG, PDF, ZIP, invalid UTF-8, NUL bytes', async () => {
    expect(await errorOf(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF', 0))).toBe('not-text');
    expect(await errorOf(bytes('%PDF-1.7\n%', 0xe2, 0xe3, 0xcf, 0xd3, '\n'))).toBe('not-text');
    expect(await errorOf('%PDF-1.4\n1 0 obj\n')).toBe('not-text');
    expect(await errorOf(bytes('PK', 3, 4, 20, 0, 0, 0))).toBe('not-text');
    expect(await errorOf(bytes('{"a":"', 0xc3, 0x28, '"}'))).toBe('not-text');
    expect(await errorOf(bytes('{"a":1}', 0))).toBe('not-text');
    expect(await errorOf('{"a":1}\u0000')).toBe('not-text');
    // A JSON file saved as UTF-16 (the bytes start FF FE) is not UTF-8 text.
    expect(await errorOf(bytes(0xff, 0xfe, '{', 0, '}', 0))).toBe('not-text');
  });

  it('not-json: truncated JSON, and text that is neither JSON nor a code', async () => {
    const file = encodeFile(samplePayload());
    expect(await errorOf(file.slice(0, file.length / 2))).toBe('not-json');
    expect(await errorOf(file.slice(0, -3))).toBe('not-json');
    expect(await errorOf('hello, here are my results')).toBe('not-json');
    expect(await errorOf('{ format: "red-flags/transfer" }')).toBe('not-json');
  });

  it('not-red-flags: JSON that is not a transfer', async () => {
    for (const json of ['[]', '[1,2]', 'null', '42', '"RF"', 'true', '{}', '{"format":"other"}']) {
      expect(await errorOf(json)).toBe('not-red-flags');
    }
    expect(await errorOf(JSON.stringify(SCENARIO_RESULT))).toBe('not-red-flags');
    expect(await errorOf(JSON.stringify([samplePayload()]))).toBe('not-red-flags');
  });

  it('not-red-flags: __proto__, constructor or prototype keys anywhere, and no pollution', async () => {
    const payload = samplePayload();
    const body = JSON.stringify(payload);
    const attacks = [
      `{"__proto__":{"polluted":true},${body.slice(1)}`,
      `{"constructor":{"prototype":{"polluted":true}},${body.slice(1)}`,
      body.replace('"results":[{', '"results":[{"__proto__":{"polluted":true},'),
      body.replace('"redFlags":{', '"redFlags":{"prototype":{"polluted":true},'),
      body.replace('"choices":[{', '"choices":[{"constructor":{"polluted":true},'),
    ];
    for (const attack of attacks) {
      const value = JSON.parse(attack);
      const withChecksum = attack.replace(
        /}$/,
        `,"checksum":"${crc32HexOfText(JSON.stringify(value))}"}`,
      );
      expect(await errorOf(withChecksum)).toBe('not-red-flags');
      expect(await errorOf(await handCode(attack))).toBe('not-red-flags');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('newer-version: a transfer from a newer app, as a file and as a code', async () => {
    const newer = { ...samplePayload(), schemaVersion: 2 };
    expect(await errorOf(handFile(newer))).toBe('newer-version');
    // A newer format may drop the checksum: the version is read first.
    expect(await errorOf(JSON.stringify(newer))).toBe('newer-version');
    expect(await errorOf(await handCode(JSON.stringify(newer)))).toBe('newer-version');
    expect(await errorOf('RF2.abcdef.12345678')).toBe('newer-version');
    expect(await errorOf('my code: RF13.abcdef.12345678')).toBe('newer-version');
  });

  it('newer-version: a result inside from a newer version', async () => {
    const payload = samplePayload();
    for (const index of [0, 1]) {
      const results: unknown[] = [...payload.results];
      results[index] = { ...(results[index] as StoredResult), schemaVersion: 2, extra: 'field' };
      const body = { ...payload, results };
      expect(await errorOf(handFile(body))).toBe('newer-version');
      expect(await errorOf(await handCode(JSON.stringify(body)))).toBe('newer-version');
    }
  });

  it('unknown-version: a version that is neither ours nor newer', async () => {
    for (const schemaVersion of [0, -1, 1.5, '1', null, undefined]) {
      expect(await errorOf(handFile({ ...samplePayload(), schemaVersion }))).toBe(
        'unknown-version',
      );
    }
    expect(await errorOf('RF0.abcdef.12345678')).toBe('unknown-version');
  });

  it('bad-checksum: a file edited or damaged after it was saved', async () => {
    const payload = samplePayload();
    const file = encodeFile(payload);
    expect(await errorOf(file.replace('"score": 4', '"score": 3'))).toBe('bad-checksum');
    expect(await errorOf(file.replace('"Zoë"', '"Zoe"'))).toBe('bad-checksum');
    expect(await errorOf(JSON.stringify(payload))).toBe('bad-checksum');
    expect(await errorOf(file.replace(/"checksum": "[0-9a-f]{8}"/, '"checksum": "00000000"'))).toBe(
      'bad-checksum',
    );
    expect(await errorOf(file.replace(/"checksum": "[0-9a-f]{8}"/, '"checksum": 12345678'))).toBe(
      'bad-checksum',
    );
  });

  it('bad-checksum: a code with one character changed, or its CRC removed or cut', async () => {
    const code = await encodeCode(samplePayload());
    const middle = 20;
    const changed =
      code.slice(0, middle) + (code[middle] === 'A' ? 'B' : 'A') + code.slice(middle + 1);
    expect(await errorOf(changed)).toBe('bad-checksum');
    expect(await errorOf(code.slice(0, code.lastIndexOf('.')))).toBe('bad-checksum');
    expect(await errorOf(code.slice(0, code.lastIndexOf('.') + 1))).toBe('bad-checksum');
    expect(await errorOf(code.slice(0, -1))).toBe('bad-checksum');
    expect(await errorOf(code.slice(0, 30))).toBe('bad-checksum');
    const crc = code.slice(-8);
    const otherCrc = crc.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await errorOf(code.slice(0, -8) + otherCrc)).toBe('bad-checksum');
    expect(await errorOf('RF1.')).toBe('bad-checksum');
  });

  it('bad-checksum: a right CRC over data that does not inflate', async () => {
    const garbage = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 250, 251, 252);
    expect(await errorOf(`RF1.${toBase64url(garbage)}.${crc32Hex(garbage)}`)).toBe('bad-checksum');
    // Data after the end of the deflate stream (a crafted code: its CRC is right) is refused
    // by Chromium, while Node 20 ignores it; either way nothing unchecked gets through.
    const code = await encodeCode(samplePayload());
    const [, body] = code.split('.') as [string, string];
    const compressed = Uint8Array.from(atob(body.replaceAll('-', '+').replaceAll('_', '/')), (c) =>
      c.charCodeAt(0),
    );
    const padded = Uint8Array.from([...compressed, 1, 2, 3]);
    const decoded = await decodeTransfer(`RF1.${toBase64url(padded)}.${crc32Hex(padded)}`);
    expect(decoded).toEqual(
      decoded.ok ? { ok: true, payload: samplePayload() } : { ok: false, error: 'bad-checksum' },
    );
  });

  it('invalid: intact, our format, but records that fail the schema', async () => {
    const payload = samplePayload();
    const bad: Record<string, unknown>[] = [
      { ...payload, results: [{ ...SCENARIO_RESULT, score: 1.5 }] },
      { ...payload, results: [{ ...SCENARIO_RESULT, outcome: 'fine' }] },
      { ...payload, results: [{ ...SCENARIO_RESULT, id: 'short' }] },
      { ...payload, results: [{ ...SPOT_CHECK_RESULT, discernment: 2 }] },
      { ...payload, results: [{ ...SCENARIO_RESULT, format: 'red-flags/quiz-result' }] },
      { ...payload, results: [{ ...SCENARIO_RESULT, extra: true }] },
      { ...payload, results: Array.from({ length: 501 }, () => SCENARIO_RESULT) },
      { ...payload, results: 'none' },
      { ...payload, classCode: 'ABCDE0' },
      { ...payload, createdAt: 'yesterday' },
      { ...payload, student: '<b>x</b>' },
      { ...payload, student: 'Sam\u202Eevil' },
      { ...payload, student: '  Zoë  ' },
      { ...payload, student: 'x'.repeat(25) },
      { ...payload, teacher: 'extra key' },
    ];
    for (const body of bad) {
      expect(await errorOf(handFile(body))).toBe('invalid');
      expect(await errorOf(await handCode(JSON.stringify(body)))).toBe('invalid');
    }
    // A checksum inside a code is an unknown key there.
    expect(await errorOf(await handCode(encodeFile(payload)))).toBe('invalid');
  });
});

describe('decodeTransfer: safety', () => {
  it('never throws for values that are not strings or bytes (from untyped callers)', async () => {
    for (const value of [undefined, null, 42, {}, [], new ArrayBuffer(4), Symbol('x')]) {
      const decoded = await decodeTransfer(value as unknown as string);
      expect(decoded.ok).toBe(false);
    }
    expect(await errorOf(null as unknown as string)).toBe('empty');
  });

  it('ignores a nonsensical maxBytes and uses the default', async () => {
    const file = encodeFile(samplePayload());
    for (const maxBytes of [Number.NaN, -1, undefined]) {
      expect(await errorOf(file, { maxBytes })).toBe('ok');
    }
    expect(await errorOf(file, null as unknown as undefined)).toBe('ok');
  });

  it('does not change its input, and gives fresh objects each time', async () => {
    const payload = samplePayload();
    const fileBytes = new TextEncoder().encode(encodeFile(payload));
    const copy = fileBytes.slice();
    const first = await decodedPayload(fileBytes);
    expect(fileBytes).toEqual(copy);
    (first.results[0] as SpotCheckResult).responses.length = 0;
    first.student = 'changed';
    const second = await decodedPayload(fileBytes);
    expect(second).toStrictEqual(payload);
    expect(second).not.toBe(first);
    expect(Object.getPrototypeOf(second)).toBe(Object.prototype);
  });

  it('reads from a view into a larger buffer, and only the view', async () => {
    const file = new TextEncoder().encode(encodeFile(samplePayload()));
    const buffer = new Uint8Array(file.length + 20).fill(0);
    buffer.set(file, 10);
    expect(await errorOf(buffer.subarray(10, 10 + file.length))).toBe('ok');
  });

  it('survives deeply nested JSON', async () => {
    const deep = `{"format":"red-flags/transfer","schemaVersion":1,"results":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(TRANSFER_ERRORS).toContain(await errorOf(deep));
  });
});

/* ---------------------------------------------------------------------------------------- */
/* Properties                                                                               */

const idArb = fc
  .array(fc.string({ unit: fc.constantFrom(...'abcxyz0189'), minLength: 1, maxLength: 4 }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join('-'));
/** Record ids are free text in the schema: any code point, controls included. */
const recordIdArb = fc
  .string({ unit: 'binary', minLength: 8, maxLength: 20 })
  .filter((s) => s.length >= 8 && s.length <= 64);
const localeArb = fc.oneof(
  fc.constantFrom('en', 'fr', 'zh-Hans'),
  fc.string({ unit: 'binary', minLength: 2, maxLength: 8 }).filter((s) => s.length <= 16),
);
const dateArb = fc.date({
  min: new Date('2000-01-01T00:00:00.000Z'),
  max: new Date('2099-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});
const isoArb = dateArb.map((d) => d.toISOString());
const idListArb = fc.array(idArb, { maxLength: 3 });

const scenarioResultArb: fc.Arbitrary<ScenarioResult> = fc.record({
  format: fc.constant('red-flags/scenario-result' as const),
  schemaVersion: fc.constant(1 as const),
  id: recordIdArb,
  scenarioId: idArb,
  scenarioVersion: fc.integer({ min: 1, max: 1000 }),
  locale: localeArb,
  choices: fc.array(fc.record({ node: idArb, choice: idArb }), { maxLength: 4 }),
  ending: idArb,
  outcome: fc.constantFrom(...OUTCOMES),
  score: fc.integer({ min: -1000, max: 1000 }),
  bestScore: fc.integer({ min: 1, max: 1000 }),
  redFlags: fc.record({ spotted: idListArb, missed: idListArb }),
  startedAt: isoArb,
  finishedAt: isoArb,
  durationMs: fc.nat(),
});

const spotCheckResultArb: fc.Arbitrary<SpotCheckResult> = fc.record({
  format: fc.constant('red-flags/spot-check-result' as const),
  schemaVersion: fc.constant(1 as const),
  id: recordIdArb,
  form: fc.constantFrom('A' as const, 'B' as const),
  phase: fc.constantFrom('before' as const, 'after' as const),
  locale: localeArb,
  responses: fc.array(
    fc.record({
      item: idArb,
      answer: fc.constantFrom('scam' as const, 'genuine' as const),
      confidence: fc.constantFrom(1 as const, 2 as const, 3 as const),
    }),
    { maxLength: 4 },
  ),
  hits: fc.nat(20),
  misses: fc.nat(20),
  falseAlarms: fc.nat(20),
  correctRejections: fc.nat(20),
  discernment: fc.double({ min: -1, max: 1, noNaN: true }),
  startedAt: isoArb,
  finishedAt: isoArb,
  durationMs: fc.nat(),
});

const storedResultArb: fc.Arbitrary<StoredResult> = fc.oneof(scenarioResultArb, spotCheckResultArb);

const nicknameArb = fc.oneof(
  fc.constantFrom('', '12', 'Zoë', '小明', "Sam O'Neil", '\u{20BB7}'.repeat(24)),
  fc
    .string({ unit: fc.constantFrom(..."aZë小明12 ._-'é\u0301\u0663".split('')), maxLength: 30 })
    .map((s) => {
      const check = checkNickname(s);
      return check.ok ? check.nickname : '';
    }),
);
const classCodeArb = fc.option(
  fc.string({ unit: fc.constantFrom(...CLASS_CODE_ALPHABET), minLength: 6, maxLength: 6 }),
  { nil: null },
);

const payloadArb: fc.Arbitrary<TransferPayload> = fc
  .record({
    classCode: classCodeArb,
    student: nicknameArb,
    results: fc.array(storedResultArb, { maxLength: 3 }),
    now: dateArb,
  })
  .map(createPayload);

/** The property every decode must have: it resolved, and an ok payload passes the schema. */
function expectSafe(decoded: DecodeResult) {
  if (decoded.ok) {
    expect(transferPayloadSchema.safeParse(decoded.payload).success).toBe(true);
  } else {
    expect(TRANSFER_ERRORS).toContain(decoded.error);
  }
}

const RUNS = { numRuns: 300 };
const SLOW = 60_000;

describe('properties: round trips', () => {
  it(
    'file: decode(encodeFile(p)) is exactly p',
    async () => {
      await fc.assert(
        fc.asyncProperty(payloadArb, async (payload) => {
          expect(transferPayloadSchema.safeParse(payload).success).toBe(true);
          const text = encodeFile(payload);
          expect(await decodeTransfer(text)).toStrictEqual({ ok: true, payload });
          expect(await decodeTransfer(new TextEncoder().encode(text))).toStrictEqual({
            ok: true,
            payload,
          });
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'code: decode(encodeCode(p)) is exactly p',
    async () => {
      await fc.assert(
        fc.asyncProperty(payloadArb, async (payload) => {
          const code = await encodeCode(payload);
          expect(code).toMatch(/^RF1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
          expect(await decodeTransfer(code)).toStrictEqual({ ok: true, payload });
        }),
        RUNS,
      );
    },
    SLOW,
  );
});

describe('properties: decodeTransfer never throws', () => {
  it(
    'on arbitrary strings',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
          expectSafe(await decodeTransfer(text));
        }),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on arbitrary strings that look like codes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: fc.constantFrom(...'AZaz09-_.= \n'.split('')), maxLength: 80 }),
          fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), maxLength: 10 }),
          async (body, crc) => {
            expectSafe(await decodeTransfer(`RF1.${body}.${crc}`));
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on arbitrary bytes, which it never changes',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.uint8Array({ maxLength: 300 }),
            fc
              .uint8Array({ maxLength: 50 })
              .map((tail) => Uint8Array.from([...PNG_HEADER, ...tail])),
          ),
          async (input) => {
            const before = input.slice();
            expectSafe(await decodeTransfer(input));
            expect(input).toEqual(before);
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on mutations of a valid file',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          payloadArb,
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async (payload, mutations) => {
            const text = mutations.reduce(mutate, encodeFile(payload));
            expectSafe(await decodeTransfer(text));
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'on mutations of a valid code',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          payloadArb,
          fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
          async (payload, mutations) => {
            const text = mutations.reduce(mutate, await encodeCode(payload));
            expectSafe(await decodeTransfer(text));
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );

  it(
    'and any one character changed in the body or the CRC of a code is caught',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          payloadArb,
          fc.nat(),
          fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
          async (payload, at, replacement) => {
            const code = await encodeCode(payload);
            // Positions after "RF1.", skipping the dot before the CRC.
            const dot = code.lastIndexOf('.');
            const positions = Array.from({ length: code.length - 4 }, (_, i) => i + 4).filter(
              (i) => i !== dot,
            );
            const index = positions[at % positions.length] as number;
            const original = code[index] as string;
            let next = replacement;
            if (index > dot) next = '0123456789abcdef'.replace(original, '')[at % 15] as string;
            fc.pre(next !== original);
            const changed = code.slice(0, index) + next + code.slice(index + 1);
            expect(await decodeTransfer(changed)).toEqual({ ok: false, error: 'bad-checksum' });
          },
        ),
        RUNS,
      );
    },
    SLOW,
  );
});
