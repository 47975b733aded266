/** Modules that exist only at build time (scripts/lib/scenario-cards-plugin.ts). */
declare module 'virtual:scenario-cards' {
  type Language = import('../i18n/languages').Language;
  type ScenarioCard = import('./scenario-card').ScenarioCard;

  export const cardLoaders: Record<Language, () => Promise<readonly ScenarioCard[]>>;
}
