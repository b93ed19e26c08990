// Opens the HTML report in real headless Chromium (playwright-core driving the system's `chromium`): it must
// render without console or page errors, load nothing from outside the file, draw one lane per actor and
// the finding marker, keep hostile frame text inert, and show an item's JSON on click. A screenshot lands in
// reports/html-screenshot.png. Without Chromium the test is skipped with a visible warning.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { renderHtml } from "../../src/report/index.ts";
import { sampleResult } from "./fixture.ts";

const repoRoot = join(import.meta.dirname, "..", "..");
const launchArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

function findChromium(): string | undefined {
  try {
    const found = execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
    if (found) return found.split("\n")[0];
  } catch {
    // not on PATH
  }
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const chromiumPath = findChromium();
if (!chromiumPath) console.warn("[report] Chromium not found (run .ci/install-chromium): skipping the headless HTML report test");

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
      expect(lanes).toEqual(["world", "gateway-host", "laptop", "gateway", "cli", "operator", "net"]);
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
      await hello.click();
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
});
