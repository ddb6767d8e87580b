// NOTFOUND-05 (D29): a transaction asked for under the other product family's status path names nothing there.
import { conformance } from "../../harness/conformance.js";
import { createAccepted } from "../../flows/accepted.js";
import { expectError, field } from "../../harness/expect.js";

const rows = [
  { req: "NOTFOUND-05", create: "verifyLicense", read: "getTelecomTransaction", what: "a document transaction under the telecom path" },
  { req: "NOTFOUND-05", create: "sendSmsCode", read: "getDocumentTransaction", what: "a telecom transaction under the document path" },
] as const;

conformance.for(rows)("answers $what with 404 / 4100", async (row, t) => {
  const created = await createAccepted(t, row.create);

  const x = await t.api.call(row.read, { params: { transaction_id: String(field(created, "transaction_id")) } });

  expectError(x, 404, 4100, "D29: status paths are per product family.");
});
