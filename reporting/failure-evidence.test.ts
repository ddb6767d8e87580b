// What a CI reading JUnit sees of a faulty target: each failure with the answer it was found on and its curl line,
// and a failure for every violation, also one a standard check charges to another requirement while the test's
// own verdict says blocked. Both were missing (new-user audit): the failures of phone-lenient had no curl (the
// harness looked the answer up by object, not by record), and unknown-route-html was NON-CONFORMANT with
// failures="0" in junit.xml.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runConformance } from "../api/run.js";

const work = mkdtempSync(join(tmpdir(), "idme-failure-evidence-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function faultyRun(fault: string, areas: string[]) {
  let log = "";
  const r = await runConformance({
    areas,
    mockFaults: [fault],
    seed: 1,
    reports: fault,
    cwd: work,
    env: {},
    log: (t) => {
      log += t;
    },
  });
  const junit = readFileSync(join(work, fault, "junit.xml"), "utf8");
  const failures = [...junit.matchAll(/<failure message="([^"]*)"[^>]*>([\s\S]*?)<\/failure>/g)].map((m) => ({
    message: m[1],
    text: m[2],
  }));
  const count = Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)?.[1]);
  return { r, log, failures, count };
}

it("each failure of a lenient phone check shows the answer and the curl line that reproduces it", async () => {
  const { r, log, failures, count } = await faultyRun("phone-lenient", ["input"]);
  expect(r.exitCode).toBe(1);
  // The curl lines name the run's port, gone once it ends: the console says how to get the same mock there.
  const port = /curl -sS -i -X \w+ 'http:\/\/127\.0\.0\.1:(\d+)\//.exec(failures[0]?.text ?? "")?.[1];
  expect(log).toContain(`to run a failure's curl line: npx idme-mock --port ${port} --faults phone-lenient — it prints each role's token`);
  expect(failures.length).toBeGreaterThan(5);
  expect(count).toBe(failures.length);
  for (const f of failures) {
    expect(f.text, f.message).toContain("Exchange: POST /api/v2/");
    expect(f.text, f.message).toMatch(/Reproduce with:\s+curl /);
  }
}, 60_000);

it("a violation found by a blocked test is a JUnit failure of the requirement it breaks, and a ✗ in the console", async () => {
  const { r, log, failures, count } = await faultyRun("unknown-route-html", ["not-found", "schema"]);
  expect(r.exitCode).toBe(1);
  expect(r.certification?.failedMust).toEqual(["SCHEMA-08"]);
  expect(count).toBeGreaterThan(0);
  expect(failures).toHaveLength(count);
  for (const f of failures) expect(f.message).toMatch(/^\[SCHEMA-08\] /);
  expect(log).toMatch(/✗ \[NOTFOUND-04\][^\n]*\n\s+blocked by SCHEMA-08[\s\S]*Meanwhile it found:\n\s+\[SCHEMA-08\]/);
  expect(log).toMatch(/; \d+ of them found a violation of another requirement\n/);
}, 60_000);
