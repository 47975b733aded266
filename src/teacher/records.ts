/**
 * The records the teacher mode keeps and moves between devices. Pure types and schemas: the
 * storage, the transfer codes, the aggregation and the dashboard all speak these.
 */

// The modules, not the engine's index: the first screen opens the store, not the engine.
import { resultSchema } from '../engine/result';
import { spotCheckResultSchema } from '../engine/spot-check';
import { z } from '../engine/zod';
import { CLASS_CODE_PATTERN } from './class-code';

/** A scenario result or a spot-check result, told apart by `format`. */
export const storedResultSchema = z.discriminatedUnion('format', [
  resultSchema,
  spotCheckResultSchema,
]);
export type StoredResult = z.infer<typeof storedResultSchema>;

/** Class codes: 6 characters from an alphabet without look-alikes (src/teacher/class-code.ts). */
export const classCodeSchema = z
  .string()
  .regex(CLASS_CODE_PATTERN, 'must be a 6-character class code');

export const GRADE_BANDS = ['4-6', '7-8', '9-10', '11-12'] as const;

export const classInfoSchema = z.strictObject({
  code: classCodeSchema,
  name: z.string().min(1).max(60),
  gradeBand: z.enum(GRADE_BANDS),
  /** The scenario ids switched on for this class. */
  scenarios: z.array(z.string()).max(100),
  showSextortion: z.boolean(),
  pressureTimer: z.boolean(),
  /** The spot-check form the class takes first (before the scenarios). */
  firstForm: z.enum(['A', 'B']),
  createdAt: z.iso.datetime(),
});
export type ClassInfo = z.infer<typeof classInfoSchema>;

/** One result as stored on a device: who played it (a nickname, never a real name) and where. */
export const studentRecordSchema = z.strictObject({
  /** The result's own id: importing the same result twice stores it once. */
  id: z.string().min(8).max(64),
  /** Null when played without a class. */
  classCode: classCodeSchema.nullable(),
  /** Nickname or seat number (24 characters, counted as code points); empty without a class. */
  student: z.string().refine((s) => [...s].length <= 24, 'must be 24 characters or fewer'),
  result: storedResultSchema,
});
export type StudentRecord = z.infer<typeof studentRecordSchema>;
