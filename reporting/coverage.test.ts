import { describe, expect, it } from "vitest";
import { computeCoverage, renderCoverageMd, type CoveredExchange, type SpecFacts } from "./coverage.js";

const spec: SpecFacts = {
  operations: [
    { operationId: "getHealth", statuses: [200, 500] },
    { operationId: "sendSmsCode", statuses: [200, 401, 422] },
  ],
  httpCodes: [
    { code: 1100, status: 401, operations: ["sendSmsCode"] },
    { code: 3101, status: 422, operations: ["sendSmsCode"] },
  ],
  transactionCodes: [{ code: 1001, operations: ["sendSmsCode"] }],
};

const x = (
  operationId: string | null,
  status: number,
  errorCodes: number[] = [],
  transactionCodes: number[] = [],
  path = "/p",
): CoveredExchange => ({ operationId, method: "POST", path, status, errorCodes, transactionCodes });

describe("coverage matrix", () => {
  it("counts exercised documented combinations and lists the ones never reached", () => {
    const c = computeCoverage(spec, [
      x("sendSmsCode", 401, [1100]),
      x("sendSmsCode", 401, [1100]),
      x("sendSmsCode", 200, [], [1001]),
      x("getHealth", 200),
    ]);
    expect(c.http.find((h) => h.code === 1100)).toMatchObject({ documented: true, count: 2 });
    // documented: getHealth 200, getHealth 500, sendSmsCode 200, 401/1100, 422/3101, transaction 1001
    expect(c.totals).toEqual({ documented: 6, exercised: 4, percent: 66.7 });
    expect(c.neverExercised.http.map((h) => `${h.operationId} ${h.status} ${h.code}`)).toEqual([
      "getHealth 500 null",
      "sendSmsCode 422 3101",
    ]);
    expect(c.neverExercised.transaction).toEqual([]);
    expect(c.undocumented.http).toEqual([]);
  });

  it("reports undocumented statuses, codes at the wrong status, transaction codes and unmatched paths", () => {
    const c = computeCoverage(spec, [
      x("sendSmsCode", 403, [2300]), // status not documented for the operation
      x("sendSmsCode", 422, [1100]), // code documented, but at 401
      x("sendSmsCode", 200, [], [2001]), // document code on a telecom operation
      x(null, 404, [], [], "/api/v2/nothing"),
    ]);
    const undocumented = c.undocumented.http.map((h) => `${h.operationId} ${h.status} ${h.code}`);
    expect(undocumented).toEqual(["sendSmsCode 403 2300", "sendSmsCode 422 1100", "(no operation) 404 null"]);
    expect(c.undocumented.transaction).toMatchObject([{ operationId: "sendSmsCode", code: 2001, count: 1 }]);
    expect(c.undocumented.unmatched).toEqual([{ method: "POST", path: "/api/v2/nothing", status: 404, count: 1 }]);
    expect(c.totals.exercised).toBe(1); // only sendSmsCode → 200 is a documented combination
  });

  it("renders the matrix, the gaps and the surprises in Markdown", () => {
    const md = renderCoverageMd(computeCoverage(spec, [x("sendSmsCode", 401, [1100]), x("sendSmsCode", 418, [9999])]));
    expect(md).toContain("| sendSmsCode | 401 | 1100 | yes | 2 |".replace("2", "1"));
    expect(md).toContain("- sendSmsCode → 422 / 3101");
    expect(md).toContain("- sendSmsCode → 418 / 9999 (1×)");
  });
});
