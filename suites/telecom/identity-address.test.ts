// D10: a successful identity match returns the carrier's current address in results.address.
// Catches a target that answers verified without the address, or with other field names.
import { identity } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { fieldIs } from "../../checks/answers.js";
import { expectTransaction, must } from "../../harness/expect.js";

const text = (v: unknown): boolean => typeof v === "string" && v.length > 0;

conformance("TELECOM-IDENTITY-01", "returns results.address with street, city, state and zip on a match", async (t) => {
  const x = await t.api.call("verifyTelecomIdentity", { body: identity(t.today).valid() });

  expectTransaction(x, 200);
  must(x, ...["street", "city", "state", "zip"].map((f) => fieldIs(`results.address.${f}`, text, "a non-empty string (D10)")));
});
