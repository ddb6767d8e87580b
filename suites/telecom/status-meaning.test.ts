// What status.code means in a telecom transaction: 200 = verified and no errors (D7); 300 = a non-empty
// results.errors of telecom codes with messages; additional_info a string when present.
// Catches "status 200 with errors", "300 without errors", codes of the wrong family, a non-string additional_info.
import { identity, otp, phone, smsSend } from "../../generators/telecom";
import { transactionError } from "../../lib/spec";
import { conformance } from "../../harness/conformance";
import { config } from "../../harness/config";
import { expectField, expectThat, expectTransaction, field } from "../../harness/expect";
import { sendPending } from "./flows";

interface ErrorObject { code?: unknown; message?: unknown; additional_info?: unknown }
const errorsOf = (v: unknown): ErrorObject[] => (Array.isArray(v) ? (v as ErrorObject[]) : []);
const noErrors = (v: unknown): boolean => v === undefined || (Array.isArray(v) && v.length === 0);
const telecomFamily = (e: ErrorObject): boolean => typeof e.code === "number" && transactionError(e.code)?.family === "telecom";
const hasMessage = (e: ErrorObject): boolean => typeof e.message === "string" && e.message.length > 0;

conformance("TELECOM-STATUS-01", "answers a confirmed SMS code with status 200, verified true and no errors", async ({ api }) => {
  const { transactionId } = await sendPending(api);

  const x = await api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectTransaction(x, 200);
  expectField(x, "results.verified", (v) => v === true, "true (D7)");
  expectField(x, "results.errors", noErrors, "absent or empty (D7)");
});

conformance("TELECOM-STATUS-01", "answers a matched identity with status 200, verified true and no errors", async ({ api }) => {
  const x = await api.call("verifyTelecomIdentity", { body: identity(config.today).valid() });

  expectTransaction(x, 200);
  expectField(x, "results.verified", (v) => v === true, "true (D7)");
  expectField(x, "results.errors", noErrors, "absent or empty (D7)");
});

const failures = [
  { req: "TELECOM-STATUS-02" as const, op: "sendSmsCode" as const, body: smsSend.valid({ phone: phone.failingWith(1008) }) },
  { req: "TELECOM-STATUS-02" as const, op: "verifyTelecomIdentity" as const, body: identity(config.today).valid({ phone: phone.failingWith(1014) }) },
];

conformance.for(failures)("answers a failed $op with status 300 and telecom errors", async (row, { api }) => {
  const x = await api.call(row.op, { body: row.body });
  const errors = errorsOf(field(x, "results.errors"));

  expectTransaction(x, 300);
  expectThat(x, errors.length > 0, {
    check: "failure_has_errors", title: "status 300 carries results.errors", expected: "a non-empty list", received: JSON.stringify(field(x, "results.errors")),
  });
  expectThat(x, errors.every(telecomFamily), {
    check: "telecom_family", title: "every results.errors code is a telecom code", expected: "codes among 1001–1014", received: JSON.stringify(x.transactionCodes()),
  });
  expectThat(x, errors.every(hasMessage), {
    check: "error_message", title: "every results.errors entry has a message", expected: "non-empty strings (D14)", received: JSON.stringify(errors),
  });
});

conformance("TELECOM-STATUS-03", "answers additional_info, when present, as a string (1014 on identity)", async ({ api }) => {
  const x = await api.call("verifyTelecomIdentity", { body: identity(config.today).valid({ phone: phone.failingWith(1014) }) });
  const errors = errorsOf(field(x, "results.errors"));

  expectTransaction(x, 300, [1014]);
  expectThat(x, errors.every((e) => e.additional_info === undefined || typeof e.additional_info === "string"), {
    check: "additional_info_string", title: "additional_info is a string when present", expected: "a string or absent", received: JSON.stringify(errors),
  });
});
