// ACCESS-05…08: another account's transaction (3200) or verification (3300, D13). The primary creates, the secondary asks.
import { field } from "../../checks/answers.js";
import { createAccepted } from "../../flows/accepted.js";
import { minimalRequest, verificationTakingOperations } from "../../generators/requests.js";
import { otp } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

const statusReads = [
  { req: "ACCESS-05", create: "sendSmsCode", read: "getTelecomTransaction" },
  { req: "ACCESS-05", create: "verifyLicense", read: "getDocumentTransaction" },
] as const;

conformance.for(statusReads)(
  "answers $read of another account's transaction with 403 / 3200",
  async (row, t) => {
    const created = await createAccepted(t, row.create);

    const x = await t.api.call(row.read, { params: { transaction_id: String(field(created, "transaction_id")) }, auth: "secondary" });

    expectError(x, 403, 3200);
  },
  { roles: ["secondary"] },
);

conformance(
  "ACCESS-06",
  "answers confirmSmsCode on another account's transaction with 403 / 3200",
  async (t) => {
    const sent = await createAccepted(t, "sendSmsCode");

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
    const created = await createAccepted(t, "createVerification");

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
    const created = await createAccepted(t, "createVerification");

    const x = await t.api.call(row.op, {
      ...minimalRequest(t, row.op, { verification_id: String(field(created, "verification_id")) }),
      auth: "secondary",
    });

    expectError(x, 403, 3300, "D13: verification ownership is 3300.");
  },
  { roles: ["secondary"] },
);
