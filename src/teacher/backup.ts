/**
 * A full backup of one class, or of everything on the device, in one file the teacher keeps
 * (a USB stick, the school's drive) and restores on this or another device: before a device is
 * wiped or replaced, or to move a class to a new laptop.
 *
 * - File: pretty JSON of the backup plus `checksum`, the CRC-32 of `JSON.stringify(backup)`,
 *   exactly as a results file (see transfer.ts) is written.
 * - decodeBackup reads it as decodeTransfer reads a results file, with the same errors: sizes
 *   are checked before anything is parsed, keys that could reach a prototype are refused, and
 *   what it returns is built afresh by zod. It never throws.
 * - restoreBackup adds the records in one all-or-nothing write (a record already on the device
 *   is skipped), and adds the classes the device does not have; a class it has keeps its
 *   current settings.
 *
 * A backup holds what the store holds: records are checked with the store's own schema
 * (studentRecordSchema), so everything that can be exported can be restored.
 */
import { z } from '../engine/zod';
import type { ResultStore } from '../storage/result-store';
import { crc32HexOfText } from './crc32';
import {
  type ClassInfo,
  classCodeSchema,
  classInfoSchema,
  type StudentRecord,
  studentRecordSchema,
} from './records';
import { type DecodeOptions, TRANSFER_ERRORS, type TransferError } from './transfer';
import {
  checksumMatches,
  hasForbiddenKey,
  isNewer,
  isRecord,
  RESULT_VERSIONS,
  readText,
  resolveMaxBytes,
} from './untrusted-input';

export const BACKUP_FORMAT = 'red-flags/backup';
export const BACKUP_SCHEMA_VERSION = 1;
/** The largest backup decodeBackup reads unless told otherwise: 50 MB. */
export const DEFAULT_MAX_BACKUP_BYTES = 50 * 1024 * 1024;

/**
 * What a backup covers. A class backup holds exactly one class and only that class's records.
 * A device backup holds every class and every record on the device: records played without a
 * class (classCode null), and records saved under a class that lives on another device (a
 * shared classroom computer keeps its students' results under the teacher's class code without
 * the class itself), so that a device backup loses nothing.
 */
export const BACKUP_SCOPES = ['class', 'device'] as const;
export type BackupScope = (typeof BACKUP_SCOPES)[number];

export const backupSchema = z
  .strictObject({
    format: z.literal(BACKUP_FORMAT),
    schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
    scope: z.enum(BACKUP_SCOPES),
    createdAt: z.iso.datetime(),
    classes: z.array(classInfoSchema),
    records: z.array(studentRecordSchema),
  })
  .superRefine((backup, ctx) => {
    const codes = new Set<string>();
    backup.classes.forEach((info, index) => {
      if (codes.has(info.code)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate class', path: ['classes', index] });
      }
      codes.add(info.code);
    });
    if (backup.scope === 'class' && backup.classes.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: 'a class backup holds exactly one class',
        path: ['classes'],
      });
    }
    const ids = new Set<string>();
    backup.records.forEach((record, index) => {
      if (ids.has(record.id)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate record', path: ['records', index] });
      }
      ids.add(record.id);
      if (backup.scope === 'class' && (record.classCode === null || !codes.has(record.classCode))) {
        ctx.addIssue({
          code: 'custom',
          message: "a class backup holds only its class's records",
          path: ['records', index, 'classCode'],
        });
      }
    });
  });
export type Backup = z.infer<typeof backupSchema>;

/** The same errors as a results file's, with the same meanings (see TRANSFER_ERRORS). */
export const BACKUP_ERRORS = TRANSFER_ERRORS;
export type BackupError = TransferError;

export type DecodeBackupResult = { ok: true; backup: Backup } | { ok: false; error: BackupError };

export type RestoreOutcome =
  | {
      ok: true;
      /** Classes added; a class already on the device is kept as it is and not counted. */
      classes: number;
      /** Records added. */
      added: number;
      /** Records skipped because the device already had them. */
      duplicates: number;
    }
  | { ok: false; error: 'quota' | 'unavailable' | 'invalid' };

/* ----------------------------------------------------------------------------------------- */
/* Making a backup                                                                           */

/**
 * The backup of some classes and records, classes sorted by code and records by id, so the same
 * data always makes the same file. Without `scope`, it is a class backup when there is one
 * class and every record belongs to it, and a device backup otherwise.
 * Copied through JSON and the schema, so decoding the encoded backup gives back exactly this
 * object. Throws (a ZodError, a RangeError for an invalid date) when the input cannot make a
 * valid backup: that is a bug in the caller.
 */
export function createBackup(input: {
  classes: readonly ClassInfo[];
  records: readonly StudentRecord[];
  now: Date;
  scope?: BackupScope;
}): Backup {
  const classes = [...input.classes].sort((a, b) => compare(a.code, b.code));
  const records = [...input.records].sort((a, b) => compare(a.id, b.id));
  const only = classes.length === 1 ? classes[0] : undefined;
  const scope =
    input.scope ??
    (only !== undefined && records.every((r) => r.classCode === only.code) ? 'class' : 'device');
  const backup = {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    scope,
    createdAt: input.now.toISOString(),
    classes,
    records,
  };
  // Through JSON first, so the backup is exactly what a decoder will read back (-0 is 0).
  return backupSchema.parse(JSON.parse(JSON.stringify(backup)));
}

/** Code-unit order: the same on every device and in every language. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The backup of one class on this device, or undefined when the device has no such class.
 * Throws only if the store holds something invalid, which it never accepts.
 */
export async function exportClass(
  store: ResultStore,
  code: string,
  now: Date = new Date(),
): Promise<Backup | undefined> {
  const info = await store.getClass(code);
  if (info === undefined) return undefined;
  const records = await store.records(info.code);
  return createBackup({ classes: [info], records, now, scope: 'class' });
}

/** The backup of every class and every record on this device. */
export async function exportDevice(store: ResultStore, now: Date = new Date()): Promise<Backup> {
  const [classes, records] = await Promise.all([store.classes(), store.records()]);
  return createBackup({ classes, records, now, scope: 'device' });
}

/** The backup file's text: pretty JSON of the backup and its checksum, ending in a newline. */
export function encodeBackup(backup: Backup): string {
  const checksum = crc32HexOfText(JSON.stringify(backup));
  return `${JSON.stringify({ ...backup, checksum }, null, 2)}\n`;
}

/**
 * A file name safe on every system: `red-flags-backup-<class code or all-classes>-<date>.json`,
 * where <date> is the local calendar date of createdAt, yyyy-mm-dd.
 */
export function backupFileName(backup: Backup): string {
  const code = backup.scope === 'class' ? backup.classes[0]?.code : undefined;
  const name =
    typeof code === 'string' && classCodeSchema.safeParse(code).success ? code : 'all-classes';
  return `red-flags-backup-${name}-${localDate(backup.createdAt)}.json`;
}

function localDate(iso: unknown): string {
  const date = new Date(typeof iso === 'string' ? iso : Number.NaN);
  if (Number.isNaN(date.getTime())) return 'undated';
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1, 2)}-${pad(date.getDate(), 2)}`;
}

/* ----------------------------------------------------------------------------------------- */
/* Restoring                                                                                 */

/**
 * Puts a backup's classes and records on this device. The backup is checked first, so an
 * invalid one stores nothing; then the records go in one all-or-nothing write (records already
 * on the device are skipped), then the classes the device does not have. A class the device
 * already has keeps its current name and settings. Restoring the same backup twice stores what
 * restoring it once does. Never throws or rejects, never changes `backup`.
 *
 * If storage fails after the records went in (a class cannot be written), the answer is the
 * error and the records stay; restoring again completes it.
 */
export async function restoreBackup(store: ResultStore, backup: Backup): Promise<RestoreOutcome> {
  let parsed: ReturnType<typeof backupSchema.safeParse>;
  try {
    parsed = backupSchema.safeParse(backup);
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (!parsed.success) return { ok: false, error: 'invalid' };
  const { classes, records } = parsed.data;
  try {
    const written = await store.addRecords(records);
    if (!written.ok) return { ok: false, error: written.error };
    let added = 0;
    for (const info of classes) {
      if ((await store.getClass(info.code)) !== undefined) continue;
      const put = await store.putClass(info);
      if (!put.ok) return { ok: false, error: put.error };
      added += 1;
    }
    return { ok: true, classes: added, added: written.added, duplicates: written.duplicates };
  } catch {
    return { ok: false, error: 'unavailable' };
  }
}

/* ----------------------------------------------------------------------------------------- */
/* Decoding                                                                                  */

const fail = (error: BackupError): DecodeBackupResult => ({ ok: false, error });

/**
 * Reads a backup file, its text or its bytes. Never throws or rejects, never changes `input`,
 * and a backup it returns is a fresh object that passed backupSchema.
 */
export async function decodeBackup(
  input: string | Uint8Array,
  options?: DecodeOptions,
): Promise<DecodeBackupResult> {
  try {
    return decode(input, options);
  } catch {
    // Nothing known throws, but nothing may escape either.
    return fail('invalid');
  }
}

function decode(input: unknown, options: DecodeOptions | undefined): DecodeBackupResult {
  const maxBytes = resolveMaxBytes(options?.maxBytes, DEFAULT_MAX_BACKUP_BYTES);
  const read = readText(input, maxBytes);
  if (!read.ok) return fail(read.error);

  const trimmed = read.text.trim();
  if (trimmed === '') return fail('empty');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return fail('not-json');
  }
  if (!isRecord(value) || hasForbiddenKey(value)) return fail('not-red-flags');
  if (value.format !== BACKUP_FORMAT) return fail('not-red-flags');
  const version = value.schemaVersion;
  if (isNewer(version, BACKUP_SCHEMA_VERSION)) return fail('newer-version');
  if (version !== BACKUP_SCHEMA_VERSION) return fail('unknown-version');

  const { checksum, ...body } = value;
  if (!checksumMatches(checksum, body)) return fail('bad-checksum');

  if (Array.isArray(body.records)) {
    for (const record of body.records) {
      const result = isRecord(record) ? record.result : undefined;
      if (!isRecord(result)) continue;
      const known = RESULT_VERSIONS.get(result.format);
      if (known !== undefined && isNewer(result.schemaVersion, known)) return fail('newer-version');
    }
  }
  const parsed = backupSchema.safeParse(body);
  return parsed.success ? { ok: true, backup: parsed.data } : fail('invalid');
}
