/** The list of help lines, read from the region's data. */
import type { TFunction } from 'i18next';
import { helpLinesFor } from '../content/help-lines';
import { el, uniqueId } from './dom';

export function helpLinesView(t: TFunction, region: string): HTMLElement {
  const headingId = uniqueId('help-lines');
  return el('section', { className: 'help-lines', attrs: { 'aria-labelledby': headingId } }, [
    el('h3', { text: t('helpLines.heading'), attrs: { id: headingId } }),
    el(
      'ul',
      {},
      helpLinesFor(region).map((line) =>
        el('li', {}, [
          el('strong', { text: t(`helpLines.${line.id}.name`) }),
          ' ',
          el('span', { className: 'number', text: line.number }),
          el('br'),
          el('span', { text: t(`helpLines.${line.id}.what`) }),
        ]),
      ),
    ),
  ]);
}
