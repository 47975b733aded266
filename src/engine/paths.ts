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
  /** How many decision points the path went through (a stay choice does not add one). */
  readonly decisions: number;
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

export interface PathOptions {
  /** Stop with TooManyPathsError past this many paths. */
  readonly limit?: number;
  /**
   * Choices that keep the player at a decision (a screenshot) multiply paths without changing
   * where the story goes, so each enumeration takes them one way: "best" takes those that score
   * points and skips the others, as the best play would; "worst" does the opposite.
   */
  readonly stays?: 'best' | 'worst';
}

/** All complete paths through the story. */
export function allPaths(scenario: Scenario, options: PathOptions = {}): StoryPath[] {
  const limit = options.limit ?? 5000;
  const wanted = (score: number) => (options.stays === 'worst' ? score < 0 : score > 0);
  const paths: StoryPath[] = [];
  const walk = (choices: readonly string[]): void => {
    const runner = replay(scenario, choices);
    if (runner.state === 'ended') {
      if (paths.length >= limit) throw new TooManyPathsError(`more than ${limit} paths`);
      const decisions = runner.events.filter((e) => e.type === 'decision').length;
      const stays = runner.events.filter(
        (e) => e.type === 'choice' && e.choice.next === undefined,
      ).length;
      paths.push({
        choices,
        decisions: decisions - stays,
        ending: runner.node ?? '',
        tally: tally(scenario, runner.events),
      });
      return;
    }
    const open = runner.availableChoices();
    const bonus = open.find((c) => c.next === undefined && wanted(c.score));
    if (bonus) {
      walk([...choices, bonus.id]);
      return;
    }
    for (const choice of open) if (choice.next !== undefined) walk([...choices, choice.id]);
  };
  walk([]);
  return paths;
}
