import { conformance } from "../../../harness/conformance.js";
import { expectStatus, expectThat } from "../../../harness/expect.js";

conformance("HEALTH-01", "answers GET /health with 200 and an empty body", async ({ api }) => {
  const x = await api.call("getHealth");

  expectStatus(x, 200);
  expectThat(x, x.response.bytes === 0, {
    check: "empty_body",
    title: "GET /health has an empty body",
    expected: "no body (DOC: 200 OK with no response body)",
    received: `${x.response.bytes} bytes: ${x.response.text.slice(0, 120)}`,
  });
});

conformance("HEALTH-02", "answers GET /health without credentials with 200", async ({ api }) => {
  const x = await api.call("getHealth", { auth: "none" });

  expectStatus(x, 200, "D2: the health check needs no credentials.");
});
