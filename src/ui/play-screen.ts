/**
 * Playing one scenario: the runner's loop, paced like a real phone, mirrored in the DOM, drawn
 * on the phone and heard through the speakers.
 *
 *   runner events -> pacing -> transcript (role="log") + phone (Phaser) + sounds and captions
 *   -> choice buttons -> runner.choose(id) -> ... -> result record -> debrief
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
import { quietMoments } from '../pwa/quiet-moment';
import type { SaveOutcome } from '../storage/player-results';
import { clearProgress, loadProgress, saveProgress } from '../storage/progress-store';
import { savedRegion } from '../storage/region-preference';
import { createPayload, encodeFile, fileName } from '../teacher/transfer';
import { createCalmScreen } from './calm-screen';
import { createChoicePanel } from './choice-panel';
import { debriefPicture } from './debrief-picture';
import { debriefView } from './debrief-view';
import { el, focusScreenStart, uniqueId } from './dom';
import { downloadText } from './download';
import { revealSteps, settleMs } from './pacing';
import { createPhoneBook } from './phone-book';
import type { DebriefPicture, PhoneActionKind, PhoneScreen } from './phone-screen';
import { loadPhoneStage } from './phone-stage-loader';
import { phoneScreenAfter } from './phone-state';
import { createPlayAudio, type PlayAudio } from './play-audio';
import { createPressureTimer } from './pressure-timer';
import type { AppContext, Screen } from './screen';
import { currentLook, onLookChange } from './settings-apply';
import { createPresenter } from './story-presenter';
import { describeEvent, type StoryTexts, speakerName } from './story-text';

/** What the lazily loaded Phaser stage offers; see scenes/phone-stage.ts. */
interface Stage {
  show(screen: PhoneScreen): void;
  showDebrief(picture: DebriefPicture): void;
  /** Settles once the latest screen is drawn. */
  drawn(): Promise<void>;
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

type LoadStep = 'text' | 'phone' | 'sounds';
const LOAD_STEPS: readonly LoadStep[] = ['text', 'phone', 'sounds'];

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
  const progress = el('progress', {
    className: 'load-progress',
    attrs: { max: String(LOAD_STEPS.length), value: '0' },
  });
  const progressLabel = el('span', { className: 'load-label' });
  const loading = el('div', { className: 'loading' }, [progress, progressLabel]);
  const progressLabelId = uniqueId('load-label');
  progressLabel.id = progressLabelId;
  progress.setAttribute('aria-labelledby', progressLabelId);
  const leave = el('button', {
    className: 'leave-now',
    attrs: { type: 'button', 'data-action': 'leave-now' },
    on: { click: () => leaveNow() },
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
  const typingNote = el('p', { className: 'typing-note', attrs: { 'aria-hidden': 'true' } });
  const showNow = el('button', {
    className: 'show-now',
    attrs: { type: 'button', 'data-action': 'show-now' },
    on: { click: () => presenter.skip() },
  });
  showNow.hidden = true;
  const choices = createChoicePanel((id) => choose(id));
  const pressure = createPressureTimer(() => t());
  const phoneBook = createPhoneBook((open) => {
    directoryOpen = open;
    showPhone();
  });
  const side = el('div', { className: 'side' }, [
    transcriptHeading,
    transcript,
    typingNote,
    showNow,
    pressure.root,
    choices.root,
    phoneBook.root,
  ]);
  const body = el('div', { className: 'play-body' }, [stageHost, side]);
  const root = el(
    'section',
    {
      className: workshop ? 'play workshop' : 'play',
      attrs: { 'aria-labelledby': headingId, 'data-screen': 'play', 'data-scenario': scenarioId },
    },
    [el('div', { className: 'play-bar' }, [heading, leave]), status, loading, body],
  );
  loading.hidden = true;

  let loaded: LoadedScenario | undefined;
  let runner: ScenarioRunner | undefined;
  let stage: Stage | undefined;
  let audio: PlayAudio | undefined;
  let destroyed = false;
  let firstDecisionMarked = false;
  // Until the first choice shows, the service worker's offline copy waits (src/pwa/quiet-moment.ts).
  const openingOver = quietMoments.scenarioStarting();
  /** How many of the runner's events the player has seen so far (the rest are still pacing). */
  let revealed = 0;
  let typing = false;
  let directoryOpen = false;
  /** A teacher turned the call's pressure timer on for this class (off by default). */
  let pressureOn = false;
  /** Set once the debrief shows: where the result was saved ('not-kept' in a workshop). */
  let resultSaved: SaveOutcome | 'not-kept' | undefined;
  let finishedResult: ScenarioResult | undefined;

  const t = (): TFunction => app.i18n.t;
  const text = (key: string) => app.i18n.t(key, { ns });
  const texts = (): StoryTexts => ({
    app: (key, values) => app.i18n.t(key, values ?? {}),
    scenario: text,
  });

  const presenter = createPresenter({
    show(event) {
      revealed += 1;
      appendLines([event]);
      audio?.event(event);
      showPhone();
    },
    typing(on) {
      typing = on;
      audio?.typing(on);
      typingNote.textContent = on ? typingText() : '';
      showPhone();
    },
    done() {
      showNow.hidden = true;
      showDecision();
    },
  });

  const typingText = () => {
    if (!loaded || !runner) return '';
    const next = runner.events[revealed];
    const who = next?.type === 'beat' && 'from' in next.beat ? next.beat.from : undefined;
    return who ? t()('play.typing', { name: speakerName(loaded.scenario, texts(), who) }) : '';
  };

  const relabelChrome = () => {
    leave.textContent = t()('play.leaveNow');
    showNow.textContent = t()('play.showNow');
    transcriptHeading.textContent = t()('play.transcript');
    choices.relabel(t());
    pressure.relabel(t());
    heading.textContent = loaded ? text(loaded.scenario.title) : t()('play.loadingScenario');
    if (loaded) {
      phoneBook.relabel(
        t(),
        loaded.scenario.directory.map((entry) => ({
          name: text(entry.name),
          number: entry.number,
        })),
      );
    }
  };

  const setLoadStep = (step: LoadStep | undefined) => {
    loading.hidden = step === undefined;
    if (!step) return;
    progress.value = LOAD_STEPS.indexOf(step);
    progressLabel.textContent = t()('play.loadingStep', {
      step: t()(`play.loadingSteps.${step}`),
    });
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

  /** Every sound has a caption, in the transcript, whether the sound plays or not. */
  const appendCaption = (caption: string) => {
    transcript.append(el('p', { className: 'line line-sound', text: caption }));
    transcript.scrollTop = transcript.scrollHeight;
  };

  const offeredActions = (): PhoneActionKind[] => {
    if (!runner || presenter.busy || runner.state !== 'waiting-for-choice') return [];
    return runner
      .availableChoices()
      .flatMap((choice) =>
        choice.sort === 'action' && choice.actionKind ? [choice.actionKind] : [],
      );
  };

  const phoneNow = (): PhoneScreen | undefined =>
    loaded && runner
      ? phoneScreenAfter(loaded.scenario, texts(), runner.events.slice(0, revealed), {
          look: currentLook(),
          typing,
          actions: offeredActions(),
          directoryOpen,
        })
      : undefined;

  const showPhone = () => {
    const screen = phoneNow();
    if (!screen) return;
    stage?.show(screen);
    if (screen.view === 'unsupported') {
      // The phone cannot draw this step: say so, and keep every way forward and out open.
      status.textContent = t()('play.unsupportedStep');
      status.className = 'status error';
    }
  };

  const showDecision = (focus = true) => {
    if (!runner) return;
    showPhone();
    if (runner.state !== 'waiting-for-choice') {
      choices.clear();
      return;
    }
    const open = runner;
    const reveal = () => {
      choices.show(text(open.prompt ?? ''), open.availableChoices(), text, focus);
      const view = phoneNow()?.view;
      if (pressureOn && !workshop && (view === 'in-call' || view === 'incoming-call')) {
        pressure.start();
      }
    };
    if (!firstDecisionMarked) {
      firstDecisionMarked = true;
      performance.mark('first-choice');
      openingOver();
    }
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

  /** Shows new events at the phone's pace (all at once with reduced motion, or when resuming). */
  const present = (events: readonly StoryEvent[], paced: boolean) => {
    if (!loaded) return;
    const scenario = loaded.scenario;
    const reducedMotion = !paced || currentLook().reducedMotion;
    const lengthOf = (event: StoryEvent) => {
      const line = describeEvent(scenario, texts(), event);
      return line?.text.length ?? 0;
    };
    const steps = revealSteps(events, lengthOf, { reducedMotion });
    const waits = steps.some((step) => step.waitMs > 0);
    showNow.hidden = !waits;
    // The choice just taken is gone: focus waits on "show now", one key press from skipping ahead.
    if (waits) showNow.focus();
    presenter.present(steps, settleMs(events, { reducedMotion }));
  };

  const fail = (messageKey: string, error: unknown) => {
    openingOver();
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
    root.replaceChildren(el('div', { className: 'debrief-layout' }, [stageHost, debrief.root]));
    stage?.showDebrief(
      debriefPicture({
        runner: finished,
        t: (key, values) => app.i18n.t(key, values ?? {}),
        text,
        look: currentLook(),
      }),
    );
    return debrief.heading;
  };

  /**
   * The scenario ended: the result is saved at once (closing the tab now cannot lose it), the
   * last lines play out at the phone's pace, then the debrief shows.
   */
  const endScenario = async () => {
    openingOver();
    if (!runner || !loaded) return;
    const finished = runner;
    pressure.stop();
    let result: ScenarioResult | undefined;
    let saving: Promise<SaveOutcome | 'not-kept'> = Promise.resolve('not-kept');
    if (!workshop) {
      const made = createResult(finished, { id: crypto.randomUUID(), locale: app.language() });
      result = made;
      saving = app.results.save(made).then((outcome) => {
        // The snapshot goes only once the result is safe: a failed save can still be resumed.
        if (outcome !== 'failed') clearProgress(app.player(), scenarioId);
        return outcome;
      });
    }
    const saved = await saving;
    await new Promise<void>((resolve) => {
      const wait = () => (presenter.busy && !destroyed ? setTimeout(wait, 50) : resolve());
      wait();
    });
    resultSaved = saved;
    finishedResult = result;
    if (destroyed) return;
    focusScreenStart(showDebrief(finished, saved, result));
  };

  function choose(choiceId: string) {
    if (!runner || presenter.busy) return;
    try {
      pressure.stop();
      phoneBook.close();
      const events = runner.choose(choiceId);
      choices.clear();
      if (runner.state === 'ended') {
        present(events, true);
        void endScenario();
        return;
      }
      // If storage is full the game goes on; the scenario just cannot be resumed later.
      if (!workshop) saveProgress(app.player(), snapshot(runner));
      present(events, true);
    } catch (error) {
      fail('errors.scenarioStep', error);
    }
  }

  function leaveNow() {
    const topic = loaded?.scenario.meta.scamType;
    app.show(createCalmScreen(app, topic));
  }

  /** Keyboard shortcuts while playing: 1-9 choose, N shows the waiting lines now, Esc leaves. */
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    // A dialog (the settings) has the keyboard; so do text fields.
    if (document.querySelector('dialog[open]')) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      leaveNow();
      return;
    }
    if (event.key === 'n' || event.key === 'N') {
      if (presenter.busy) {
        event.preventDefault();
        presenter.skip();
      }
      return;
    }
    if (/^[1-9]$/.test(event.key)) {
      const buttons = [
        ...choices.root.querySelectorAll<HTMLButtonElement>('button:not([disabled])'),
      ];
      const button = choices.root.hidden ? undefined : buttons[Number(event.key) - 1];
      if (button) {
        event.preventDefault();
        button.focus();
        button.click();
      }
    }
  };
  document.addEventListener('keydown', onKey);
  const stopLookWatch = onLookChange(() => showPhone());

  /** Picks up a saved game if there is one that still fits, else starts fresh. */
  const resumeOrStart = async (
    scenario: LoadedScenario['scenario'],
  ): Promise<{ runner: ScenarioRunner; resumed: boolean }> => {
    const saved = workshop
      ? ({ status: 'absent' } as const)
      : loadProgress(app.player(), scenarioId);
    if (saved.status === 'found') {
      try {
        const restored = restore(scenario, saved.data);
        if (await askToResume()) return { runner: restored, resumed: true };
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
    return { runner: fresh, resumed: false };
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

  /** A scenario with a content note asks first; the player can pick another instead. */
  const passContentNote = (scenario: LoadedScenario['scenario']): Promise<boolean> => {
    const note = scenario.meta.contentNote;
    if (!note) return Promise.resolve(true);
    return new Promise((resolve) => {
      const gateHeadingId = uniqueId('content-note');
      const start = el('button', {
        className: 'primary',
        text: t()('contentGate.start'),
        attrs: { type: 'button', 'data-action': 'start-scenario' },
        on: {
          click: () => {
            gate.remove();
            body.hidden = false;
            resolve(true);
          },
        },
      });
      const gate = el(
        'section',
        { className: 'content-gate', attrs: { 'aria-labelledby': gateHeadingId } },
        [
          el('h3', { text: t()('contentGate.heading'), attrs: { id: gateHeadingId } }),
          el('p', { className: 'content-note', text: text(note) }),
          el('p', { text: t()('contentGate.leaveAnyTime') }),
          el('div', { className: 'button-row' }, [
            start,
            el('button', {
              text: t()('contentGate.another'),
              attrs: { type: 'button', 'data-action': 'choose-another' },
              on: {
                click: () => {
                  resolve(false);
                  back();
                },
              },
            }),
          ]),
        ],
      );
      body.hidden = true;
      root.insertBefore(gate, body);
      focusScreenStart(gate.querySelector('h3') ?? start);
    });
  };

  const startStage = async () => {
    try {
      // Phaser is its own chunk, on its way since the screen opened (or warmed up before).
      const { createPhoneStage } = await loadPhoneStage();
      const created = await createPhoneStage(stageHost);
      if (destroyed) {
        created.destroy();
        return;
      }
      stage = created;
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
    // Phaser comes over the network while the story loads and the content note is read.
    loadPhoneStage().catch(() => {});
    // The audio engine starts meanwhile too (the Play press allows it to): on a slow laptop
    // that takes a moment of CPU, which is idle while the network works.
    // Once made it is the screen's, and the screen's destroy() releases it.
    const audioReady = createPlayAudio({
      language: () => app.language(),
      t: () => t(),
      caption: appendCaption,
      speechText: (event) =>
        loaded &&
        event.type === 'beat' &&
        event.beat.type === 'speech' &&
        event.beat.from !== 'player'
          ? text(event.beat.text)
          : undefined,
    }).then((made) => {
      if (destroyed) made.destroy();
      else audio = made;
    });
    setLoadStep('text');
    try {
      loaded = await loadScenario(scenarioId, app.language());
    } catch (error) {
      setLoadStep(undefined);
      fail('errors.scenarioLoad', error);
      return;
    }
    if (destroyed) return;
    app.i18n.addResourceBundle(app.language(), ns, loaded.texts, true, true);
    relabelChrome();
    setLoadStep(undefined);
    // The phone boots, and the class's settings are looked up, while the content note is read.
    const phoneReady = startStage();
    const code = app.player().classCode;
    const classReady = code ? app.store.getClass(code).catch(() => undefined) : undefined;
    if (!(await passContentNote(loaded.scenario)) || destroyed) return;
    setLoadStep('phone');
    pressureOn = (await classReady)?.pressureTimer === true;
    await phoneReady;
    if (destroyed) return;
    setLoadStep('sounds');
    await audioReady;
    if (destroyed) return;
    setLoadStep(undefined);
    const started = await resumeOrStart(loaded.scenario);
    runner = started.runner;
    if (destroyed) return;
    showPhone();
    // A resumed game shows what was already seen at once; a fresh one plays at the phone's pace.
    present(runner.events, !started.resumed);
    // Loading is over once the story's first moment is drawn on the phone (its scene created
    // and rendered), or at once if the phone could not start. What follows (typing, ringing) is
    // the story's own pace.
    void (stage?.drawn() ?? Promise.resolve()).then(() => {
      performance.mark('scenario-ready');
      audio?.preloadSounds();
    });
    if (runner.state === 'ended') void endScenario();
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
      appendLines(runner.events.slice(0, revealed));
      showPhone();
      // The player is at the language menu: leave focus there.
      if (!presenter.busy) showDecision(false);
    },
    destroy() {
      destroyed = true;
      openingOver();
      presenter.cancel();
      pressure.stop();
      audio?.destroy();
      audio = undefined;
      document.removeEventListener('keydown', onKey);
      stopLookWatch();
      stage?.destroy();
      stage = undefined;
    },
  };
}
