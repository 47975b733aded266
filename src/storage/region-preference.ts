/** The player's region for help lines: chosen once, remembered, national by default. */
import { helpLines } from '../content/help-lines';
import { readPreference, writePreference } from './preferences';

export function savedRegion(): string {
  const saved = readPreference('region');
  return saved && saved in helpLines.regions ? saved : helpLines.national;
}

export function saveRegion(region: string): void {
  if (region in helpLines.regions) writePreference('region', region);
}
