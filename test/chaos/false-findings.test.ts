// Chaos seeds that were false findings under 2026.9 (invariant defects, fixed 2026-12-04) and must stay clean:
// 425131 (shared-secret-sessions-closed counted only a reported close while a delay fault held gateway frames),
// 13 (retries-bounded counted the retries a starting gateway asked for with close 1013), 166 (scopes-within-
// approval judged a local backend's locality by its Host header, where the release looks at the loopback peer).
import { describe, expect, it } from "vitest";
import { runChaosPlan } from "../../sim/chaos-run.ts";
import { findPreset, findProfile } from "../../src/index.ts";

describe("former false findings of chaos under 2026.9", () => {
  for (const seed of [425131n, 13n, 166n]) {
    it(`light seed ${seed} passes`, { timeout: 60_000 }, async () => {
      const result = await runChaosPlan(seed, findPreset("light")!, findProfile("2026.9")!);
      expect(result.findings.map((f) => `${f.invariant}: ${f.message}`)).toEqual([]);
    });
  }
});
