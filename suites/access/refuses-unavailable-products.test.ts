// ACCESS-03, ACCESS-04: a product inactive for the organization (2200) or not enabled for the account (2300).
// The product comes from the profile; the operation is the one the spec says runs it.
import { ids } from "../../generators/ids.js";
import type { CallOptions } from "../../harness/client.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { minimalRequest, operationOfProduct } from "../../generators/requests.js";

conformance(
  "ACCESS-03",
  "answers the organization's inactive product with 403 / 2200",
  async (t) => {
    const op = operationOfProduct(t.profile.products.inactiveForProductInactiveRole);

    const x = await t.api.call(op, { ...minimalRequest(t, op), auth: "productInactive" });

    expectError(x, 403, 2200, `${op} runs ${t.profile.products.inactiveForProductInactiveRole}, inactive for this organization`);
  },
  { roles: ["productInactive"], profile: ["products.inactiveForProductInactiveRole"] },
);

conformance(
  "ACCESS-04",
  "answers a product not enabled for the account with 403 / 2300",
  async (t) => {
    const op = operationOfProduct(t.profile.products.disabledForProductDisabledRole);

    const x = await t.api.call(op, { ...minimalRequest(t, op), auth: "productDisabled" });

    expectError(x, 403, 2300, `${op} runs ${t.profile.products.disabledForProductDisabledRole}, not enabled for this account`);
  },
  { roles: ["productDisabled"], profile: ["products.disabledForProductDisabledRole"] },
);

conformance(
  "ACCESS-04",
  "answers 403 / 2300 for a disabled product before 404 for an unknown verification_id",
  async (t) => {
    const op = operationOfProduct(t.profile.products.disabledForProductDisabledRole);
    const request = withVerificationId(minimalRequest(t, op), ids.unknown());

    const x = await t.api.call(op, { ...request, auth: "productDisabled" });

    expectError(x, 403, 2300, "D15: the product is checked before the ids the request names (404 4100).");
  },
  { roles: ["productDisabled"], profile: ["products.disabledForProductDisabledRole"] },
);

/** The request with a verification_id added: a JSON body field, or a form field of an upload. */
function withVerificationId(request: CallOptions, verificationId: string): CallOptions {
  if (request.form) return { ...request, form: { ...request.form, fields: { ...request.form.fields, verification_id: verificationId } } };
  return { ...request, body: { ...(request.body as object), verification_id: verificationId } };
}
