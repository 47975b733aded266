/**
 * Help lines and reporting places, per region and language, from one data file
 * (help-lines.json): a school elsewhere changes that file and nothing else. A region the file
 * does not know falls back to the national lines, so a debrief is never without help.
 * `npm run validate` checks the file, and so does every build (vite.config.ts runs the same
 * validator and refuses a broken file), so the app does not check it again on every start.
 */
import type { ScamType } from '../engine/guidance';
import data from './help-lines.json';
import { helpLinesFor as linesFor } from './help-lines-pick';
import type { HelpLine, HelpLinesFile } from './help-lines-schema';

export type { HelpLine, HelpLinesFile } from './help-lines-schema';

/** Checked at build time against helpLinesSchema (see above); JSON types are too wide. */
export const helpLines = data as unknown as HelpLinesFile;

export function helpLinesFor(region: string, topic: ScamType | undefined): HelpLine[] {
  return linesFor(region, topic, helpLines);
}
