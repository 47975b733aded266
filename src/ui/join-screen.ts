/**
 * A student says who they are: the class code from the teacher and a nickname or seat number,
 * never a real name (the screen says so). Playing without a class is one button away.
 */
import { normaliseClassCode } from '../teacher/class-code';
import { checkNickname } from '../teacher/nickname';
import { el, uniqueId } from './dom';
import type { AppContext, Screen } from './screen';

export function createJoinScreen(app: AppContext): Screen {
  const t = (key: string, values?: Record<string, string>) => app.i18n.t(key, values ?? {});
  const headingId = uniqueId('join');
  const heading = el('h2', { attrs: { id: headingId } });
  const intro = el('p');
  const privacy = el('p', { className: 'privacy-note', attrs: { id: uniqueId('privacy') } });
  const codeLabel = el('label', { attrs: { for: 'join-class-code' } });
  const code = el('input', {
    attrs: {
      id: 'join-class-code',
      name: 'class-code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      spellcheck: 'false',
      maxlength: '12',
      inputmode: 'text',
    },
  });
  const codeError = el('p', { className: 'field-error', attrs: { id: 'join-class-code-error' } });
  const nameLabel = el('label', { attrs: { for: 'join-nickname' } });
  const nickname = el('input', {
    attrs: {
      id: 'join-nickname',
      name: 'nickname',
      autocomplete: 'off',
      maxlength: '40',
      'aria-describedby': `${privacy.id} join-nickname-error`,
    },
  });
  const nameError = el('p', { className: 'field-error', attrs: { id: 'join-nickname-error' } });
  const submit = el('button', { className: 'primary', attrs: { type: 'submit' } });
  const withoutClass = el('button', {
    attrs: { type: 'button' },
    on: {
      click: () => {
        app.setPlayer({ classCode: null, student: '' });
        app.goHome();
      },
    },
  });

  const showError = (input: HTMLInputElement, message: HTMLElement, text: string) => {
    message.textContent = text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };

  const form = el('form', { className: 'join-form', attrs: { novalidate: '' } }, [
    el('div', { className: 'field' }, [codeLabel, code, codeError]),
    el('div', { className: 'field' }, [nameLabel, nickname, nameError]),
    el('div', { className: 'button-row' }, [submit, withoutClass]),
  ]);
  code.setAttribute('aria-describedby', codeError.id);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const classCode = normaliseClassCode(code.value);
    const name = checkNickname(nickname.value);
    showError(code, codeError, classCode ? '' : t('join.errors.code'));
    showError(nickname, nameError, name.ok ? '' : t(`join.errors.${name.error}`));
    if (!classCode) {
      code.focus();
      return;
    }
    if (!name.ok) {
      nickname.focus();
      return;
    }
    app.setPlayer({ classCode, student: name.nickname });
    app.goHome();
  });

  const root = el('section', { className: 'join', attrs: { 'aria-labelledby': headingId } }, [
    heading,
    intro,
    privacy,
    form,
  ]);

  const relabel = () => {
    heading.textContent = t('join.heading');
    intro.textContent = t('join.intro');
    privacy.textContent = t('join.privacy');
    codeLabel.textContent = t('join.code');
    nameLabel.textContent = t('join.nickname');
    submit.textContent = t('join.submit');
    withoutClass.textContent = t('join.withoutClass');
    // Error texts are redrawn on the next submit, in the new language.
    for (const [input, message] of [
      [code, codeError],
      [nickname, nameError],
    ] as const) {
      if (message.textContent) showError(input, message, '');
    }
  };
  relabel();
  const player = app.player();
  if (player.classCode) {
    code.value = player.classCode;
    nickname.value = player.student;
  }
  return { root, heading, relabel, destroy() {} };
}
