import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { skipReason } from "../harness/conformance.js";
import { loadProfile, parseProfile, ProfileError } from "./profile.js";

const plan = (credentials: Record<string, string>, profile = parseProfile("name: lean\ncredentials: {primary: TOKEN_A}", "lean.yaml")) => ({
  profile,
  credentials,
});

test("the shipped profiles are valid", () => {
  expect(loadProfile("profiles/mock.yaml").profile.name).toBe("mock");
  expect(loadProfile("profiles/sandbox.yaml").profile.capabilities.webhookTests).toBe(false);
});

test("a bad profile is a ProfileError listing every problem, each naming its property", () => {
  expect(() => parseProfile("name: x\ncredentials: {primary: lower-case}", "p.yaml")).toThrow(ProfileError);
  expect(() => parseProfile("name: [", "p.yaml")).toThrow(/not valid YAML/);
  expect(() => loadProfile("profiles/nope.yaml")).toThrow(/not found/);
  try {
    parseProfile(
      "name: x\ncredentials: {primary: A}\nstrict: {exactMesages: true}\ntimeouts: {requestMs: fast}\nrequestBudjet: 3",
      "p.yaml",
    );
  } catch (e) {
    const problems = (e as ProfileError).problems;
    expect(problems).toContain(
      'strict.exactMesages: unknown property (did you mean "exactMessages"?); allowed: exactMessages, exactEdges, requireRetryAfter',
    );
    expect(problems.some((p) => p.startsWith("timeouts.requestMs: must be integer"))).toBe(true);
    expect(problems.some((p) => p.startsWith('requestBudjet: unknown property (did you mean "requestBudget"?)'))).toBe(true);
  }
});

test("a YAML error is one complete line: the line in error is quoted, no colon left dangling", () => {
  expect(() => parseProfile("name: x\ncredentials:\n  primary: a: b\n", "p.yaml")).toThrow(
    new ProfileError("p.yaml", [
      "not valid YAML: Nested mappings are not allowed in compact mappings at line 3, column 12 (primary: a: b)",
    ]),
  );
});

test("a JSON profile is parsed as JSON: a trailing comma is an error", () => {
  expect(() => parseProfile('{"name": "x", "credentials": {"primary": "A"},}', "p.json")).toThrow(/not valid JSON/);
  // Where: the line and column, on Node 20 as on Node 22 (whose message has them already).
  expect(() => parseProfile('{\n  "name": "x",,\n}', "p.json")).toThrow(/not valid JSON: .*line 2 column 15/);
  expect(parseProfile('{"name": "x", "credentials": {"primary": "A"}}', "p.json").name).toBe("x");
});

test("a pending code must be one the spec allows and not a final one", () => {
  expect(() => parseProfile("name: x\ncredentials: {primary: A}\npendingStatusCodes: [210]", "p.yaml")).toThrow(
    /210 is not a status.code the spec allows/,
  );
  expect(() => parseProfile("name: x\ncredentials: {primary: A}\npendingStatusCodes: [200]", "p.yaml")).toThrow(
    /200 is a final status.code/,
  );
});

test("standard input is read for -", () => {
  const loaded = loadProfile("-", () => "name: piped\ncredentials: {primary: A}\n");
  expect([loaded.profile.name, loaded.path, loaded.sha256]).toEqual(["piped", "-", expect.stringMatching(/^[0-9a-f]{64}$/)]);
});

test("an empty standard input, or a profile with no document, says it is empty", () => {
  const piped =
    "standard input is empty; pipe the profile into it (--profile - < my-target.yaml) or name its file (--profile my-target.yaml)";
  for (const text of ["", " \n\n"]) expect(() => loadProfile("-", () => text)).toThrow(new ProfileError("(standard input)", [piped]));
  const empty = "is empty (no YAML or JSON document in it); start from a copy of profiles/sandbox.yaml";
  for (const text of ["", "# only a comment\n"]) expect(() => parseProfile(text, "p.yaml")).toThrow(new ProfileError("p.yaml", [empty]));
  expect(() => loadProfile("-", () => "# a comment\n")).toThrow(new ProfileError("(standard input)", [empty]));
});

test("a profile that cannot be read says why: no file, a folder, standard input that failed", () => {
  expect(() => loadProfile(join(tmpdir(), "no-such-profile.yaml"))).toThrow(/no-such-profile\.yaml: file not found$/);
  expect(() => loadProfile(tmpdir())).toThrow(/: is a folder; name the file in it \(e\.g\. profiles\/sandbox\.yaml\)$/);
  const eagain = () => {
    throw Object.assign(new Error("read EAGAIN"), { code: "EAGAIN" });
  };
  expect(() => loadProfile("-", eagain)).toThrow(
    new ProfileError("(standard input)", [
      "standard input could not be read (EAGAIN); pipe the profile into it (--profile - < my-target.yaml) or name its file (--profile my-target.yaml)",
    ]),
  );
});

test("skipReason names the missing role, capability, strict switch or profile field", () => {
  expect(skipReason({ roles: ["secondary"] }, plan({ primary: "x" }))).toEqual({
    reason: expect.stringMatching(/no credential for the role secondary/),
    unverified: "out-of-scope",
  });
  expect(skipReason({ roles: ["primary"] }, plan({}))).toEqual({
    reason: expect.stringMatching(/TOKEN_A .* is not set/),
    unverified: "credential",
  });
  expect(skipReason({ capabilities: ["webhookTests"] }, plan({ primary: "x" }))?.reason).toMatch(/webhookTests/);
  expect(skipReason({ strict: ["exactEdges"] }, plan({ primary: "x" }))?.reason).toMatch(/exactEdges/);
  expect(skipReason({ profile: ["rateLimits"] }, plan({ primary: "x" }))?.reason).toMatch(/rateLimits/);
  expect(skipReason({ roles: ["primary"] }, plan({ primary: "x" }))).toBeUndefined();
});
