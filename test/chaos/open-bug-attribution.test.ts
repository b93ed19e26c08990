// A chaos failure is put down to an open bug (src/profiles/open-bugs.ts) only when the same seed passes with that
// bug's fix; a profile without open bugs (a mutant, an older release) attributes nothing.
import { describe, expect, it } from "vitest";
import { findMutant, findPreset, findProfile, profiles, type SeedRow } from "../../src/index.ts";
import { runChaosPlan } from "../../sim/chaos-run.ts";
import { openBugOfSeeds } from "../../sim/chaos.ts";

const light = findPreset("light")!;
/** A light seed that fails under 2026.9 on the two-tab retry: the first from 424242 since device-less scope keepers
 *  need a local client (2026-12-05; 424373 was, until a remote backend's scopes stopped letting it reach the bug). */
const twoTabSeed = 424454n;

describe("open-bug attribution of chaos failures", () => {
  it("a seed that fails under 2026.9 and passes with the fix is the open bug", { timeout: 60_000 }, async () => {
    const p = findProfile("2026.9")!;
    const result = await runChaosPlan(twoTabSeed, light, p);
    expect(result.verdict).toBe("fail");
    const row: SeedRow = { seed: String(twoTabSeed), verdict: "fail", invariants: ["retries-bounded"], traceHash: result.traceHash, steps: result.stats.steps };
    const known = await openBugOfSeeds([row], light, p);
    expect(known.get(String(twoTabSeed))?.name).toBe("control-ui-pending-retry");
  });

  it("a profile that carries no open bug attributes nothing (here the fix flipped back, as a mutant)", { timeout: 60_000 }, async () => {
    const mutant = findMutant("2026.9~client.pendingRetryDroppedWithoutStoredToken", profiles)!;
    const result = await runChaosPlan(twoTabSeed, light, mutant);
    expect(result.verdict).toBe("fail");
    const row: SeedRow = { seed: String(twoTabSeed), verdict: "fail", invariants: ["retries-bounded"], traceHash: result.traceHash, steps: result.stats.steps };
    expect((await openBugOfSeeds([row], light, mutant)).size).toBe(0);
  });
});
