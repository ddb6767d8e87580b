// The blind fault catalogue: written from the contract and the mock only, never from the suite.
import type { CatalogueFault } from "../types.js";
import { accessFaults, notFoundFaults } from "./access.js";
import { authFaults, healthFaults } from "./auth.js";
import { documentFaults } from "./document.js";
import { inputFaults } from "./input.js";
import { lifecycleFaults, webhookFaults } from "./lifecycle.js";
import { orderFaults } from "./order.js";
import { rateFaults } from "./rate.js";
import { schemaFaults } from "./schema.js";
import { telecomFaults } from "./telecom.js";

export const blindFaults: CatalogueFault[] = [
  ...inputFaults,
  ...telecomFaults,
  ...authFaults,
  ...healthFaults,
  ...accessFaults,
  ...notFoundFaults,
  ...orderFaults,
  ...rateFaults,
  ...documentFaults,
  ...schemaFaults,
  ...lifecycleFaults,
  ...webhookFaults,
];
