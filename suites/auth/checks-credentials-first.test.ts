// AUTH-10 (D15): without credentials the answer is 401 even where a 403, 404 or 422 is also due.
import { conformance } from "../../harness/conformance.js";
import type { CallOptions } from "../../harness/client.js";
import type { InputScope } from "../../generators/requests.js";
import { expectError } from "../../harness/expect.js";
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
