/**
 * Every way through a scenario, played by the runner itself so that what the validator and the
 * tests conclude is exactly what a player would get. Scenarios are small (a few dozen paths);
 * a limit keeps a runaway one from hanging the validator.
 */
import { ScenarioRunner } from './runner';
import type { Scenario } from './schema';
import { type Tally, tally } from './scoring';

export interface StoryPath {
  /** The choice ids in order. */
  readonly choices: readonly string[];
  readonly ending: string;
  readonly tally: Tally;
}

export class TooManyPathsError extends Error {
  override readonly name = 'TooManyPathsError';
}

function replay(scenario: Scenario, choices: readonly string[]): ScenarioRunner {
  const runner = new ScenarioRunner(scenario, { now: () => 0 });
  runner.start();
  for (const id of choices) runner.choose(id);
  return runner;
}

/**
 * All complete paths. Choices that keep the player at a decision (a screenshot) are taken
 * before moving on when they score points, and skipped otherwise, as the best play would.
 */
export function allPaths(scenario: Scenario, limit = 5000): StoryPath[] {
  const paths: StoryPath[] = [];
  const walk = (choices: readonly string[]): void => {
    const runner = replay(scenario, choices);
    if (runner.state === 'ended') {
      if (paths.length >= limit) throw new TooManyPathsError(`more than ${limit} paths`);
      paths.push({ choices, ending: runner.node ?? '', tally: tally(scenario, runner.events) });
      return;
    }
    const open = runner.availableChoices();
    const bonus = open.find((c) => c.next === undefined && c.score > 0);
    if (bonus) {
      walk([...choices, bonus.id]);
      return;
    }
    for (const choice of open) if (choice.next !== undefined) walk([...choices, choice.id]);
  };
  walk([]);
  return paths;
}
