/**
 * The debrief as a picture for the phone (the DebriefPicture contract in phone-screen.ts): the
 * safety score, the outcome, and each red flag with where in the story it first showed. Pure and
 * tested in Node: translation functions come in, so the scene never needs i18next or the engine.
 * The DOM debrief (debrief-view.ts) carries the full text; this is only what the canvas draws.
 */
import { type FlagStatus, type ScenarioRunner, safetyPercent, tally } from '../engine/index';
import type { DebriefPicture, PhoneLook } from './phone-screen';

export interface DebriefPictureOptions {
  readonly runner: ScenarioRunner;
  /** Translates a key of the app's namespace. */
  readonly t: (key: string, values?: Record<string, string>) => string;
  /** Translates a key of the scenario's namespace. */
  readonly text: (key: string) => string;
  readonly look: PhoneLook;
}

/**
 * The same status words as the DOM debrief (FLAG_STATUS_KEY in debrief-view.ts; keep in step):
 * a genuine contact's "red flags" are what made it look alarming, and checking them is the skill.
 */
const STATUS_KEY: Record<'scam' | 'genuine', Record<FlagStatus, string>> = {
  scam: {
    spotted: 'debrief.flagSpotted',
    missed: 'debrief.flagMissed',
    'not-seen': 'debrief.flagNotSeen',
  },
  genuine: {
    spotted: 'debrief.genuine.flagChecked',
    missed: 'debrief.genuine.flagUnchecked',
    'not-seen': 'debrief.flagNotSeen',
  },
};

type PictureFlag = DebriefPicture['flags'][number];

export function debriefPicture(options: DebriefPictureOptions): DebriefPicture {
  const { runner, t, text, look } = options;
  const scenario = runner.scenario;
  const events = runner.events;
  const { score, bestScore, flags } = tally(scenario, events);
  const percent = safetyPercent(score, bestScore);
  const statusKeys = STATUS_KEY[scenario.meta.scamType === 'genuine' ? 'genuine' : 'scam'];

  // Where each flag first showed: the index of its first beat among all the story's events.
  const firstSeen = new Map<string, number>();
  events.forEach((event, index) => {
    if (event.type !== 'beat') return;
    for (const flag of event.beat.flags ?? []) if (!firstSeen.has(flag)) firstSeen.set(flag, index);
  });

  const reached = runner.ending;
  const outcome = reached ? reached.ending.outcome : 'none';
  return {
    percent,
    outcome,
    // The app has no bare "Safety score" string; its sentence carries the number as well.
    scoreLabel: t('debrief.scoreLabel'),
    outcomeLabel: reached ? t(`debrief.outcome.${outcome}`) : '',
    flags: flags.map((flag): PictureFlag => {
      const definition = scenario.redFlags[flag.id];
      const index = firstSeen.get(flag.id);
      const base = {
        label: definition ? text(definition.label) : flag.id,
        status: flag.status,
        statusLabel: t(statusKeys[flag.status]),
      };
      return index === undefined ? base : { ...base, at: index / events.length };
    }),
    look,
  };
}
