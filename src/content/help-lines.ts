/**
 * Help lines and reporting places, per region and language, from one data file
 * (help-lines.json): a school elsewhere changes that file and nothing else. A region the file
 * does not know falls back to the national lines, so a debrief is never without help.
 * `npm run validate` checks the file; the build refuses a broken one.
 */
import type { ScamType } from '../engine/index';
import data from './help-lines.json';
import {
  type HelpLine,
  type HelpLinesFile,
  helpLinesSchema,
  helpLinesFor as linesFor,
} from './help-lines-schema';

export type { HelpLine, HelpLinesFile } from './help-lines-schema';

export const helpLines: HelpLinesFile = helpLinesSchema.parse(data);

export function helpLinesFor(region: string, topic: ScamType | undefined): HelpLine[] {
  return linesFor(region, topic, helpLines);
}
