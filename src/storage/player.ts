/**
 * Who is playing on this device right now: a class code and a nickname or seat number, never a
 * real name; or nobody in particular (playing without a class). Kept for the tab's session, so
 * the next student on a shared device starts by saying who they are.
 */
import { isClassCode } from '../teacher/class-code';

export interface Player {
  readonly classCode: string | null;
  readonly student: string;
}

export const NO_CLASS: Player = { classCode: null, student: '' };
const KEY = 'redflags.player';

export function currentPlayer(): Player {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (!raw) return NO_CLASS;
    const data = JSON.parse(raw) as Partial<Player>;
    const code = data.classCode;
    if (isClassCode(code) && typeof data.student === 'string' && [...data.student].length <= 24) {
      return { classCode: code, student: data.student };
    }
  } catch {
    // Unreadable: start as nobody in particular.
  }
  return NO_CLASS;
}

export function setPlayer(player: Player): void {
  try {
    if (player.classCode === null) globalThis.sessionStorage?.removeItem(KEY);
    else globalThis.sessionStorage?.setItem(KEY, JSON.stringify(player));
  } catch {
    // Without session storage the player is asked again after a reload; nothing is lost.
  }
}
