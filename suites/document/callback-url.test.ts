// Catches: callback_url not validated on multipart operations (D18), a 422 that stops at the
// first fault instead of listing all (D15).
import { callbackUrl } from "../../generators/callback.js";
import { documentForm, documentOperations } from "../../generators/documents.js";
import { sizes } from "../../generators/images.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

const invalid = [
  { name: "an ftp URL", url: callbackUrl.ftp },
  { name: "a relative URL", url: callbackUrl.relative },
  { name: "text that is not a URL", url: callbackUrl.notAUrl },
];

conformance.for(documentOperations.flatMap((op) => invalid.map((i) => ({ req: "DOCUMENT-14" as const, op, ...i }))))(
  "rejects $op with $name as callback_url with 422 / 3100",
  async ({ op, url }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).valid(undefined, { callback_url: url() }) });

    expectError(x, 422, 3100, "D18: callback_url is an absolute http or https URL.");
  },
);

conformance.for(documentOperations.map((op) => ({ req: "DOCUMENT-15" as const, op })))(
  "answers $op with a too-small front and a bad callback_url with one 422 listing 3109 and 3100",
  async ({ op }, t) => {
    const form = documentForm(t.profile.imageBounds, op).frontOfSize(sizes(t.profile.imageBounds).tooSmall(), {
      callback_url: callbackUrl.notAUrl(),
    });

    const x = await t.api.call(op, { form });

    expectError(x, 422, [3109, 3100], "D15: a 422 lists every input error it found.");
  },
  { premises: ["DOCUMENT-05", "DOCUMENT-14"] },
);
