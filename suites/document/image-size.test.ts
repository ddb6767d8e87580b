// Catches: lenient size limits (tiny or huge images accepted), wrong codes (3109/3110 swapped),
// inclusive or decimal bounds (D21, strict mode only). Sizes follow the profile's bounds: read at
// collection time from the plan (they are in the titles), never random.
import { accepted } from "../../checks/transaction-shape.js";
import { documentForm, documentOperations } from "../../generators/documents.js";
import { sizes } from "../../generators/images.js";
import { conformance } from "../../harness/conformance.js";
import { expectError, must } from "../../harness/expect.js";
import { currentPlan } from "../../harness/plan.js";

const size = sizes(currentPlan().profile.imageBounds);

conformance.for(documentOperations.map((op) => ({ req: "DOCUMENT-05" as const, op, bytes: size.tooSmall() })))(
  "rejects $op with a $bytes-byte front image with 422 / 3109",
  async ({ op, bytes }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOfSize(bytes) });

    expectError(x, 422, 3109);
  },
);

// 17 MB uploads are cheap on loopback but not over the internet: two operations here, the third
// gets its large uploads at the maximum edge below (strict mode), so each type can see one.
const largeOps = ["verifyLicense", "verifyPassport"] as const;
const maxEdgeOps = ["verifyPasscard"] as const;

conformance.for(largeOps.map((op) => ({ req: "DOCUMENT-06" as const, op, bytes: size.tooLarge() })))(
  "rejects $op with a $bytes-byte front image with 422 / 3110",
  async ({ op, bytes }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOfSize(bytes) });

    expectError(x, 422, 3110);
  },
);

// D21: the exact edges, only when the profile asks for them (strict.exactEdges).
const edges = [
  ...documentOperations.flatMap((op) => [
    { req: "DOCUMENT-12" as const, op, edge: "at the minimum", bytes: size.atMin(), code: 3109 },
    { req: "DOCUMENT-12" as const, op, edge: "one byte above the minimum", bytes: size.justAboveMin(), code: undefined },
  ]),
  ...maxEdgeOps.flatMap((op) => [
    { req: "DOCUMENT-13" as const, op, edge: "one byte below the maximum", bytes: size.justBelowMax(), code: undefined },
    { req: "DOCUMENT-13" as const, op, edge: "at the maximum", bytes: size.atMax(), code: 3110 },
  ]),
];

conformance.for(edges.filter((e) => e.code !== undefined))(
  "rejects $op with a front image $edge ($bytes bytes) with 422 / $code",
  async ({ op, bytes, code }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOfSize(bytes) });

    expectError(x, 422, code as number, "D21: the bounds are exclusive and binary (40 960 / 16 777 216 bytes).");
  },
  { strict: ["exactEdges"] },
);

conformance.for(edges.filter((e) => e.code === undefined))(
  "accepts $op with a front image $edge ($bytes bytes)",
  async ({ op, bytes }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOfSize(bytes) });

    must(x, accepted("D21: the bounds are exclusive: any size strictly between them is accepted."));
  },
  { strict: ["exactEdges"] },
);
