/**
 * A decision point offers two sorts of choice: replies (options) and safety actions (hang up,
 * block, ...). The runner and the scoring treat both the same way, so they are resolved here
 * into one shape.
 */
import type { SafetyActionKind, Scenario } from './schema';

export interface Choice {
  /** The option id or the action id: stable, recorded in results. */
  readonly id: string;
  readonly node: string;
  readonly sort: 'option' | 'action';
  /** For actions only: what the phone's own button for it looks like. */
  readonly actionKind?: SafetyActionKind;
  /** Text key of the button label. */
  readonly text: string;
  readonly score: number;
  readonly spots: readonly string[];
  readonly misses: readonly string[];
  readonly feedback: string;
  /** Where the story goes next; undefined keeps the player at the same decision. */
  readonly next?: string;
}

/**
 * Every choice offered at a node, options first, then safety actions.
 * Assumes a validated scenario; unknown action ids are skipped rather than thrown on.
 */
export function choicesAt(scenario: Scenario, nodeId: string): Choice[] {
  const decision = scenario.nodes[nodeId]?.decision;
  if (!decision) return [];
  const options: Choice[] = decision.options.map((option) => ({
    id: option.id,
    node: nodeId,
    sort: 'option',
    text: option.text,
    score: option.score,
    spots: option.spots,
    misses: option.misses,
    feedback: option.feedback,
    next: option.next,
  }));
  const actions: Choice[] = [];
  for (const use of decision.actions) {
    // Own keys only: "constructor" is a valid id, and every object inherits one.
    const definition = Object.hasOwn(scenario.actions, use.action)
      ? scenario.actions[use.action]
      : undefined;
    if (!definition) continue;
    const next = use.next ?? definition.next;
    actions.push({
      id: use.action,
      node: nodeId,
      sort: 'action',
      actionKind: definition.kind,
      text: definition.label,
      score: use.score ?? definition.score,
      spots: use.spots ?? definition.spots,
      misses: use.misses ?? definition.misses,
      feedback: use.feedback ?? definition.feedback,
      ...(next === undefined ? {} : { next }),
    });
  }
  return [...options, ...actions];
}
