/** The checks' public face: the registry (standard checks with their requirements) and the types. */
export { assertionChecks, isRegisteredCheck, requirementOfCheck, standardChecks, standardFindings } from "./registry.js";
export type { Check, CheckContext, CheckDef, Failure } from "./types.js";
