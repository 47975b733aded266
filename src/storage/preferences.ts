/** Small preferences (the language), remembered between visits when storage allows. */
import { readText, writeText } from './local-store';

const PREFIX = 'pref.';

export function readPreference(name: string): string | undefined {
  return readText(PREFIX + name);
}

export function writePreference(name: string, value: string): boolean {
  return writeText(PREFIX + name, value);
}
