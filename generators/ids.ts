/** Ids that name nothing: well-formed UUIDs nobody created, and malformed ones (D31). */
import { faker } from "./random.js";

export const ids = {
  unknown: (): string => faker.string.uuid(),
  malformed: (): string => "not-a-uuid",
};
