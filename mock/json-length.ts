// The mock's measure of metadata (D5) is the contract's own: lib/json-length.ts, shared with the validators.
export { jsonTextLength } from "../lib/json-length.js";
