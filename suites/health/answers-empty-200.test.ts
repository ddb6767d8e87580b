import { conformance } from "../../harness/conformance.js";
import { emptyBody, statusIs } from "../../checks/answers.js";
import { expectStatus, must } from "../../harness/expect.js";

conformance("HEALTH-01", "answers GET /health with 200 and an empty body", async (t) => {
  const x = await t.api.call("getHealth");

  must(x, statusIs(200), emptyBody("DOC: 200 OK with no response body"));
});

conformance("HEALTH-02", "answers GET /health without credentials with 200", async (t) => {
  const x = await t.api.call("getHealth", { auth: "none" });

  expectStatus(x, 200, "D2 (SHOULD): the health check's published curl sends no credentials; a target that requires them is warned.");
});
