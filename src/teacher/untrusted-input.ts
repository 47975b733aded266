/**
 * The shared first checks on files and codes of unknown origin (a results file or code, a
 * backup), made before any schema sees them: size, binary data, text, prototype keys, newer
 * versions and the checksum. Used by transfer.ts and backup.ts; nothing here throws on input.
 */
import { RESULT_FORMAT, RESULT_SCHEMA_VERSION } from '../engine/result';
import { SPOT_CHECK_RESULT_FORMAT, SPOT_CHECK_SCHEMA_VERSION } from '../engine/spot-check';
import { crc32HexOfText } from './crc32';

/* ----------------------------------------------------------------------------------------- */
/* Size and text                                                                             */

/** Why readText refused an input; each is also a TransferError with the same meaning. */
export type ReadTextError = 'empty' | 'too-large' | 'not-text';

/** The caller's byte limit when it is a number at least 0, else `fallback`. */
export function resolveMaxBytes(requested: unknown, fallback: number): number {
  return typeof requested === 'number' && requested >= 0 && !Number.isNaN(requested)
    ? requested
    : fallback;
}

/**
 * The text of a file given as a string or as bytes, checked before anything is parsed: over
 * `maxBytes` (UTF-8 bytes for a string) is 'too-large', binary data is 'not-text', and no input
 * at all (undefined or null) is 'empty'. The text is not trimmed; `input` is never changed.
 */
export function readText(
  input: unknown,
  maxBytes: number,
): { ok: true; text: string } | { ok: false; error: ReadTextError } {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > maxBytes || utf8LengthOver(input, maxBytes)) {
      return { ok: false, error: 'too-large' };
    }
    text = input;
  } else if (ArrayBuffer.isView(input)) {
    if (input.byteLength > maxBytes) return { ok: false, error: 'too-large' };
    // A copy: the caller may reuse its buffer while this reads, and it is never written to.
    const bytes = new Uint8Array(input.byteLength);
    bytes.set(new Uint8Array(input.buffer, input.byteOffset, input.byteLength));
    const decoded = bytesToText(bytes);
    if (decoded === undefined) return { ok: false, error: 'not-text' };
    text = decoded;
  } else if (input === undefined || input === null) {
    return { ok: false, error: 'empty' };
  } else {
    return { ok: false, error: 'not-text' };
  }
  if (looksBinary(text)) return { ok: false, error: 'not-text' };
  return { ok: true, text };
}

/** Starts of files that are certainly not text: PNG, JPEG, GIF, PDF, ZIP (and docx), gzip. */
const SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP, and so docx, xlsx, odt
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x50, 0x4b, 0x07, 0x08], // spanned ZIP
  [0x1f, 0x8b], // gzip
];

/** UTF-8 text without its byte-order mark, or undefined for binary data. */
export function bytesToText(bytes: Uint8Array<ArrayBuffer>): string | undefined {
  for (const signature of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return undefined;
  }
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Text that is really binary data: control characters other than white space (a PNG read as
 * text has them in its first 8 bytes; a JPEG has NULs), or a PDF's opening.
 */
export function looksBinary(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Tab, line feed, vertical tab, form feed and carriage return are white space.
    if (unit < 0x20 && (unit < 0x09 || unit > 0x0d)) return true;
  }
  return /^\ufeff?%PDF-/.test(text);
}

/** Whether a string's UTF-8 encoding is longer than `limit` bytes, counted without encoding. */
export function utf8LengthOver(text: string, limit: number): boolean {
  // Each UTF-16 unit is at most 3 bytes (a surrogate pair is 4 bytes for 2 units).
  if (text.length * 3 <= limit) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
    if (bytes > limit) return true;
  }
  return false;
}

/* ----------------------------------------------------------------------------------------- */
/* Parsed JSON                                                                               */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The schema version this app reads for each result format a file may hold. */
export const RESULT_VERSIONS: ReadonlyMap<unknown, number> = new Map<unknown, number>([
  [RESULT_FORMAT, RESULT_SCHEMA_VERSION],
  [SPOT_CHECK_RESULT_FORMAT, SPOT_CHECK_SCHEMA_VERSION],
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNewer(version: unknown, ours: number): boolean {
  return typeof version === 'number' && Number.isInteger(version) && version > ours;
}

/** Whether any object in a parsed JSON value has a key that could reach a prototype. */
export function hasForbiddenKey(root: unknown): boolean {
  // Iterative, so a deeply nested input cannot overflow the stack.
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      stack.push((value as Record<string, unknown>)[key]);
    }
  }
  return false;
}

/**
 * Whether `checksum` is 8 hex digits (either case) equal to the CRC-32 of
 * `JSON.stringify(body)`; false, never a throw, when the body cannot be stringified.
 */
export function checksumMatches(checksum: unknown, body: Record<string, unknown>): boolean {
  if (typeof checksum !== 'string' || !/^[0-9a-fA-F]{8}$/.test(checksum)) return false;
  let actual: string;
  try {
    actual = crc32HexOfText(JSON.stringify(body));
  } catch {
    return false;
  }
  return actual === checksum.toLowerCase();
}
