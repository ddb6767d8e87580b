// 3100 for a callback_url that is not an absolute http(s) URL (D18), on every JSON operation that takes one;
// an absolute http or https URL accepted on every operation that takes one (documents: a form field).
// Catches a target that stores any string as a callback, accepts ftp / relative / padded URLs or a bare
// scheme, or refuses the plain http URL of the webhooks page's own example.
import type { OperationId } from "../../generated/operations.js";
import { callbackUrl } from "../../generators/callback.js";
import { identity, smsSend } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError, expectStatus } from "../../harness/expect.js";
import { acceptedBy, type CreatingOperation } from "../../flows/accepted.js";
import type { Ctx } from "../../harness/conformance.js";
import { documentForm, documentOperations } from "../../generators/documents.js";
import { frontName } from "../../generators/images.js";

const bad: ReadonlyArray<{ name: string; url: () => string }> = [
  { name: "an ftp URL", url: callbackUrl.ftp },
  { name: "a relative URL", url: callbackUrl.relative },
  { name: "a non-URL", url: callbackUrl.notAUrl },
  { name: "a URL inside spaces", url: callbackUrl.padded },
  { name: "a scheme without a host", url: callbackUrl.schemeOnly },
  { name: "a host with a space", url: callbackUrl.spaceInHost },
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

const good: ReadonlyArray<{ name: string; url: () => string }> = [
  { name: "an http", url: callbackUrl.plainHttp },
  { name: "an https", url: callbackUrl.valid },
];
const accepting = [
  ...bodies.flatMap((b) =>
    good.map((u) => ({
      req: "INPUT-CALLBACK-02" as const,
      op: b.op,
      name: u.name,
      send: (t: Ctx) => t.api.call(b.op, { body: b.body(u.url(), t.today) }),
    })),
  ),
  ...documentOperations.flatMap((op) =>
    good.map((u) => ({
      req: "INPUT-CALLBACK-02" as const,
      op,
      name: u.name,
      send: (t: Ctx) =>
        t.api.call(op, { form: documentForm(t.profile.imageBounds, op).valid(frontName.success(), { callback_url: u.url() }) }),
    })),
  ),
];

conformance.for(accepting)("accepts $name callback_url on $op", async (row, t) => {
  const x = await row.send(t);

  // Refused for something else than its callback_url (no 3100): the request itself was not accepted.
  if (x.status !== 200 && !x.errorCodes().includes(3100))
    await t.arrange(acceptedBy[row.op as CreatingOperation], () =>
      expectStatus(x, 200, "arrange: the request without its callback_url is accepted"),
    );
  expectStatus(x, 200, "D18: any absolute http or https URL is a callback_url (the webhooks page's example is plain http).");
});
