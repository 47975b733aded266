/**
 * Switching language: each language's texts are a chunk fetched on the first switch to it, so
 * quick switches can finish out of order. The last one asked for must win.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeLanguage, createI18n, currentLanguage } from '../../src/i18n/i18n';
import { MapStorage, withWebStorage } from '../fixtures/web-storage';

const global = globalThis as Record<string, unknown>;

describe('changeLanguage', () => {
  beforeEach(() => {
    // The only DOM it touches: <html lang>.
    global.document = { documentElement: { lang: '' } };
  });
  afterEach(() => {
    delete global.document;
  });

  it('applies the last language asked for when an earlier one arrives later', async () => {
    const storage = new MapStorage();
    await withWebStorage('localStorage', storage, async () => {
      const instance = await createI18n('en');
      // French is not loaded yet (its chunk is on its way); English is, so it finishes first.
      const toFrench = changeLanguage(instance, 'fr');
      const backToEnglish = changeLanguage(instance, 'en');
      await Promise.all([toFrench, backToEnglish]);
      expect(currentLanguage(instance)).toBe('en');
      expect((global.document as { documentElement: { lang: string } }).documentElement.lang).toBe(
        'en',
      );
      expect([...storage.map.values()]).toContain('en');
      expect([...storage.map.values()]).not.toContain('fr');
      // French's texts did arrive, so switching to it later is immediate.
      await changeLanguage(instance, 'fr');
      expect(currentLanguage(instance)).toBe('fr');
    });
  });
});
