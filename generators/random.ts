/** Defines the run's seeded faker: every generated input derives from config.seed (printed and recorded). */
import { faker } from "@faker-js/faker";
import { config } from "../harness/config";

faker.seed(config.seed);
export { faker };

/** n random decimal digits. */
export function digits(n: number): string {
  return faker.string.numeric({ length: n, allowLeadingZeros: true });
}
