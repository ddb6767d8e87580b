// ACCESS-09, ACCESS-10 (D15): product refusals and ownership refusals come before input errors.
import { conformance } from "../../../harness/conformance.js";
import { expectError, expectStatus, field } from "../../../harness/expect.js";
import { otp, phone, smsSend, identity } from "../../../generators/telecom.js";
import { product } from "../../../generators/products.js";
import { minimalRequest, operationOfProduct } from "../../../generators/requests.js";

const invalidPhone = (): string => phone.success().slice(1);

conformance("ACCESS-09", "answers 403 / 2100 before 422 for an unknown document type without images", async ({ api }) => {
  const x = await api.request("POST", `/api/v2/document/${product.unknown()}/verify`, { form: { fields: {} } });

  expectError(x, 403, 2100);
});

conformance(
  "ACCESS-09",
  "answers 403 / 2300 before 422 / 3101 for a disabled product with an invalid phone",
  async ({ api, config, profile }) => {
    const op = operationOfProduct(profile.products.disabledForProductDisabledRole);

    const x = await api.call(op, { body: identity(config.today).with({ phone: invalidPhone() }), auth: "productDisabled" });

    expectError(x, 403, 2300);
  },
  { roles: ["productDisabled"], profile: ["products.disabledForProductDisabledRole"] },
);

conformance(
  "ACCESS-09",
  "answers 403 / 2200 before 422 / 3109 for an inactive product without images",
  async ({ api, profile }) => {
    const op = operationOfProduct(profile.products.inactiveForProductInactiveRole);

    const x = await api.call(op, { form: { fields: {} }, auth: "productInactive" });

    expectError(x, 403, 2200);
  },
  { roles: ["productInactive"], profile: ["products.inactiveForProductInactiveRole"] },
);

conformance(
  "ACCESS-10",
  "answers 403 / 3200 before 422 / 3102 for another account's transaction",
  async ({ api }) => {
    const sent = await api.call("sendSmsCode", minimalRequest("sendSmsCode"));
    expectStatus(sent, 200, "arrange: the primary account sends a code");

    const x = await api.call("confirmSmsCode", {
      body: { transaction_id: field(sent, "transaction_id"), code: otp.correct().slice(1) },
      auth: "secondary",
    });

    expectError(x, 403, 3200);
  },
  { roles: ["secondary"] },
);

conformance(
  "ACCESS-10",
  "answers 403 / 3300 before 422 / 3101 for another account's verification",
  async ({ api }) => {
    const created = await api.call("createVerification", minimalRequest("createVerification"));
    expectStatus(created, 200, "arrange: the primary account creates a verification");

    const x = await api.call("sendSmsCode", {
      body: smsSend.with({ phone: invalidPhone(), verification_id: field(created, "verification_id") }),
      auth: "secondary",
    });

    expectError(x, 403, 3300);
  },
  { roles: ["secondary"] },
);
