/**
 * How help lines are picked from the help-line data (help-lines.json): no schema here, so the
 * first screen, which shows help lines, needs no schema library (the data is checked when the
 * game is built and by `npm run validate`, with ./help-lines-schema.ts).
 */
import type { ScamType } from '../engine/guidance';
import type { HelpLine, HelpLinesFile } from './help-lines-schema';

export function knownRegions(file: HelpLinesFile): string[] {
  return Object.keys(file.regions);
}

/**
 * The lines for a player in `region` after a scenario of `topic`: the region's own lines first,
 * then its parents' up to the national ones. An unknown region gets the national lines.
 */
export function helpLinesFor(
  region: string,
  topic: ScamType | undefined,
  file: HelpLinesFile,
): HelpLine[] {
  const chain: string[] = [];
  let here: string | undefined = region in file.regions ? region : file.national;
  while (here !== undefined && !chain.includes(here)) {
    chain.push(here);
    here = file.regions[here]?.parent;
  }
  if (!chain.includes(file.national)) chain.push(file.national);
  const lines = chain.flatMap((id) => file.regions[id]?.lines ?? []);
  const relevant = lines.filter(
    (l) => l.topics.includes('all') || (topic !== undefined && l.topics.includes(topic)),
  );
  // Emergency first, whatever the region.
  return relevant.sort((a, b) => Number(b.id === 'emergency') - Number(a.id === 'emergency'));
}
