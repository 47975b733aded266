/**
 * Where "Leave now" lands: a quiet page that says nothing happened, with the help lines for the
 * player's region. No scenario text, no score, no sound: just a calm way back.
 */
import type { ScamType } from '../engine/index';
import { savedRegion } from '../storage/region-preference';
import { el, uniqueId } from './dom';
import { helpLinesView } from './help-lines-view';
import type { AppContext, Screen } from './screen';

export function createCalmScreen(app: AppContext, topic?: ScamType): Screen {
  const headingId = uniqueId('calm');
  const heading = el('h2', { attrs: { id: headingId } });
  const body = el('div', { className: 'calm-body' });
  const root = el(
    'section',
    { className: 'calm', attrs: { 'aria-labelledby': headingId, 'data-screen': 'calm' } },
    [heading, body],
  );
  const relabel = () => {
    const t = app.i18n.t;
    heading.textContent = t('calm.heading');
    body.replaceChildren(
      el('p', { text: t('calm.safe') }),
      el('p', { text: t('calm.talk') }),
      helpLinesView({
        t,
        language: app.language(),
        region: savedRegion(),
        ...(topic ? { topic } : {}),
      }),
      el('div', { className: 'button-row' }, [
        el('button', {
          className: 'primary',
          text: t('calm.home'),
          attrs: { type: 'button', 'data-action': 'calm-home' },
          on: { click: () => app.goHome() },
        }),
      ]),
    );
  };
  relabel();
  return { root, heading, relabel, destroy() {} };
}
