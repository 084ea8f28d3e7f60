/**
 * A CSS selector as a list of variants, newest markup first (refined-github's selectors.ts style):
 * the first variant that matches wins. Keep an old variant, with a note saying when to drop it,
 * while merchants may still see that markup. Prefer attributes, `data-*` hooks and class-name
 * prefixes (`[class^="index_locationDetail"]`, `[class*="locationDetail"]`) over hashed names.
 */
export type Selector = string | readonly string[];
