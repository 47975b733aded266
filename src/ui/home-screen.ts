/** The first screen: what the game is, and the scenarios to play. Pure DOM, no Phaser. */
import { helpLines } from '../content/help-lines';
import { type LoadedScenario, loadScenario, scenarioIds } from '../content/scenario-catalog';
import { scenarioNamespace } from '../i18n/i18n';
import { savedRegion, saveRegion } from '../storage/region-preference';
import { setSextortionHidden, sextortionHidden } from '../storage/teacher-preferences';
import { isOffered } from '../teacher/scenario-choice';
import { el, uniqueId } from './dom';
import type { AppContext, Screen } from './screen';

export async function createHomeScreen(app: AppContext): Promise<Screen> {
  const heading = el('h2', { attrs: { id: uniqueId('home') } });
  const intro = el('p', { className: 'intro' });
  const list = el('ul', { className: 'scenario-list' });
  const playerText = el('p', { className: 'player-text' });
  const playerButton = el('button', {
    attrs: { type: 'button', 'data-open': 'join' },
    on: { click: () => app.openJoin() },
  });
  const shareButton = el('button', {
    className: 'primary',
    attrs: { type: 'button', 'data-open': 'share' },
    on: { click: () => app.openShare() },
  });
  const playerBar = el('div', { className: 'player-bar' }, [
    playerText,
    el('div', { className: 'button-row' }, [playerButton, shareButton]),
  ]);
  const teacherButton = el('button', {
    attrs: { type: 'button', 'data-open': 'teacher' },
    on: { click: () => app.openTeacher() },
  });
  const spotHeadingId = uniqueId('spot-check-home');
  const spotHeading = el('h3', { attrs: { id: spotHeadingId } });
  const spotIntro = el('p');
  const spotButton = el('button', {
    className: 'primary',
    attrs: { type: 'button', 'data-open': 'spot-check' },
    on: { click: () => app.openSpotCheck() },
  });
  const spotCheck = el(
    'section',
    { className: 'spot-check-card', attrs: { 'aria-labelledby': spotHeadingId } },
    [spotHeading, spotIntro, spotButton],
  );
  const regionLabel = el('label', { attrs: { for: 'region-select' } });
  const regionSelect = el('select', { attrs: { id: 'region-select' } });
  regionSelect.addEventListener('change', () => saveRegion(regionSelect.value));
  const teacherSummary = el('summary');
  const hideLabel = el('label', { attrs: { for: 'hide-sextortion' } });
  const hideBox = el('input', { attrs: { type: 'checkbox', id: 'hide-sextortion' } });
  hideBox.checked = sextortionHidden();
  hideBox.addEventListener('change', () => {
    setSextortionHidden(hideBox.checked);
    void relabel();
  });
  const teacherSettings = el('details', { className: 'teacher-settings' }, [
    teacherSummary,
    el('div', { className: 'checkbox-row' }, [hideBox, hideLabel]),
    el('div', { className: 'button-row' }, [teacherButton]),
  ]);
  const root = el('section', { className: 'home', attrs: { 'aria-labelledby': heading.id } }, [
    heading,
    intro,
    playerBar,
    el('div', { className: 'region-picker' }, [regionLabel, regionSelect]),
    spotCheck,
    list,
    teacherSettings,
  ]);

  const relabel = async () => {
    const t = app.i18n.t;
    heading.textContent = t('home.heading');
    intro.textContent = t('home.intro');
    spotHeading.textContent = t('spotCheck.homeHeading');
    spotIntro.textContent = t('spotCheck.homeIntro');
    spotButton.textContent = t('spotCheck.open');
    teacherSummary.textContent = t('home.forTeachers');
    teacherButton.textContent = t('teacher.open');
    const player = app.player();
    playerText.textContent = player.classCode
      ? t('home.playingAs', { student: player.student, code: player.classCode })
      : t('home.playingWithoutClass');
    playerButton.textContent = t(player.classCode ? 'home.changePlayer' : 'home.joinClass');
    shareButton.textContent = t('share.open');
    shareButton.hidden = player.classCode === null;
    hideLabel.textContent = t('home.hideSextortion');
    const language = app.language();
    regionLabel.textContent = t('helpLines.region');
    regionSelect.replaceChildren(
      ...Object.entries(helpLines.regions).map(([id, region]) =>
        el('option', { text: region.name[language], attrs: { value: id } }),
      ),
    );
    regionSelect.value = savedRegion();
    const loaded = await Promise.allSettled(scenarioIds().map((id) => loadScenario(id, language)));
    // The language may have changed again while loading; only the latest call draws.
    if (language !== app.language()) return;
    const code = app.player().classCode;
    const choice = {
      classInfo: code ? await app.store.getClass(code) : undefined,
      deviceHidesSextortion: sextortionHidden(),
    };
    const hidden = (outcome: PromiseSettledResult<LoadedScenario>) =>
      outcome.status === 'fulfilled' && !isOffered(outcome.value.scenario, choice);
    list.replaceChildren(
      ...loaded.flatMap((outcome, index) =>
        hidden(outcome) ? [] : [scenarioCard(app, scenarioIds()[index] ?? '', outcome)],
      ),
    );
  };
  await relabel();
  return { root, heading, relabel, destroy() {} };
}

function scenarioCard(
  app: AppContext,
  id: string,
  outcome: PromiseSettledResult<LoadedScenario>,
): HTMLElement {
  const t = app.i18n.t;
  if (outcome.status === 'rejected') {
    console.error(outcome.reason);
    return el('li', { className: 'scenario-card broken' }, [
      el('p', { text: t('errors.scenarioLoad'), attrs: { role: 'note' } }),
    ]);
  }
  const { scenario, texts } = outcome.value;
  const ns = scenarioNamespace(id);
  app.i18n.addResourceBundle(app.language(), ns, texts, true, true);
  const title = app.i18n.t(scenario.title, { ns });
  const titleId = uniqueId('scenario-title');
  return el('li', { className: 'scenario-card' }, [
    el('h3', { text: title, attrs: { id: titleId } }),
    el('p', {
      className: 'details',
      text: t('home.details', {
        channel: t(`home.channel.${scenario.channel}`),
        minutes: String(scenario.meta.minutes),
        ages: scenario.meta.ageBand,
      }),
    }),
    el('p', { text: app.i18n.t(scenario.summary, { ns }) }),
    scenario.meta.contentNote &&
      el('p', {
        className: 'content-note',
        text: t('home.contentNote', { note: app.i18n.t(scenario.meta.contentNote, { ns }) }),
      }),
    el('button', {
      className: 'primary',
      text: t('home.play'),
      attrs: {
        type: 'button',
        'data-scenario-id': id,
        // "Play" alone is ambiguous in a list; the accessible name says which scenario.
        'aria-label': t('home.playNamed', { title }),
      },
      on: { click: () => app.openScenario(id) },
    }),
  ]);
}
