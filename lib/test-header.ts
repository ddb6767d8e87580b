/**
 * The request header that names the suite's test (URI-encoded `file#title`): sent only in fault
 * detection's first run, where the embedded mock follows the faults' shadows (mock/shadows.ts).
 */
export const TEST_HEADER = "x-conformance-test";
