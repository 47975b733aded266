/**
 * Teacher mode's first screen: the classes on this device, a form to create one (it gets a
 * short class code to give the students), and the device-wide "delete all data". DOM only:
 * the teacher screens never load Phaser.
 */

import { type LoadedScenario, loadScenario, scenarioIds } from '../../content/scenario-catalog';
import { scenarioNamespace } from '../../i18n/i18n';
import { removeAllKeys } from '../../storage/local-store';
import {
  backupFileName,
  decodeBackup,
  encodeBackup,
  exportDevice,
  restoreBackup,
} from '../../teacher/backup';
import { newClassCode } from '../../teacher/class-code';
import { type ClassInfo, GRADE_BANDS } from '../../teacher/records';
import {
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
  RETENTION_SETTING,
  retentionDays,
} from '../../teacher/retention';
import { el, focusScreenStart, uniqueId } from '../dom';
import { downloadText } from '../download';
import { createPlayScreen } from '../play-screen';
import type { AppContext, Screen } from '../screen';
import { createClassScreen } from './class-screen';
import { createLessonGuideScreen } from './lesson-guide-screen';
import { passphraseControls, unlockForm } from './passphrase-view';

export function createTeacherHomeScreen(app: AppContext): Screen {
  const t = (key: string, values?: Record<string, string>) => app.i18n.t(key, values ?? {});
  const headingId = uniqueId('teacher');
  const heading = el('h2', { attrs: { id: headingId } });
  const body = el('div');
  const root = el('section', { className: 'teacher', attrs: { 'aria-labelledby': headingId } }, [
    heading,
    body,
  ]);

  const classList = async () => {
    const classes = (await app.store.classes()).sort((a, b) => a.name.localeCompare(b.name));
    if (classes.length === 0) return el('p', { text: t('teacher.noClasses') });
    return el(
      'ul',
      { className: 'class-list' },
      classes.map((info) =>
        el('li', {}, [
          el('button', {
            text: t('teacher.openClass', { name: info.name, code: info.code }),
            attrs: { type: 'button', 'data-class-code': info.code },
            on: { click: () => app.show(createClassScreen(app, info)) },
          }),
        ]),
      ),
    );
  };

  /** Every scenario with its text in the current language, for titles. */
  const allScenarios = async (): Promise<LoadedScenario[]> => {
    const language = app.language();
    const loaded = await Promise.allSettled(scenarioIds().map((id) => loadScenario(id, language)));
    const ok = loaded.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    for (const { scenario, texts } of ok) {
      app.i18n.addResourceBundle(language, scenarioNamespace(scenario.id), texts, true, true);
    }
    return ok;
  };
  const title = (id: string, key: string) => app.i18n.t(key, { ns: scenarioNamespace(id) });

  const createForm = (scenarios: LoadedScenario[]) => {
    const scenarioBoxes = scenarios.map(({ scenario }) => {
      const box = el('input', {
        attrs: { type: 'checkbox', id: `class-scenario-${scenario.id}`, value: scenario.id },
      });
      box.checked = true;
      box.dataset.sextortion = String(scenario.meta.scamType === 'sextortion');
      return el('div', { className: 'checkbox-row' }, [
        box,
        el('label', {
          text: `${title(scenario.id, scenario.title)} (${t('home.details', { channel: t(`home.channel.${scenario.channel}`), minutes: String(scenario.meta.minutes), ages: scenario.meta.ageBand })})`,
          attrs: { for: box.id },
        }),
      ]);
    });
    const scenarioSet = el('fieldset', { className: 'scenario-choice' }, [
      el('legend', { text: t('teacher.scenariosOn') }),
      ...scenarioBoxes,
    ]);
    const nameInput = el('input', {
      attrs: { id: 'class-name', maxlength: '60', autocomplete: 'off' },
    });
    const nameError = el('p', { className: 'field-error', attrs: { id: 'class-name-error' } });
    nameInput.setAttribute('aria-describedby', nameError.id);
    const band = el(
      'select',
      { attrs: { id: 'class-band' } },
      GRADE_BANDS.map((b) =>
        el('option', { text: t('teacher.grades', { band: b }), attrs: { value: b } }),
      ),
    );
    const showSextortion = el('input', { attrs: { type: 'checkbox', id: 'class-sextortion' } });
    const pressureTimer = el('input', { attrs: { type: 'checkbox', id: 'class-timer' } });
    const firstForm = el('select', { attrs: { id: 'class-first-form' } }, [
      el('option', { text: t('teacher.formFirst', { form: 'A' }), attrs: { value: 'A' } }),
      el('option', { text: t('teacher.formFirst', { form: 'B' }), attrs: { value: 'B' } }),
    ]);
    const status = el('p', { className: 'status', attrs: { role: 'status' } });
    const form = el('form', { className: 'class-form', attrs: { novalidate: '' } }, [
      el('h3', { text: t('teacher.createHeading') }),
      el('div', { className: 'field' }, [
        el('label', { text: t('teacher.className'), attrs: { for: 'class-name' } }),
        nameInput,
        nameError,
      ]),
      el('div', { className: 'field' }, [
        el('label', { text: t('teacher.gradeBand'), attrs: { for: 'class-band' } }),
        band,
      ]),
      scenarioSet,
      el('div', { className: 'checkbox-row' }, [
        showSextortion,
        el('label', { text: t('teacher.showSextortion'), attrs: { for: 'class-sextortion' } }),
      ]),
      el('div', { className: 'checkbox-row' }, [
        pressureTimer,
        el('label', { text: t('teacher.pressureTimer'), attrs: { for: 'class-timer' } }),
      ]),
      el('div', { className: 'field' }, [
        el('label', { text: t('teacher.firstForm'), attrs: { for: 'class-first-form' } }),
        firstForm,
      ]),
      el('div', { className: 'button-row' }, [
        el('button', {
          className: 'primary',
          text: t('teacher.create'),
          attrs: { type: 'submit' },
        }),
      ]),
      status,
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const name = nameInput.value.trim().replace(/\s+/g, ' ');
      if (name.length === 0 || name.length > 60) {
        nameError.textContent = t('teacher.errors.className');
        nameInput.setAttribute('aria-invalid', 'true');
        nameInput.focus();
        return;
      }
      nameError.textContent = '';
      nameInput.removeAttribute('aria-invalid');
      const existing = new Set((await app.store.classes()).map((c) => c.code));
      let code = newClassCode();
      while (existing.has(code)) code = newClassCode();
      const info: ClassInfo = {
        code,
        name,
        gradeBand: band.value as ClassInfo['gradeBand'],
        scenarios: [...scenarioSet.querySelectorAll<HTMLInputElement>('input:checked')].map(
          (b) => b.value,
        ),
        showSextortion: showSextortion.checked,
        pressureTimer: pressureTimer.checked,
        firstForm: firstForm.value === 'B' ? 'B' : 'A',
        createdAt: new Date().toISOString(),
      };
      const outcome = await app.store.putClass(info);
      if (!outcome.ok) {
        status.textContent = t(
          outcome.error === 'quota' ? 'teacher.errors.storageFull' : 'teacher.errors.storage',
        );
        return;
      }
      app.show(createClassScreen(app, info));
    });
    return form;
  };

  const retentionSetting = async () => {
    const input = el('input', {
      attrs: {
        type: 'number',
        id: 'retention-days',
        min: String(MIN_RETENTION_DAYS),
        max: String(MAX_RETENTION_DAYS),
        step: '1',
      },
    });
    input.value = String(retentionDays(await app.store.getSetting(RETENTION_SETTING)));
    const status = el('p', { className: 'status', attrs: { role: 'status' } });
    const save = el('button', {
      text: t('teacher.retentionSave'),
      attrs: { type: 'button' },
      on: {
        click: async () => {
          const days = Number(input.value);
          if (!Number.isInteger(days) || days < MIN_RETENTION_DAYS || days > MAX_RETENTION_DAYS) {
            status.textContent = t('teacher.errors.retention', {
              min: String(MIN_RETENTION_DAYS),
              max: String(MAX_RETENTION_DAYS),
            });
            input.setAttribute('aria-invalid', 'true');
            return;
          }
          input.removeAttribute('aria-invalid');
          const outcome = await app.store.putSetting(RETENTION_SETTING, days);
          status.textContent = t(outcome.ok ? 'teacher.retentionSaved' : 'teacher.errors.storage');
        },
      },
    });
    return el('div', { className: 'field' }, [
      el('label', { text: t('teacher.retention'), attrs: { for: 'retention-days' } }),
      el('div', { className: 'button-row' }, [input, save]),
      status,
    ]);
  };

  /** The last restore's outcome, kept across the redraw that shows the restored classes. */
  let restoreMessage = '';
  const backupTools = () => {
    const status = el('p', {
      className: 'status',
      text: restoreMessage,
      attrs: { role: 'status' },
    });
    const restoreInput = el('input', {
      attrs: { type: 'file', id: 'restore-backup', accept: '.json,application/json' },
    });
    restoreInput.addEventListener('change', async () => {
      const file = restoreInput.files?.[0];
      restoreInput.value = '';
      if (!file) return;
      const decoded = await decodeBackup(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        restoreMessage = `${file.name}: ${t(`import.errors.${decoded.error}`)}`;
        status.textContent = restoreMessage;
        return;
      }
      const outcome = await restoreBackup(app.store, decoded.backup);
      restoreMessage = outcome.ok
        ? t('teacher.restored', {
            name: file.name,
            added: String(outcome.added),
            duplicates: String(outcome.duplicates),
          })
        : `${file.name}: ${t(outcome.error === 'quota' ? 'teacher.errors.storageFull' : 'teacher.errors.storage')}`;
      status.textContent = restoreMessage;
      if (outcome.ok) await render();
    });
    return el('div', {}, [
      el('div', { className: 'button-row' }, [
        el('button', {
          text: t('teacher.backupAll'),
          attrs: { type: 'button', 'data-action': 'backup-device' },
          on: {
            click: async () => {
              const backup = await exportDevice(app.store);
              downloadText(backupFileName(backup), encodeBackup(backup), 'application/json');
            },
          },
        }),
      ]),
      el('div', { className: 'field' }, [
        el('label', { text: t('teacher.restore'), attrs: { for: 'restore-backup' } }),
        restoreInput,
      ]),
      status,
    ]);
  };

  const deleteAll = async () => {
    const confirmBox = el('div', {
      className: 'confirm',
      attrs: { role: 'group', 'aria-label': t('teacher.deleteAll') },
    });
    confirmBox.hidden = true;
    const ask = el('button', {
      className: 'danger',
      text: t('teacher.deleteAll'),
      attrs: { type: 'button' },
      on: {
        click: () => {
          confirmBox.hidden = false;
          confirmBox.querySelector('button')?.focus();
        },
      },
    });
    confirmBox.append(
      el('p', { text: t('teacher.deleteAllWarning') }),
      el('div', { className: 'button-row' }, [
        el('button', {
          className: 'danger',
          text: t('teacher.deleteAllConfirm'),
          attrs: { type: 'button', 'data-action': 'confirm-delete-all' },
          on: {
            click: async () => {
              await app.store.deleteEverything();
              removeAllKeys();
              app.setPlayer({ classCode: null, student: '' });
              await render();
              focusScreenStart(heading);
            },
          },
        }),
        el('button', {
          text: t('teacher.cancel'),
          attrs: { type: 'button' },
          on: {
            click: () => {
              confirmBox.hidden = true;
              ask.focus();
            },
          },
        }),
      ]),
    );
    return el('section', { className: 'danger-zone' }, [
      el('h3', { text: t('teacher.deviceHeading') }),
      await retentionSetting(),
      passphraseControls(app.store, t, () => void render()),
      backupTools(),
      ask,
      confirmBox,
    ]);
  };

  /** One button per scenario, for the lesson guides and for the workshops. */
  const scenarioButtons = (
    scenarios: LoadedScenario[],
    labelKey: string,
    attribute: string,
    open: (scenarioId: string) => Screen,
  ) =>
    el(
      'ul',
      { className: 'class-list' },
      scenarios.map(({ scenario }) =>
        el('li', {}, [
          el('button', {
            text: t(labelKey, { title: title(scenario.id, scenario.title) }),
            attrs: { type: 'button', [attribute]: scenario.id },
            on: { click: () => app.show(open(scenario.id)) },
          }),
        ]),
      ),
    );
  const backHere = () => app.show(createTeacherHomeScreen(app));

  const guides = (scenarios: LoadedScenario[]) =>
    el('section', { className: 'guides' }, [
      el('h3', { text: t('guide.open') }),
      scenarioButtons(scenarios, 'guide.openOne', 'data-guide', (id) =>
        createLessonGuideScreen(app, id, backHere),
      ),
    ]);

  const workshops = (scenarios: LoadedScenario[]) =>
    el('section', { className: 'workshops' }, [
      el('h3', { text: t('workshop.heading') }),
      el('p', { text: t('workshop.intro') }),
      scenarioButtons(scenarios, 'workshop.run', 'data-workshop', (id) =>
        createPlayScreen(app, id, { workshop: true, onBack: backHere }),
      ),
    ]);

  const render = async () => {
    heading.textContent = t('teacher.heading');
    if (app.store.lockState() === 'locked') {
      // Nothing of the classes shows until the passphrase is given.
      body.replaceChildren(
        unlockForm(app.store, t, () => void render().then(() => focusScreenStart(heading))),
        el('div', { className: 'button-row' }, [
          el('button', {
            text: t('teacher.backToGame'),
            attrs: { type: 'button' },
            on: { click: () => app.goHome() },
          }),
        ]),
      );
      return;
    }
    const scenarios = await allScenarios();
    const notPersistent = el('p', {
      className: 'warning',
      text: t('teacher.errors.notPersistent'),
      attrs: { role: 'status' },
    });
    notPersistent.hidden = app.store.persistent;
    body.replaceChildren(
      el('p', { text: t('teacher.intro') }),
      notPersistent,

      el('h3', { text: t('teacher.classesHeading') }),
      await classList(),
      createForm(scenarios),
      guides(scenarios),
      workshops(scenarios),
      await deleteAll(),
      el('div', { className: 'button-row' }, [
        el('button', {
          text: t('teacher.backToGame'),
          attrs: { type: 'button' },
          on: { click: () => app.goHome() },
        }),
      ]),
    );
  };
  void render();
  return { root, heading, relabel: render, destroy() {} };
}
