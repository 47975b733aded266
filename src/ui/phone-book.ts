/**
 * The phone book of official numbers, beside the phone: looking a number up yourself, instead of
 * trusting the one a caller gives, is one of the skills the game teaches. Opening it also shows
 * the dialer on the phone.
 */
import type { TFunction } from 'i18next';
import { el, uniqueId } from './dom';

export interface PhoneBook {
  readonly root: HTMLElement;
  relabel(t: TFunction, entries: readonly { name: string; number: string }[]): void;
  close(): void;
}

export function createPhoneBook(onToggle: (open: boolean) => void): PhoneBook {
  const listId = uniqueId('phone-book');
  const headingId = uniqueId('phone-book-heading');
  const heading = el('h4', { attrs: { id: headingId } });
  const list = el('ul', { className: 'phone-book-list' });
  const panel = el(
    'div',
    {
      className: 'phone-book-panel',
      attrs: { id: listId, role: 'region', 'aria-labelledby': headingId },
    },
    [heading, list],
  );
  panel.hidden = true;
  const toggle = el('button', {
    className: 'phone-book-toggle',
    attrs: {
      type: 'button',
      'aria-expanded': 'false',
      'aria-controls': listId,
      'data-action': 'phone-book',
    },
    on: { click: () => setOpen(panel.hidden === true) },
  });
  const root = el('div', { className: 'phone-book' }, [toggle, panel]);
  root.hidden = true;

  function setOpen(open: boolean) {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    onToggle(open);
  }

  return {
    root,
    relabel(t, entries) {
      root.hidden = entries.length === 0;
      toggle.textContent = t('play.phoneBook');
      heading.textContent = t('play.phoneBookHeading');
      list.replaceChildren(
        ...entries.map((entry) =>
          el('li', {}, [
            el('span', { text: entry.name }),
            ' ',
            el('span', { className: 'number', text: entry.number }),
          ]),
        ),
      );
    },
    close() {
      if (!panel.hidden) setOpen(false);
    },
  };
}
