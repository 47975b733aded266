/**
 * The keyboard shortcuts, as data: the settings dialog lists them, and the play screen
 * handles them. `keys` is how English keyboards name the keys; `keysLabel` is the i18n key of
 * the name shown to the player (French keyboards say "Échap" and "Entrée"); `action` is the
 * i18n key of what the keys do.
 */
export interface Shortcut {
  readonly keys: string;
  readonly keysLabel: string;
  readonly action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: '1 – 9', keysLabel: 'shortcuts.keys.choose', action: 'shortcuts.choose' },
  { keys: 'N', keysLabel: 'shortcuts.keys.showNow', action: 'shortcuts.showNow' },
  { keys: 'Esc', keysLabel: 'shortcuts.keys.leave', action: 'shortcuts.leave' },
  { keys: 'Tab / Shift+Tab', keysLabel: 'shortcuts.keys.move', action: 'shortcuts.move' },
  { keys: 'Enter / Space', keysLabel: 'shortcuts.keys.press', action: 'shortcuts.press' },
];
