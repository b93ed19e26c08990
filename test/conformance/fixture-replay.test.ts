// The recorded conformance fixtures (test/fixtures/conformance/*.json, written by `pnpm sim conformance
// --report DIR`) replayed offline through the model: the divergent attempts must be exactly the known number
// (test/fixtures/conformance/known-divergences.json), so a model change that fixes or breaks one shows here.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProfile, type Profile } from "../../src/index.ts";
import { compareDigests, parseConformanceFixture, replayConformanceFixture, type ConformanceFixture } from "../../sim/conformance/fixture.ts";

const dir = join(import.meta.dirname, "..", "fixtures", "conformance");
const known = JSON.parse(readFileSync(join(dir, "known-divergences.json"), "utf8")) as Record<string, { profile: string; divergentAttempts: number; firstDivergent: string | null }>;
const files = readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "known-divergences.json").sort();

function divergentMain(fixture: ConformanceFixture, profile: Profile): string[] {
  const names = replayConformanceFixture(fixture, profile).filter((d) => /^c\d+(-op)?$/.test(d.attempt)).map((d) => `${d.run}/${d.attempt}`);
  return [...new Set(names)];
}

describe("conformance fixtures replay offline", () => {
  it("every fixture has a known-divergence entry", () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => known[f] === undefined)).toEqual([]);
  });
  for (const file of files) {
    it(`${file}: divergent attempts as known`, () => {
      const fixture = parseConformanceFixture(readFileSync(join(dir, file), "utf8"), file);
      const entry = known[file]!;
      const divergent = divergentMain(fixture, findProfile(entry.profile)!);
      expect(divergent.length).toBe(entry.divergentAttempts);
      expect(divergent[0] ?? null).toBe(entry.firstDivergent);
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
