/**
 * One class: its code for the students, results coming in (files by picker or drag-and-drop,
 * pasted codes), the dashboard (teacher view or projector view) and the exports.
 *
 * Importing is per file: a file is checked whole and goes in whole or not at all, with a
 * message naming it; the same result imported twice is stored once; a file from another class
 * waits for the teacher to say yes.
 */
import { loadScenario, scenarioIds } from '../../content/scenario-catalog';
import type { Scenario } from '../../engine/index';
import { scenarioNamespace } from '../../i18n/i18n';
import { aggregateClass, projectorView } from '../../teacher/aggregate';
import { decisionsCsv, resultsCsv, spotCheckCsv } from '../../teacher/csv';
import type { ClassInfo, StudentRecord } from '../../teacher/records';
import { DEFAULT_MAX_BYTES, decodeTransfer, type TransferPayload } from '../../teacher/transfer';
import { el, uniqueId } from '../dom';
import { downloadText } from '../download';
import type { AppContext, Screen } from '../screen';
import { dashboardView } from './dashboard-view';

interface ImportLine {
  readonly source: string;
  readonly text: string;
  readonly ok: boolean;
}

export function createClassScreen(app: AppContext, info: ClassInfo): Screen {
  const t = (key: string, values?: Record<string, string>) => app.i18n.t(key, values ?? {});
  const headingId = uniqueId('class');
  const heading = el('h2', { attrs: { id: headingId } });
  const codeLine = el('p', { className: 'class-code' });
  const importArea = el('section', { className: 'import' });
  const report = el('ul', { className: 'import-report', attrs: { 'aria-live': 'polite' } });
  const pending = el('div', { className: 'pending-imports' });
  const dashboardHost = el('div');
  const exportsArea = el('section', { className: 'exports' });
  const projectorToggle = el('button', {
    attrs: { type: 'button', 'aria-pressed': 'false', 'data-action': 'projector' },
  });
  const root = el(
    'section',
    { className: 'class-screen', attrs: { 'aria-labelledby': headingId } },
    [
      heading,
      codeLine,
      importArea,
      el('div', { className: 'button-row' }, [projectorToggle]),
      dashboardHost,
      exportsArea,
    ],
  );
  let projector = false;
  let scenarios = new Map<string, Scenario>();

  const loadScenarios = async () => {
    const language = app.language();
    const loaded = await Promise.allSettled(scenarioIds().map((id) => loadScenario(id, language)));
    scenarios = new Map();
    for (const outcome of loaded) {
      if (outcome.status !== 'fulfilled') continue;
      const { scenario, texts } = outcome.value;
      app.i18n.addResourceBundle(language, scenarioNamespace(scenario.id), texts, true, true);
      scenarios.set(scenario.id, scenario);
    }
  };
  const scenarioText = (id: string, key: string) => app.i18n.t(key, { ns: scenarioNamespace(id) });

  const records = () => app.store.records(info.code);

  const addReport = (line: ImportLine) => {
    report.append(
      el('li', {
        className: line.ok ? 'import-ok' : 'import-error',
        text: `${line.source}: ${line.text}`,
      }),
    );
  };

  /** Stores one payload's results under this class; all or nothing. */
  const store = async (source: string, payload: TransferPayload) => {
    const incoming: StudentRecord[] = payload.results.map((result) => ({
      id: result.id,
      classCode: info.code,
      student: payload.student,
      result,
    }));
    const outcome = await app.store.addRecords(incoming);
    if (!outcome.ok) {
      addReport({
        source,
        ok: false,
        text: t(
          outcome.error === 'quota' ? 'teacher.errors.storageFull' : 'teacher.errors.storage',
        ),
      });
      return;
    }
    addReport({
      source,
      ok: true,
      text: t('import.added', {
        student: payload.student || t('import.noName'),
        added: String(outcome.added),
        duplicates: String(outcome.duplicates),
      }),
    });
  };

  /** A file or code from another class waits for the teacher's yes. */
  const askOtherClass = (source: string, payload: TransferPayload) => {
    const box = el('div', { className: 'confirm', attrs: { role: 'group' } });
    box.setAttribute(
      'aria-label',
      t('import.otherClass', { source, code: payload.classCode ?? '—' }),
    );
    box.append(
      el('p', { text: t('import.otherClass', { source, code: payload.classCode ?? '—' }) }),
      el('div', { className: 'button-row' }, [
        el('button', {
          text: t('import.importAnyway'),
          attrs: { type: 'button', 'data-action': 'import-anyway' },
          on: {
            click: async () => {
              box.remove();
              await store(source, payload);
              await renderDashboard();
            },
          },
        }),
        el('button', {
          text: t('import.skip'),
          attrs: { type: 'button' },
          on: {
            click: () => {
              box.remove();
              addReport({ source, ok: false, text: t('import.skipped') });
            },
          },
        }),
      ]),
    );
    pending.append(box);
  };

  const importOne = async (source: string, input: string | Uint8Array) => {
    const decoded = await decodeTransfer(input);
    if (!decoded.ok) {
      addReport({ source, ok: false, text: t(`import.errors.${decoded.error}`) });
      return;
    }
    if (decoded.payload.classCode !== info.code) askOtherClass(source, decoded.payload);
    else await store(source, decoded.payload);
  };

  const importFiles = async (files: Iterable<File>) => {
    // Marks for the import benchmark (scripts/bench-teacher.ts): first file read to dashboard drawn.
    performance.mark('import-start');
    for (const file of files) {
      // A huge file is refused before it is read: nothing that big is a results file.
      if (file.size > DEFAULT_MAX_BYTES) {
        addReport({ source: file.name, ok: false, text: t('import.errors.too-large') });
        continue;
      }
      try {
        await importOne(file.name, new Uint8Array(await file.arrayBuffer()));
      } catch {
        addReport({ source: file.name, ok: false, text: t('import.errors.unreadable') });
      }
    }
    await renderDashboard();
    performance.mark('import-dashboard-ready');
  };

  const renderImport = () => {
    const fileInput = el('input', {
      attrs: { type: 'file', id: 'import-files', multiple: '', accept: '.json,application/json' },
    });
    fileInput.addEventListener('change', () => {
      if (fileInput.files)
        void importFiles([...fileInput.files]).then(() => (fileInput.value = ''));
    });
    const drop = el('div', { className: 'drop-zone', text: t('import.drop') });
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      drop.classList.remove('over');
      if (event.dataTransfer?.files) void importFiles([...event.dataTransfer.files]);
    });
    const codeInput = el('textarea', {
      attrs: { id: 'import-code', rows: '3', spellcheck: 'false' },
    });
    const addCode = el('button', {
      text: t('import.addCode'),
      attrs: { type: 'button', 'data-action': 'import-code' },
      on: {
        click: async () => {
          const text = codeInput.value;
          await importOne(t('import.pastedCode'), text);
          codeInput.value = '';
          await renderDashboard();
        },
      },
    });
    importArea.replaceChildren(
      el('h3', { text: t('import.heading') }),
      el('p', { text: t('import.intro') }),
      el('div', { className: 'field' }, [
        el('label', { text: t('import.files'), attrs: { for: 'import-files' } }),
        fileInput,
      ]),
      drop,
      el('div', { className: 'field' }, [
        el('label', { text: t('import.code'), attrs: { for: 'import-code' } }),
        codeInput,
      ]),
      el('div', { className: 'button-row' }, [addCode]),
      pending,
      report,
    );
  };

  const renderDashboard = async () => {
    const summary = aggregateClass({
      records: await records(),
      scenarios: [...scenarios.values()],
    });
    dashboardHost.replaceChildren(
      dashboardView({
        view: projectorView(summary, projector ? 3 : 1),
        ...(projector ? {} : { detail: summary }),
        scenarios,
        t,
        scenarioText,
      }),
    );
  };

  const renderExports = () => {
    const stamp = new Date().toISOString().slice(0, 10);
    const csv = (kind: string, make: (r: StudentRecord[]) => string) =>
      el('button', {
        text: t(`exports.${kind}`),
        attrs: { type: 'button', 'data-export': kind },
        on: {
          click: async () =>
            downloadText(
              `red-flags-${info.code}-${kind}-${stamp}.csv`,
              make(await records()),
              'text/csv;charset=utf-8',
            ),
        },
      });
    exportsArea.replaceChildren(
      el('h3', { text: t('exports.heading') }),
      el('div', { className: 'button-row' }, [
        el('button', {
          className: 'primary',
          text: t('teacher.printReport'),
          attrs: { type: 'button', 'data-action': 'print' },
          on: { click: () => window.print() },
        }),
      ]),
      el('div', { className: 'button-row' }, [
        csv('results', (r) => resultsCsv(r, [...scenarios.values()])),
        csv('decisions', (r) => decisionsCsv(r, [...scenarios.values()])),
        csv('spot-check', (r) => spotCheckCsv(r)),
      ]),
      el('div', { className: 'button-row' }, [
        el('button', {
          text: t('teacher.backToClasses'),
          attrs: { type: 'button' },
          on: { click: () => app.openTeacher() },
        }),
      ]),
    );
  };

  projectorToggle.addEventListener('click', () => {
    projector = !projector;
    projectorToggle.setAttribute('aria-pressed', String(projector));
    root.classList.toggle('projector', projector);
    void renderDashboard();
  });

  const render = async () => {
    heading.textContent = info.name;
    codeLine.replaceChildren(
      t('teacher.codeForStudents'),
      ' ',
      el('strong', { className: 'code', text: info.code }),
    );
    projectorToggle.textContent = t('dashboard.projector');
    renderImport();
    await loadScenarios();
    renderExports();
    await renderDashboard();
  };
  void render();
  return { root, heading, relabel: render, destroy() {} };
}
