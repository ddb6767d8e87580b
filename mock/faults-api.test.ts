// The fault hooks work: three example faults, each a few lines, each visibly changes the mock.
import { afterEach, describe, expect, it } from "vitest";
import type { Fault } from "./faults-api.js";
import { addTransform, isEnvelope } from "./faults-api.js";
import { faultsById } from "../faults/catalogue.js";
import type { RunningMock } from "./server.js";
import { call, codes, withMock } from "./tests/helpers.js";

const errorsAsObject: Fault = {
  id: "errors-as-object",
  title: "Errors as an object",
  description: "The error envelope holds one object instead of a list.",
  apply: (b) => addTransform(b, (reply) => (isEnvelope(reply.body) ? { ...reply, body: { errors: reply.body.errors[0] } } : reply)),
};

const anyOtpAccepted: Fault = {
  id: "any-otp-accepted",
  title: "Any OTP accepted",
  description: "The SMS confirm accepts every six-digit code.",
  apply: (b) => void (b.otp.accepts = () => true),
};

const ownershipLeak: Fault = {
  id: "transaction-ownership-leak",
  title: "Transactions of other accounts are visible",
  description: "No 403 3200: any account reads any transaction.",
  apply: (b) => void (b.ownership.transactions = false),
};

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe("fault hooks", () => {
  it("a response transform rewrites every answer (errors as an object)", async () => {
    mock = await withMock({ faults: [errorsAsObject] });
    const a = await call(mock, "GET", "/api/v2/telecom/not-a-uuid", { validate: false });
    expect(a.body).toEqual({ errors: { code: 4100, message: "Resource not found" } });
    // the tests' spec check (tests/helpers.ts) catches such an answer: it can fail
    await expect(call(mock, "GET", "/api/v2/telecom/not-a-uuid")).rejects.toThrow();
  });

  it("a rule function replaced (any OTP accepted)", async () => {
    mock = await withMock({ faults: [anyOtpAccepted] });
    const sent = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", { json: { phone: "8885551234" } });
    const ok = await call(mock, "POST", "/api/v2/telecom/possession/sms/confirm", {
      json: { transaction_id: sent.body.transaction_id, code: "999999" },
    });
    expect(ok.body.status.code).toBe(200);
  });

  it("a switch turned off (ownership leak); the normal mock answers 3200", async () => {
    const normal = await withMock();
    mock = await withMock({ faults: [ownershipLeak] });
    try {
      for (const [m, expected] of [
        [normal, 403],
        [mock, 200],
      ] as const) {
        const tx = await call(m, "POST", "/api/v2/telecom/identity", { json: { phone: "8885551234", birth_date: "1980-01-01" } });
        const other = await call(m, "GET", `/api/v2/telecom/${tx.body.transaction_id}`, { role: "secondary" });
        expect(other.status).toBe(expected);
      }
    } finally {
      await normal.close();
    }
  });

  it("faults compose in order and also rewrite webhook payloads", async () => {
    const seen: string[] = [];
    const tag = (id: string): Fault => ({
      id,
      title: id,
      description: id,
      apply: (b) => addTransform(b, (r, ctx) => (seen.push(`${id}:${ctx.kind}`), r)),
    });
    mock = await withMock({ faults: [tag("a"), tag("b")] });
    const a = await call(mock, "GET", "/api/v2/verification/nope");
    expect([codes(a), seen]).toEqual([[4100], ["a:response", "b:response"]]);
  });

  it("an unknown fault id is refused with the reason", async () => {
    expect(() => faultsById(["no-such-fault"])).toThrow(/no-such-fault/);
  });
});
