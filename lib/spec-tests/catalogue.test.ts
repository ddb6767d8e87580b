import { describe, expect, it } from "vitest";
import { catalogue, documentedHttpCodes, httpError, loadSpec, operationById, operations, transactionError } from "../spec.js";
import { referenceHttpErrors, referenceTransactionErrors } from "./docs-tables.js";

const ref = referenceHttpErrors();
const refTx = referenceTransactionErrors();

describe("x-error-catalogue", () => {
  it("holds the reference's 23 HTTP-level and 19 transaction codes, no more", () => {
    expect(ref).toHaveLength(23);
    expect(refTx).toHaveLength(19);
    expect(
      catalogue()
        .http.map((e) => e.code)
        .sort(),
    ).toEqual(ref.map((e) => e.code).sort());
    expect(
      catalogue()
        .transaction.map((e) => e.code)
        .sort(),
    ).toEqual(refTx.map((e) => e.code).sort());
  });

  it.each(ref)("HTTP $status / $code has the reference's status and message", (r) => {
    expect(httpError(r.code)).toMatchObject({ status: r.status, message: r.message });
  });

  it.each(refTx)("$family / $code has the reference's family and message", (r) => {
    expect(transactionError(r.code)).toMatchObject({ family: r.family, message: r.message });
  });

  it("every entry names real operations, getHealth only for 1100 and 5000, and explains itself", () => {
    const raw = loadSpec()["x-error-catalogue"];
    for (const e of [...catalogue().http, ...catalogue().transaction]) {
      expect(e.operations.length, String(e.code)).toBeGreaterThan(0);
      for (const id of e.operations) expect(operationById(id), `${e.code}: ${id}`).toBeDefined();
      // getHealth documents 401 1100 (a target that requires credentials there, D2) and 500 5000 only.
      if (e.code !== 5000 && e.code !== 1100) expect(e.operations, String(e.code)).not.toContain("getHealth");
    }
    for (const e of raw.http) expect(e.description, String(e.code)).toMatch(/\S/);
  });

  it("'*' expands to the ten secured operations", () => {
    expect(httpError(5200)?.operations).toHaveLength(10);
    expect(httpError(1100)?.everySecured).toBe(true);
    expect(httpError(1100)?.operations).toHaveLength(11); // and getHealth (D2)
    expect(httpError(5000)?.operations).toHaveLength(11);
  });

  it("each operation documents exactly the error statuses its catalogue codes use", () => {
    for (const op of operations()) {
      const fromCatalogue = new Set(
        catalogue()
          .http.filter((e) => e.operations.includes(op.id as never))
          .map((e) => e.status),
      );
      const documented = op.statuses.filter((s) => s >= 400);
      expect(documented, op.id).toEqual([...fromCatalogue].sort((a, b) => a - b));
    }
  });

  it("documentedHttpCodes filters by status and operation", () => {
    expect(documentedHttpCodes(401)).toEqual([1100, 1200, 1300]);
    expect(documentedHttpCodes(422, "confirmSmsCode").sort()).toEqual([3102, 3103, 3104, 3105]);
    expect(documentedHttpCodes(422, "verifyTelecomIdentity").sort()).toEqual([3100, 3101, 3107, 3108]);
    expect(documentedHttpCodes(403, "getVerification")).toEqual([3300]);
    expect(documentedHttpCodes(401, "getHealth")).toEqual([1100]);
    expect(documentedHttpCodes(401, "getHealth").includes(1200)).toBe(false);
  });

  it("transaction codes belong to their family's operations", () => {
    for (const e of catalogue().transaction) {
      const tags = new Set(e.operations.map((id) => operationById(id)?.tag));
      expect([...tags], String(e.code)).toEqual([e.family]);
    }
  });
});
