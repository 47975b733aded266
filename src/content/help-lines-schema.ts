/**
 * The format of the help-line data (help-lines.json) and how lines are picked for a debrief.
 * Pure: used by the app, the validator and the tests alike.
 */

import { SCAM_TYPES } from '../engine/guidance';
import { regionSchema } from '../engine/identifiers';
import { z } from '../engine/zod';
import { LANGUAGES, type Language } from '../i18n/languages';

const translated = z.strictObject(
  Object.fromEntries(LANGUAGES.map((l) => [l, z.string().min(1)])) as Record<Language, z.ZodString>,
);

/** A line needs no number or address when its text says how to reach it (credit bureaus). */
const lineSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** The scam types this line is for; "all" for every debrief. */
  topics: z.array(z.enum(['all', ...SCAM_TYPES])).min(1),
  number: z
    .string()
    .regex(/^[0-9A-Z+() -]{3,24}$/)
    .optional(),
  web: z
    .string()
    .regex(/^[A-Za-z0-9.-]+\.[a-z]{2,}$/, 'must be a bare domain such as "cybertip.ca"')
    .optional(),
  name: translated,
  what: translated,
});

export const helpLinesSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    national: regionSchema,
    regions: z.record(
      regionSchema,
      z.strictObject({
        parent: regionSchema.optional(),
        name: translated,
        lines: z.array(lineSchema),
      }),
    ),
  })
  .refine((file) => file.national in file.regions, {
    message: 'the national region must be listed',
  })
  .refine(
    (file) =>
      Object.values(file.regions).every((r) => r.parent === undefined || r.parent in file.regions),
    { message: 'every parent region must be listed' },
  );

export type HelpLinesFile = z.infer<typeof helpLinesSchema>;
export type HelpLine = HelpLinesFile['regions'][string]['lines'][number];

export { helpLinesFor, knownRegions } from './help-lines-pick';
