/**
 * Device settings a teacher chooses before a lesson, until the teacher mode's classes carry
 * them. For now: whether sextortion scenarios (ages 11+) are shown on this device.
 */
import { readPreference, writePreference } from './preferences';

export function sextortionHidden(): boolean {
  return readPreference('hide-sextortion') === 'yes';
}

export function setSextortionHidden(hidden: boolean): void {
  writePreference('hide-sextortion', hidden ? 'yes' : 'no');
}
