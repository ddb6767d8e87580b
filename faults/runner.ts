// The fault-detection runner: the suite against the conformant mock, then every faulty mock and conformant variant.
// CLI: npx tsx faults/runner.ts [--only id,id] [--catalogue first|blind] [--full | --quick] [--seed n] [--json file]
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { blindFaults } from "./blind/index.js";
import { blind3Faults } from "./blind3/index.js";
import { faults } from "./catalogue.js";
import { type Catalogue, DEFAULT_SEED, detectFaults } from "./detect.js";
import { formatTable } from "./score.js";
import { variants } from "./variants.js";

/** The catalogues: "first" written beside the suite; "blind" and "blind3" written from the contract and the mock only. */
export const catalogues: readonly Catalogue[] = [
  { name: "first", faults },
  { name: "blind", faults: blindFaults },
  { name: "blind3", faults: blind3Faults },
];

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice(name.length + 1) : argv[i + 1];
}

async function main(argv: string[]): Promise<number> {
  const only = argValue(argv, "--only")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const which = argValue(argv, "--catalogue");
  const chosen = catalogues
    .filter((c) => !which || c.name === which)
    .map((c) => ({ ...c, faults: only ? c.faults.filter((f) => only.includes(f.id)) : c.faults }));
  const d = await detectFaults({
    catalogues: chosen,
    variants: only ? variants.filter((v) => only.includes(v.id)) : variants,
    mode: argv.includes("--full") ? "full" : argv.includes("--quick") ? "quick" : "reached",
    seed: Number(argValue(argv, "--seed") ?? DEFAULT_SEED),
    onProgress: (l) => process.stderr.write(`  ${l}\n`),
  });
  console.log(formatTable(d.scores, d.variants));
  const json = argValue(argv, "--json");
  if (json)
    writeFileSync(
      json,
      `${JSON.stringify(
        {
          mode: d.mode,
          faults: d.scores.map((s) => ({
            id: `${s.catalogue}:${s.fault.id}`,
            verdict: s.verdict,
            failing: s.failing,
            collateral: s.collateral,
          })),
          variants: d.variants.map((v) => ({ id: v.variant.id, passes: v.passes, failing: v.failing })),
        },
        null,
        1,
      )}\n`,
    );
  console.log(`(${d.mode}: ${d.testsRun} of ${d.testsFull} fault × test runs; ${(d.durationMs / 1000).toFixed(0)} s wall clock)`);
  const ok =
    d.baseline.verdict === "conformant" &&
    d.scores.every((s) => s.verdict === "caught" && s.collateral.length === 0) &&
    d.variants.every((v) => v.passes);
  return ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
