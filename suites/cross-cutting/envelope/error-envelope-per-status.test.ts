// SCHEMA-01…06, SCHEMA-08: one error answer of each HTTP status, held explicitly to the envelope checks
// (they also run on every exchange; here each status is provoked on purpose so none goes unseen).
// 429 is provoked by the rate-limit suite (it needs the rateLimited role and a window).
import { conformance } from "../../../harness/conformance.js";
import type { ApiClient } from "../../../harness/client.js";
import type { Exchange } from "../../../harness/exchange.js";
import { expectStatus, expectThat } from "../../../harness/expect.js";
import type { Check } from "../../../checks/index.js";
import { error_code_documented } from "../../../checks/error-code-documented.js";
import { error_envelope } from "../../../checks/error-envelope.js";
import { error_message_matches } from "../../../checks/error-message-matches.js";
import { json_content_type } from "../../../checks/json-content-type.js";
import { no_html_or_stacktrace } from "../../../checks/no-html-or-stacktrace.js";
import { ids } from "../../../generators/ids.js";
import { product } from "../../../generators/products.js";
import { phone, smsSend } from "../../../generators/telecom.js";

const provoked = [
  { status: 401, what: "missing credentials", send: (api: ApiClient) => api.call("createVerification", { body: {}, auth: "none" }) },
  {
    status: 403,
    what: "an unknown product",
    send: (api: ApiClient) => api.request("GET", `/api/v2/${product.unknown()}/${ids.unknown()}`),
  },
  {
    status: 404,
    what: "an unknown transaction",
    send: (api: ApiClient) => api.call("getTelecomTransaction", { params: { transaction_id: ids.unknown() } }),
  },
  {
    status: 422,
    what: "an invalid phone",
    send: (api: ApiClient) => api.call("sendSmsCode", { body: smsSend.with({ phone: phone.success().slice(1) }) }),
  },
] as const;

const judged = [
  { req: "SCHEMA-01", name: "a top-level errors list", check: error_envelope },
  { req: "SCHEMA-02", name: "integer codes", check: error_envelope },
  { req: "SCHEMA-03", name: "non-empty messages", check: error_envelope },
  { req: "SCHEMA-05", name: "documented codes", check: error_code_documented },
  { req: "SCHEMA-06", name: "a JSON content type", check: json_content_type },
  { req: "SCHEMA-08", name: "no HTML page or stack trace", check: no_html_or_stacktrace },
] as const satisfies readonly { req: string; name: string; check: Check }[];

const rows = judged.flatMap((j) => provoked.map((p) => ({ ...j, ...p })));

const judge = (x: Exchange, check: Check): void => {
  const f = check(x);
  expectThat(x, f === undefined, f ?? { check: "none", title: "", expected: "", received: "" });
};

conformance.for(rows)("answers HTTP $status for $what with $name", async (row, { api }) => {
  const x = await row.send(api);
  expectStatus(x, row.status, "arrange: provoke the error status");

  judge(x, row.check);
});

const strictRows = provoked.map((p) => ({ ...p, req: "SCHEMA-04" as const }));

conformance.for(strictRows)(
  "answers HTTP $status for $what with the catalogue's exact message",
  async (row, { api }) => {
    const x = await row.send(api);
    expectStatus(x, row.status, "arrange: provoke the error status");

    judge(x, error_message_matches);
  },
  { strict: ["exactMessages"] },
);
