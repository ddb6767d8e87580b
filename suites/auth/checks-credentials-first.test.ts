// AUTH-10 (D15): without credentials the answer is 401 even where a 403, 404 or 422 is also due.
import { conformance } from "../../harness/conformance.js";
import type { CallOptions } from "../../harness/client.js";
import type { InputScope } from "../../generators/requests.js";
import { createAccepted } from "../../flows/accepted.js";
import { expectError, field } from "../../harness/expect.js";
import { ids } from "../../generators/ids.js";
import { minimalRequest } from "../../generators/requests.js";
import { phone, smsSend } from "../../generators/telecom.js";

const unknownProductPath = (): string => `/api/v2/document/${ids.malformed()}/verify`;

const rows = [
  {
    req: "AUTH-10",
    beats: "403 2100 (a document type that does not exist)",
    method: "POST",
    path: unknownProductPath,
    opts: (t: InputScope): CallOptions => minimalRequest(t, "verifyLicense"),
  },
  {
    req: "AUTH-10",
    beats: "404 4100 (an unknown transaction)",
    method: "GET",
    path: () => `/api/v2/telecom/${ids.unknown()}`,
    opts: (_t: InputScope): CallOptions => ({}),
  },
  {
    req: "AUTH-10",
    beats: "404 4100 (a transaction id that is not a UUID)",
    method: "GET",
    path: () => `/api/v2/telecom/${ids.malformed()}`,
    opts: (_t: InputScope): CallOptions => ({}),
  },
  {
    req: "AUTH-10",
    beats: "404 4100 (a route the API does not have)",
    method: "GET",
    path: () => "/api/v2/telecom/possession/sms/status",
    opts: (_t: InputScope): CallOptions => ({}),
  },
  {
    req: "AUTH-10",
    beats: "422 3101 (an invalid phone)",
    method: "POST",
    path: () => "/api/v2/telecom/possession/sms/send",
    opts: (_t: InputScope): CallOptions => ({ body: smsSend.with({ phone: phone.success().slice(1) }) }),
  },
] as const;

conformance.for(rows)(
  "answers 401 / 1100 before $beats",
  async (row, t) => {
    const x = await t.api.request(row.method, row.path(), { ...row.opts(t), auth: "none" });

    expectError(x, 401, 1100);
  },
  { premises: ["AUTH-01"] },
);

// Resources that exist (made by the primary account): without credentials nobody owns them yet.
const existing = [
  {
    req: "AUTH-10",
    beats: "403 3200 (someone's transaction)",
    op: "sendSmsCode",
    get: (id: string) => `/api/v2/telecom/${id}`,
    key: "transaction_id",
  },
  {
    req: "AUTH-10",
    beats: "403 3300 (someone's verification)",
    op: "createVerification",
    get: (id: string) => `/api/v2/verification/${id}`,
    key: "verification_id",
  },
] as const;

conformance.for(existing)(
  "answers 401 / 1100 before $beats of an existing resource",
  async (row, t) => {
    const made = await createAccepted(t, row.op);

    const x = await t.api.request("GET", row.get(String(field(made, row.key))), { auth: "none" });

    expectError(x, 401, 1100);
  },
  { premises: ["AUTH-01"] },
);
