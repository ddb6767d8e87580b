// An older run's artifacts leave their place at once, and are gone once removed.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { clearArtifacts } from "./clear-artifacts.js";

const dir = mkdtempSync(join(tmpdir(), "idme-clear-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("clearArtifacts", () => {
  it("moves the artifacts aside synchronously and deletes them, leaving history and other files", async () => {
    mkdirSync(join(dir, "allure-results"));
    for (let i = 0; i < 50; i++) writeFileSync(join(dir, "allure-results", `${i}-result.json`), "{}");
    mkdirSync(join(dir, "history"));
    writeFileSync(join(dir, "junit.xml"), "<x/>");
    writeFileSync(join(dir, "mine.txt"), "kept");
    const done = clearArtifacts([join(dir, "allure-results"), join(dir, "junit.xml"), join(dir, "coverage.md")], dir);
    expect(existsSync(join(dir, "allure-results"))).toBe(false);
    expect(existsSync(join(dir, "junit.xml"))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith(".old-run-"))).toHaveLength(1);
    expect(await done.remove()).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(["history", "mine.txt"]);
  });

  it("removes what an interrupted run left aside, too", async () => {
    const left = join(dir, "left");
    mkdirSync(join(left, ".old-run-abc123", "0-allure-results"), { recursive: true });
    writeFileSync(join(left, "junit.xml"), "<x/>");
    expect(await clearArtifacts([join(left, "junit.xml")], left).remove()).toBeUndefined();
    expect(readdirSync(left)).toEqual([]);
    mkdirSync(join(left, ".old-run-def456"));
    expect(await clearArtifacts([join(left, "junit.xml")], left).remove()).toBeUndefined();
    expect(readdirSync(left)).toEqual([]);
    // Allure's working folder of a killed run's HTML report.
    mkdirSync(join(left, ".allure-staging-Ab12Cd", "out"), { recursive: true });
    expect(await clearArtifacts([join(left, "junit.xml")], left).remove()).toBeUndefined();
    expect(readdirSync(left)).toEqual([]);
  });

  it("creates nothing when there is nothing to clear", async () => {
    const empty = join(dir, "empty");
    expect(await clearArtifacts([join(empty, "junit.xml")], empty).remove()).toBeUndefined();
    expect(existsSync(empty)).toBe(false);
  });
});
