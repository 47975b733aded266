/** The first screen: what the game is, and the scenarios to play. Pure DOM, no Phaser. */
import { helpLines } from '../content/help-lines';
import type { ScenarioCard } from '../content/scenario-card';
import { loadScenarioCards } from '../content/scenario-cards';
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
    let cards: readonly ScenarioCard[];
    try {
      cards = await loadScenarioCards(language);
    } catch (error) {
      // Only a broken or half-updated install gets here: say so where the list would be.
      console.error(error);
      if (language === app.language()) list.replaceChildren(listProblem(t));
      return;
    }
    // The language may have changed again while loading; only the latest call draws.
    if (language !== app.language()) return;
    const code = app.player().classCode;
    const choice = {
      classInfo: code ? await app.store.getClass(code) : undefined,
      deviceHidesSextortion: sextortionHidden(),
    };
    list.replaceChildren(
      ...cards.filter((card) => isOffered(card, choice)).map((card) => scenarioCard(app, card)),
    );
  };
  await relabel();
  return { root, heading, relabel, destroy() {} };
}

function listProblem(t: AppContext['i18n']['t']): HTMLElement {
  return el('li', { className: 'scenario-card broken' }, [
    el('p', { text: t('errors.scenarioLoad'), attrs: { role: 'note' } }),
  ]);
}

function scenarioCard(app: AppContext, card: ScenarioCard): HTMLElement {
  const t = app.i18n.t;
  const { id, title } = card;
  const titleId = uniqueId('scenario-title');
  return el('li', { className: 'scenario-card' }, [
    el('h3', { text: title, attrs: { id: titleId } }),
    el('p', {
      className: 'details',
      text: t('home.details', {
        channel: t(`home.channel.${card.channel}`),
        minutes: String(card.minutes),
        ages: card.ageBand,
      }),
    }),
    el('p', { text: card.summary }),
    card.contentNote !== undefined &&
      el('p', {
        className: 'content-note',
        text: t('home.contentNote', { note: card.contentNote }),
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
