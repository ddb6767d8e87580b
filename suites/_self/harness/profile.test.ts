import { expect, test } from "vitest";
import { skipReason } from "../../../harness/conformance.js";
import { loadProfile, parseProfile, ProfileError } from "../../../harness/profile.js";

test("the shipped profiles are valid", () => {
  expect(loadProfile("profiles/mock.yaml").name).toBe("mock");
  expect(loadProfile("profiles/sandbox.example.yaml").capabilities.webhookTests).toBe(false);
});

test("a bad profile is a one-line ProfileError", () => {
  expect(() => parseProfile("name: x\ncredentials: {primary: lower-case}", "p.yaml")).toThrow(ProfileError);
  expect(() => parseProfile("name: [", "p.yaml")).toThrow(/not valid YAML/);
  expect(() => loadProfile("profiles/nope.yaml")).toThrow(/not found/);
});

test("skipReason names the missing role, capability, strict switch or profile field", () => {
  const p = parseProfile("name: lean\ncredentials: {primary: TOKEN_A}", "lean.yaml");
  expect(skipReason({ roles: ["secondary"] }, p, { primary: "x" })).toMatch(/no credential for the role secondary/);
  expect(skipReason({ roles: ["primary"] }, p, {})).toMatch(/TOKEN_A .* is not set/);
  expect(skipReason({ capabilities: ["webhookTests"] }, p, { primary: "x" })).toMatch(/webhookTests/);
  expect(skipReason({ strict: ["exactEdges"] }, p, { primary: "x" })).toMatch(/exactEdges/);
  expect(skipReason({ profile: ["rateLimits"] }, p, { primary: "x" })).toMatch(/rateLimits/);
  expect(skipReason({ roles: ["primary"] }, p, { primary: "x" })).toBeUndefined();
});
