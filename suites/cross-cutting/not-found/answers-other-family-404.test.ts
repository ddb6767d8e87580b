// NOTFOUND-05 (D29): a transaction asked for under the other product family's status path names nothing there.
import { conformance } from "../../../harness/conformance.js";
import { expectError, expectStatus, field } from "../../../harness/expect.js";
import { minimalRequest } from "../../../generators/requests.js";

const rows = [
  { req: "NOTFOUND-05", create: "verifyLicense", read: "getTelecomTransaction", what: "a document transaction under the telecom path" },
  { req: "NOTFOUND-05", create: "sendSmsCode", read: "getDocumentTransaction", what: "a telecom transaction under the document path" },
] as const;

conformance.for(rows)("answers $what with 404 / 4100", async (row, { api }) => {
  const created = await api.call(row.create, minimalRequest(row.create));
  expectStatus(created, 200, "arrange: create a transaction of the other family");

  const x = await api.call(row.read, { params: { transaction_id: String(field(created, "transaction_id")) } });

  expectError(x, 404, 4100, "D29: status paths are per product family.");
});
