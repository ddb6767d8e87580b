// ACCESS-03, ACCESS-04: a product inactive for the organization (2200) or not enabled for the account (2300).
// The product comes from the profile; the operation is the one the spec says runs it.
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
