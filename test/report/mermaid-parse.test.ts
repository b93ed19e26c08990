// The Markdown report's Mermaid diagram must render on GitHub: Mermaid's own parser (the `mermaid` package,
// loaded into headless Chromium because it needs a DOM) must accept the diagram of a real seed-bug run and of
// the hostile fixture, and render it to SVG. A broken diagram is rejected by the same check (so it can fail).
// Without Chromium the test is skipped with a visible warning, like the HTML screenshot test.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProfile, renderMarkdown, runScenario } from "../../src/index.ts";
import { findScenario } from "../../scenarios/index.ts";
import { sampleResult } from "./fixture.ts";
import { chromiumPath, launchArgs } from "./chromium.ts";

const mermaidBundle = join(dirname(createRequire(import.meta.url).resolve("mermaid/package.json")), "dist", "mermaid.min.js");

function mermaidBlock(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  expect(match, "a ```mermaid block").not.toBeNull();
  return match![1]!;
}

type Verdict = { ok: true; svg: number } | { ok: false; error: string };

describe("Mermaid diagrams in the Markdown report", () => {
  it.skipIf(!chromiumPath || !existsSync(mermaidBundle))("pass Mermaid's parser and render, and a broken one does not", async () => {
    const profile = findProfile("2026.2.14")!;
    const scenario = findScenario("token-priority-regression")!;
    const run = await runScenario(scenario, { seed: 424242n, profile });
    expect(run.verdict).toBe("fail");
    const seedBug = mermaidBlock(renderMarkdown(run));
    expect(seedBug).toMatch(/box .* host gw/);
    expect(seedBug).toMatch(/participant p\d+ as backend/);
    expect(seedBug).toMatch(/FINDING correctness retries-bounded/);
    const hostile = mermaidBlock(renderMarkdown(sampleResult()));
    const broken = `${seedBug}\n  p0->>: no target`;

    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
    try {
      const page = await browser.newPage();
      await page.setContent("<!DOCTYPE html><html><body></body></html>");
      await page.addScriptTag({ path: mermaidBundle });
      const check = (text: string): Promise<Verdict> =>
        page.evaluate(async (diagram) => {
          const m = (window as unknown as { mermaid: { initialize(o: object): void; parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
          m.initialize({ startOnLoad: false, securityLevel: "strict" });
          try {
            await m.parse(diagram);
            const { svg } = await m.render(`d${Math.floor(performance.now())}`, diagram);
            return { ok: true as const, svg: svg.length };
          } catch (error) {
            return { ok: false as const, error: String(error).slice(0, 300) };
          }
        }, text);
      const results = { seedBug: await check(seedBug), hostile: await check(hostile), broken: await check(broken) };
      expect(results.seedBug).toMatchObject({ ok: true });
      expect(results.hostile).toMatchObject({ ok: true });
      expect(results.broken).toMatchObject({ ok: false });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
