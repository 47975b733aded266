/**
 * Entry point, kept small on purpose: on a slow school network every kilobyte here delays the
 * rest. It applies the player's look, asks at once for the texts and scenario list in the
 * player's language, and for the app itself (src/boot.ts); all three travel together instead of
 * one after another. No Phaser anywhere on the first screen: it comes after.
 */
import './styles.css';
import { loadScenarioCards } from './content/scenario-cards';
import { initialLanguage, loadAppTexts } from './i18n/app-texts';
import { DEFAULT_LANGUAGE } from './i18n/languages';
import { startApplyingSettings } from './ui/settings-apply';

// Text size, contrast and motion are on <html> before anything is drawn.
startApplyingSettings();

const language = initialLanguage();
// Asked for now, picked up from the module cache by the app when it needs them.
for (const wanted of new Set([language, DEFAULT_LANGUAGE])) loadAppTexts(wanted).catch(() => {});
loadScenarioCards(language).catch(() => {});
void import('./boot').then(({ boot }) => boot(language));
