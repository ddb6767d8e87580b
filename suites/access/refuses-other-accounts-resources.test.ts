// ACCESS-05…08: another account's transaction (3200) or verification (3300, D13). The primary creates, the secondary asks.
// What the primary creates is arranged once for the file: the secondary's requests are each test's own
// (a refused one changes nothing; one let through is that test's failure).
import { field } from "../../checks/answers.js";
import { createAccepted } from "../../flows/accepted.js";
import { minimalRequest, verificationTakingOperations } from "../../generators/requests.js";
import { otp } from "../../generators/telecom.js";
import { type Ctx, conformance, type SharedCtx } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

const statusReads = [
  { req: "ACCESS-05", create: "sendSmsCode", read: "getTelecomTransaction" },
  { req: "ACCESS-05", create: "verifyLicense", read: "getDocumentTransaction" },
] as const;

/** The primary's transaction or verification of each creating operation, shared by the file's tests. */
const created = {
  sendSmsCode: (t: SharedCtx) => createAccepted(t, "sendSmsCode"),
  verifyLicense: (t: SharedCtx) => createAccepted(t, "verifyLicense"),
  createVerification: (t: SharedCtx) => createAccepted(t, "createVerification"),
};
const ofPrimary = (t: Ctx, op: keyof typeof created) => t.shared(`the primary's ${op}`, created[op]);

conformance.for(statusReads)(
  "answers $read of another account's transaction with 403 / 3200",
  async (row, t) => {
    const created = await ofPrimary(t, row.create);

    const x = await t.api.call(row.read, { params: { transaction_id: String(field(created, "transaction_id")) }, auth: "secondary" });

    expectError(x, 403, 3200);
  },
  { roles: ["secondary"] },
);

conformance(
  "ACCESS-06",
  "answers confirmSmsCode on another account's transaction with 403 / 3200",
  async (t) => {
    const sent = await ofPrimary(t, "sendSmsCode");

    const x = await t.api.call("confirmSmsCode", {
      body: { transaction_id: field(sent, "transaction_id"), code: otp.correct() },
      auth: "secondary",
    });

    expectError(x, 403, 3200);
  },
  { roles: ["secondary"] },
);

conformance(
  "ACCESS-07",
  "answers getVerification of another account's verification with 403 / 3300",
  async (t) => {
    const created = await ofPrimary(t, "createVerification");

    const x = await t.api.call("getVerification", {
      params: { verification_id: String(field(created, "verification_id")) },
      auth: "secondary",
    });

    expectError(x, 403, 3300, "D13: verification ownership is 3300 (the verification page's 3200 is the slip).");
  },
  { roles: ["secondary"] },
);

const posts = verificationTakingOperations.map((op) => ({ req: "ACCESS-08" as const, op }));

conformance.for(posts)(
  "answers $op with another account's verification_id with 403 / 3300",
  async (row, t) => {
    const created = await ofPrimary(t, "createVerification");

    const x = await t.api.call(row.op, {
      ...minimalRequest(t, row.op, { verification_id: String(field(created, "verification_id")) }),
      auth: "secondary",
    });

    expectError(x, 403, 3300, "D13: verification ownership is 3300.");
  },
  { roles: ["secondary"] },
);
