// NOTFOUND-01…03 (D31): ids that name nothing, or are not UUIDs, answer 404 / 4100 on every GET by id.
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { ids } from "../../generators/ids.js";

const unknown = [
  { req: "NOTFOUND-01", op: "getTelecomTransaction", param: "transaction_id" },
  { req: "NOTFOUND-01", op: "getDocumentTransaction", param: "transaction_id" },
  { req: "NOTFOUND-02", op: "getVerification", param: "verification_id" },
] as const;

conformance.for(unknown)("answers $op for a UUID that names nothing with 404 / 4100", async (row, t) => {
  const x = await t.api.call(row.op, { params: { [row.param]: ids.unknown() } });

  expectError(x, 404, 4100);
});

const malformed = unknown.map((row) => ({ ...row, req: "NOTFOUND-03" as const }));

conformance.for(malformed)("answers $op for an id that is not a UUID with 404 / 4100", async (row, t) => {
  const x = await t.api.call(row.op, { params: { [row.param]: ids.malformed() } });

  expectError(x, 404, 4100, "D31: a path id that is not a UUID names nothing.");
});
