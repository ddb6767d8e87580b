// Access faults: ownership (3200 / 3300), products (2100 / 2200 / 2300) and unknown ids (404 / 4100).
import { randomUUID } from "node:crypto";
import type { CatalogueFault } from "../types.js";
import { JSON_CT, codesOf, remapCode, rewrite } from "../transform.js";

const LOOKUPS: Record<string, string> = {
  getTelecomTransaction: "telecom.identity",
  getDocumentTransaction: "document.license.verify",
};

/** A plausible pending transaction for an id the target does not know. */
function invented(id: string, product: string) {
  const now = new Date().toISOString();
  return {
    transaction_id: id,
    verification_id: randomUUID(),
    product,
    status: { code: 100, message: "Transaction pending", created: now, updated: now },
    results: { verified: false },
  };
}

export const accessFaults: CatalogueFault[] = [
  {
    id: "transaction-ownership-leak",
    title: "transactions of other accounts readable",
    description: "Any account reads and confirms any account's transactions (no 403 / 3200).",
    breaks: ["ACCESS-05", "ACCESS-06"],
    apply: (b) => {
      b.ownership.transactions = false;
    },
  },
  {
    id: "verification-ownership-leak",
    title: "verifications of other accounts readable",
    description: "Any account reads and joins any account's verifications (no 403 / 3300).",
    breaks: ["ACCESS-07", "ACCESS-08"],
    apply: (b) => {
      b.ownership.verifications = false;
    },
  },
  {
    id: "verification-ownership-3200",
    title: "verification ownership answered 3200",
    description: "Another account's verification answers 403 / 3200 (the verification page's example) instead of 3300 (D13).",
    breaks: ["ACCESS-07", "ACCESS-08", "SCHEMA-05"],
    apply: (b) => remapCode(b, 3300, { code: 3200 }),
  },
  {
    id: "product-disabled-served",
    title: "disabled product served",
    description: "The account without telecom.identity is served it (no 403 / 2300).",
    breaks: ["ACCESS-04"],
    apply: (b) => {
      b.fixtures.accounts.productDisabled.disabledProducts = [];
    },
  },
  {
    id: "product-inactive-2300",
    title: "inactive product answered 2300",
    description: "A product that is not active for the organization answers 403 / 2300 instead of 403 / 2200.",
    breaks: ["ACCESS-03"],
    apply: (b) => remapCode(b, 2200, { code: 2300 }),
  },
  {
    id: "unknown-product-404",
    title: "unknown product answered 404",
    description: "An unknown product in a path answers 404 / 4100 instead of 403 / 2100 (D32).",
    breaks: ["ACCESS-01", "ACCESS-02"],
    apply: (b) => remapCode(b, 2100, { status: 404, code: 4100 }),
  },
  {
    id: "unknown-id-200",
    title: "unknown transaction ids answered 200",
    description: "A status lookup of a transaction id that names nothing answers 200 with a pending transaction instead of 404 / 4100.",
    breaks: ["NOTFOUND-01", "NOTFOUND-03", "NOTFOUND-05", "SCHEMA-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId !== null && c.operationId in LOOKUPS && codesOf(r).includes(4100),
        (_r, c) => ({
          status: 200,
          headers: { "content-type": JSON_CT },
          body: invented(String((c.request?.params as { transaction_id?: string })?.transaction_id), LOOKUPS[c.operationId!]),
        }),
      ),
  },
];
