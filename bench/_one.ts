import { blindFaults } from "../faults/blind/index.js";
import { faultsById } from "../faults/catalogue.js";
import { runSuite } from "../run/launcher.js";
import { buildPlan } from "../run/plan.js";
const id = process.argv[2];
const f = id.startsWith("blind-") ? blindFaults.filter((x) => x.id === id) : faultsById([id]);
const areas = process.argv[3] ? process.argv[3].split(",") : undefined;
const plan = buildPlan({ id: "one", reportsDir: "/tmp/one", seed: 20240501, mockFaults: f, ...(areas ? { areas } : {}) }, {});
const r = await runSuite(plan);
let n = 0;
for (const t of r.tests)
  if (t.outcome.verdict !== "pass" && t.outcome.verdict !== "observed") {
    n++;
    console.log(
      t.title,
      t.outcome.verdict,
      t.outcome.reason ?? "",
      JSON.stringify(t.outcome.findings.map((f) => [f.requirement, f.failure.title, f.failure.received])).slice(0, 400),
    );
  }
console.log(r.tests.length, "tests,", n, "not passing");
