// AUTH-09 (D1): whitespace around the Base64 text (Ruby's encoder adds a newline) does not make a valid secret unknown.
import { conformance } from "../../../harness/conformance.js";
import { tokenOf } from "../../../harness/client.js";
import { expectStatus } from "../../../harness/expect.js";
import { authHeader } from "../../../generators/credentials.js";
import { minimalRequest } from "../../../generators/requests.js";

const rows = [
  { req: "AUTH-09", name: "extra spaces around the token", header: () => authHeader.spacedToken(tokenOf("primary")) },
  { req: "AUTH-09", name: "tabs around the token", header: () => authHeader.tabbedToken(tokenOf("primary")) },
] as const;

conformance.for(rows)("accepts a valid token with $name", async (row, { api }) => {
  const x = await api.call("createVerification", { ...minimalRequest("createVerification"), auth: { header: row.header() } });

  expectStatus(x, 200, "D1: surrounding whitespace in the Base64 text is tolerated; only the secret decides.");
});
