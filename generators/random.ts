/** Defines the run's seeded faker: every generated input derives from config.seed (printed and recorded). */
// The English-only entry point: same faker (locales en + base) as the package root, without loading every locale
// (≈ 55 ms instead of ≈ 275 ms per module graph, paid by every isolated test file).
import { faker } from "@faker-js/faker/locale/en";
import { config } from "../harness/config.js";

faker.seed(config.seed);
export { faker };

/** n random decimal digits. */
export function digits(n: number): string {
  return faker.string.numeric({ length: n, allowLeadingZeros: true });
}
