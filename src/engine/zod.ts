/**
 * Imported first by main.ts: keeps every library inside the Content Security Policy before any
 * of them runs. zod 4 compiles fast object parsers with `new Function` unless told not to, and
 * its probe for that alone is a Trusted Types violation (and a console error) under the CSP,
 * even though zod catches the refusal. `jitless` skips the probe; parsing is the same.
 */
import { config } from 'zod';

config({ jitless: true });
