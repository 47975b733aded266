/**
 * The small shared pieces of the file formats: ids, text keys, region codes and outcomes. They
 * live apart from the scenario schema (./schema.ts) so that the stored results' schemas do not
 * build the whole scenario format.
 */
import { z } from './zod';

/** Lower-case words joined by hyphens: safe in keys, URLs, CSV columns and file names. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

/** A key into the scenario's locale files, such as `nodes.ring.prompt`. */
export const textKeySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/,
    'must be a dotted text key such as "nodes.ring.prompt"',
  );

/** A region code: a country ("CA") or a country and province ("CA-ON"). */
export const regionSchema = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'must be a region code such as "CA" or "CA-ON"');

/** How a scenario can end for the player. */
export const OUTCOMES = ['safe', 'safe-but-costly', 'harmed'] as const;
