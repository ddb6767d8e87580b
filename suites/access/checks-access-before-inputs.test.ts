// ACCESS-09, ACCESS-10 (D15): product refusals and ownership refusals come before input errors.
import { createAccepted } from "../../flows/accepted.js";
import { conformance } from "../../harness/conformance.js";
import { expectError, field } from "../../harness/expect.js";
import { otp, phone, smsSend, identity } from "../../generators/telecom.js";
import { product } from "../../generators/products.js";
import { operationOfProduct } from "../../generators/requests.js";

const invalidPhone = (): string => phone.success().slice(1);

conformance(
  "ACCESS-09",
  "answers 403 / 2100 before 422 for an unknown document type without images",
  async (t) => {
    const x = await t.api.request("POST", `/api/v2/document/${product.unknown()}/verify`, { form: { fields: {} } });

    expectError(x, 403, 2100);
  },
  { premises: ["ACCESS-01"] },
);

conformance(
  "ACCESS-09",
  "answers 403 / 2300 before 422 / 3101 for a disabled product with an invalid phone",
  async (t) => {
    const op = operationOfProduct(t.profile.products.disabledForProductDisabledRole);

    const x = await t.api.call(op, { body: identity(t.today).with({ phone: invalidPhone() }), auth: "productDisabled" });

    expectError(x, 403, 2300);
  },
  { roles: ["productDisabled"], profile: ["products.disabledForProductDisabledRole"], premises: ["ACCESS-04"] },
);

conformance(
  "ACCESS-09",
  "answers 403 / 2200 before 422 / 3109 for an inactive product without images",
  async (t) => {
    const op = operationOfProduct(t.profile.products.inactiveForProductInactiveRole);

    const x = await t.api.call(op, { form: { fields: {} }, auth: "productInactive" });

    expectError(x, 403, 2200);
  },
  { roles: ["productInactive"], profile: ["products.inactiveForProductInactiveRole"], premises: ["ACCESS-03"] },
);

conformance(
  "ACCESS-10",
  "answers 403 / 3200 before 422 / 3102 for another account's transaction",
  async (t) => {
    const sent = await createAccepted(t, "sendSmsCode");

    const x = await t.api.call("confirmSmsCode", {
      body: { transaction_id: field(sent, "transaction_id"), code: otp.correct().slice(1) },
      auth: "secondary",
    });

    expectError(x, 403, 3200);
  },
  { roles: ["secondary"], premises: ["ACCESS-06"] },
);

conformance(
  "ACCESS-10",
  "answers 403 / 3300 before 422 / 3101 for another account's verification",
  async (t) => {
    const created = await createAccepted(t, "createVerification");

    const x = await t.api.call("sendSmsCode", {
      body: smsSend.with({ phone: invalidPhone(), verification_id: field(created, "verification_id") }),
      auth: "secondary",
    });

    expectError(x, 403, 3300);
  },
  { roles: ["secondary"], premises: ["ACCESS-08"] },
);
