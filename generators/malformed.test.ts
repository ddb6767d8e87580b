// The fault generators break exactly the rule they name: each malformed value fails the spec's own schema
// for that field, the well-formed counterparts pass, and metadata sizes are exact (D5).
import { describe, expect, test } from "vitest";
import { validateSchema } from "../lib/spec.js";
import { malformedBirthDate, malformedOtp, malformedPhone } from "./malformed.js";
import { metadata, metadataOfJsonLength } from "./metadata.js";
import { phoneInOtherArea } from "./other-area-phone.js";
import { withInputs } from "./random.js";
import { otp, phone } from "./telecom.js";

// Generators run inside a test only (generators/random.ts): these tables are built in a seeded context of their own.
const values = (gen: Record<string, () => unknown>) =>
  withInputs(7, () => Object.entries(gen).map(([name, make]) => ({ name, value: make() })));

describe("malformed generators", () => {
  test.for(values(malformedPhone))("malformedPhone.$name fails the Phone schema", ({ value }) => {
    expect(validateSchema("Phone", value)).not.toEqual([]);
  });
  test.for(values(malformedBirthDate))("malformedBirthDate.$name fails the BirthDate schema", ({ value }) => {
    expect(validateSchema("BirthDate", value)).not.toEqual([]);
  });
  test.for(values(malformedOtp))("malformedOtp.$name is not six digits", ({ value }) => {
    expect(value).not.toMatch(/^\d{6}$/);
  });
  test("the well-formed counterparts pass", () =>
    withInputs(7, () => {
      expect(validateSchema("Phone", phone.success())).toEqual([]);
      expect(validateSchema("Phone", phoneInOtherArea())).toEqual([]);
      expect(validateSchema("BirthDate", "1990-01-02")).toEqual([]);
      expect(otp.correct()).toMatch(/^\d{6}$/);
    }));
  test("a phone in another area starts with neither 888 nor 999 (D30)", () =>
    withInputs(7, () => expect(phoneInOtherArea()).not.toMatch(/^(888|999)/)));
});

describe("metadata sizes (D5)", () => {
  test.for([11, 499, 500, 501])("metadataOfJsonLength(%i) has that many characters of JSON text", (n) =>
    withInputs(7, () => expect(JSON.stringify(metadataOfJsonLength(n))).toHaveLength(n)),
  );
  test("atLimit is 500 and overLimit 501 characters", () =>
    withInputs(7, () => {
      expect(JSON.stringify(metadata.atLimit())).toHaveLength(500);
      expect(JSON.stringify(metadata.overLimit())).toHaveLength(501);
    }));
});
