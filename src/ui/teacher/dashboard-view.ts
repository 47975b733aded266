/**
 * The class dashboard, drawn from the pure aggregation: per scenario, completion, average
 * safety score and outcomes; per decision, how many students took each choice; the red flags
 * missed most; the spot check before and after. Every chart is a table with bars drawn in CSS,
 * so a screen reader reads the same numbers the class sees. In projector view the breakdowns
 * of fewer than three students are withheld and no nickname appears.
 */
import type { Scenario } from '../../engine/index';
import type { ClassSummary, ProjectorSummary } from '../../teacher/aggregate';
import { el, uniqueId } from '../dom';

export interface DashboardOptions {
  readonly view: ProjectorSummary;
  /** The full summary for the teacher's eyes; absent in projector view. */
  readonly detail?: ClassSummary;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  readonly t: (key: string, values?: Record<string, string>) => string;
  /** A key of a scenario's own texts. */
  readonly scenarioText: (scenarioId: string, key: string) => string;
}

function bar(value: number, max: number): HTMLElement {
  const percent = max <= 0 ? 0 : Math.min(100, Math.round((100 * value) / max));
  const fill = el('span', { className: 'bar-fill' });
  // Through the CSSOM, not a style attribute: the Content Security Policy forbids those.
  fill.style.width = `${percent}%`;
  return el('span', { className: 'bar', attrs: { 'aria-hidden': 'true' } }, [fill]);
}

function table(
  caption: string,
  head: readonly string[],
  rows: readonly (readonly (Node | string)[])[],
): HTMLElement {
  return el('table', {}, [
    el('caption', { text: caption }),
    el('thead', {}, [
      el(
        'tr',
        {},
        head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((row) =>
        el(
          'tr',
          {},
          row.map((cell, index) =>
            index === 0 ? el('th', { attrs: { scope: 'row' } }, [cell]) : el('td', {}, [cell]),
          ),
        ),
      ),
    ),
  ]);
}

export function dashboardView(options: DashboardOptions): HTMLElement {
  const { view, detail, t, scenarioText } = options;
  // In the teacher's own view nothing is withheld; a missing number only means no result yet.
  const hiddenText =
    view.minGroup <= 1
      ? t('dashboard.none')
      : t('dashboard.hidden', { min: String(view.minGroup) });
  const count = (value: number | null) => (value === null ? hiddenText : String(value));
  const title = (id: string) => {
    const scenario = options.scenarios.get(id);
    return scenario ? scenarioText(id, scenario.title) : id;
  };
  const sections: HTMLElement[] = [];
  const section = (heading: string, ...content: (HTMLElement | false | undefined)[]) => {
    const id = uniqueId('dashboard');
    sections.push(
      el('section', { className: 'dashboard-part', attrs: { 'aria-labelledby': id } }, [
        el('h3', { text: heading, attrs: { id } }),
        ...content.filter((c): c is HTMLElement => Boolean(c)),
      ]),
    );
  };

  section(
    t('dashboard.overview'),
    el('p', { text: t('dashboard.studentCount', { count: String(view.studentCount) }) }),
    table(
      t('dashboard.scenariosCaption'),
      [
        t('dashboard.scenario'),
        t('dashboard.completed'),
        t('dashboard.average'),
        t('dashboard.outcomeSafe'),
        t('dashboard.outcomeCostly'),
        t('dashboard.outcomeHarmed'),
      ],
      view.scenarios.map((s) => [
        title(s.id),
        String(s.completed),
        s.averagePercent === null
          ? hiddenText
          : el('span', { className: 'bar-cell' }, [
              `${s.averagePercent}%`,
              bar(s.averagePercent, 100),
            ]),
        count(s.outcomes?.safe ?? null),
        count(s.outcomes?.['safe-but-costly'] ?? null),
        count(s.outcomes?.harmed ?? null),
      ]),
    ),
  );

  const missed = view.flagsMissedMost
    .filter((f) => !f.suppressed && (f.missed ?? 0) > 0)
    .slice(0, 10);
  section(
    t('dashboard.flagsHeading'),
    missed.length === 0
      ? el('p', { text: t('dashboard.noMissedFlags') })
      : table(
          t('dashboard.flagsCaption'),
          [
            t('dashboard.redFlag'),
            t('dashboard.scenario'),
            t('dashboard.missed'),
            t('dashboard.spotted'),
          ],
          missed.map((f) => [
            scenarioText(f.scenarioId, f.label),
            title(f.scenarioId),
            el('span', { className: 'bar-cell' }, [
              String(f.missed),
              bar(f.missed ?? 0, view.studentCount),
            ]),
            count(f.spotted),
          ]),
        ),
  );

  for (const s of view.scenarios) {
    if (s.completed === 0) continue;
    const parts = s.decisions.map((d) =>
      d.suppressed
        ? el('p', {
            className: 'hint',
            text: t(view.minGroup <= 1 ? 'dashboard.decisionNone' : 'dashboard.decisionHidden', {
              prompt: scenarioText(s.id, d.prompt),
              min: String(view.minGroup),
            }),
          })
        : table(
            scenarioText(s.id, d.prompt),
            [t('dashboard.choice'), t('dashboard.students')],
            d.choices.map((c) => [
              scenarioText(s.id, c.text),
              el('span', { className: 'bar-cell' }, [
                String(c.students ?? 0),
                bar(c.students ?? 0, d.reached ?? 0),
              ]),
            ]),
          ),
    );
    section(t('dashboard.decisionsHeading', { scenario: title(s.id) }), ...parts);
  }

  const spot = view.spotCheck;
  const rate = (value: number | null) =>
    value === null ? hiddenText : `${Math.round(value * 100)}%`;
  const signed = (value: number | null) =>
    value === null ? hiddenText : `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
  section(
    t('dashboard.spotHeading'),
    table(
      t('dashboard.spotCaption'),
      [
        t('dashboard.phase'),
        t('dashboard.students'),
        t('dashboard.hitRate'),
        t('dashboard.falseAlarmRate'),
        t('dashboard.discernment'),
      ],
      (['before', 'after'] as const).map((phase) => [
        t(`dashboard.${phase}`),
        String(spot[phase].students),
        rate(spot[phase].suppressed ? null : spot[phase].hitRate),
        rate(spot[phase].suppressed ? null : spot[phase].falseAlarmRate),
        signed(spot[phase].suppressed ? null : spot[phase].discernment),
      ]),
    ),
    el('p', {
      text: t('dashboard.spotChange', {
        count: String(spot.both.students),
        change: signed(spot.both.suppressed ? null : spot.both.discernmentChange),
      }),
    }),
  );

  if (detail) {
    // Folded until opened: a class of hundreds makes a long table, and nobody needs it drawn
    // before they ask (it also keeps the first paint of a big import fast).
    const perStudent = el('details', { className: 'per-student' }, [
      el('summary', {
        text: t('dashboard.showPerStudent', { count: String(detail.perStudent.length) }),
      }),
      table(
        t('dashboard.perStudentCaption'),
        [t('dashboard.student'), ...detail.scenarios.map((s) => title(s.id))],
        detail.perStudent.map((student) => [
          student.student,
          ...detail.scenarios.map((s) => {
            const played = student.scenarios.find((p) => p.scenarioId === s.id);
            return played ? `${played.percent}%` : t('dashboard.none');
          }),
        ]),
      ),
    ]);
    section(
      t('dashboard.perStudentHeading'),
      el('p', { className: 'hint', text: t('dashboard.perStudentPrivate') }),
      perStudent,
    );
  }
  return el('div', { className: 'dashboard' }, sections);
}
