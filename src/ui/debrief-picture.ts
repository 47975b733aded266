/**
 * The debrief as a picture for the phone (the DebriefPicture contract in phone-screen.ts): the
 * safety score, the outcome, and each red flag with where in the story it first showed. Pure and
 * tested in Node: translation functions come in, so the scene never needs i18next or the engine.
 * The DOM debrief (debrief-view.ts) carries the full text; this is only what the canvas draws.
 */
import { type ScenarioRunner, safetyPercent, tally } from '../engine/index';
import { flagStatusKey } from './flag-status';
import type { DebriefPicture, PhoneLook } from './phone-screen';

export interface DebriefPictureOptions {
  readonly runner: ScenarioRunner;
  /** Translates a key of the app's namespace. */
  readonly t: (key: string, values?: Record<string, string>) => string;
  /** Translates a key of the scenario's namespace. */
  readonly text: (key: string) => string;
  readonly look: PhoneLook;
}

type PictureFlag = DebriefPicture['flags'][number];

export function debriefPicture(options: DebriefPictureOptions): DebriefPicture {
  const { runner, t, text, look } = options;
  const scenario = runner.scenario;
  const events = runner.events;
  const { score, bestScore, flags } = tally(scenario, events);
  const percent = safetyPercent(score, bestScore);
  const genuine = scenario.meta.scamType === 'genuine';

  const reached = runner.ending;
  const outcome = reached ? reached.ending.outcome : 'none';
  return {
    percent,
    outcome,
    scoreLabel: t('debrief.scoreLabel'),
    outcomeLabel: reached ? t(`debrief.outcome.${outcome}`) : '',
    flags: flags.map((flag): PictureFlag => {
      const definition = scenario.redFlags[flag.id];
      const index = flag.appearedIndex;
      const base = {
        label: definition ? text(definition.label) : flag.id,
        status: flag.status,
        statusLabel: t(flagStatusKey(genuine, flag.status)),
      };
      return index === undefined ? base : { ...base, at: index / events.length };
    }),
    look,
  };
}
