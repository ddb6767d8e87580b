// The HTML post-processing on its own: analytics out, CSP in, data before code, the verdict bar,
// the verdict's wording and the tree labels. reporting/allure-report.test.ts runs it on a real report.
import { describe, expect, it } from "vitest";
import { treeLabels } from "./allure.js";
import { bannerHtml, injectBanner } from "./allure-banner.js";
import { dataBeforeApp } from "./allure-load-order.js";
import { externalFetches, isRemote, makeOffline, REPORT_CSP } from "./allure-offline.js";
import { fixtureCertification } from "./allure-fixture.js";
import { verdictHeadline } from "./allure-verdict.js";

// The shape of Allure 3.18's awesome template, with more of what a later template might add.
const TEMPLATE = `<!DOCTYPE html>
<html dir="ltr" lang="en">
<head>
    <meta charset="utf-8">
    <title> Report </title>
    <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'%3E%3C/svg%3E">
    <link rel="preconnect" href="https://fonts.googleapis.com">
    <link rel="dns-prefetch" href="//cdn.example.com">
    <link rel="stylesheet" href="https://cdn.example.com/x.css">
</head>
<body>
    <div class="allure-app-loader"><svg xmlns="http://www.w3.org/2000/svg"></svg></div>
    <div id="app"></div>
    <img src="https://tracker.example.com/pixel.gif" alt="">
    <a href="https://developers.id.me/documentation">docs</a>
    <script src="data:text/javascript;base64,Y29uc29sZS5sb2coMSk="></script>
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0"></script>
    <script>
        window.dataLayer = window.dataLayer || [];
        function gtag(){dataLayer.push(arguments);}
        gtag('js', new Date());
    </script>
    <script async>
      window.allureReportData = window.allureReportData || {};
      function d(name, value){ window.allureReportData[name] = value; }
    </script>
    <script defer>Promise.allSettled([d("widgets/tree.json","e30=")])</script>
</body>
</html>`;

describe("makeOffline", () => {
  it("removes the analytics and every element that would fetch from another origin, keeps links and data", () => {
    const { html, removed } = makeOffline(TEMPLATE);
    expect(html).not.toMatch(/googletagmanager|gtag|dataLayer|fonts\.googleapis|cdn\.example|tracker\.example/);
    expect(html).toContain('<a href="https://developers.id.me/documentation">docs</a>');
    expect(html).toContain("data:text/javascript;base64,Y29uc29sZS5sb2coMSk=");
    expect(html).toContain('d("widgets/tree.json","e30=")');
    expect(removed).toHaveLength(6);
    expect(removed.join("\n")).toMatch(/script src=https:\/\/www\.googletagmanager\.com/);
    expect(externalFetches(html)).toEqual([]);
  });

  it("puts one Content-Security-Policy first in <head>, allowing no origin", () => {
    const once = makeOffline(TEMPLATE).html;
    const twice = makeOffline(once).html;
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice.indexOf("Content-Security-Policy")).toBeLessThan(twice.indexOf("<script"));
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).toContain("connect-src data: blob:");
    expect(REPORT_CSP).not.toMatch(/https?:|'self'|\*/);
  });
});

describe("externalFetches", () => {
  it("finds what Allure's template has today", () => {
    expect(externalFetches(TEMPLATE)).toEqual(
      expect.arrayContaining([
        "<script> src=https://www.googletagmanager.com/gtag/js?id=G-LNDJ3J7WT0",
        "<link> href=https://fonts.googleapis.com",
        "<link> href=//cdn.example.com",
        "<img> src=https://tracker.example.com/pixel.gif",
      ]),
    );
  });

  it("reads stylesheets, srcset, refresh and bare URLs; ignores links, namespaces and data:", () => {
    const css = Buffer.from("@font-face{src:url(https://fonts.example.com/a.woff2)}").toString("base64");
    const found = externalFetches(
      [
        `<style>@import "https://cdn.example.com/a.css"; .x{background:url('data:image/png;base64,AA==')}</style>`,
        `<div style="background:url(https://img.example.com/b.png)"></div>`,
        `<link rel="stylesheet" href="data:text/css;base64,${css}">`,
        `<img srcset="data:image/png;base64,AA== 1x, https://img.example.com/c.png 2x">`,
        `<meta http-equiv="refresh" content="0; url=https://example.com/">`,
        `<script>fetch("https://api.example.com/beacon")</script>`,
        `<a href="https://example.com/docs">x</a><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"></svg>`,
      ].join("\n"),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        "<style> https://cdn.example.com/a.css",
        "style attribute https://img.example.com/b.png",
        "data: stylesheet https://fonts.example.com/a.woff2",
        "<img> srcset=https://img.example.com/c.png",
        "<meta> refresh with a URL",
        "url https://api.example.com/beacon",
      ]),
    );
    expect(found.join("\n")).not.toMatch(/example\.com\/docs|w3\.org/);
  });

  it("tells remote URLs from local ones", () => {
    for (const u of ["https://x.org/a", "http://x", "//x.org/a", "ws://x", "ftp://x"]) expect(isRemote(u)).toBe(true);
    for (const u of ["data:text/css,x", "blob:null/1", "file:///tmp/a.html", "widgets/tree.json", "#top", "index.html"])
      expect(isRemote(u)).toBe(false);
  });
});

describe("dataBeforeApp", () => {
  it("moves the app bundle after the data scripts, to the end of <body>", () => {
    const html = dataBeforeApp(TEMPLATE);
    const bundle = html.indexOf("data:text/javascript;base64");
    expect(bundle).toBeGreaterThan(html.indexOf("window.allureReportData ="));
    expect(bundle).toBeGreaterThan(html.indexOf('d("widgets/tree.json"'));
    expect(bundle).toBeLessThan(html.indexOf("</body>"));
    expect(html.match(/data:text\/javascript/g)).toHaveLength(1);
    expect(dataBeforeApp("<p>no bundle</p>")).toBe("<p>no bundle</p>");
  });
});

describe("verdict bar", () => {
  const views = [
    { file: "index.html", label: "by operation" },
    { file: "by-requirement.html", label: "by requirement" },
  ];
  it("shows the verdict and links the other views by file name", () => {
    const bar = bannerHtml({ verdict: "NON-CONFORMANT", line: "NON-CONFORMANT: 1 of 3 <MUST>" }, views, "index.html");
    expect(bar).toContain("NON-CONFORMANT: 1 of 3 &#60;MUST&#62;");
    expect(bar).toContain('<strong aria-current="page">by operation</strong>');
    expect(bar).toContain('<a href="by-requirement.html"');
    expect(externalFetches(bar)).toEqual([]);
  });

  it("goes first in <body>, once", () => {
    const bar = bannerHtml(undefined, views, "by-requirement.html");
    const html = injectBanner(injectBanner("<html><body class='x'><div id=app></div></body></html>", bar), bar);
    expect(html.match(/idme-report-views/g)).toHaveLength(1);
    expect(html.indexOf("idme-report-views")).toBeLessThan(html.indexOf("id=app"));
  });
});

describe("verdictHeadline", () => {
  const base = fixtureCertification();

  it("heads the report with the certification's summary line, scope included", () => {
    const h = verdictHeadline(base);
    expect(h.line).toBe(base.summary);
    expect(h.verdict).toBe("NON-CONFORMANT");
    expect(h.variables).toMatchObject({ Verdict: "NON-CONFORMANT", "MUST failed": "1: HEALTH-01" });
  });

  it("says how many of Allure's passed tests were only observed (OPEN requirements), and nothing when none was", () => {
    const tests = { ...base.totals.tests, observed: 6 };
    expect(verdictHeadline({ ...base, totals: { ...base.totals, tests } }).variables["Observed (OPEN)"]).toBe("6 tests, shown as passed");
    const none = { ...base.totals.tests, observed: 0 };
    expect(verdictHeadline({ ...base, totals: { ...base.totals, tests: none } }).variables).not.toHaveProperty("Observed (OPEN)");
  });

  it("says INCOMPLETE and COULD NOT RUN for those verdicts", () => {
    expect(verdictHeadline({ ...base, verdict: "incomplete" }).verdict).toBe("INCOMPLETE");
    expect(verdictHeadline({ ...base, verdict: "could-not-run" }).verdict).toBe("COULD NOT RUN");
  });
});

describe("treeLabels", () => {
  const registry = new Map([
    ["ACCESS-09", { level: "MUST" as const, basis: "DECISION" as const, text: "answers 403 first" }],
    ["OBS-01", { level: "MAY" as const, basis: "OPEN" as const, text: "what the target says" }],
  ]);
  it("gives a test one value per tree label, so Allure's tree counts it once", () => {
    const r = {
      labels: [
        { name: "requirement", value: "ACCESS-09" },
        { name: "feature", value: "telecom" },
        { name: "feature", value: "document" },
        { name: "story", value: "verifyPassport" },
        { name: "story", value: "verifyLicense" },
        { name: "story", value: "verifyLicense" },
      ],
    };
    r.labels = treeLabels(r.labels, (id) => registry.get(id));
    const values = (name: string) => r.labels.filter((l) => l.name === name).map((l) => l.value);
    expect(values("feature")).toEqual(["telecom, document"]);
    expect(values("story")).toEqual(["verifyPassport, verifyLicense"]);
    expect(values("obligation")).toEqual(["MUST"]);
    expect(values("requirementTitle")).toEqual(["ACCESS-09: answers 403 first"]);
    r.labels = treeLabels(r.labels, (id) => registry.get(id));
    expect(values("obligation")).toEqual(["MUST"]);
  });

  it("files OPEN requirements apart from the judged ones", () => {
    const r = { labels: [{ name: "requirement", value: "OBS-01" }] };
    r.labels = treeLabels(r.labels, (id) => registry.get(id));
    expect(r.labels).toContainEqual({ name: "obligation", value: "OPEN MAY (observed, never judged)" });
  });
});
