// The recorded conformance fixtures (test/fixtures/conformance/*.json, written by `pnpm sim conformance
// --report DIR`) replayed offline through the model: the divergent attempts, and those that agree only elsewhere
// in their recorded time bounds (timingBounded), must be exactly the known numbers
// (test/fixtures/conformance/known-divergences.json), so a model change that fixes or breaks one shows here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProfile, type Profile } from "../../src/index.ts";
import { compareDigests, countedAttempt as counted, parseConformanceFixture, replayFixtureBounded, type ConformanceFixture } from "../../sim/conformance/fixture.ts";

const dir = join(import.meta.dirname, "..", "fixtures", "conformance");
const known = JSON.parse(readFileSync(join(dir, "known-divergences.json"), "utf8")) as Record<string, { profile: string; divergentAttempts: number; timingBounded?: number; firstDivergent: string | null }>;
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "known-divergences.json").sort();


/** The main attempts that diverge, and those that agree only elsewhere in their recorded time bounds. */
function replayMain(fixture: ConformanceFixture, profile: Profile): { divergent: string[]; timingBounded: string[] } {
  const replay = replayFixtureBounded(fixture, profile);
  return {
    divergent: [...new Set(replay.divergences.filter((d) => counted(d.attempt)).map((d) => `${d.run}/${d.attempt}`))],
    timingBounded: replay.timingBounded.filter((name) => counted(name.slice(name.lastIndexOf("/") + 1))),
  };
}

const divergentMain = (fixture: ConformanceFixture, profile: Profile): string[] => replayMain(fixture, profile).divergent;

describe("conformance fixtures replay offline", () => {
  it("every fixture has a known-divergence entry", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => known[f] === undefined)).toEqual([]);
  });
  for (const file of files) {
    it(`${file}: divergent and timing-bounded attempts as known`, () => {
      const fixture = parseConformanceFixture(readFileSync(join(dir, file), "utf8"), file);
      const entry = known[file]!;
      const { divergent, timingBounded } = replayMain(fixture, findProfile(entry.profile)!);
      expect(divergent.length).toBe(entry.divergentAttempts);
      expect(divergent[0] ?? null).toBe(entry.firstDivergent);
      expect(timingBounded.length).toBe(entry.timingBounded ?? 0);
    }, 120_000);
  }
  it("the replay is sensitive: a 2026.9 switch turned off adds divergences", () => {
    const file = "conformance-openclaw-2026.9.6-seed-31337.json";
    const fixture = parseConformanceFixture(readFileSync(join(dir, file), "utf8"), file);
    const base = findProfile("2026.9")!;
    const off = { ...base, gateway: { ...base.gateway, browserCopilotClass: false } };
    // The first 600 steps are enough to see it and keep the test short.
    const head = { ...fixture, runs: fixture.runs.map((r) => ({ ...r, steps: r.steps.slice(0, 600) })) };
    expect(divergentMain(head, off).length).toBeGreaterThan(divergentMain(head, base).length);
  }, 120_000);
  it("digests compare hello fields only when both sides said hello-ok", () => {
    expect(compareDigests("r", "a", { ok: false, "error.code": "X" }, { ok: true, "hello.auth.scopes": [] })).toEqual([
      { run: "r", attempt: "a", field: "ok", real: false, model: true },
      { run: "r", attempt: "a", field: "error.code", real: "X", model: undefined },
    ]);
  });
});
