/**
 * Every response example of the spec passes the suite's own standard checks for its operation and status
 * (issue 9 item 4), exact-message mode included: the spec cannot ship a body its checks reject. The one
 * exception is a published body that contradicts ID.me's own table: it fails, and every failure names the
 * recorded contradiction (x-error-catalogue.contradictions), so a user who sends it sees why.
 */
import { describe, expect, it } from "vitest";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import { contradictionsFor, operations, responseFor } from "../lib/spec.js";
import { deref, escapePointer } from "../lib/spec-document.js";
import { standardFindings } from "./registry.js";

interface Case {
  name: string;
  operationId: string;
  status: number;
  mediaType: string;
  value: unknown;
}

/** Each operation's documented responses with their examples, shared responses once per operation that uses them. */
function responseExamples(): Case[] {
  return operations().flatMap((op) =>
    op.statuses.flatMap((status) => {
      const found = responseFor(op.id, status);
      return Object.entries(found?.response.content ?? {}).flatMap(([mediaType, media]) => {
        const m = media as { example?: unknown; examples?: Record<string, unknown> };
        const at = `${found?.pointer}/content/${escapePointer(mediaType)}`;
        const named = Object.entries(m.examples ?? {}).map(([key, ex]) => ({
          key,
          value: deref<{ value: unknown }>(ex, `${at}/examples/${key}`).node.value,
        }));
        const all = "example" in m ? [{ key: "example", value: m.example }, ...named] : named;
        return all.map(({ key, value }) => ({ name: `${op.id} ${status} ${key}`, operationId: op.id, status, mediaType, value }));
      });
    }),
  );
}

const cases = responseExamples();

function findings(c: Case) {
  const x = exchangeOf({ operationId: c.operationId, status: c.status, body: c.value, contentType: c.mediaType });
  return standardFindings(x, { exactMessages: true }, false, () => {}).filter((f) => !f.failure.open);
}

const codesOf = (v: unknown): number[] => {
  const errors = (v as { errors?: { code?: unknown }[] })?.errors;
  return Array.isArray(errors) ? errors.map((e) => e?.code).filter((c): c is number => typeof c === "number") : [];
};

describe("every response example passes the standard checks of its operation and status", () => {
  it("finds the examples of every operation that has a body", () => {
    expect(cases.length).toBeGreaterThan(60);
    expect(new Set(cases.map((c) => c.operationId)).size).toBe(11);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const found = findings(c);
    const recorded = codesOf(c.value).flatMap((code) => contradictionsFor(code, c.status, c.operationId));
    if (recorded.length === 0) {
      expect(found.map((f) => `${f.def.id}: ${f.failure.title} — ${f.failure.hint ?? ""}`)).toEqual([]);
      return;
    }
    // A recorded contradiction: it fails, and each failure names the contradiction and its decision.
    expect(found.length, "a contradicting example is refused by the checks").toBeGreaterThan(0);
    for (const f of found) {
      const text = `${f.failure.title} ${f.failure.hint ?? ""}`;
      for (const r of recorded) expect(text, `${f.def.id} names the recorded contradiction`).toContain(r.text);
    }
  });

  it("the verification page's 403 body (3200) is the recorded contradiction, named by both failing checks", () => {
    const c = cases.find((k) => k.name === "getVerification 403 published");
    expect(c, "getVerification 403 has the published example").toBeDefined();
    const found = findings(c as Case);
    expect(found.map((f) => f.def.id).sort()).toEqual(["error_code_documented", "error_message_matches"]);
    expect(contradictionsFor(3200, 403, "getVerification")[0]).toMatchObject({ decision: "D13" });
    for (const f of found) expect(f.failure.hint).toMatch(/verification page writes 3200 .*3300 verification ownership — D13/);
  });
});
