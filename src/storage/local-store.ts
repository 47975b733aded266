/**
 * A safe face on localStorage. It can be missing (private windows, strict school profiles),
 * full (quota) or hold anything another app or an older version put there. Every call here
 * returns a plain answer instead of throwing, so play goes on whatever storage does.
 */
export const STORAGE_PREFIX = 'redflags.';

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readText(key: string): string | undefined {
  try {
    return storage()?.getItem(STORAGE_PREFIX + key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the value could not be stored (no storage, or storage full). */
export function writeText(key: string, value: string): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(STORAGE_PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string): void {
  try {
    storage()?.removeItem(STORAGE_PREFIX + key);
  } catch {
    // Nothing to do: a value that cannot be removed cannot be read either.
  }
}

export type JsonRead =
  | { status: 'absent' }
  | { status: 'found'; data: unknown }
  | { status: 'corrupt' };

export function readJson(key: string): JsonRead {
  const text = readText(key);
  if (text === undefined) return { status: 'absent' };
  try {
    return { status: 'found', data: JSON.parse(text) as unknown };
  } catch {
    return { status: 'corrupt' };
  }
}

export function writeJson(key: string, value: unknown): boolean {
  return writeText(key, JSON.stringify(value));
}

/** Removes everything this app kept in localStorage (preferences, progress), and nothing else. */
export function removeAllKeys(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of Object.keys(store)) {
      if (key.startsWith(STORAGE_PREFIX)) store.removeItem(key);
    }
  } catch {
    // Storage that refuses to list or remove keys holds nothing we can reach either.
  }
}
