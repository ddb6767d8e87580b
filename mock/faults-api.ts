// The hooks a faulty mock uses. A fault is the normal mock with one deviation, applied to its MockBehaviour.
//
// Three examples (they are also exercised in mock/faults-api.test.ts):
//
//   // 1. errors as an object instead of a list — a response transform
//   { id: "errors-as-object", title: "…", description: "…",
//     apply: (b) => addTransform(b, (r) => isEnvelope(r.body) ? { ...r, body: { errors: r.body.errors[0] } } : r) }
//
//   // 2. any OTP accepted — a rule function replaced
//   { id: "any-otp-accepted", …, apply: (b) => { b.otp.accepts = () => true; } }
//
//   // 3. ownership leaks — a switch turned off
//   { id: "transaction-ownership-leak", …, apply: (b) => { b.ownership.transactions = false; } }
//
// `faults/catalogue.ts` (written elsewhere) exports `faults: Fault[]`; startMock({ faults: ["id", …] })
// looks the ids up there.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { MockBehaviour } from "./behaviour.js";
import type { ReplyTransform } from "./reply.js";

export type { MockBehaviour } from "./behaviour.js";
export type { MockReply, ReplyContext, ReplyTransform } from "./reply.js";

export interface Fault {
  id: string;
  title: string;
  description: string;
  apply(behaviour: MockBehaviour): void;
}

/** Chains a transform after the ones already installed (so several faults compose). */
export function addTransform(behaviour: MockBehaviour, transform: ReplyTransform): void {
  const before = behaviour.transform;
  behaviour.transform = (reply, ctx) => transform(before(reply, ctx), ctx);
}

/** True for a body shaped like the error envelope `{errors: [...]}`. */
export function isEnvelope(body: unknown): body is { errors: Array<{ code: number; message: string }> } {
  return typeof body === "object" && body !== null && Array.isArray((body as { errors?: unknown }).errors);
}

const CATALOGUE = new URL("../faults/catalogue.ts", import.meta.url);

/** Resolves fault ids through faults/catalogue.ts; objects pass through unchanged. */
export async function resolveFaults(faults: Array<string | Fault> = []): Promise<Fault[]> {
  const ids = faults.filter((f): f is string => typeof f === "string");
  let known: Fault[] = [];
  if (ids.length > 0) {
    const file = fileURLToPath(CATALOGUE);
    if (!existsSync(file)) throw new Error(`unknown fault(s) ${ids.join(", ")}: faults/catalogue.ts does not exist`);
    const mod = (await import(pathToFileURL(file).href)) as { faults?: Fault[]; default?: Fault[] };
    known = mod.faults ?? mod.default ?? [];
  }
  return faults.map((f) => {
    if (typeof f !== "string") return f;
    const found = known.find((k) => k.id === f);
    if (!found) throw new Error(`unknown fault "${f}" (known: ${known.map((k) => k.id).join(", ")})`);
    return found;
  });
}
