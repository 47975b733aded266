/**
 * zod, set up to stay inside the Content Security Policy: every schema in the game imports `z`
 * from here, so the setting is in place before any schema exists, whichever chunk the bundler
 * puts it in. zod 4 compiles fast object parsers with `new Function` unless told not to, and
 * its probe for that alone is a Trusted Types violation (and a console error) under the CSP,
 * even though zod catches the refusal. `jitless` skips the probe; parsing is the same.
 */
import { config, z } from 'zod';

config({ jitless: true });

export { z };
