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
// The mock knows no catalogue: its caller passes Fault objects (startMock({ faults: [fault] })); the catalogue
// (faults/catalogue.ts) and the CLIs that take fault ids resolve them.
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
