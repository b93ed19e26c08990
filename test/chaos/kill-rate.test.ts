// The bounded kill-rate gate of the test command: chaos finds the known-bug profiles 2026.2.13 and 2026.2.14
// within a few seeds and shrinks each to a small reproduction; a few single-switch mutants of 2026.9 are
// killed; 2026.9 itself stays clean over the same seeds. The full gate is `pnpm sim chaos --kill-rate`.
import { describe, expect, it } from "vitest";
import { findProfile } from "../../src/index.ts";
import { isKilled, judgedProfile, killRate, knownBugTargets, mutantTargets, openBugTargets } from "../../sim/chaos-kill-rate.ts";
import { sweep } from "../../sim/chaos.ts";
import { findPreset } from "../../src/index.ts";

const seedStart = 424242n;
/** Seeds each target gets here (the full gate gives 200). */
const seedsMax = 6;
/** Mutants the bounded gate must kill (each died on its first seeds in the full run). */
const mutantsKilled = ["gateway.detailCodes=false", "client.controlUiSendsBuildId=false"];

describe("kill-rate (bounded)", () => {
  it("lists every profile with a known bug, from the library and the bug corpus", () => {
    const targets = knownBugTargets();
    expect(targets.map((t) => t.name)).toEqual(["2026.2.12", "2026.2.13", "2026.2.14", "2026.2.17", "2026.2.22", "2026.3.2", "2026.3", "2026.3.31", "2026.4", "2026.4.22", "2026.5", "2026.6", "2026.7"]);
    expect(targets.find((t) => t.name === "2026.2.14")!.why).toContain("token-priority-regression");
    expect(targets.find((t) => t.name === "2026.2.13")!.why).toContain("insecure-auth-remote-32034.yaml");
    expect(targets.find((t) => t.name === "2026.3")!.why).toContain("rotate-keeps-session-57646.yaml");
  });

  it("lists the newest profile's open bugs as targets, and judges mutants and cleanliness with them fixed", () => {
    expect(openBugTargets().map((t) => t.name)).toEqual(["2026.9 (open bug control-ui-pending-retry)"]);
    expect(openBugTargets()[0]!.profile).toBe(findProfile("2026.9"));
    expect(judgedProfile().client.pendingRetryDroppedWithoutStoredToken).toBe(true);
    // The mutant that flips the fix back is the open bug itself: a target like any other.
    expect(mutantTargets().map((t) => t.name)).toContain("client.pendingRetryDroppedWithoutStoredToken=false");
  });

  it("finds 2026.2.13 and 2026.2.14 and shrinks each to at most 15 steps", { timeout: 120_000 }, async () => {
    const targets = knownBugTargets().filter((t) => t.name === "2026.2.13" || t.name === "2026.2.14");
    const rows = await killRate({ targets, seedStart, seedsMax, preset: "light", workers: 1, shrink: true });
    for (const row of rows) {
      expect(row.outcome?.firstFailSeed, row.target.name).toBeDefined();
      expect(row.outcome!.shrunk!.steps, row.target.name).toBeLessThanOrEqual(15);
    }
  });

  it("kills the chosen mutants by an invariant", { timeout: 120_000 }, async () => {
    const targets = mutantTargets().filter((t) => mutantsKilled.includes(t.name));
    expect(targets).toHaveLength(mutantsKilled.length);
    const rows = await killRate({ targets, seedStart, seedsMax, preset: "light", workers: 1, shrink: false });
    for (const row of rows) {
      expect(isKilled(row), row.target.name).toBe(true);
      expect(row.outcome?.firstFailSeed, row.target.name).toBeDefined();
    }
  });

  it("2026.9 (open bugs fixed) stays clean over the same seeds", { timeout: 120_000 }, async () => {
    const summary = await sweep({ seedStart, runs: seedsMax, workers: 1, preset: findPreset("light")!, profile: judgedProfile() });
    expect(summary.rows.filter((r) => r.verdict === "fail")).toEqual([]);
  });
});
