/**
 * The app's one Trusted Types policy. index.html's Content Security Policy requires Trusted
 * Types for every script sink (`require-trusted-types-for 'script'`) and allows exactly one
 * policy name (`trusted-types red-flags-sw`).
 *
 * The only script sink the game reaches is `navigator.serviceWorker.register()`, which takes
 * a TrustedScriptURL under that policy (Chromium refuses a plain string). Nothing else needs a
 * policy: the DOM is built with textContent, Phaser draws on a canvas and loads no scripts or
 * HTML in this game, Vite's preload helper only adds <link> elements, and Howler, jsQR,
 * i18next, idb and uqr touch no sink. So the policy accepts one URL, the service worker next
 * to index.html, and throws for anything else.
 */
export const TRUSTED_TYPES_POLICY = 'red-flags-sw';

/** The service worker's file, beside index.html (see vite.config.ts). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** What a browser with Trusted Types offers; lib.dom does not describe it yet. */
interface ScriptUrlPolicy {
  createScriptURL(input: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): ScriptUrlPolicy;
}

/** An opaque value that `navigator.serviceWorker.register()` accepts. */
export type ScriptUrl = string & { readonly __trustedScriptUrl?: never };

let policy: ScriptUrlPolicy | undefined;

/** The service worker's address, resolved against the page (so any sub-path works). */
export function serviceWorkerHref(baseUri = document.baseURI): string {
  return new URL(SERVICE_WORKER_FILE, baseUri).href;
}

/**
 * The service worker's address as the browser's script sinks want it: a TrustedScriptURL made
 * by the one policy where Trusted Types exist, the plain string elsewhere (where they are not
 * enforced either).
 */
export function trustedServiceWorkerUrl(): ScriptUrl {
  const expected = serviceWorkerHref();
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return expected;
  policy ??= factory.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL(input: string): string {
      const url = new URL(input, document.baseURI);
      if (url.href !== serviceWorkerHref()) {
        throw new TypeError(`${TRUSTED_TYPES_POLICY} only trusts ${SERVICE_WORKER_FILE}`);
      }
      return url.href;
    },
  });
  return policy.createScriptURL(expected) as ScriptUrl;
}
