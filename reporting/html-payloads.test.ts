// The payloads set aside while the report's markup is processed: everything put back, nothing a pass looks for
// hidden, and the passes' results on the skeleton the same as on the whole file.
import { describe, expect, it } from "vitest";
import { dataBeforeApp } from "./allure-load-order.js";
import { externalFetches, makeOffline } from "./allure-offline.js";
import { setPayloadsAside } from "./html-payloads.js";

const b64 = (text: string) => Buffer.from(text).toString("base64");
const big = (seed: string) => b64(seed.repeat(600));
const remoteCss = b64(`${"a{color:red}".repeat(60)} body{background:url(https://cdn.example.com/bg.png)}`);

// Allure's single file in small: a data: bundle, embedded data, and what a pass must still find.
const REPORT = `<!DOCTYPE html><html><head><title>CONFORMANT — 83 of 83 “MUST” ✓</title>
<link rel="stylesheet" href="data:text/css;base64,${remoteCss}">
</head><body><div id="app"></div>
<script src="data:text/javascript;base64,${big("console.log(1);")}"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
<script>window.dataLayer = window.dataLayer || [];</script>
<script defer>Promise.allSettled([d("widgets/tree.json","${big('{"a":1}')}"),d("data/x.json","e30=")])</script>
<img src="https://tracker.example.com/p.gif">
</body></html>`;

describe("setPayloadsAside", () => {
  it("replaces each long quoted base64 run by a token and restore puts every byte back", () => {
    const { skeleton, restore } = setPayloadsAside(REPORT);
    expect(skeleton.length).toBeLessThan(REPORT.length / 4);
    expect(skeleton).toContain('d("data/x.json","e30=")'); // short payloads stay
    expect(restore(skeleton)).toBe(REPORT);
  });

  it("reads the file's bytes and gives the bytes back: every byte of the markup, multi-byte characters too", () => {
    const bytes = Buffer.from(REPORT, "utf8");
    const { skeleton, restore, restoreBytes } = setPayloadsAside(bytes);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0001 delimits html-payloads.ts's tokens
    const tokensAlike = (t: string) => t.replace(/\u0001[0-9a-f]{16}(\d+)\u0001/g, "<payload $1>");
    expect(tokensAlike(skeleton)).toBe(tokensAlike(setPayloadsAside(REPORT).skeleton));
    expect(skeleton).toContain("CONFORMANT — 83 of 83 “MUST” ✓");
    expect(restoreBytes(skeleton).equals(bytes)).toBe(true);
    expect(restore(skeleton)).toBe(REPORT);
    const edited = skeleton.replace('<div id="app">', '<div id="app"><b>ünïcode</b>');
    expect(restoreBytes(edited).toString("utf8")).toBe(REPORT.replace('<div id="app">', '<div id="app"><b>ünïcode</b>'));
  });

  it("leaves a file without long payloads as it is", () => {
    const html = `<p title="${"A".repeat(100)}">x</p>`;
    expect(setPayloadsAside(html).skeleton).toBe(html);
  });

  it("does not set aside a long stretch that is not all base64 (markup, a URL, a call)", () => {
    const html = `<p title="${"A".repeat(600)} https://evil.example/x">x</p><i data-x="${"B".repeat(600)}(1)">`;
    expect(setPayloadsAside(html).skeleton).toBe(html);
  });

  it("gives the passes the same result as the whole file: removed, kept and found alike", () => {
    const whole = makeOffline(dataBeforeApp(REPORT));
    const { skeleton, restore } = setPayloadsAside(REPORT);
    const part = makeOffline(dataBeforeApp(skeleton));
    expect(restore(part.html)).toBe(whole.html);
    expect(part.removed).toEqual(whole.removed);
    expect(whole.removed.length).toBeGreaterThan(0);
    // The data: stylesheet's url() is read through restore, as it is in the whole file.
    expect(externalFetches(part.html, restore)).toEqual(externalFetches(whole.html));
    expect(externalFetches(whole.html)).toEqual(["data: stylesheet https://cdn.example.com/bg.png"]);
  });

  it("restores only its own tokens: text added later that looks like one stays as it is", () => {
    const { skeleton, restore, restoreBytes } = setPayloadsAside(REPORT);
    const forged = `${skeleton}<p>\u00010\u0001 \u0001deadbeefdeadbeef0\u0001</p>`;
    expect(restore(forged)).toBe(`${REPORT}<p>\u00010\u0001 \u0001deadbeefdeadbeef0\u0001</p>`);
    expect(restoreBytes(forged).toString("utf8")).toBe(restore(forged));
  });
});
