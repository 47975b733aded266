/**
 * The debrief: outcome, safety score, each red flag spotted or missed, the choices made with
 * their feedback, the right moves in order, and the help lines. Plain DOM, readable by any
 * screen reader and printable.
 */
import type { TFunction } from 'i18next';
import { choicesAt, type ScenarioRunner, safetyPercent, tally } from '../engine/index';
import type { Language } from '../i18n/languages';
import type { SaveOutcome } from '../storage/player-results';
import { el, uniqueId } from './dom';
import { flagStatusKey } from './flag-status';
import { helpLinesView } from './help-lines-view';
import { scoreDetail } from './score-detail';
import { describeEvent, type StoryTexts } from './story-text';

export interface DebriefOptions {
  readonly runner: ScenarioRunner;
  readonly t: TFunction;
  readonly language: Language;
  /** The player's region, for help lines. */
  readonly region: string;
  /** Translates a key of the scenario's namespace. */
  readonly text: (key: string) => string;
  /** Where the result went; 'not-kept' in a workshop, where nothing is stored. */
  readonly saved: SaveOutcome | 'not-kept';
  readonly onPlayAgain: () => void;
  readonly onBack: () => void;
  /** When the result is not safely on the device: save it as a file instead. */
  readonly onSaveFile?: () => void;
}

export function debriefView(options: DebriefOptions): { root: HTMLElement; heading: HTMLElement } {
  const { runner, t, text } = options;
  const scenario = runner.scenario;
  const reached = runner.ending;
  const { score, bestScore, flags } = tally(scenario, runner.events);
  const detail = scoreDetail(score, bestScore);
  const genuine = scenario.meta.scamType === 'genuine';
  const headingId = uniqueId('debrief');
  const heading = el('h2', {
    text: reached ? text(reached.ending.title) : t('debrief.heading'),
    attrs: { id: headingId },
  });

  const section = (titleKey: string, body: HTMLElement, className = '') => {
    const id = uniqueId('debrief-part');
    return el('section', { className, attrs: { 'aria-labelledby': id } }, [
      el('h3', { text: t(titleKey), attrs: { id } }),
      body,
    ]);
  };

  // Each red flag with the moment it appeared: the line of the story that carried it.
  const storyTexts: StoryTexts = { app: (key, values) => t(key, values ?? {}), scenario: text };
  const momentOf = (index: number | undefined): string | undefined => {
    const event = index === undefined ? undefined : runner.events[index];
    return event ? describeEvent(scenario, storyTexts, event)?.text : undefined;
  };

  const flagList = el(
    'ul',
    { className: 'flag-list' },
    flags.map((flag) => {
      const definition = scenario.redFlags[flag.id];
      const moment = momentOf(flag.appearedIndex);
      return el(
        'li',
        { className: `flag flag-${flag.status}`, attrs: { 'data-flag-id': flag.id } },
        [
          el('strong', { text: definition ? text(definition.label) : flag.id }),
          ' ',
          el('span', { className: 'flag-status', text: t(flagStatusKey(genuine, flag.status)) }),
          moment &&
            el('p', { className: 'flag-moment', text: t('debrief.flagMoment', { moment }) }),
          el('p', { text: definition ? text(definition.explanation) : '' }),
        ],
      );
    }),
  );

  const choiceList = el(
    'ol',
    { className: 'choice-list' },
    runner.taken.map((taken) => {
      const choice = choicesAt(scenario, taken.node).find((c) => c.id === taken.choice);
      return el('li', {}, [
        el('strong', { text: choice ? text(choice.text) : taken.choice }),
        el('p', { text: choice ? text(choice.feedback) : '' }),
      ]);
    }),
  );

  const root = el('section', { className: 'debrief', attrs: { 'aria-labelledby': headingId } }, [
    el('p', { className: 'eyebrow', text: t('debrief.heading') }),
    heading,
    reached &&
      el('p', {
        className: `outcome outcome-${reached.ending.outcome}`,
        text: t('debrief.outcomeLabel', {
          outcome: t(`debrief.outcome.${reached.ending.outcome}`),
        }),
      }),
    el('p', {
      className: 'score',
      text: t('debrief.score', { percent: String(safetyPercent(score, bestScore)) }),
    }),
    el('p', { className: 'score-detail', text: t(detail.key, detail.values) }),
    options.saved === 'not-kept' && el('p', { className: 'hint', text: t('workshop.notKept') }),
    (options.saved === 'memory-only' || options.saved === 'failed') &&
      el('div', { className: 'save-warning' }, [
        el('p', {
          className: 'warning',
          text: t(options.saved === 'memory-only' ? 'debrief.memoryOnly' : 'debrief.notSaved'),
          attrs: { role: 'status' },
        }),
        options.onSaveFile &&
          el('button', {
            className: 'primary',
            text: t('debrief.saveFile'),
            attrs: { type: 'button', 'data-action': 'save-result-file' },
            on: { click: options.onSaveFile },
          }),
      ]),
    ...(reached ? reached.ending.debrief.map((key) => el('p', { text: text(key) })) : []),
    genuine && el('p', { className: 'genuine-note', text: t('debrief.genuine.note') }),
    section(genuine ? 'debrief.genuine.redFlags' : 'debrief.redFlags', flagList),
    section('debrief.yourChoices', choiceList),
    section(
      'debrief.rightActions',
      el(
        'ol',
        {},
        scenario.rightActions.map((action) => el('li', { text: text(action.text) })),
      ),
    ),
    helpLinesView({
      t,
      language: options.language,
      region: options.region,
      topic: scenario.meta.scamType,
    }),
    section('debrief.source', el('p', { text: text(scenario.source) })),
    el('div', { className: 'button-row' }, [
      el('button', {
        className: 'primary',
        text: t('debrief.playAgain'),
        attrs: { type: 'button' },
        on: { click: options.onPlayAgain },
      }),
      el('button', {
        text: t('debrief.backToList'),
        attrs: { type: 'button' },
        on: { click: options.onBack },
      }),
    ]),
  ]);
  return { root, heading };
}
