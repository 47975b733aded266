/**
 * What the first screen shows of a scenario: its title, summary, channel, length, ages and
 * content note, already in one language. The build writes one small list per language
 * (scripts/lib/scenario-cards-plugin.ts) so the first screen needs neither every scenario's
 * story nor the schema library; the full scenario loads, and is checked, when it is played.
 */
import type { Scenario } from '../engine/index';

export interface ScenarioCard {
  readonly id: string;
  readonly channel: Scenario['channel'];
  readonly scamType: Scenario['meta']['scamType'];
  readonly ageBand: Scenario['meta']['ageBand'];
  readonly minutes: number;
  readonly title: string;
  readonly summary: string;
  /** Only for scenarios that warn before they start. */
  readonly contentNote?: string;
}

/** The text under a dotted key ("meta.title") in a nested locale file, or an error. */
export function textAt(texts: unknown, key: string): string {
  let node: unknown = texts;
  for (const part of key.split('.')) {
    node =
      node !== null && typeof node === 'object' && Object.hasOwn(node, part)
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  if (typeof node !== 'string') throw new Error(`no text for "${key}"`);
  return node;
}

/** The card of a valid scenario, with its texts in one language. */
export function cardFor(scenario: Scenario, texts: unknown): ScenarioCard {
  const { meta } = scenario;
  return {
    id: scenario.id,
    channel: scenario.channel,
    scamType: meta.scamType,
    ageBand: meta.ageBand,
    minutes: meta.minutes,
    title: textAt(texts, scenario.title),
    summary: textAt(texts, scenario.summary),
    ...(meta.contentNote ? { contentNote: textAt(texts, meta.contentNote) } : {}),
  };
}
