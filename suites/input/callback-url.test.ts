// 3100 for a callback_url that is not an absolute http(s) URL (D18), on every JSON operation that takes one.
// Catches a target that stores any string as a callback, or accepts ftp / relative URLs.
import type { OperationId } from "../../generated/operations.js";
import { callbackUrl } from "../../generators/callback.js";
import { identity, smsSend } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

const bad: ReadonlyArray<{ name: string; url: () => string }> = [
  { name: "an ftp URL", url: callbackUrl.ftp },
  { name: "a relative URL", url: callbackUrl.relative },
  { name: "a non-URL", url: callbackUrl.notAUrl },
];
const bodies: ReadonlyArray<{ op: OperationId; body: (url: string, today: string) => unknown }> = [
  { op: "createVerification", body: (url) => ({ callback_url: url }) },
  { op: "sendSmsCode", body: (url) => smsSend.with({ callback_url: url }) },
  { op: "verifyTelecomIdentity", body: (url, today) => identity(today).with({ callback_url: url }) },
];
const rows = bodies.flatMap((b) =>
  bad.map((u) => ({ req: "INPUT-CALLBACK-01" as const, op: b.op, name: u.name, body: (today: string) => b.body(u.url(), today) })),
);

conformance.for(rows)("answers $name callback_url on $op with 422 / 3100", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today) });

  expectError(x, 422, 3100, "D18: callback_url is an absolute http or https URL.");
});
