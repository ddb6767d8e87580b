/**
 * Defines the seeded faker every generated input comes from. conformance() gives each test its own
 * faker, seeded from the run's seed and the test's id (run/worker-plan.ts `testSeed`), so a test gets the
 * same inputs with `--seed N` whatever else runs, even when tests of several plans interleave in one
 * worker. The current test's faker travels with its async context (AsyncLocalStorage); touching faker
 * while no test runs (at collection time, in a table built at import) throws, because such inputs would
 * depend on which files the worker collected before.
 */
import { AsyncLocalStorage } from "node:async_hooks";
// The English-only entry point: same faker (locales en + base) as the package root, without loading every locale.
import { faker as english } from "@faker-js/faker/locale/en";

type FakerInstance = typeof english;
const FakerClass = english.constructor as new (options: { locale: unknown }) => FakerInstance;
/** A test's faker, taken when the test first asks for an input (many tests generate none). */
interface Inputs {
  seed: number;
  own?: FakerInstance;
}
const current = new AsyncLocalStorage<Inputs>();
/**
 * Fakers of finished tests, seeded again for the next one: making a Faker costs a millisecond or two
 * and a full run has hundreds of tests per worker. Seeding resets all of its state (the randomizer).
 */
const idle: FakerInstance[] = [];

/** Runs `body` with a faker of its own, seeded with `seed` (one per test). */
export function withInputs<T>(seed: number, body: () => T): T {
  const inputs: Inputs = { seed };
  const release = () => {
    if (inputs.own) idle.push(inputs.own);
    inputs.own = undefined;
  };
  const out = current.run(inputs, body);
  if (out instanceof Promise) return out.finally(release) as T;
  release();
  return out;
}

function ownFaker(inputs: Inputs): FakerInstance {
  if (!inputs.own) {
    inputs.own = idle.pop() ?? new FakerClass({ locale: english.rawDefinitions });
    inputs.own.seed(inputs.seed);
  }
  return inputs.own;
}

export const faker: FakerInstance = new Proxy(english, {
  get(_target, key) {
    const inputs = current.getStore();
    if (!inputs)
      throw new Error(
        `generators run inside a test (faker.${String(key)} was used outside one): build inputs in the test body, not at import`,
      );
    const own = ownFaker(inputs);
    const value = Reflect.get(own, key, own);
    return typeof value === "function" ? value.bind(own) : value;
  },
});

/** n random decimal digits. */
export function digits(n: number): string {
  return faker.string.numeric({ length: n, allowLeadingZeros: true });
}
