/**
 * Opens an HTML report from disk in headless Chromium (Debian's, through playwright-core) and
 * measures what a certifier waits for: the test tree on screen, the page's load event (until
 * then the browser tab shows its spinner), and every request the page tried to make.
 * Used by the browser test (reporting/allure-browser.test.ts) and `npm run bench`.
 */
import { existsSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Allure 3's tree: a group row, or a test row when the tree has no groups. */
export const TREE_SELECTOR = '[data-testid="tree-section"], [data-testid="tree-leaf"]';

/** What is on screen when each page of the report is ready to read: Allure's tree, the first requirement. */
export const READY_SELECTOR: Readonly<Record<string, string>> = {
  "index.html": TREE_SELECTOR,
  "by-requirement.html": '[data-testid="requirement"]',
};

/**
 * How the machine's network behaves for the page:
 * - closed: no name resolves, a request fails at once (a machine without DNS);
 * - blackhole: every name resolves to a local port that accepts and never answers, as behind
 *   a firewall that drops packets, the usual certification lab: a request hangs until it times out.
 */
export type NetworkMode = "closed" | "blackhole";

export interface OpenOptions {
  chromium?: string;
  network?: NetworkMode;
  /** Chromium's CPU slow-down factor (1 = none), to mimic a slower laptop. */
  cpuThrottle?: number;
  /** Wait this long for the tree and for the load event. */
  timeoutMs?: number;
  selector?: string;
  screenshot?: string;
  viewport?: { width: number; height: number };
}

export interface OpenMeasurement {
  /** From navigation start until the selector is on screen; null if it never showed. */
  treeVisibleMs: number | null;
  /** From navigation start until the load event; null if it did not fire in time. */
  loadEventMs: number | null;
  /** Every URL the page requested (data: URLs cut to their media type). */
  requests: string[];
  /** The requests outside file:, data: and blob:: what a report must never make. */
  external: string[];
  /** Fetches the page's Content-Security-Policy refused: attempts that never reached the network. */
  blocked: string[];
  consoleErrors: string[];
}

const LOCAL = /^(file|data|blob|about):/;

export function chromiumPath(candidate = DEFAULT_CHROMIUM): string | undefined {
  return existsSync(candidate) ? candidate : undefined;
}

export async function measureReportOpen(htmlPath: string, o: OpenOptions = {}): Promise<OpenMeasurement> {
  const { chromium } = await import("playwright-core");
  const timeoutMs = o.timeoutMs ?? 60_000;
  const hole = o.network === "blackhole" ? await blackhole() : undefined;
  const rules = hole ? `MAP * 127.0.0.1:${hole.port}` : "MAP * ~NOTFOUND";
  const browser = await chromium.launch({
    executablePath: o.chromium ?? DEFAULT_CHROMIUM,
    // The toolchain notes' flags: no background traffic of Chromium's own to muddle the record.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      `--host-resolver-rules=${rules}`,
    ],
  });
  try {
    const context = await browser.newContext({ viewport: o.viewport ?? { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    context.on("request", (r) => requests.push(r.url().startsWith("data:") ? r.url().slice(0, r.url().indexOf(",") + 1) : r.url()));
    // Page code is passed as text: this project compiles without the DOM's types.
    await context.addInitScript({
      content: `window.__blocked = []; document.addEventListener("securitypolicyviolation", (e) => window.__blocked.push(e.effectiveDirective + " " + e.blockedURI));`,
    });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text().slice(0, 300));
    });
    if (o.cpuThrottle && o.cpuThrottle > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: o.cpuThrottle });
    }
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "commit", timeout: timeoutMs });
    const started = Date.now();
    const treeVisibleMs = await pageClock(
      page,
      // Polled every frame in the page: the time is the page's own clock, not Playwright's round trips.
      `(() => { const el = document.querySelector(${JSON.stringify(o.selector ?? TREE_SELECTOR)}); return el && el.getBoundingClientRect().height > 0 ? performance.now() : false; })()`,
      "raf",
      timeoutMs,
    );
    const loadEventMs = await pageClock(
      page,
      `(() => { const nav = performance.getEntriesByType("navigation")[0]; return nav && nav.loadEventStart > 0 ? nav.loadEventStart : false; })()`,
      100,
      Math.max(1, timeoutMs - (Date.now() - started)),
    );
    if (o.screenshot) await page.screenshot({ path: o.screenshot });
    const blocked = (await page.evaluate("window.__blocked")) as string[];
    const round = (n: number | null) => (n === null ? null : Math.round(n));
    return {
      treeVisibleMs: round(treeVisibleMs),
      loadEventMs: round(loadEventMs),
      requests,
      external: requests.filter((u) => !LOCAL.test(u)),
      blocked,
      consoleErrors,
    };
  } finally {
    await browser.close();
    hole?.close();
  }
}

/** Waits for an expression to give a number (a time on the page's clock); null on timeout. */
async function pageClock(page: Page, expression: string, polling: number | "raf", timeout: number): Promise<number | null> {
  try {
    const handle = await page.waitForFunction(expression, undefined, { polling, timeout });
    return (await handle.jsonValue()) as number;
  } catch {
    return null;
  }
}

/** A local port that accepts connections and never answers. */
async function blackhole(): Promise<{ port: number; close: () => void }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on("error", () => {});
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
