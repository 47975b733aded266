/**
 * Playing one scenario: the runner's loop, mirrored in the DOM and drawn on the phone.
 *
 *   runner events -> transcript (role="log") + phone screen (Phaser) -> choice buttons
 *   -> runner.choose(id) -> ...  -> result record -> debrief
 *
 * No branching or scoring happens here: the runner decides, this module shows.
 */
import type { TFunction } from 'i18next';
import { type LoadedScenario, loadScenario } from '../content/scenario-catalog';
import {
  createResult,
  restore,
  type ScenarioResult,
  ScenarioRunner,
  SnapshotError,
  type StoryEvent,
  snapshot,
} from '../engine/index';
import { scenarioNamespace } from '../i18n/i18n';
import type { SaveOutcome } from '../storage/player-results';
import { clearProgress, loadProgress, saveProgress } from '../storage/progress-store';
import { savedRegion } from '../storage/region-preference';
import { createPayload, encodeFile, fileName } from '../teacher/transfer';
import { createChoicePanel } from './choice-panel';
import { debriefView } from './debrief-view';
import { el, focusScreenStart, uniqueId } from './dom';
import { downloadText } from './download';
import { phoneScreenAfter } from './phone-state';
import type { AppContext, Screen } from './screen';
import { describeEvent, type StoryTexts } from './story-text';

/** What the lazily loaded Phaser stage offers; see scenes/phone-stage.ts. */
interface Stage {
  show(screen: ReturnType<typeof phoneScreenAfter>): void;
  destroy(): void;
}

export interface PlayOptions {
  /**
   * Workshop mode: a facilitator plays for the room on one projector. Each decision waits for
   * the room's discussion before its options show, and nothing is stored: no progress, no result.
   */
  readonly workshop?: boolean;
  /** Where "back" goes (the teacher screen in a workshop). */
  readonly onBack?: () => void;
}

export function createPlayScreen(
  app: AppContext,
  scenarioId: string,
  options: PlayOptions = {},
): Screen {
  const workshop = options.workshop === true;
  const back = options.onBack ?? (() => app.goHome());
  const ns = scenarioNamespace(scenarioId);
  const headingId = uniqueId('play');
  const heading = el('h2', { attrs: { id: headingId } });
  const status = el('p', { className: 'status', attrs: { role: 'status' } });
  const leave = el('button', {
    className: 'leave',
    attrs: { type: 'button' },
    on: { click: () => back() },
  });
  const stageHost = el('div', { className: 'stage', attrs: { 'aria-hidden': 'true' } });
  const transcriptHeadingId = uniqueId('transcript');
  const transcriptHeading = el('h3', {
    className: 'visually-hidden',
    attrs: { id: transcriptHeadingId },
  });
  const transcript = el('div', {
    className: 'transcript',
    attrs: { role: 'log', 'aria-labelledby': transcriptHeadingId, tabindex: '0' },
  });
  const choices = createChoicePanel((id) => choose(id));
  const side = el('div', { className: 'side' }, [transcriptHeading, transcript, choices.root]);
  const body = el('div', { className: 'play-body' }, [stageHost, side]);
  const root = el(
    'section',
    { className: workshop ? 'play workshop' : 'play', attrs: { 'aria-labelledby': headingId } },
    [el('div', { className: 'play-bar' }, [heading, leave]), status, body],
  );

  let loaded: LoadedScenario | undefined;
  let runner: ScenarioRunner | undefined;
  let stage: Stage | undefined;
  let destroyed = false;
  let firstDecisionMarked = false;
  /** Set once the debrief shows: where the result was saved ('not-kept' in a workshop). */
  let resultSaved: SaveOutcome | 'not-kept' | undefined;
  let finishedResult: ScenarioResult | undefined;

  const t = (): TFunction => app.i18n.t;
  const text = (key: string) => app.i18n.t(key, { ns });
  const texts = (): StoryTexts => ({
    app: (key, values) => app.i18n.t(key, values ?? {}),
    scenario: text,
  });

  const relabelChrome = () => {
    leave.textContent = t()('play.leave');
    transcriptHeading.textContent = t()('play.transcript');
    choices.relabel(t());
    heading.textContent = loaded ? text(loaded.scenario.title) : t()('play.loadingScenario');
  };

  const appendLines = (events: readonly StoryEvent[]) => {
    if (!loaded) return;
    for (const event of events) {
      const line = describeEvent(loaded.scenario, texts(), event);
      if (!line) continue;
      transcript.append(
        el('p', {
          className: `line line-${line.kind}${line.fromPlayer ? ' from-player' : ''}`,
          text: line.text,
        }),
      );
    }
    transcript.scrollTop = transcript.scrollHeight;
  };

  const showPhone = () => {
    if (stage && loaded && runner)
      stage.show(phoneScreenAfter(loaded.scenario, texts(), runner.events));
  };

  const showDecision = (focus = true) => {
    if (!runner) return;
    if (runner.state !== 'waiting-for-choice') {
      choices.clear();
      return;
    }
    const open = runner;
    const reveal = () =>
      choices.show(text(open.prompt ?? ''), open.availableChoices(), text, focus);
    if (!workshop) {
      reveal();
      return;
    }
    // In a workshop the room talks first; the facilitator reveals the options when ready.
    choices.clear();
    const revealButton = el('button', {
      className: 'primary',
      text: t()('workshop.reveal'),
      attrs: { type: 'button', 'data-action': 'reveal' },
      on: {
        click: () => {
          pause.remove();
          reveal();
        },
      },
    });
    const pause = el('section', { className: 'workshop-pause' }, [
      el('h3', { text: text(open.prompt ?? '') }),
      el('p', { text: t()('workshop.discuss') }),
      revealButton,
    ]);
    side.append(pause);
    if (focus) revealButton.focus();
  };

  const fail = (messageKey: string, error: unknown) => {
    console.error(error);
    choices.clear();
    status.textContent = t()(messageKey);
    status.className = 'status error';
    focusScreenStart(status);
  };

  const showDebrief = (
    finished: ScenarioRunner,
    saved: SaveOutcome | 'not-kept',
    result?: ScenarioResult,
  ) => {
    const player = app.player();
    const debrief = debriefView({
      ...(result && saved !== 'saved'
        ? {
            // Storage refused it: the result goes to a file the student can hand in, so it is not lost.
            onSaveFile: () => {
              const payload = createPayload({
                classCode: player.classCode,
                student: player.student,
                results: [result],
                now: new Date(),
              });
              downloadText(fileName(payload), encodeFile(payload), 'application/json');
            },
          }
        : {}),
      runner: finished,
      t: t(),
      language: app.language(),
      region: savedRegion(),
      text,
      saved,
      onPlayAgain: () => app.show(createPlayScreen(app, scenarioId, options)),
      onBack: back,
    });
    root.replaceChildren(debrief.root);
    return debrief.heading;
  };

  const finish = async () => {
    if (!runner || !loaded) return;
    const finished = runner;
    if (workshop) {
      resultSaved = 'not-kept';
      focusScreenStart(showDebrief(finished, resultSaved));
      stage?.destroy();
      stage = undefined;
      return;
    }
    const result = createResult(finished, { id: crypto.randomUUID(), locale: app.language() });
    resultSaved = await app.results.save(result);
    // The snapshot goes only once the result is safe: a failed save can still be resumed.
    if (resultSaved !== 'failed') clearProgress(app.player(), scenarioId);
    finishedResult = result;
    focusScreenStart(showDebrief(finished, resultSaved, result));
    stage?.destroy();
    stage = undefined;
  };

  function choose(choiceId: string) {
    if (!runner) return;
    try {
      const events = runner.choose(choiceId);
      appendLines(events);
      showPhone();
      if (runner.state === 'ended') {
        void finish();
        return;
      }
      // If storage is full the game goes on; the scenario just cannot be resumed later.
      if (!workshop) saveProgress(app.player(), snapshot(runner));
      showDecision();
    } catch (error) {
      fail('errors.scenarioStep', error);
    }
  }

  /** Picks up a saved game if there is one that still fits, else starts fresh. */
  const resumeOrStart = async (scenario: LoadedScenario['scenario']): Promise<ScenarioRunner> => {
    const saved = workshop
      ? ({ status: 'absent' } as const)
      : loadProgress(app.player(), scenarioId);
    if (saved.status === 'found') {
      try {
        const restored = restore(scenario, saved.data);
        if (await askToResume()) return restored;
      } catch (error) {
        if (!(error instanceof SnapshotError)) throw error;
        status.textContent = t()('resume.discarded');
      }
    } else if (saved.status === 'corrupt') {
      status.textContent = t()('resume.discarded');
    }
    if (!workshop) clearProgress(app.player(), scenarioId);
    const fresh = new ScenarioRunner(scenario);
    fresh.start();
    return fresh;
  };

  /** A small inline question, so the player decides whether to continue a saved game. */
  const askToResume = (): Promise<boolean> =>
    new Promise((resolve) => {
      const questionId = uniqueId('resume');
      const question = el('h3', { text: t()('resume.heading'), attrs: { id: questionId } });
      const box = el('section', { className: 'resume', attrs: { 'aria-labelledby': questionId } }, [
        question,
        el('p', { text: t()('resume.body') }),
      ]);
      const answer = (resume: boolean) => {
        box.remove();
        body.hidden = false;
        resolve(resume);
      };
      const continueButton = el('button', {
        className: 'primary',
        text: t()('resume.continue'),
        attrs: { type: 'button' },
        on: { click: () => answer(true) },
      });
      box.append(
        el('div', { className: 'button-row' }, [
          continueButton,
          el('button', {
            text: t()('resume.restart'),
            attrs: { type: 'button' },
            on: { click: () => answer(false) },
          }),
        ]),
      );
      body.hidden = true;
      root.insertBefore(box, body);
      continueButton.focus();
    });

  const startStage = async () => {
    try {
      // Phaser is its own chunk, fetched only now that a scenario starts.
      const { createPhoneStage } = await import('../../scenes/phone-stage');
      const created = await createPhoneStage(stageHost);
      if (destroyed) {
        created.destroy();
        return;
      }
      stage = created;
      showPhone();
    } catch (error) {
      // The game is fully playable from the DOM alone; say so and carry on.
      console.warn(error);
      stageHost.replaceChildren(
        el('p', { className: 'stage-note', text: t()('errors.phoneScreen') }),
      );
      stageHost.removeAttribute('aria-hidden');
    }
  };

  const begin = async () => {
    relabelChrome();
    status.textContent = t()('play.loadingScenario');
    try {
      loaded = await loadScenario(scenarioId, app.language());
    } catch (error) {
      fail('errors.scenarioLoad', error);
      return;
    }
    if (destroyed) return;
    app.i18n.addResourceBundle(app.language(), ns, loaded.texts, true, true);
    status.textContent = '';
    relabelChrome();
    const stageReady = startStage();
    runner = await resumeOrStart(loaded.scenario);
    if (destroyed) return;
    appendLines(runner.events);
    await stageReady;
    if (destroyed) return;
    showPhone();
    if (runner.state === 'ended') {
      await finish();
      return;
    }
    showDecision();
    if (!firstDecisionMarked) {
      firstDecisionMarked = true;
      performance.mark('scenario-ready');
    }
  };

  void begin();

  return {
    root,
    heading,
    async relabel() {
      if (!runner || !loaded) {
        relabelChrome();
        return;
      }
      // Re-read the scenario's text in the new language, then redraw everything from events.
      try {
        loaded = await loadScenario(scenarioId, app.language());
      } catch (error) {
        fail('errors.scenarioLoad', error);
        return;
      }
      app.i18n.addResourceBundle(app.language(), ns, loaded.texts, true, true);
      if (resultSaved !== undefined) {
        showDebrief(runner, resultSaved, finishedResult);
        return;
      }
      relabelChrome();
      transcript.replaceChildren();
      appendLines(runner.events);
      showPhone();
      // The player is at the language menu: leave focus there.
      showDecision(false);
    },
    destroy() {
      destroyed = true;
      stage?.destroy();
      stage = undefined;
    },
  };
}
