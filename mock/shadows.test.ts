import { describe, expect, it } from "vitest";
import { TEST_HEADER } from "../lib/test-header.js";
import { createBehaviour } from "./behaviour.js";
import { addTransform, type Fault } from "./faults-api.js";
import { defaultFixtures } from "./fixtures.js";
import { startMock } from "./server.js";
import { changedPaths, leavesOf, type Shadow, shadowBehaviour } from "./shadows.js";

const shadowOf = (id: string, change: (b: ReturnType<typeof createBehaviour>) => void): Shadow => {
  const b = createBehaviour(defaultFixtures());
  const before = leavesOf(b);
  change(b);
  return { id, behaviour: b, changed: changedPaths(before, leavesOf(b)) };
};

describe("changedPaths", () => {
  it("names the leaves a fault changed: functions by identity, data by value, getters by their function", () => {
    const s = shadowOf("x", (b) => {
      b.validators.phone = () => true;
      b.ownership.transactions = false;
      const required = b.requiredImages;
      b.requiredImages = Object.defineProperty({ ...required }, "document.passport.verify", {
        get: () => required["document.passport.verify"],
        enumerable: true,
      });
    });
    expect([...s.changed].sort()).toEqual(["ownership.transactions", "requiredImages.document.passport.verify", "validators.phone"]);
  });

  it("sees nothing where a fault sets a field to the value it had", () => {
    expect([...shadowOf("x", (b) => void (b.rateLimit.enabled = true)).changed]).toEqual([]);
  });
});

describe("shadowBehaviour", () => {
  const follow = (shadows: Shadow[]) => {
    let test: string | undefined = "t1";
    const real = createBehaviour(defaultFixtures());
    const { behaviour, report } = shadowBehaviour(real, shadows, () => test);
    return { behaviour, report, at: (t: string | undefined) => void (test = t) };
  };

  it("marks a test only where the shadow's function answers differently", () => {
    const lenient = shadowOf("lenient", (b) => void (b.validators.phone = (v) => typeof v === "string"));
    const { behaviour, report, at } = follow([lenient]);
    behaviour.validators.phone("8885550100"); // both true
    expect(report.reached.get("lenient")).toBeUndefined();
    at("t2");
    behaviour.validators.phone("888-555-0100"); // real false, shadow true
    expect([...(report.reached.get("lenient") ?? [])]).toEqual(["t2"]);
  });

  it("marks a read of a data field the shadow changed, and a read outside any test as everywhere", () => {
    const leak = shadowOf("leak", (b) => void (b.ownership.transactions = false));
    const { behaviour, report, at } = follow([leak]);
    expect(behaviour.ownership.transactions).toBe(true); // the mock still runs on the conformant value
    at(undefined);
    void behaviour.ownership.transactions;
    expect(report.reached.get("leak")).toEqual(new Set(["t1"]));
    expect(report.everywhere).toEqual(new Set(["leak"]));
  });

  it("gives a shadow's transform a copy: what it changes never reaches the mock's own answer", () => {
    const shadow = shadowOf("mutating", (b) =>
      addTransform(b, (r) => {
        (r.body as { errors: unknown[] }).errors.length = 0;
        return r;
      }),
    );
    const { behaviour, report } = follow([shadow]);
    const reply = { status: 422, headers: {}, body: { errors: [{ code: 3101, message: "x" }] } };
    const out = behaviour.transform(reply, { operationId: "sendSmsCode", kind: "response" } as never);
    expect(out.body).toEqual({ errors: [{ code: 3101, message: "x" }] });
    expect(report.reached.get("mutating")).toEqual(new Set(["t1"]));
  });

  it("follows a function that reads a field the shadow changed (birthDate reads leapDayBirthday)", () => {
    const shadow = shadowOf("leap", (b) => void (b.leapDayBirthday = "february-28"));
    const { behaviour, report } = follow([shadow]);
    behaviour.validators.birthDate("1990-05-01", new Date("2026-12-01T12:00:00Z"));
    expect(report.reached.get("leap")).toBeUndefined();
    behaviour.validators.birthDate("2008-02-29", new Date("2026-02-28T12:00:00Z"));
    expect(report.reached.get("leap")).toEqual(new Set(["t1"]));
  });
});

describe("a mock that follows shadows", () => {
  const lenient: Fault = {
    id: "lenient",
    title: "",
    description: "",
    apply: (b) => void (b.validators.phone = (v) => typeof v === "string" && v.replace(/\D/g, "").length >= 7),
  };

  it("answers as the conformant mock and names the tests each request came from (JSON bodies, GETs)", async () => {
    const m = await startMock({ port: 0, shadows: [lenient] });
    try {
      const send = (test: string, phone: string) =>
        fetch(`${m.baseUrl}/api/v2/telecom/possession/sms/send`, {
          method: "POST",
          headers: {
            authorization: `Bearer ID.me ${m.tokens.primary}`,
            "content-type": "application/json",
            [TEST_HEADER]: encodeURIComponent(test),
          },
          body: JSON.stringify({ phone }),
          signal: AbortSignal.timeout(5000),
        });
      expect((await send("a#valid", "8885550100")).status).toBe(200);
      expect((await send("b#dashed ✓", "888-555-0100")).status).toBe(422);
      const health = await fetch(`${m.baseUrl}/health`, { headers: { [TEST_HEADER]: "c" }, signal: AbortSignal.timeout(5000) });
      expect(health.status).toBe(200);
      expect(m.shadowReport?.reached.get("lenient")).toEqual(new Set(["b#dashed ✓"]));
      expect(m.shadowReport?.everywhere.size).toBe(0);
    } finally {
      await m.close();
    }
  });
});

describe("attribution under concurrent uploads", () => {
  const minInclusive: Fault = {
    id: "min-inclusive",
    title: "",
    description: "",
    apply: (b) => {
      const size = b.validators.imageSize;
      b.validators.imageSize = (bytes) => (bytes === 40 * 1024 ? "ok" : size(bytes));
    },
  };

  it("names exactly the tests whose upload the fault answers differently, over shared keep-alive connections", async () => {
    const m = await startMock({ port: 0, shadows: [minInclusive] });
    try {
      const upload = (test: string, bytes: number) => {
        const form = new FormData();
        const image = Buffer.alloc(bytes, 1);
        image.set([0xff, 0xd8, 0xff], 0);
        form.append("front_image", new Blob([image], { type: "image/jpeg" }), "success.jpg");
        return fetch(`${m.baseUrl}/api/v2/document/passport/verify`, {
          method: "POST",
          headers: { authorization: `Bearer ID.me ${m.tokens.primary}`, [TEST_HEADER]: test },
          body: form,
          signal: AbortSignal.timeout(10_000),
        }).then((r) => r.arrayBuffer());
      };
      const sizes = Array.from({ length: 24 }, (_, i) => (i % 3 === 0 ? 40 * 1024 : 40 * 1024 + 1 + i * 4096));
      await Promise.all(sizes.map((bytes, i) => upload(`t${i}`, bytes)));
      const expected = sizes.flatMap((bytes, i) => (bytes === 40 * 1024 ? [`t${i}`] : []));
      expect([...(m.shadowReport?.reached.get("min-inclusive") ?? [])].sort()).toEqual(expected.sort());
    } finally {
      await m.close();
    }
  });
});
