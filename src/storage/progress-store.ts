/**
 * Progress of a scenario closed mid-way: one snapshot per player and scenario, written after
 * every choice, so on a shared device each student resumes their own game. What comes back is
 * unknown data; the engine's `restore` decides whether it can be resumed.
 */
import type { RunnerSnapshot } from '../engine/index';
import { type JsonRead, readJson, removeKey, writeJson } from './local-store';
import type { Player } from './player';

const key = (player: Player, scenarioId: string) =>
  `progress.${player.classCode ?? 'no-class'}.${player.student}.${scenarioId}`;

export function saveProgress(player: Player, snapshot: RunnerSnapshot): boolean {
  return writeJson(key(player, snapshot.scenarioId), snapshot);
}

export function loadProgress(player: Player, scenarioId: string): JsonRead {
  return readJson(key(player, scenarioId));
}

export function clearProgress(player: Player, scenarioId: string): void {
  removeKey(key(player, scenarioId));
}
