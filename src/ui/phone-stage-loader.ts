/**
 * Phaser and the phone's scenes are one chunk (about 200 KB compressed), fetched once: when a
 * scenario starts, or earlier, while the first screen waits for a click (`warmUpPhone`), so the
 * first call can ring without a wait on a slow school network. A failed fetch is forgotten, so
 * the next scenario tries again.
 */
type PhoneStageModule = typeof import('../../scenes/phone-stage');

let pending: Promise<PhoneStageModule> | undefined;

export function loadPhoneStage(): Promise<PhoneStageModule> {
  if (!pending) {
    const loading = import('../../scenes/phone-stage');
    pending = loading;
    loading.catch(() => {
      if (pending === loading) pending = undefined;
    });
  }
  return pending;
}

/** The play screen's code, the phone and the sound player, fetched in the background. */
export async function warmUpPhone(): Promise<void> {
  try {
    await Promise.all([import('./play-screen'), loadPhoneStage(), import('../audio/sound-player')]);
  } catch {
    // Nothing lost: the play screen fetches them again when a scenario starts.
  }
}
