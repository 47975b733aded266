/**
 * The notice bar: a DOM banner under the app for what concerns the game itself rather than one
 * screen. A new version is ready ("Update now" / "Later"); another tab updated the game or needs
 * a newer database, so this tab must reload; this browser keeps no results. Every notice that
 * reloads says first what the reload does to what is on screen (see activity.ts), and a scenario
 * in progress is opened again after it (see reopen.ts).
 *
 * Text goes in through textContent only, in the current language; the bar follows language
 * switches by itself. It sits at the top of the page, in the flow (nothing on screen is covered,
 * not even the floating "Leave now" button of a phone-sized screen), and it never takes focus:
 * its message is a polite status, and its buttons come first in the Tab order while it shows.
 */
import type { i18n } from 'i18next';
import { el, uniqueId } from '../ui/dom';
import { type Activity, currentActivity } from './activity';
import { requestReopen } from './reopen';

export type NoticeKind =
  | 'update'
  | 'updated-elsewhere'
  | 'storage-closed'
  | 'storage-blocked'
  | 'memory-only';

/** The order notices stack in, most urgent first. */
const ORDER: readonly NoticeKind[] = [
  'storage-closed',
  'updated-elsewhere',
  'storage-blocked',
  'update',
  'memory-only',
];

export interface NoticeBar {
  readonly root: HTMLElement;
  /** A new version waits; `activate` makes it take over (the page then reloads). */
  showUpdate(activate: () => void): void;
  show(kind: Exclude<NoticeKind, 'update'>): void;
  hide(kind: NoticeKind): void;
  /** Whether results survive a reload here (false: IndexedDB is missing or blocked). */
  setPersistent(persistent: boolean): void;
  /** The kinds on show, most urgent first. */
  showing(): NoticeKind[];
}

export interface NoticeBarOptions {
  /** Ready once the app's texts are; notices asked for before then show when it resolves. */
  readonly i18n: Promise<i18n>;
  /** The app's mount point: the bar goes just before it, at the top of the page. */
  readonly app: HTMLElement;
  readonly activity?: () => Activity;
  readonly reload?: () => void;
}

export function createNoticeBar(options: NoticeBarOptions): NoticeBar {
  const activity = options.activity ?? (() => currentActivity());
  const reloadPage = options.reload ?? (() => globalThis.location.reload());
  const labelId = uniqueId('notices');
  const label = el('h2', { className: 'visually-hidden', attrs: { id: labelId } });
  const list = el('div', { className: 'notice-list' });
  const root = el('aside', { className: 'notice-bar', attrs: { 'aria-labelledby': labelId } }, [
    label,
    list,
  ]);
  root.hidden = true;
  options.app.before(root);

  let instance: i18n | undefined;
  let persistent = true;
  let activate: (() => void) | undefined;
  let busy = false;
  const shown = new Set<NoticeKind>();
  let lastActivity = '';

  /** Remembers the scenario on screen, so the reloaded game opens it again. */
  const beforeReload = () => {
    const now = activity();
    if (now.kind === 'playing' && now.scenarioId) requestReopen(now.scenarioId);
  };

  const reload = () => {
    busy = true;
    render();
    beforeReload();
    reloadPage();
  };

  /** What a reload does to what is on screen now, and to results in this tab. */
  const consequences = (t: i18n['t'], kind: NoticeKind): string[] => {
    const now = activity();
    const sentences: string[] = [];
    if (now.kind === 'playing') sentences.push(t('pwa.after.playing'));
    if (now.kind === 'restarts') sentences.push(t('pwa.after.restarts'));
    if (!persistent) sentences.push(t('pwa.after.memoryOnly'));
    else if (kind === 'update' && now.kind === 'idle') sentences.push(t('pwa.after.idle'));
    return sentences;
  };

  const button = (text: string, action: string, onClick: () => void, primary = false) =>
    el('button', {
      className: primary ? 'primary' : '',
      text,
      attrs: { type: 'button', 'data-action': action, ...(busy ? { disabled: '' } : {}) },
      on: { click: onClick },
    });

  const noticeView = (t: i18n['t'], kind: NoticeKind): HTMLElement => {
    const buttons: HTMLElement[] = [];
    let message: string;
    let extra: string[] = [];
    switch (kind) {
      case 'update':
        message = t('pwa.update.ready');
        extra = consequences(t, kind);
        buttons.push(
          button(
            t(busy ? 'pwa.update.updating' : 'pwa.update.now'),
            'pwa-update',
            () => {
              if (busy || !activate) return;
              busy = true;
              render();
              beforeReload();
              activate();
            },
            true,
          ),
          button(t('pwa.update.later'), 'pwa-later', () => hide('update')),
        );
        break;
      case 'updated-elsewhere':
        message = t('pwa.elsewhere');
        extra = consequences(t, kind);
        buttons.push(button(t('pwa.reload'), 'pwa-reload', reload, true));
        break;
      case 'storage-closed':
        message = t('pwa.storage.closed');
        extra = consequences(t, kind);
        buttons.push(button(t('pwa.reload'), 'pwa-reload', reload, true));
        break;
      case 'storage-blocked':
        message = t('pwa.storage.blocked');
        extra = consequences(t, kind);
        buttons.push(button(t('pwa.reload'), 'pwa-reload', reload, true));
        break;
      case 'memory-only':
        message = t('pwa.storage.memoryOnly');
        buttons.push(button(t('pwa.dismiss'), 'pwa-dismiss', () => hide('memory-only')));
        break;
    }
    return el('section', { className: 'notice', attrs: { 'data-notice': kind } }, [
      // Chinese runs sentences on without a space.
      el('p', {
        className: 'notice-text',
        text: [message, ...extra].join(instance?.language.startsWith('zh') ? '' : ' '),
      }),
      el('div', { className: 'button-row' }, buttons),
    ]);
  };

  const statusOf = () => {
    let status = root.querySelector<HTMLElement>('.notice-status');
    if (!status) {
      status = el('p', { className: 'visually-hidden notice-status', attrs: { role: 'status' } });
      root.append(status);
    }
    return status;
  };

  function render(): void {
    const t = instance?.t;
    const kinds = ORDER.filter((kind) => shown.has(kind));
    root.hidden = kinds.length === 0 || !t;
    if (!t) return;
    label.textContent = t('pwa.region');
    // Buttons keep focus across a redraw: only the texts change when nothing else did.
    list.replaceChildren(...kinds.map((kind) => noticeView(t, kind)));
    const focusedAction = document.activeElement?.getAttribute('data-action');
    if (focusedAction?.startsWith('pwa-')) {
      list.querySelector<HTMLElement>(`[data-action="${focusedAction}"]`)?.focus();
    }
  }

  /** Screen readers hear a new notice once, from a live region that was already there. */
  const announce = (kind: NoticeKind) => {
    const status = statusOf();
    status.textContent = '';
    setTimeout(() => {
      const text = list.querySelector(`[data-notice="${kind}"] .notice-text`)?.textContent;
      if (text) status.textContent = text;
    }, 100);
  };

  const show = (kind: NoticeKind) => {
    const isNew = !shown.has(kind);
    shown.add(kind);
    render();
    if (isNew && instance) announce(kind);
  };

  const hide = (kind: NoticeKind) => {
    if (!shown.delete(kind)) return;
    render();
  };

  // The consequence sentences follow the screen: a scenario opened or finished changes them.
  let pending = false;
  const watcher = new MutationObserver(() => {
    if (pending || shown.size === 0) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      const now = JSON.stringify(activity());
      if (now !== lastActivity) {
        lastActivity = now;
        render();
      }
    }, 100);
  });
  watcher.observe(options.app, { childList: true, subtree: true });

  void options.i18n.then((ready) => {
    instance = ready;
    ready.on('languageChanged', () => render());
    render();
    for (const kind of shown) announce(kind);
  });

  return {
    root,
    showUpdate(next) {
      activate = next;
      busy = false;
      show('update');
    },
    show,
    hide,
    setPersistent(value) {
      persistent = value;
      render();
    },
    showing: () => ORDER.filter((kind) => shown.has(kind)),
  };
}
