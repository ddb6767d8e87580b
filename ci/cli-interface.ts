/**
 * The `idme-conformance` interface the CI recipes may use, as one table, and the check of a
 * command line against it. The table is itself checked against the CLI's program definition
 * (`buildProgram`), plus PLANNED: what is being added to the CLI now (nothing at present).
 */
import type { Command } from "commander";
import { buildProgram } from "../cli/main.js";

type Arity = "value" | "boolean";
interface CommandSpec {
  flags: Record<string, Arity>;
  /** positional arguments: how many, at least and at most */
  positionals: [min: number, max: number];
  /** flags of which at most one may be given */
  exclusive?: string[];
}

/** Subcommand name → spec; "" is the default command (a run). */
export const CLI_INTERFACE: Record<string, CommandSpec> = {
  "": {
    flags: {
      "--target": "value",
      "--profile": "value",
      "--budget": "value",
      "--reports": "value",
      "--seed": "value",
      "--shard": "value",
      "--quiet": "boolean",
      "--no-html": "boolean",
    },
    positionals: [0, 0],
  },
  merge: { flags: { "--reports": "value", "--no-html": "boolean" }, positionals: [1, Number.POSITIVE_INFINITY] },
  "verify-manifest": {
    flags: { "--key-file": "value", "--fingerprint": "value", "--require-signature": "boolean" },
    positionals: [0, 1],
    exclusive: ["--key-file", "--fingerprint"],
  },
};

/** Being added to cli/main.ts right now; delete each entry once buildProgram has it. */
export const PLANNED: Record<string, Record<string, Arity>> = {};

/** Every flag of the CLI as buildProgram defines it (subcommand → flag → arity). */
export function programFlags(): Record<string, Record<string, Arity>> {
  const program = buildProgram(() => {}, {});
  const flagsOf = (c: Command) =>
    Object.fromEntries(
      c.options.filter((o) => o.long).map((o) => [o.long as string, o.required || o.optional ? ("value" as const) : ("boolean" as const)]),
    );
  return { "": flagsOf(program), ...Object.fromEntries(program.commands.map((c) => [c.name(), flagsOf(c)])) };
}

/** Problems with one invocation's arguments (the words after `idme-conformance`); [] if none. */
export function checkInvocation(args: string[], table = CLI_INTERFACE): string[] {
  const problems: string[] = [];
  const sub = args[0] && !args[0].startsWith("-") && args[0] in table && args[0] !== "" ? args[0] : "";
  const spec = table[sub];
  const seen: string[] = [];
  let positionals = 0;
  for (let i = sub ? 1 : 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("-")) {
      positionals++;
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    const arity = spec.flags[flag];
    if (!arity) {
      problems.push(`${sub || "run"}: ${flag} is not in the interface`);
      if (inline === undefined && args[i + 1] !== undefined && !args[i + 1].startsWith("-")) i++; // its value, presumably
      continue;
    }
    seen.push(flag);
    if (arity === "value" && inline === undefined) {
      const next = args[i + 1];
      if (next === undefined || next.startsWith("-")) problems.push(`${sub || "run"}: ${flag} needs a value`);
      else i++;
    } else if (arity === "boolean" && inline !== undefined) problems.push(`${sub || "run"}: ${flag} takes no value`);
  }
  const [min, max] = spec.positionals;
  if (positionals < min || positionals > max) {
    const what = !sub && positionals ? `unknown subcommand or stray argument '${args.find((a) => !a.startsWith("-"))}'` : "";
    problems.push(what || `${sub || "run"}: ${positionals} positional argument(s), expected ${min}…${max}`);
  }
  const both = (spec.exclusive ?? []).filter((f) => seen.includes(f));
  if (both.length > 1) problems.push(`${sub || "run"}: ${both.join(" and ")} exclude each other`);
  return problems;
}
