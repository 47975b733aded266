/**
 * Help lines shown in every debrief and on the calm screen, per region. Names and descriptions
 * are app text keys (translated); numbers are data. A school elsewhere changes this one file.
 */
export interface HelpLine {
  /** Key under `helpLines.` in the app's locale files. */
  readonly id: string;
  readonly number: string;
}

export const HELP_LINES: Record<string, readonly HelpLine[]> = {
  CA: [
    { id: 'emergency', number: '911' },
    { id: 'kidsHelpPhone', number: '1-800-668-6868' },
    { id: 'antiFraud', number: '1-888-495-8501' },
    { id: 'cybertip', number: '1-866-658-9022' },
  ],
};

export const DEFAULT_REGION = 'CA';

export function helpLinesFor(region: string): readonly HelpLine[] {
  return HELP_LINES[region] ?? HELP_LINES[DEFAULT_REGION] ?? [];
}
