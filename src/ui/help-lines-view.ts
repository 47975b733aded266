/** The help lines for the player's region and the scenario's topic, read from the data file. */
import type { TFunction } from 'i18next';
import { helpLines, helpLinesFor } from '../content/help-lines';
import type { ScamType } from '../engine/index';
import type { Language } from '../i18n/languages';
import { el, uniqueId } from './dom';

export interface HelpLinesOptions {
  readonly t: TFunction;
  readonly language: Language;
  readonly region: string;
  readonly topic?: ScamType;
}

export function helpLinesView({ t, language, region, topic }: HelpLinesOptions): HTMLElement {
  const headingId = uniqueId('help-lines');
  const shownRegion = helpLines.regions[region] ? region : helpLines.national;
  const regionName = helpLines.regions[shownRegion]?.name[language] ?? shownRegion;
  return el('section', { className: 'help-lines', attrs: { 'aria-labelledby': headingId } }, [
    el('h3', { text: t('helpLines.heading', { region: regionName }), attrs: { id: headingId } }),
    el(
      'ul',
      {},
      helpLinesFor(shownRegion, topic).map((line) =>
        el('li', { attrs: { 'data-help-line': line.id } }, [
          el('strong', { text: line.name[language] }),
          line.number && ' ',
          line.number &&
            el('span', { className: 'number', text: t('helpLines.call', { number: line.number }) }),
          line.web && ' ',
          line.web && el('span', { className: 'web', text: t('helpLines.web', { web: line.web }) }),
          el('br'),
          el('span', { text: line.what[language] }),
        ]),
      ),
    ),
  ]);
}
