// The blind3 catalogue: faults written from the contract and the mock only, without the suite (README.md).
import type { CatalogueFault } from "../types.js";
import { answerFaults } from "./answers.js";
import { boundFaults } from "./bounds.js";
import { formatFaults } from "./formats.js";
import { lifecycleFaults } from "./lifecycle.js";
import { orderFaults } from "./order.js";

export const blind3Faults: CatalogueFault[] = [...boundFaults, ...formatFaults, ...lifecycleFaults, ...orderFaults, ...answerFaults];
