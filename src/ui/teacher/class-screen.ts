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
import type { WriteOutcome } from '../../storage/result-store';
import { aggregateClass, projectorView } from '../../teacher/aggregate';
import { backupFileName, encodeBackup, exportClass } from '../../teacher/backup';
import { decisionsCsv, resultsCsv, spotCheckCsv } from '../../teacher/csv';
import type { ClassInfo, StudentRecord } from '../../teacher/records';
import {
  DEFAULT_MAX_BYTES,
  type DecodeResult,
  decodeTransfer,
  type TransferPayload,
} from '../../teacher/transfer';
import { el, uniqueId } from '../dom';
import { downloadText } from '../download';
import type { AppContext, Screen } from '../screen';
import { dashboardView } from './dashboard-view';
import { createQrScanner } from './qr-scanner';

interface ImportLine {
  readonly source: string;
  readonly text: string;
  readonly ok: boolean;
}

/**
 * The bytes of the files read and checked at once. Every read waits on the browser, so a class's
 * results files (a few kB each) are all read together; big files wait their turn, so that a
 * folder of them cannot fill a Chromebook's memory.
 */
const READ_BUDGET_BYTES = 16 * 1024 * 1024;

/**
 * `task` for every file, as many at a time as READ_BUDGET_BYTES allows (always at least one; a
 * file over DEFAULT_MAX_BYTES is refused unread, so it costs nothing); the answers in the files'
 * order. `task` must never reject.
 */
function readEach<R>(files: readonly File[], task: (file: File) => Promise<R>): Promise<R[]> {
  const answers = new Array<R>(files.length);
  const cost = (file: File) => (file.size > DEFAULT_MAX_BYTES ? 0 : file.size);
  let next = 0;
  let running = 0;
  let bytes = 0;
  return new Promise((resolve) => {
    const pump = () => {
      if (next === files.length && running === 0) resolve(answers);
      while (next < files.length) {
        const index = next;
        const file = files[index] as File;
        if (running > 0 && bytes + cost(file) > READ_BUDGET_BYTES) break;
        next += 1;
        running += 1;
        bytes += cost(file);
        void task(file).then((answer) => {
          answers[index] = answer;
          running -= 1;
          bytes -= cost(file);
          pump();
        });
      }
    };
    pump();
  });
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

  const reportItem = (line: ImportLine) =>
    el('li', {
      className: line.ok ? 'import-ok' : 'import-error',
      text: `${line.source}: ${line.text}`,
    });
  const addReport = (line: ImportLine) => report.append(reportItem(line));
  /** Many lines, added to the page in one change rather than one per file. */
  const addReports = (lines: readonly ImportLine[]) => {
    const fragment = document.createDocumentFragment();
    for (const line of lines) fragment.append(reportItem(line));
    report.append(fragment);
  };

  /** A payload's results as records of this class. */
  const recordsOf = (payload: TransferPayload): StudentRecord[] =>
    payload.results.map((result) => ({
      id: result.id,
      classCode: info.code,
      student: payload.student,
      result,
    }));

  /** What the report says once the store has answered for a payload. */
  const storedLine = (
    source: string,
    payload: TransferPayload,
    outcome: WriteOutcome,
  ): ImportLine =>
    outcome.ok
      ? {
          source,
          ok: true,
          text: t('import.added', {
            student: payload.student || t('import.noName'),
            added: String(outcome.added),
            duplicates: String(outcome.duplicates),
          }),
        }
      : {
          source,
          ok: false,
          text: t(
            outcome.error === 'quota' ? 'teacher.errors.storageFull' : 'teacher.errors.storage',
          ),
        };

  /** Stores one payload's results under this class; all or nothing. */
  const store = async (source: string, payload: TransferPayload) => {
    addReport(storedLine(source, payload, await app.store.addRecords(recordsOf(payload))));
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

  /** Reads and checks one file; never rejects. */
  const readFile = async (
    file: File,
  ): Promise<DecodeResult | { ok: false; error: 'unreadable' }> => {
    // A huge file is refused before it is read: nothing that big is a results file.
    if (file.size > DEFAULT_MAX_BYTES) return { ok: false, error: 'too-large' };
    try {
      return await decodeTransfer(new Uint8Array(await file.arrayBuffer()));
    } catch {
      return { ok: false, error: 'unreadable' };
    }
  };

  /**
   * Files are read and checked together (see readEach); then every file of this class goes into
   * the store in one transaction, in the order given, each file still whole or not at all (so a
   * result in two files counts once, for the first); the report is added in one go, in the
   * files' order, and the dashboard drawn once.
   */
  const importFiles = async (files: Iterable<File>) => {
    // Marks for the import benchmark (scripts/bench-teacher.ts): first file read to dashboard drawn.
    performance.mark('import-start');
    const list = [...files];
    const decoded = await readEach(list, readFile);
    const lines: (ImportLine | undefined)[] = list.map(() => undefined);
    const toStore: { index: number; source: string; payload: TransferPayload }[] = [];
    for (const [index, outcome] of decoded.entries()) {
      const source = list[index]?.name ?? '';
      if (!outcome.ok)
        lines[index] = { source, ok: false, text: t(`import.errors.${outcome.error}`) };
      else if (outcome.payload.classCode !== info.code) askOtherClass(source, outcome.payload);
      else toStore.push({ index, source, payload: outcome.payload });
    }
    if (toStore.length > 0) {
      const outcomes = await app.store.addRecordBatches(
        toStore.map(({ payload }) => recordsOf(payload)),
      );
      for (const [i, { index, source, payload }] of toStore.entries()) {
        const outcome: WriteOutcome = outcomes[i] ?? { ok: false, error: 'unavailable' };
        lines[index] = storedLine(source, payload, outcome);
      }
    }
    addReports(lines.filter((line): line is ImportLine => line !== undefined));
    await renderDashboard();
    performance.mark('import-dashboard-ready');
  };

  let scanner = createQrScanner({ t, onCode: async () => {} });
  const renderImport = () => {
    scanner.stop();
    scanner = createQrScanner({
      t,
      onCode: async (code) => {
        await importOne(t('import.qrCode'), code);
        await renderDashboard();
      },
    });
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
      scanner.root,
      pending,
      report,
    );
  };

  let drawing = 0;
  const renderDashboard = async () => {
    // Only the latest request draws: a slow read must not paint over a newer view.
    const ticket = ++drawing;
    const stored = await records();
    if (ticket !== drawing) return;
    const summary = aggregateClass({ records: stored, scenarios: [...scenarios.values()] });
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
        el('button', {
          text: t('teacher.backupClass'),
          attrs: { type: 'button', 'data-export': 'backup' },
          on: {
            click: async () => {
              const backup = await exportClass(app.store, info.code);
              if (backup)
                downloadText(backupFileName(backup), encodeBackup(backup), 'application/json');
            },
          },
        }),
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
  return {
    root,
    heading,
    relabel: render,
    destroy() {
      // Leaving the class screen must never leave the camera on.
      scanner.stop();
    },
  };
}
