/**
 * The words for a red flag's status, shared by the DOM debrief and the debrief picture. A
 * genuine contact's "red flags" are what made it look alarming; checking them is the skill.
 */
import type { FlagStatus } from '../engine/index';

const FLAG_STATUS_KEY: Record<'scam' | 'genuine', Record<FlagStatus, string>> = {
  scam: {
    spotted: 'debrief.flagSpotted',
    missed: 'debrief.flagMissed',
    'not-seen': 'debrief.flagNotSeen',
  },
  genuine: {
    spotted: 'debrief.genuine.flagChecked',
    missed: 'debrief.genuine.flagUnchecked',
    'not-seen': 'debrief.flagNotSeen',
  },
};

/** The app's text key for a flag's status, in a scam or in a genuine contact. */
export function flagStatusKey(genuine: boolean, status: FlagStatus): string {
  return FLAG_STATUS_KEY[genuine ? 'genuine' : 'scam'][status];
}
