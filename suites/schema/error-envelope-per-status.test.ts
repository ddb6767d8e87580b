// SCHEMA-01…06, SCHEMA-08: one error answer of each HTTP status, held explicitly to the envelope checks
// (they also run on every exchange; here each status is provoked on purpose so none goes unseen).
// Provoking a status is an arrange step of the requirement that says the target answers it: a target that
// does not answer it blocks these tests (it is judged there). 429 is provoked by the rate-limit suite.
// Each status is provoked once for the file: every requirement's test judges that one answer.
import { error_code_documented } from "../../checks/error-code-documented.js";
import { error_code_integer, error_envelope, error_message_text } from "../../checks/error-envelope.js";
import { error_message_matches } from "../../checks/error-message-matches.js";
import { json_content_type } from "../../checks/json-content-type.js";
import { no_html_or_stacktrace } from "../../checks/no-html-or-stacktrace.js";
import type { Check } from "../../checks/types.js";
import type { ReqId } from "../../generated/requirements.js";
import { ids } from "../../generators/ids.js";
import { product } from "../../generators/products.js";
import { phone, smsSend } from "../../generators/telecom.js";
import type { Ctx, SharedCtx } from "../../harness/conformance.js";
import { conformance } from "../../harness/conformance.js";
import { expectStatus, must } from "../../harness/expect.js";

const provoked: ReadonlyArray<{ status: number; what: string; by: ReqId; send: (t: SharedCtx) => ReturnType<Ctx["api"]["call"]> }> = [
  { status: 401, what: "missing credentials", by: "AUTH-01", send: (t) => t.api.call("createVerification", { body: {}, auth: "none" }) },
  {
    status: 403,
    what: "an unknown product",
    by: "ACCESS-02",
    send: (t) => t.api.request("GET", `/api/v2/${product.unknown()}/${ids.unknown()}`),
  },
  {
    status: 404,
    what: "an unknown transaction",
    by: "NOTFOUND-01",
    send: (t) => t.api.call("getTelecomTransaction", { params: { transaction_id: ids.unknown() } }),
  },
  {
    status: 422,
    what: "an invalid phone",
    by: "INPUT-PHONE-02",
    send: (t) => t.api.call("sendSmsCode", { body: smsSend.with({ phone: phone.success().slice(1) }) }),
  },
];

const judged = [
  { req: "SCHEMA-01", name: "a top-level errors list", check: error_envelope },
  { req: "SCHEMA-02", name: "integer codes", check: error_code_integer },
  { req: "SCHEMA-03", name: "non-empty messages", check: error_message_text },
  { req: "SCHEMA-05", name: "documented codes", check: error_code_documented },
  { req: "SCHEMA-06", name: "a JSON content type", check: json_content_type },
  { req: "SCHEMA-08", name: "no HTML page or stack trace", check: no_html_or_stacktrace },
] as const satisfies readonly { req: ReqId; name: string; check: Check }[];

const rows = judged.flatMap((j) => provoked.map((p) => ({ ...j, ...p })));

conformance.for(rows)("answers HTTP $status for $what with $name", async (row, t) => {
  const x = await t.shared(`HTTP ${row.status}`, row.send);
  await t.arrange(row.by, () => expectStatus(x, row.status, "arrange: provoke the error status"));

  must(x, (answer) => row.check(answer, { exactMessages: t.profile.strict.exactMessages }));
});

const strictRows = provoked.map((p) => ({ ...p, req: "SCHEMA-04" as const }));

conformance.for(strictRows)(
  "answers HTTP $status for $what with the catalogue's exact message",
  async (row, t) => {
    const x = await t.shared(`HTTP ${row.status}`, row.send);
    await t.arrange(row.by, () => expectStatus(x, row.status, "arrange: provoke the error status"));

    must(x, (answer) => error_message_matches(answer, { exactMessages: true }));
  },
  { strict: ["exactMessages"] },
);
