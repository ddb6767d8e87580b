// D10: a successful identity match returns the carrier's current address in results.address.
// Catches a target that answers verified without the address, or with other field names.
import { identity } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { config } from "../../harness/config.js";
import { expectField, expectTransaction } from "../../harness/expect.js";

const text = (v: unknown): boolean => typeof v === "string" && v.length > 0;

conformance("TELECOM-IDENTITY-01", "returns results.address with street, city, state and zip on a match", async ({ api }) => {
  const x = await api.call("verifyTelecomIdentity", { body: identity(config.today).valid() });

  expectTransaction(x, 200);
  expectField(x, "results.address.street", text, "a non-empty string (D10)");
  expectField(x, "results.address.city", text, "a non-empty string (D10)");
  expectField(x, "results.address.state", text, "a non-empty string (D10)");
  expectField(x, "results.address.zip", text, "a non-empty string (D10)");
});
