/**
 * The settings dialog: a native <dialog> opened with showModal() from the header's Settings
 * button, so it opens over any screen (mid-scenario too) and the game behind it stays as it
 * was. Esc or Close shut it and focus returns to the Settings button. Every change applies and
 * is saved at once (settings-apply.ts puts it on the page).
 */
import type { i18n } from 'i18next';
import { currentLanguage } from '../i18n/i18n';
import {
  loadSettings,
  MOTIONS,
  type Motion,
  type Settings,
  saveSettings,
  TEXT_SCALES,
} from '../storage/settings';
import { el, uniqueId } from './dom';
import { SHORTCUTS } from './shortcuts';

export interface SettingsDialogOptions {
  readonly i18n: i18n;
  /** Whether the callers' voice can be read aloud here; default: a voice stored on the device. */
  readonly voiceAvailable?: () => boolean;
}

export interface SettingsDialog {
  /** The header button that opens the dialog. */
  readonly button: HTMLButtonElement;
  /** The <dialog> itself; put it anywhere in the page (showModal puts it on top). */
  readonly dialog: HTMLDialogElement;
  open(): void;
  close(): void;
  /** Redraws every text in the current language. */
  relabel(): void;
}

/** True when a voice stored on this device can speak (none is fetched from a server). */
export function deviceHasLocalVoice(): boolean {
  try {
    return globalThis.speechSynthesis?.getVoices().some((voice) => voice.localService) ?? false;
  } catch {
    return false;
  }
}

type ToggleListener = (open: boolean) => void;
const toggleListeners = new Set<ToggleListener>();
let openDialogs = 0;

/** True while the settings dialog is open (a pressure timer may want to wait). */
export function settingsDialogOpen(): boolean {
  return openDialogs > 0;
}

/** Calls `listener(true)` when the dialog opens and `listener(false)` when it closes. */
export function onSettingsDialogToggle(listener: ToggleListener): () => void {
  toggleListeners.add(listener);
  return () => {
    toggleListeners.delete(listener);
  };
}

function tellToggle(open: boolean): void {
  for (const listener of [...toggleListeners]) {
    try {
      listener(open);
    } catch (error) {
      console.error(error);
    }
  }
}

const MOTION_LABELS: Record<Motion, string> = {
  system: 'settings.motionSystem',
  reduce: 'settings.motionReduce',
  full: 'settings.motionFull',
};

interface Choice<T> {
  readonly value: T;
  readonly input: HTMLInputElement;
  readonly label: HTMLSpanElement;
}

function radioGroup<T extends string | number>(
  name: string,
  setting: keyof Settings,
  values: readonly T[],
  onPick: (value: T) => void,
): { root: HTMLFieldSetElement; legend: HTMLLegendElement; choices: Choice<T>[] } {
  const legend = el('legend');
  const choices = values.map((value) => {
    const input = el('input', {
      attrs: { type: 'radio', name, value: String(value), 'data-setting': setting },
    });
    input.addEventListener('change', () => {
      if (input.checked) onPick(value);
    });
    const label = el('span');
    return { value, input, label };
  });
  const root = el('fieldset', { className: 'settings-group' }, [
    legend,
    el(
      'div',
      { className: 'settings-options' },
      choices.map((choice) =>
        el('label', { className: 'settings-option' }, [choice.input, choice.label]),
      ),
    ),
  ]);
  return { root, legend, choices };
}

function checkbox(setting: keyof Settings, onPick: (checked: boolean) => void) {
  const id = uniqueId(`setting-${setting}`);
  const input = el('input', { attrs: { type: 'checkbox', id, 'data-setting': setting } });
  input.addEventListener('change', () => onPick(input.checked));
  const label = el('label', { attrs: { for: id } });
  return { input, label, root: el('div', { className: 'checkbox-row' }, [input, label]) };
}

function volume(setting: keyof Settings, onPick: (value: number) => void) {
  const id = uniqueId(`setting-${setting}`);
  const input = el('input', {
    attrs: { type: 'range', id, min: '0', max: '100', step: '5', 'data-setting': setting },
  });
  const label = el('label', { attrs: { for: id } });
  const output = el('output', { className: 'settings-value', attrs: { for: id } });
  input.addEventListener('input', () => onPick(Number(input.value)));
  return {
    input,
    label,
    output,
    root: el('div', { className: 'settings-range' }, [
      label,
      el('div', { className: 'settings-range-row' }, [input, output]),
    ]),
  };
}

/** "Tab / Shift+Tab" as two <kbd> boxes, so a narrow line breaks between them, not inside one. */
function keyboardKeys(label: string): Node[] {
  return label
    .split(' / ')
    .flatMap((keys, index) => [
      ...(index > 0 ? [document.createTextNode(' / ')] : []),
      el('kbd', { text: keys }),
    ]);
}

export function createSettingsDialog(options: SettingsDialogOptions): SettingsDialog {
  const instance = options.i18n;
  const voiceAvailable = options.voiceAvailable ?? deviceHasLocalVoice;
  // One formatter per language: making one is slow on a low-end laptop (its locale data loads).
  const formatters = new Map<string, Intl.NumberFormat>();
  const percent = (value: number) => {
    const language = currentLanguage(instance);
    let format = formatters.get(language);
    if (!format) {
      format = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
      formatters.set(language, format);
    }
    return format.format(value);
  };

  const save = (changes: Partial<Settings>) => {
    const stored = saveSettings(changes);
    notKept.textContent = stored ? '' : instance.t('settings.notKept');
    showValues();
  };

  const button = el('button', {
    className: 'settings-button',
    attrs: { type: 'button', 'aria-haspopup': 'dialog', 'data-open': 'settings' },
  });
  const headingId = uniqueId('settings-heading');
  const heading = el('h2', { attrs: { id: headingId } });
  const intro = el('p', { className: 'hint' });
  const notKept = el('p', { className: 'warning settings-status', attrs: { role: 'status' } });

  const textSize = radioGroup('settings-text-size', 'textScale', TEXT_SCALES, (textScale) =>
    save({ textScale }),
  );
  const contrastLegend = el('legend');
  const contrast = checkbox('highContrast', (highContrast) => save({ highContrast }));
  const contrastGroup = el('fieldset', { className: 'settings-group' }, [
    contrastLegend,
    contrast.root,
  ]);
  const motion = radioGroup('settings-motion', 'motion', MOTIONS, (value) =>
    save({ motion: value }),
  );

  const effectsLegend = el('legend');
  const effectsVolume = volume('effectsVolume', (value) => save({ effectsVolume: value }));
  const effectsMuted = checkbox('effectsMuted', (value) => save({ effectsMuted: value }));
  const effectsGroup = el('fieldset', { className: 'settings-group' }, [
    effectsLegend,
    effectsVolume.root,
    effectsMuted.root,
  ]);

  const voiceLegend = el('legend');
  const voiceOn = checkbox('voiceOn', (value) => save({ voiceOn: value }));
  const voiceVolume = volume('voiceVolume', (value) => save({ voiceVolume: value }));
  const voiceNote = el('p', { className: 'hint settings-voice-note' });
  const voiceGroup = el('fieldset', { className: 'settings-group' }, [
    voiceLegend,
    voiceOn.root,
    voiceVolume.root,
    voiceNote,
  ]);

  const shortcutsHeadingId = uniqueId('shortcuts-heading');
  const shortcutsHeading = el('h3', { attrs: { id: shortcutsHeadingId } });
  const shortcutsIntro = el('p', { className: 'hint' });
  const shortcutRows = SHORTCUTS.map((shortcut) => ({
    shortcut,
    keys: el('dt'),
    action: el('dd'),
  }));
  const shortcuts = el(
    'section',
    { className: 'settings-shortcuts', attrs: { 'aria-labelledby': shortcutsHeadingId } },
    [
      shortcutsHeading,
      shortcutsIntro,
      el(
        'dl',
        { className: 'shortcut-list' },
        shortcutRows.flatMap((row) => [row.keys, row.action]),
      ),
    ],
  );

  const closeTop = el('button', {
    className: 'settings-close',
    attrs: { type: 'button', 'data-close': 'settings' },
  });
  const closeBottom = el('button', {
    className: 'primary settings-close',
    attrs: { type: 'button', 'data-close': 'settings-bottom' },
  });
  const dialog = el(
    'dialog',
    { className: 'settings-dialog', attrs: { 'aria-labelledby': headingId } },
    [
      el('div', { className: 'settings-top' }, [heading, closeTop]),
      intro,
      notKept,
      textSize.root,
      contrastGroup,
      motion.root,
      effectsGroup,
      voiceGroup,
      shortcuts,
      el('div', { className: 'button-row' }, [closeBottom]),
    ],
  );

  /** Values shown beside the sliders, and the voice note (voices can arrive late). */
  function showValues(): void {
    const settings = loadSettings();
    for (const [control, value] of [
      [effectsVolume, settings.effectsVolume],
      [voiceVolume, settings.voiceVolume],
    ] as const) {
      const text = percent(value / 100);
      control.output.textContent = text;
      control.input.setAttribute('aria-valuetext', text);
    }
    voiceNote.textContent = instance.t(
      voiceAvailable() ? 'settings.voiceNote' : 'settings.voiceMissing',
    );
  }

  /** Puts the stored settings into the controls. */
  function showSettings(): void {
    const settings = loadSettings();
    for (const choice of textSize.choices)
      choice.input.checked = choice.value === settings.textScale;
    for (const choice of motion.choices) choice.input.checked = choice.value === settings.motion;
    contrast.input.checked = settings.highContrast;
    effectsVolume.input.value = String(settings.effectsVolume);
    effectsMuted.input.checked = settings.effectsMuted;
    voiceOn.input.checked = settings.voiceOn;
    voiceVolume.input.value = String(settings.voiceVolume);
    showValues();
  }

  /**
   * The header button is relabelled at once; the dialog's own text only when it is (or next
   * gets) opened, so the first screen does not pay for a dialog nobody has opened yet.
   */
  let bodyLabelled = false;
  function relabel(): void {
    button.textContent = instance.t('settings.open');
    bodyLabelled = false;
    if (dialog.open) labelBody();
  }

  function labelBody(): void {
    bodyLabelled = true;
    const t = instance.t;
    heading.textContent = t('settings.heading');
    intro.textContent = t('settings.intro');
    closeTop.textContent = t('settings.close');
    closeBottom.textContent = t('settings.close');
    textSize.legend.textContent = t('settings.textSize');
    for (const choice of textSize.choices) choice.label.textContent = percent(choice.value);
    contrastLegend.textContent = t('settings.contrast');
    contrast.label.textContent = t('settings.highContrast');
    motion.legend.textContent = t('settings.motion');
    for (const choice of motion.choices) choice.label.textContent = t(MOTION_LABELS[choice.value]);
    effectsLegend.textContent = t('settings.effects');
    effectsVolume.label.textContent = t('settings.effectsVolume');
    effectsMuted.label.textContent = t('settings.effectsMuted');
    voiceLegend.textContent = t('settings.voice');
    voiceOn.label.textContent = t('settings.voiceOn');
    voiceVolume.label.textContent = t('settings.voiceVolume');
    shortcutsHeading.textContent = t('shortcuts.heading');
    shortcutsIntro.textContent = t('shortcuts.intro');
    for (const row of shortcutRows) {
      row.keys.replaceChildren(...keyboardKeys(t(row.shortcut.keysLabel)));
      row.action.textContent = t(row.shortcut.action);
    }
    if (notKept.textContent) notKept.textContent = t('settings.notKept');
    showValues();
  }

  let listeningForVoices = false;
  function open(): void {
    if (dialog.open) return;
    if (!bodyLabelled) labelBody();
    showSettings();
    if (!listeningForVoices) {
      listeningForVoices = true;
      try {
        globalThis.speechSynthesis?.addEventListener('voiceschanged', showValues);
      } catch {
        // No speech synthesis at all: the note already says captions only.
      }
    }
    dialog.showModal();
    openDialogs += 1;
    tellToggle(true);
  }

  function close(): void {
    if (dialog.open) dialog.close();
  }

  button.addEventListener('click', open);
  closeTop.addEventListener('click', close);
  closeBottom.addEventListener('click', close);
  dialog.addEventListener('close', () => {
    openDialogs = Math.max(0, openDialogs - 1);
    button.focus();
    tellToggle(false);
  });
  // Keys typed in the dialog (digits, N, Esc) are for the dialog, not the game's shortcuts
  // behind it. Esc still closes the dialog: that is its default action, not a listener's.
  dialog.addEventListener('keydown', (event) => event.stopPropagation());

  relabel();
  return { button, dialog, open, close, relabel };
}
