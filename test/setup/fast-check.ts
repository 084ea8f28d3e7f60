/**
 * fast-check's seed for `pnpm test`: fixed, so CI is reproducible and a red run is a change's
 * fault, not the dice's. Properties still explore: `pnpm fuzz` (FC_SEED=random) runs every
 * property on fresh seeds, and a counterexample it finds is kept as a plain test beside the
 * property (see `return-code.test.ts`, `mask-text.test.ts`). `FC_SEED=<n>` replays one seed
 * that a fuzz run printed.
 */
import fc from 'fast-check';

const raw = process.env['FC_SEED'];
if (raw !== 'random') {
  const seed = raw === undefined || raw === '' ? 20261207 : Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${raw}`);
  fc.configureGlobal({ seed });
}
