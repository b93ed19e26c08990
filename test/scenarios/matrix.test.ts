// The library's gate: every scenario under every profile gets the verdict it declares (what `pnpm sim gate`
// checks), every scenario declares all profiles explicitly, and a run is a pure function of its seed.
import { describe, expect, it } from "vitest";
import { expectedVerdict, profileNames, profiles, runScenario, type RunResult } from "../../src/index.ts";
import { findScenario, scenarios } from "../../scenarios/index.ts";

const seed = 424242n;

function findingsText(result: RunResult): string {
  const lines = result.findings.map((f) => `  - ${f.kind} [${f.invariant}] ${f.message}`);
  return `${result.scenario} under ${result.profile}: ${result.verdict}, declared ${result.expected}\n${lines.join("\n") || "  (no findings)"}\n  replay: ${result.replayCommand}`;
}

describe("scenario library", () => {
  it("names are unique and every scenario declares a verdict for every profile", () => {
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
    for (const s of scenarios) expect(Object.keys(s.expect ?? {}).sort(), s.name).toEqual(profileNames().sort());
  });

  describe.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, scenario) => {
    it.each(profiles.map((p) => [p.name, p] as const))("under %s gets its declared verdict", async (_p, profile) => {
      const result = await runScenario(scenario, { seed, profile });
      expect(result.verdict, findingsText(result)).toBe(expectedVerdict(scenario, profile.name));
      expect(result.findings.filter((f) => f.kind === "crash" || f.invariant === "setup" || f.invariant === "budget"), findingsText(result)).toEqual([]);
    });
  });

  it("the same seed gives the same trace hash; another seed another hash", async () => {
    const storm = findScenario("gateway-restart-storm")!;
    const profile = profiles.find((p) => p.name === "2026.9")!;
    const a = await runScenario(storm, { seed, profile });
    const b = await runScenario(storm, { seed, profile });
    const c = await runScenario(storm, { seed: seed + 1n, profile });
    expect(b.traceHash).toBe(a.traceHash);
    expect(c.traceHash).not.toBe(a.traceHash);
  });
});
