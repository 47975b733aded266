/**
 * How a student's results reach the teacher's device with no server: a results FILE (saved,
 * then handed over on a USB stick, a shared drive or the school's own file tool) or a text
 * CODE (copied and pasted, or shown as a QR code). Both carry the same payload.
 *
 * - File: pretty JSON of the payload plus `checksum`, the CRC-32 of `JSON.stringify(payload)`.
 * - Code: `RF1.` + base64url(deflate-raw(UTF-8 JSON of the payload)) + `.` + the CRC-32 of
 *   the compressed bytes, 8 lower-case hex digits.
 *
 * decodeTransfer reads either, never throws, never trusts what it reads: sizes are checked
 * before anything is parsed, the decompressed size is capped (no zip bombs), keys that could
 * reach a prototype are refused, and what it returns is built afresh by zod.
 */
import { z } from '../engine/zod';
import { normaliseClassCode } from './class-code';
import { crc32Hex, crc32HexOfText } from './crc32';
import { checkNickname, isNormalisedNickname, NICKNAME_MAX_LENGTH } from './nickname';
import { classCodeSchema, type StoredResult, storedResultSchema } from './records';
import {
  bytesToText,
  checksumMatches,
  hasForbiddenKey,
  isNewer,
  isRecord,
  looksBinary,
  RESULT_VERSIONS,
  readText,
  resolveMaxBytes,
} from './untrusted-input';

export const TRANSFER_FORMAT = 'red-flags/transfer';
export const TRANSFER_SCHEMA_VERSION = 1;
export const MAX_TRANSFER_RESULTS = 500;
/** The largest file or code decodeTransfer reads unless told otherwise: 5 MB. */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Every code starts so; the digit is the code format's version. */
export const CODE_PREFIX = `RF${TRANSFER_SCHEMA_VERSION}.`;

export const transferPayloadSchema = z.strictObject({
  format: z.literal(TRANSFER_FORMAT),
  schemaVersion: z.literal(TRANSFER_SCHEMA_VERSION),
  /** Null when played without a class. */
  classCode: classCodeSchema.nullable(),
  /**
   * Nickname or seat number, exactly as checkNickname gives it (at most 24 code points, so no
   * markup, control or direction-override characters reach the teacher's screen); empty when
   * played without a class.
   */
  student: z
    .string()
    .max(NICKNAME_MAX_LENGTH * 2)
    .refine((s) => s === '' || isNormalisedNickname(s), 'must be empty or a checked nickname'),
  createdAt: z.iso.datetime(),
  results: z.array(storedResultSchema).max(MAX_TRANSFER_RESULTS),
});
export type TransferPayload = z.infer<typeof transferPayloadSchema>;

export const TRANSFER_ERRORS = [
  /** Nothing, or nothing but white space. */
  'empty',
  /** Over the size limit; nothing was parsed. */
  'too-large',
  /** Binary data: an image, a PDF, a zip, invalid UTF-8 or NUL bytes. */
  'not-text',
  /** Text, but neither JSON nor a code. */
  'not-json',
  /** JSON, but not a Red Flags transfer. */
  'not-red-flags',
  /** Made by a newer version of the app: update the app. */
  'newer-version',
  /** A version this app does not know and that is not newer. */
  'unknown-version',
  /** Damaged in transit: the checksum is missing or does not match, or the code is garbled. */
  'bad-checksum',
  /** The right format and intact, but the records in it are not valid. */
  'invalid',
] as const;
export type TransferError = (typeof TRANSFER_ERRORS)[number];

export type DecodeResult =
  | { ok: true; payload: TransferPayload }
  | { ok: false; error: TransferError };

export interface DecodeOptions {
  /** Refuse inputs larger than this many bytes (and codes that inflate beyond it). */
  maxBytes?: number;
}

/**
 * The payload for some results. The nickname and the class code are normalised (see
 * checkNickname and normaliseClassCode); the results are copied through JSON and their schema,
 * so the keys are in schema order, the checksum of the same results is always the same, and
 * decoding an encoded payload gives back exactly this object.
 * Throws (a ZodError, or an Error for a bad nickname or class code, a RangeError for an invalid
 * date) when the input cannot make a valid payload: that is a bug in the caller.
 */
export function createPayload(input: {
  classCode: string | null;
  student: string;
  results: StoredResult[];
  now: Date;
}): TransferPayload {
  let classCode: string | null = null;
  if (input.classCode !== null) {
    const normalised = normaliseClassCode(input.classCode);
    if (normalised === undefined) throw new Error('createPayload: invalid class code');
    classCode = normalised;
  }
  const check = checkNickname(input.student);
  if (!check.ok && check.error !== 'empty') {
    throw new Error(`createPayload: invalid nickname (${check.error})`);
  }
  const payload = {
    format: TRANSFER_FORMAT,
    schemaVersion: TRANSFER_SCHEMA_VERSION,
    classCode,
    student: check.ok ? check.nickname : '',
    createdAt: input.now.toISOString(),
    results: input.results,
  };
  // Through JSON first, so the payload is exactly what a decoder will read back (-0 is 0).
  return transferPayloadSchema.parse(JSON.parse(JSON.stringify(payload)));
}

/* ----------------------------------------------------------------------------------------- */
/* The file                                                                                  */

/** The results file's text: pretty JSON of the payload and its checksum, ending in a newline. */
export function encodeFile(payload: TransferPayload): string {
  const checksum = crc32HexOfText(JSON.stringify(payload));
  return `${JSON.stringify({ ...payload, checksum }, null, 2)}\n`;
}

/**
 * A file name safe on every system: `red-flags-<class code or no-class>-<student>-<date>.json`,
 * where <student> is the nickname in ASCII letters, digits and hyphens ("student" when nothing
 * is left, as for "小明") and <date> is the local calendar date of createdAt, yyyy-mm-dd.
 */
export function fileName(payload: TransferPayload): string {
  const code =
    typeof payload.classCode === 'string' && classCodeSchema.safeParse(payload.classCode).success
      ? payload.classCode
      : 'no-class';
  return `red-flags-${code}-${slug(payload.student)}-${localDate(payload.createdAt)}.json`;
}

/** Letters that Unicode decomposition does not turn into ASCII. */
const TRANSLITERATIONS = new Map([
  ['ß', 'ss'],
  ['æ', 'ae'],
  ['œ', 'oe'],
  ['ø', 'o'],
  ['đ', 'd'],
  ['ð', 'd'],
  ['þ', 'th'],
  ['ł', 'l'],
  ['ı', 'i'],
  ['ħ', 'h'],
]);

function slug(student: unknown): string {
  if (typeof student !== 'string') return 'student';
  const ascii = student
    .slice(0, 100)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøđðþłıħ]/g, (c) => TRANSLITERATIONS.get(c) ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return ascii === '' ? 'student' : ascii;
}

function localDate(iso: unknown): string {
  const date = new Date(typeof iso === 'string' ? iso : Number.NaN);
  if (Number.isNaN(date.getTime())) return 'undated';
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/* ----------------------------------------------------------------------------------------- */
/* The code                                                                                  */

/** The text code for a payload: compact enough for a QR code when it holds a few results. */
export async function encodeCode(payload: TransferPayload): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  const compressed = await pipeBytes(json, new CompressionStream('deflate-raw'), Infinity);
  if (compressed === 'too-large') throw new Error('encodeCode: unreachable');
  return `${CODE_PREFIX}${toBase64url(compressed)}.${crc32Hex(compressed)}`;
}

/** Runs bytes through a compression stream; 'too-large' once the output passes maxBytes. */
async function pipeBytes(
  bytes: Uint8Array<ArrayBuffer>,
  transform: CompressionStream | DecompressionStream,
  maxBytes: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  const reader = source.pipeThrough(transform).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE64URL.length; i++) values[BASE64URL.charCodeAt(i)] = i;
  return values;
})();

/** Base64url without padding. */
function toBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    parts.push(
      BASE64URL.charAt(n >>> 18) +
        BASE64URL.charAt((n >>> 12) & 63) +
        BASE64URL.charAt((n >>> 6) & 63) +
        BASE64URL.charAt(n & 63),
    );
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] as number) << 16) | (rest === 2 ? (bytes[i + 1] as number) << 8 : 0);
    parts.push(
      BASE64URL.charAt(n >>> 18) +
        BASE64URL.charAt((n >>> 12) & 63) +
        (rest === 2 ? BASE64URL.charAt((n >>> 6) & 63) : ''),
    );
  }
  return parts.join('');
}

/**
 * Base64url (no padding) to bytes; undefined for an impossible length, a character outside the
 * alphabet, or non-zero unused bits (so every change to a character changes the bytes).
 */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let value = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = BASE64URL_VALUES[text.charCodeAt(i)] ?? -1;
    if (digit < 0) return undefined;
    value = (value << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (value >>> bits) & 0xff;
      value &= (1 << bits) - 1;
    }
  }
  return value === 0 ? out : undefined;
}

/* ----------------------------------------------------------------------------------------- */
/* Decoding                                                                                  */

const fail = (error: TransferError): DecodeResult => ({ ok: false, error });

/**
 * Reads a results file (its text or its bytes) or a pasted code. White space anywhere in a code
 * is ignored, and so is text around it ("my code: RF1.… thanks"). Never throws or rejects,
 * never changes `input`, and a payload it returns is a fresh object that passed
 * transferPayloadSchema.
 */
export async function decodeTransfer(
  input: string | Uint8Array,
  options?: DecodeOptions,
): Promise<DecodeResult> {
  try {
    return await decode(input, options);
  } catch {
    // Nothing known throws, but nothing may escape either.
    return fail('invalid');
  }
}

async function decode(input: unknown, options: DecodeOptions | undefined): Promise<DecodeResult> {
  const maxBytes = resolveMaxBytes(options?.maxBytes, DEFAULT_MAX_BYTES);
  const read = readText(input, maxBytes);
  if (!read.ok) return fail(read.error);

  const trimmed = read.text.trim();
  if (trimmed === '') return fail('empty');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return decodeJson(trimmed, true);

  const compact = trimmed.replace(/\s+/g, '');
  const start = compact.indexOf(CODE_PREFIX);
  if (start >= 0) return decodeCode(compact.slice(start + CODE_PREFIX.length), maxBytes);
  const other = /RF(\d{1,6})\./.exec(compact);
  if (other) {
    return Number(other[1]) > TRANSFER_SCHEMA_VERSION
      ? fail('newer-version')
      : fail('unknown-version');
  }
  // JSON that is not an object ("42", "null", "\"text\"") is not ours; anything else is not JSON.
  try {
    JSON.parse(trimmed);
    return fail('not-red-flags');
  } catch {
    return fail('not-json');
  }
}

async function decodeCode(body: string, maxBytes: number): Promise<DecodeResult> {
  const parts = /^([A-Za-z0-9_-]*)\.([0-9a-fA-F]{8})/.exec(body);
  if (!parts) return fail('bad-checksum');
  const compressed = fromBase64url(parts[1] as string);
  if (compressed === undefined || compressed.length === 0) return fail('bad-checksum');
  if (crc32Hex(compressed) !== (parts[2] as string).toLowerCase()) return fail('bad-checksum');
  let inflated: Uint8Array<ArrayBuffer> | 'too-large';
  try {
    inflated = await pipeBytes(compressed, new DecompressionStream('deflate-raw'), maxBytes);
  } catch {
    return fail('bad-checksum');
  }
  if (inflated === 'too-large') return fail('too-large');
  const text = bytesToText(inflated);
  if (text === undefined || looksBinary(text)) return fail('not-text');
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  return decodeJson(trimmed, false);
}

function decodeJson(text: string, withChecksum: boolean): DecodeResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  if (!isRecord(value) || hasForbiddenKey(value)) return fail('not-red-flags');
  if (value.format !== TRANSFER_FORMAT) return fail('not-red-flags');
  const version = value.schemaVersion;
  if (isNewer(version, TRANSFER_SCHEMA_VERSION)) return fail('newer-version');
  if (version !== TRANSFER_SCHEMA_VERSION) return fail('unknown-version');

  let body: Record<string, unknown> = value;
  if (withChecksum) {
    const { checksum, ...rest } = value;
    if (!checksumMatches(checksum, rest)) return fail('bad-checksum');
    body = rest;
  }

  if (Array.isArray(body.results)) {
    for (const result of body.results) {
      if (!isRecord(result)) continue;
      const known = RESULT_VERSIONS.get(result.format);
      if (known !== undefined && isNewer(result.schemaVersion, known)) return fail('newer-version');
    }
  }
  const parsed = transferPayloadSchema.safeParse(body);
  return parsed.success ? { ok: true, payload: parsed.data } : fail('invalid');
}
