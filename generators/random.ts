/**
 * Defines the seeded faker every generated input comes from. conformance() seeds it at the start of each
 * test from the run's seed and the test's id (run/worker-plan.ts `testSeed`), so a test gets the same
 * inputs with `--seed N` whatever else runs. Inputs are made inside tests only: touching faker while no
 * test runs (at collection time, in a table built at import) throws, because such inputs would depend on
 * which files the worker collected before.
 */
// The English-only entry point: same faker (locales en + base) as the package root, without loading every locale.
import { faker as seeded } from "@faker-js/faker/locale/en";

let inTest = false;

/** Seeds the inputs of the test that starts now. */
export function beginInputs(seed: number): void {
  seeded.seed(seed);
  inTest = true;
}

export function endInputs(): void {
  inTest = false;
}

export const faker: typeof seeded = new Proxy(seeded, {
  get(target, key, receiver) {
    if (!inTest)
      throw new Error(
        `generators run inside a test (faker.${String(key)} was used outside one): build inputs in the test body, not at import`,
      );
    return Reflect.get(target, key, receiver);
  },
});

/** n random decimal digits. */
export function digits(n: number): string {
  return faker.string.numeric({ length: n, allowLeadingZeros: true });
}
