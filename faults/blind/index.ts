// The blind fault catalogue: written from the contract and the mock only, never from the suite.
import type { CatalogueFault } from "../types.js";
import { inputFaults } from "./input.js";

export const blindFaults: CatalogueFault[] = [...inputFaults];
