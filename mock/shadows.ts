/**
 * Defines `shadowBehaviour`: the conformant mock's behaviour, watched by the behaviours of many faults at
 * once (its "shadows"), to learn which tests each fault can change without running the suite once per fault.
 *
 * A fault only changes the mock's behaviour object (mock/faults-api.ts). The mock's code is the same for
 * every fault, so while serving a request it takes the same path under a fault as under the conformant
 * behaviour up to the first field of the behaviour that answers differently. Each shadow therefore follows
 * the conformant mock: where the mock reads a field the shadow changed, the shadow's field is read too
 * (a function: called with the same arguments) and the request's test is marked as reached by that fault
 * when the value, the result or what it throws differs. The reply transform is a function like any other: the
 * shadow's transform sees a copy of each answer and each webhook payload. A request that carries no test
 * (or a field read at start-up) marks the fault as reaching everything.
 *
 * Tests that no fault's shadow marked get the same answers under the fault as under the conformant mock,
 * provided tests do not depend on each other's state (each creates its own transactions; the rate-limit
 * tests have their own accounts) — arranged state tests of a file share (`Ctx.shared`) carries one test's
 * tag, so faults/detect.ts runs a fault against the tests its shadow reached and every test sharing state with them.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { isDeepStrictEqual } from "node:util";
import { TEST_HEADER } from "../lib/test-header.js";
import type { MockBehaviour } from "./behaviour.js";

/** Fields of the default behaviour whose functions read other fields (kept in step with createBehaviour). */
export const READS_OTHER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "validators.birthDate": ["leapDayBirthday"],
  today: ["now"],
};

/** Two clocks read one after the other: the same instant for a shadow (a clock fault moves it by far more). */
const SAME_INSTANT_MS = 5;

export interface Shadow {
  id: string;
  behaviour: MockBehaviour;
  /** paths of the leaves this shadow's fault changed */
  changed: ReadonlySet<string>;
}

/** What the shadows saw: per fault, the tests it reached, or that it reached requests outside any test. */
export interface ShadowReport {
  reached: Map<string, Set<string>>;
  everywhere: Set<string>;
}

const isNode = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * Every leaf of a behaviour by its dotted path: functions, primitives, arrays and other objects are leaves;
 * so is a property with a getter (its getter function stands for it: reading it may have effects).
 */
export function leavesOf(b: object): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(node))) {
      const path = prefix ? `${prefix}.${k}` : k;
      const v: unknown = d.value;
      if (d.get) out.set(path, d.get);
      else if (isNode(v)) walk(v, path);
      else out.set(path, typeof v === "function" || v === null || typeof v !== "object" ? v : structuredClone(v));
    }
  };
  walk(b as Record<string, unknown>, "");
  return out;
}

/** The paths whose leaf differs between two snapshots (functions by identity, data by value). */
export function changedPaths(before: Map<string, unknown>, after: Map<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const path of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(path);
    const b = after.get(path);
    const same = typeof a === "function" || typeof b === "function" ? a === b : isDeepStrictEqual(a, b);
    if (!same) out.add(path);
  }
  return out;
}

const valueAtPath = (root: object, path: string): { owner: unknown; value: unknown } => {
  let owner: unknown;
  let value: unknown = root;
  for (const key of path.split(".")) {
    owner = value;
    value = (value as Record<string, unknown> | undefined)?.[key];
  }
  return { owner, value };
};

/** A copy of plain data (objects, arrays, Buffers) so a shadow cannot change what the mock goes on to use. */
function copyData(v: unknown): unknown {
  if (Buffer.isBuffer(v)) return Buffer.from(v);
  if (Array.isArray(v)) return v.map(copyData);
  if (isNode(v)) return Object.fromEntries(Object.entries(v).map(([k, e]) => [k, copyData(e)]));
  return v;
}

type Outcome = { threw: false; value: unknown } | { threw: true; error: unknown };

const attempt = (fn: () => unknown): Outcome => {
  try {
    return { threw: false, value: fn() };
  } catch (error) {
    return { threw: true, error };
  }
};

const sameOutcome = (a: Outcome, b: Outcome): boolean => {
  if (!a.threw && !b.threw) {
    // A promise cannot be compared here: counted as different (the fault is run, never wrongly skipped).
    if (a.value instanceof Promise || b.value instanceof Promise) return false;
    if (a.value instanceof Date && b.value instanceof Date) return Math.abs(a.value.getTime() - b.value.getTime()) <= SAME_INSTANT_MS;
    return isDeepStrictEqual(a.value, b.value);
  }
  if (a.threw && b.threw) {
    type Thrown = { constructor?: unknown; reply?: unknown; message?: unknown } | undefined;
    const [x, y] = [a.error as Thrown, b.error as Thrown];
    return x?.constructor === y?.constructor && isDeepStrictEqual(x?.reply, y?.reply) && x?.message === y?.message;
  }
  return false;
};

/**
 * The behaviour the mock runs on: `real` itself, read through proxies along the paths some shadow changed.
 * `testOf` names the test of the request being served (undefined outside any).
 */
export function shadowBehaviour(
  real: MockBehaviour,
  shadows: readonly Shadow[],
  testOf: () => string | undefined,
): { behaviour: MockBehaviour; report: ShadowReport } {
  const report: ShadowReport = { reached: new Map(), everywhere: new Set() };
  const mark = (s: Shadow) => {
    const test = testOf();
    if (test === undefined) report.everywhere.add(s.id);
    else {
      let set = report.reached.get(s.id);
      if (!set) report.reached.set(s.id, (set = new Set()));
      set.add(test);
    }
  };
  const changers = new Map<string, Shadow[]>();
  const prefixes = new Set<string>();
  for (const s of shadows)
    for (const path of s.changed) {
      changers.set(path, [...(changers.get(path) ?? []), s]);
      const keys = path.split(".");
      for (let i = 1; i < keys.length; i++) prefixes.add(keys.slice(0, i).join("."));
    }
  // A function that reads other fields is also followed by the shadows that changed one of those.
  for (const [path, reads] of Object.entries(READS_OTHER_FIELDS)) {
    const also = reads.flatMap((r) => changers.get(r) ?? []);
    if (also.length) {
      changers.set(path, [...new Set([...(changers.get(path) ?? []), ...also])]);
      const keys = path.split(".");
      for (let i = 1; i < keys.length; i++) prefixes.add(keys.slice(0, i).join("."));
    }
  }

  const follow = (fn: (...args: unknown[]) => unknown, owner: unknown, path: string, watchers: readonly Shadow[]) =>
    function followed(...args: unknown[]): unknown {
      const out = attempt(() => fn.apply(owner, args));
      for (const s of watchers) {
        const at = valueAtPath(s.behaviour, path);
        if (typeof at.value !== "function") {
          mark(s);
          continue;
        }
        const theirs = attempt(() => (at.value as (...a: unknown[]) => unknown).apply(at.owner, args.map(copyData)));
        if (!sameOutcome(out, theirs)) mark(s);
      }
      if (out.threw) throw out.error;
      return out.value;
    };

  const proxies = new Map<string, object>();
  const wrap = (node: Record<string, unknown>, path: string): object => {
    const cached = proxies.get(path);
    if (cached) return cached;
    const proxy = new Proxy(node, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof key !== "string") return value;
        const at = path ? `${path}.${key}` : key;
        const watchers = changers.get(at);
        if (watchers) {
          if (typeof value === "function") return follow(value as (...a: unknown[]) => unknown, target, at, watchers);
          // A data field: the shadow's own value, read the same way (a getter of the fault's runs).
          for (const s of watchers) {
            const theirs = attempt(() => valueAtPath(s.behaviour, at).value);
            if (!sameOutcome({ threw: false, value }, theirs)) mark(s);
          }
          return value;
        }
        return prefixes.has(at) && isNode(value) ? wrap(value, at) : value;
      },
    });
    proxies.set(path, proxy);
    return proxy;
  };
  return { behaviour: wrap(real as unknown as Record<string, unknown>, "") as MockBehaviour, report };
}

/**
 * Carries the current request's test (header TEST_HEADER) through its async work: body reads, handler,
 * the timers it starts. Entered from the server's request event, whose resource the body's events share.
 */
export interface TestTracker {
  /** From the server's request event: the request's early steps (its body read) know its test. */
  enter(headers: Record<string, unknown>): void;
  /** Runs a request's handling in its test's context (what `enter` set may since have moved on). */
  within<T>(headers: Record<string, unknown>, work: () => T): T;
  current(): string | undefined;
}

export function createTestTracker(): TestTracker {
  const store = new AsyncLocalStorage<string | undefined>();
  const testOf = (headers: Record<string, unknown>): string | undefined => {
    const header = headers[TEST_HEADER];
    try {
      return typeof header === "string" ? decodeURIComponent(header) : undefined;
    } catch {
      return undefined; // not the suite's header: a request outside any test
    }
  };
  return {
    enter: (headers) => store.enterWith(testOf(headers)),
    within: (headers, work) => store.run(testOf(headers), work),
    current: () => store.getStore(),
  };
}
