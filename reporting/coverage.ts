/**
 * Coverage matrix: operation × HTTP status × error code, and operation × transaction code.
 * What the run exercised (the exchanges its tests recorded), which documented combinations it never
 * reached, and what it saw that the spec does not document. Pure.
 */
import { Exchange } from "../lib/exchange.js";
import type { TestResult } from "../run/results.js";

/** The coverage-relevant facts of one exchange. */
export interface CoveredExchange {
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  errorCodes?: number[];
  transactionCodes?: number[];
}

/** The exchanges of a run's tests, as the matrix counts them. */
export function coveredExchanges(tests: readonly TestResult[]): CoveredExchange[] {
  return tests.flatMap((t) =>
    t.outcome.exchanges.map((record) => {
      const x = new Exchange(record);
      return {
        operationId: x.operationId,
        method: x.request.method,
        path: x.request.path,
        status: x.status,
        errorCodes: x.errorCodes(),
        transactionCodes: x.transactionCodes(),
      };
    }),
  );
}

/** What the spec documents, already expanded (no "*"). */
export interface SpecFacts {
  operations: { operationId: string; statuses: number[] }[];
  httpCodes: { code: number; status: number; operations: string[] }[];
  transactionCodes: { code: number; operations: string[] }[];
}

export interface Cell {
  operationId: string;
  status: number;
  code: number | null;
  documented: boolean;
  count: number;
}
export interface TxCell {
  operationId: string;
  code: number;
  documented: boolean;
  count: number;
}

export interface Coverage {
  exchanges: number;
  http: Cell[];
  transaction: TxCell[];
  neverExercised: { http: Cell[]; transaction: TxCell[] };
  undocumented: { http: Cell[]; transaction: TxCell[]; unmatched: { method: string; path: string; status: number; count: number }[] };
  totals: { documented: number; exercised: number; percent: number };
}

const NONE = "(no operation)";

export function computeCoverage(spec: SpecFacts, exchanges: readonly CoveredExchange[]): Coverage {
  const http = new Map<string, Cell>();
  const tx = new Map<string, TxCell>();
  const hkey = (op: string, status: number, code: number | null) => `${op} ${status} ${code ?? "-"}`;
  const statusesOf = new Map(spec.operations.map((o) => [o.operationId, new Set(o.statuses)]));

  // Documented combinations: every error code at its status, and every documented status of
  // an operation (with no code) so success answers count too.
  for (const o of spec.operations) {
    for (const s of o.statuses) {
      const hasCodes = spec.httpCodes.some((c) => c.status === s && c.operations.includes(o.operationId));
      if (!hasCodes)
        http.set(hkey(o.operationId, s, null), { operationId: o.operationId, status: s, code: null, documented: true, count: 0 });
    }
  }
  for (const c of spec.httpCodes) {
    for (const op of c.operations)
      http.set(hkey(op, c.status, c.code), { operationId: op, status: c.status, code: c.code, documented: true, count: 0 });
  }
  for (const c of spec.transactionCodes) {
    for (const op of c.operations) tx.set(`${op} ${c.code}`, { operationId: op, code: c.code, documented: true, count: 0 });
  }

  const unmatched = new Map<string, { method: string; path: string; status: number; count: number }>();
  for (const x of exchanges) {
    if (!x.operationId) {
      const k = `${x.method} ${x.path} ${x.status}`;
      const u = unmatched.get(k) ?? { method: x.method, path: x.path, status: x.status, count: 0 };
      u.count++;
      unmatched.set(k, u);
    }
    const op = x.operationId ?? NONE;
    const codes = x.errorCodes?.length ? x.errorCodes : [null];
    for (const code of codes) {
      const k = hkey(op, x.status, code);
      const cell = http.get(k) ?? { operationId: op, status: x.status, code, documented: false, count: 0 };
      // A status documented for the operation but without a catalogue code is still documented
      // when the body carried no code (e.g. 200, or a 404 from a router).
      if (!http.has(k) && code === null && statusesOf.get(op)?.has(x.status)) cell.documented = true;
      cell.count++;
      http.set(k, cell);
    }
    for (const code of x.transactionCodes ?? []) {
      const k = `${op} ${code}`;
      const cell = tx.get(k) ?? { operationId: op, code, documented: false, count: 0 };
      cell.count++;
      tx.set(k, cell);
    }
  }

  const order = (a: { operationId: string }, b: { operationId: string }) => opIndex(spec, a.operationId) - opIndex(spec, b.operationId);
  const httpCells = [...http.values()].sort((a, b) => order(a, b) || a.status - b.status || (a.code ?? 0) - (b.code ?? 0));
  const txCells = [...tx.values()].sort((a, b) => order(a, b) || a.code - b.code);
  const documented = httpCells.filter((c) => c.documented).length + txCells.filter((c) => c.documented).length;
  const exercised = httpCells.filter((c) => c.documented && c.count > 0).length + txCells.filter((c) => c.documented && c.count > 0).length;
  return {
    exchanges: exchanges.length,
    http: httpCells,
    transaction: txCells,
    neverExercised: {
      http: httpCells.filter((c) => c.documented && c.count === 0),
      transaction: txCells.filter((c) => c.documented && c.count === 0),
    },
    undocumented: {
      http: httpCells.filter((c) => !c.documented),
      transaction: txCells.filter((c) => !c.documented),
      unmatched: [...unmatched.values()],
    },
    totals: { documented, exercised, percent: documented ? Math.round((1000 * exercised) / documented) / 10 : 0 },
  };
}

function opIndex(spec: SpecFacts, op: string): number {
  const i = spec.operations.findIndex((o) => o.operationId === op);
  return i < 0 ? spec.operations.length : i;
}

export function renderCoverageMd(c: Coverage): string {
  const code = (n: number | null) => (n === null ? "—" : String(n));
  const lines = [
    "# Coverage matrix",
    "",
    `${c.exchanges} HTTP exchanges. Documented combinations exercised: **${c.totals.exercised} of ${c.totals.documented} (${c.totals.percent} %)**.`,
    "",
    "## Operation × HTTP status × error code",
    "",
    "| operation | status | error code | documented | exchanges |",
    "|---|---|---|---|---|",
    ...c.http.map(
      (x) => `| ${x.operationId} | ${x.status} | ${code(x.code)} | ${x.documented ? "yes" : "**no**"} | ${x.count || "**0**"} |`,
    ),
    "",
    "## Operation × transaction code",
    "",
    "| operation | transaction code | documented | exchanges |",
    "|---|---|---|---|",
    ...c.transaction.map((x) => `| ${x.operationId} | ${x.code} | ${x.documented ? "yes" : "**no**"} | ${x.count || "**0**"} |`),
    "",
    "## Documented but never exercised",
    "",
    ...(c.neverExercised.http.length + c.neverExercised.transaction.length === 0
      ? ["None."]
      : [
          ...c.neverExercised.http.map((x) => `- ${x.operationId} → ${x.status}${x.code === null ? "" : ` / ${x.code}`}`),
          ...c.neverExercised.transaction.map((x) => `- ${x.operationId} → transaction code ${x.code}`),
        ]),
    "",
    "## Observed but not documented",
    "",
    ...(c.undocumented.http.length + c.undocumented.transaction.length + c.undocumented.unmatched.length === 0
      ? ["None."]
      : [
          ...c.undocumented.http.map((x) => `- ${x.operationId} → ${x.status}${x.code === null ? "" : ` / ${x.code}`} (${x.count}×)`),
          ...c.undocumented.transaction.map((x) => `- ${x.operationId} → transaction code ${x.code} (${x.count}×)`),
          ...c.undocumented.unmatched.map((x) => `- ${x.method} ${x.path} → ${x.status}: no operation of the spec (${x.count}×)`),
        ]),
    "",
  ];
  return lines.join("\n");
}
