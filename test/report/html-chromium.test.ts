// Opens the HTML report in real headless Chromium (playwright-core driving the system's `chromium`): it must
// render without console or page errors, load nothing from outside the file, draw one lane per actor and
// the finding marker, keep hostile frame text inert, and show an item's JSON on click. A screenshot lands in
// reports/html-screenshot.png. Without Chromium the test is skipped with a visible warning.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/report/index.ts";
import { sampleResult } from "./fixture.ts";
import { chromiumPath, launchArgs } from "./chromium.ts";

const repoRoot = join(import.meta.dirname, "..", "..");

describe("HTML report in headless Chromium", () => {
  it.skipIf(!chromiumPath)("renders without errors, draws lanes, arrows and the finding marker, and shows JSON on click", async () => {
    const { chromium } = await import("playwright-core");
    const result = sampleResult();
    const dir = mkdtempSync(join(tmpdir(), "clawsim-report-"));
    const file = join(dir, "report.html");
    writeFileSync(file, renderHtml(result));

    const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
      const problems: string[] = [];
      const outside: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("request", (request) => {
        const url = request.url();
        if (!url.startsWith("file:") && !url.startsWith("data:")) outside.push(url);
      });
      await page.goto(pathToFileURL(file).href, { waitUntil: "load" });

      const lanes = await page.$$eval("svg#timeline line.lane", (lines) => lines.map((l) => l.getAttribute("data-lane")));
      expect(lanes).toEqual(["world", "gateway-host", "cli", "gateway", "operator", "net", "laptop"]);
      expect(await page.$$eval(".lane-head .lane-name", (els) => els.map((e) => e.textContent))).toEqual(lanes);

      const marker = page.locator("svg#timeline .finding-marker[data-finding='0']");
      expect(await marker.count()).toBe(1);
      expect(await marker.getAttribute("data-i")).toBe(String(result.findings[0]!.firstEventIndex));
      expect(await page.locator("svg#timeline .band-fault").count()).toBe(1);
      expect(await page.locator("svg#timeline .point.close").count()).toBe(2);
      expect(await page.locator("svg#timeline .arrow.tone-error").count()).toBeGreaterThan(0);
      expect(await page.locator("svg#timeline .arrow.tone-ok").count()).toBeGreaterThan(0);

      // The close reason carries <img onerror=…>: it must stay text.
      expect(await page.locator("img").count()).toBe(0);
      expect(await page.locator("svg#timeline").textContent()).toContain('<img src=x onerror="alert(1)">');

      const hello = page.locator("svg#timeline .arrow.tone-ok").first();
      await hello.dispatchEvent("click");
      const detail = await page.locator("#detail-json").textContent();
      expect(detail).toContain('"hello-ok"');
      expect(detail).toContain('"arrived"');

      mkdirSync(join(repoRoot, "reports"), { recursive: true });
      await page.screenshot({ path: join(repoRoot, "reports", "html-screenshot.png"), fullPage: true });
      expect(outside).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!chromiumPath)("keeps every lane visible and clear of the event panel, labels above their arrows, at 1280 and 2560 px", async () => {
    const { chromium } = await import("playwright-core");
    const { findProfile, runScenario } = await import("../../src/index.ts");
    const { findScenario } = await import("../../scenarios/index.ts");
    const run = await runScenario(findScenario("token-priority-regression")!, { seed: 424242n, profile: findProfile("2026.2.14")! });
    const dir = mkdtempSync(join(tmpdir(), "clawsim-report-"));
    const pages = { sample: join(dir, "sample.html"), seedBug: join(dir, "seed-bug.html") };
    writeFileSync(pages.sample, renderHtml(sampleResult()));
    writeFileSync(pages.seedBug, renderHtml(run));
    const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
    try {
      for (const width of [1280, 2560]) {
        for (const [name, file] of Object.entries(pages)) {
          const page = await browser.newPage({ viewport: { width, height: 1000 } });
          await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
          await page.locator("svg#timeline").scrollIntoViewIfNeeded();
          const geometry = await page.evaluate(() => {
            type Box = { left: number; right: number; top: number; bottom: number };
            const box = (el: Element): Box => {
              const r = el.getBoundingClientRect();
              return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
            };
            const heads = [...document.querySelectorAll(".lane-head .lane-name")].map((el) => ({ name: el.textContent ?? "", ...box(el) }));
            const panel = box(document.querySelector("aside")!);
            const struck: string[] = [];
            for (const g of document.querySelectorAll("svg#timeline g.arrow")) {
              const line = g.querySelector("line.shaft");
              const text = g.querySelector("text:not(.cross)");
              if (!line || !text) continue;
              const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((a) => Number(line.getAttribute(a)));
              const b = (text as SVGTextElement).getBBox();
              const yAt = (x: number) => (x2 === x1 ? Math.min(y1!, y2!) : y1! + ((y2! - y1!) * Math.min(1, Math.max(0, (x - x1!) / (x2! - x1!)))));
              const lineTop = Math.min(yAt(b.x + 2), yAt(b.x + b.width - 2));
              if (b.y + b.height - 2 > lineTop) struck.push(text.textContent ?? "");
            }
            return { heads, panel, struck, viewport: window.innerWidth };
          });
          const overlaps = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
            a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(geometry.heads.length, `${name} at ${width}px has lanes`).toBeGreaterThan(2);
          for (const head of geometry.heads) {
            expect(head.left, `${name} lane ${head.name} at ${width}px`).toBeGreaterThanOrEqual(0);
            expect(head.right, `${name} lane ${head.name} at ${width}px`).toBeLessThanOrEqual(geometry.viewport);
            expect(overlaps(head, geometry.panel), `${name} lane ${head.name} under the panel at ${width}px`).toBe(false);
          }
          expect(geometry.struck, `${name} at ${width}px: labels crossed by their arrow`).toEqual([]);
          mkdirSync(join(repoRoot, "reports"), { recursive: true });
          await page.screenshot({ path: join(repoRoot, "reports", `html-${name}-${width}.png`) });
          await page.close();
        }
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
