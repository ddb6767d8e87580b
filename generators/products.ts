/** Product names the API does not have (D32), for the 2100 paths. */
import { faker } from "./random.js";

export const product = {
  /** A lower-case word that names no document type or product family. */
  unknown: (): string => `nosuch${faker.string.alpha({ length: 6, casing: "lower" })}`,
};
