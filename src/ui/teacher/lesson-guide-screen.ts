/**
 * The one-page lesson guide of a scenario, printable: learning goals, discussion questions, the
 * red flags and right actions (from the scenario itself), what to do if a student discloses
 * that it happened to them, and the help lines. DOM only, in the teacher's language.
 */
import { loadScenario } from '../../content/scenario-catalog';
import { scenarioNamespace } from '../../i18n/i18n';
import { savedRegion } from '../../storage/region-preference';
import { el, uniqueId } from '../dom';
import { helpLinesView } from '../help-lines-view';
import type { AppContext, Screen } from '../screen';

const DISCLOSURE_STEPS = ['calm', 'listen', 'noBlame', 'duty', 'help'] as const;

export function createLessonGuideScreen(
  app: AppContext,
  scenarioId: string,
  back: () => void,
): Screen {
  const t = (key: string, values?: Record<string, string>) => app.i18n.t(key, values ?? {});
  const ns = scenarioNamespace(scenarioId);
  const text = (key: string) => app.i18n.t(key, { ns });
  const headingId = uniqueId('guide');
  const heading = el('h2', { attrs: { id: headingId } });
  const body = el('div', { className: 'guide-body' });
  const root = el(
    'article',
    { className: 'lesson-guide', attrs: { 'aria-labelledby': headingId } },
    [heading, body],
  );

  const part = (titleKey: string, content: HTMLElement) => {
    const id = uniqueId('guide-part');
    return el('section', { attrs: { 'aria-labelledby': id } }, [
      el('h3', { text: t(titleKey), attrs: { id } }),
      content,
    ]);
  };

  const render = async () => {
    const language = app.language();
    let loaded: Awaited<ReturnType<typeof loadScenario>>;
    try {
      loaded = await loadScenario(scenarioId, language);
    } catch (error) {
      console.error(error);
      heading.textContent = t('guide.heading');
      body.replaceChildren(el('p', { className: 'status error', text: t('errors.scenarioLoad') }));
      return;
    }
    app.i18n.addResourceBundle(language, ns, loaded.texts, true, true);
    const { scenario } = loaded;
    heading.textContent = t('guide.title', { title: text(scenario.title) });
    body.replaceChildren(
      el('p', { className: 'eyebrow', text: t('guide.heading') }),
      el('p', { text: text(scenario.summary) }),
      el('p', {
        className: 'details',
        text: t('guide.details', {
          minutes: String(scenario.meta.minutes),
          ages: scenario.meta.ageBand,
        }),
      }),
      scenario.meta.contentNote
        ? el('p', {
            className: 'content-note',
            text: t('home.contentNote', { note: text(scenario.meta.contentNote) }),
          })
        : el('span'),
      part(
        'guide.goals',
        el(
          'ul',
          {},
          (scenario.guide?.goals ?? []).map((key) => el('li', { text: text(key) })),
        ),
      ),
      part(
        'guide.questions',
        el(
          'ol',
          {},
          (scenario.guide?.questions ?? []).map((key) => el('li', { text: text(key) })),
        ),
      ),
      part(
        scenario.meta.scamType === 'genuine' ? 'debrief.genuine.redFlags' : 'debrief.redFlags',
        el(
          'ul',
          {},
          Object.values(scenario.redFlags).map((flag) =>
            el('li', {}, [
              el('strong', { text: text(flag.label) }),
              ' ',
              el('span', { text: text(flag.explanation) }),
            ]),
          ),
        ),
      ),
      part(
        'debrief.rightActions',
        el(
          'ol',
          {},
          scenario.rightActions.map((a) => el('li', { text: text(a.text) })),
        ),
      ),
      part(
        'guide.disclosure',
        el(
          'ul',
          {},
          DISCLOSURE_STEPS.map((step) => el('li', { text: t(`guide.disclosureSteps.${step}`) })),
        ),
      ),
      helpLinesView({
        t: app.i18n.t,
        language,
        region: savedRegion(),
        topic: scenario.meta.scamType,
      }),
      part(
        'debrief.source',
        el('p', { text: `${text(scenario.source)} (${scenario.meta.sources.join('; ')})` }),
      ),
      el('div', { className: 'button-row no-print' }, [
        el('button', {
          className: 'primary',
          text: t('guide.print'),
          attrs: { type: 'button' },
          on: { click: () => window.print() },
        }),
        el('button', { text: t('guide.back'), attrs: { type: 'button' }, on: { click: back } }),
      ]),
    );
  };
  void render();
  return { root, heading, relabel: render, destroy() {} };
}
