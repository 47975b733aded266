/**
 * The teacher's passphrase: the form that unlocks teacher mode on a locked device, and the
 * controls to set, change or remove it. The warning is plain: a forgotten passphrase cannot
 * be recovered, by anyone.
 */
import type { ResultStore } from '../../storage/result-store';
import { el } from '../dom';

const MIN_LENGTH = 8;

type T = (key: string, values?: Record<string, string>) => string;

function passwordField(id: string, label: string, autocomplete: string) {
  const input = el('input', { attrs: { id, type: 'password', autocomplete, maxlength: '200' } });
  return {
    input,
    field: el('div', { className: 'field' }, [
      el('label', { text: label, attrs: { for: id } }),
      input,
    ]),
  };
}

/** The only thing a locked teacher mode shows. */
export function unlockForm(store: ResultStore, t: T, onUnlocked: () => void): HTMLElement {
  const { input, field } = passwordField(
    'unlock-passphrase',
    t('lock.passphrase'),
    'current-password',
  );
  const status = el('p', { className: 'field-error', attrs: { role: 'alert' } });
  const form = el('form', { className: 'unlock-form', attrs: { novalidate: '' } }, [
    el('h3', { text: t('lock.lockedHeading') }),
    el('p', { text: t('lock.lockedIntro') }),
    field,
    status,
    el('div', { className: 'button-row' }, [
      el('button', { className: 'primary', text: t('lock.unlock'), attrs: { type: 'submit' } }),
    ]),
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (await store.unlock(input.value)) {
      input.value = '';
      onUnlocked();
      return;
    }
    input.value = '';
    input.setAttribute('aria-invalid', 'true');
    status.textContent = t('lock.wrong');
    input.focus();
  });
  return form;
}

/** Set, change or remove the passphrase (in the "This device" part of teacher mode). */
export function passphraseControls(store: ResultStore, t: T, onChange: () => void): HTMLElement {
  const state = store.lockState();
  if (state === 'unsupported' || state === 'locked') return el('div');
  const status = el('p', { className: 'status', attrs: { role: 'status' } });
  const check = (first: HTMLInputElement, second: HTMLInputElement): boolean => {
    for (const input of [first, second]) input.removeAttribute('aria-invalid');
    if ([...first.value].length < MIN_LENGTH) {
      status.textContent = t('lock.tooShort', { min: String(MIN_LENGTH) });
      first.setAttribute('aria-invalid', 'true');
      first.focus();
      return false;
    }
    if (first.value !== second.value) {
      status.textContent = t('lock.mismatch');
      second.setAttribute('aria-invalid', 'true');
      second.focus();
      return false;
    }
    return true;
  };

  if (state === 'none') {
    const next = passwordField('new-passphrase', t('lock.newPassphrase'), 'new-password');
    const again = passwordField('repeat-passphrase', t('lock.repeat'), 'new-password');
    const form = el('form', { className: 'passphrase-form', attrs: { novalidate: '' } }, [
      el('h4', { text: t('lock.setHeading') }),
      el('p', { text: t('lock.setIntro') }),
      el('p', { className: 'warning', text: t('lock.warning') }),
      next.field,
      again.field,
      el('div', { className: 'button-row' }, [
        el('button', { text: t('lock.set'), attrs: { type: 'submit' } }),
      ]),
      status,
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!check(next.input, again.input)) return;
      status.textContent = t('lock.working');
      const outcome = await store.setPassphrase(next.input.value);
      status.textContent = t(outcome.ok ? 'lock.setDone' : 'teacher.errors.storage');
      if (outcome.ok) onChange();
    });
    return form;
  }

  const current = passwordField('current-passphrase', t('lock.current'), 'current-password');
  const next = passwordField('changed-passphrase', t('lock.newPassphrase'), 'new-password');
  const again = passwordField('changed-repeat', t('lock.repeat'), 'new-password');
  const form = el('form', { className: 'passphrase-form', attrs: { novalidate: '' } }, [
    el('h4', { text: t('lock.changeHeading') }),
    el('p', { className: 'warning', text: t('lock.warning') }),
    current.field,
    next.field,
    again.field,
    el('div', { className: 'button-row' }, [
      el('button', { text: t('lock.change'), attrs: { type: 'submit' } }),
      el('button', {
        text: t('lock.remove'),
        attrs: { type: 'button' },
        on: {
          click: async () => {
            const outcome = await store.removePassphrase();
            status.textContent = t(outcome.ok ? 'lock.removed' : 'teacher.errors.storage');
            if (outcome.ok) onChange();
          },
        },
      }),
      el('button', {
        text: t('lock.lockNow'),
        attrs: { type: 'button', 'data-action': 'lock-now' },
        on: {
          click: () => {
            store.lock();
            onChange();
          },
        },
      }),
    ]),
    status,
  ]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!check(next.input, again.input)) return;
    status.textContent = t('lock.working');
    const outcome = await store.changePassphrase(current.input.value, next.input.value);
    if (!outcome.ok && outcome.error === 'invalid') {
      status.textContent = t('lock.wrong');
      current.input.setAttribute('aria-invalid', 'true');
      return;
    }
    status.textContent = t(outcome.ok ? 'lock.changed' : 'teacher.errors.storage');
    for (const input of [current.input, next.input, again.input]) input.value = '';
  });
  return form;
}
