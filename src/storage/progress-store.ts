/**
 * Progress of a scenario closed mid-way: one snapshot per scenario, written after every choice.
 * What comes back is unknown data; the engine's `restore` decides whether it can be resumed.
 */
import type { RunnerSnapshot } from '../engine/index';
import { type JsonRead, readJson, removeKey, writeJson } from './local-store';

const key = (scenarioId: string) => `progress.${scenarioId}`;

export function saveProgress(snapshot: RunnerSnapshot): boolean {
  return writeJson(key(snapshot.scenarioId), snapshot);
}

export function loadProgress(scenarioId: string): JsonRead {
  return readJson(key(scenarioId));
}

export function clearProgress(scenarioId: string): void {
  removeKey(key(scenarioId));
}
