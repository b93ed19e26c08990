// The pre-empted tab of scenarios/files/control-ui-tab-without-token-pending-retry.yaml reconnects with the Control
// UI page's own backoff: under 2026.9 its connects after the rotation are spaced 0.8 s ×1.7 up to 15 s (plus the
// round trip), as seen live (reports/live/control-ui-two-tabs-2026.9.6.md, run B1: +0.74, +2.35, +4.70, +8.72,
// +15.55, +27.02, +42.10, then every ~15 s), and 7 of them fall in the 60 s after its first mismatch (live: 7).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProfile, parseRunSpec, runScenario, specScenario, type Profile } from "../../src/index.ts";

const root = join(import.meta.dirname, "..", "..");
const file = "control-ui-tab-without-token-pending-retry.yaml";
const parsed = parseRunSpec(readFileSync(join(root, "scenarios", "files", file), "utf8"), file);
if (!parsed.ok) throw new Error(parsed.message);
const spec = parsed.spec;

/** ui-tab-1 after the rotation's 4001 close: its connect-attempt times and its scheduled delays, in ms. */
async function tabOneAfterRotation(profile: Profile): Promise<{ closeMs: number; connectsMs: number[]; delaysMs: number[] }> {
  const result = await runScenario(specScenario(spec), { seed: 424242n, profile });
  const tab = result.events.filter((e) => e.actor === "ui-tab-1" && e.kind === "client");
  const close = tab.find((e) => e.data["event"] === "closed" && e.data["code"] === 4001)!;
  const after = tab.filter((e) => e.i > close.i);
  return {
    closeMs: close.atMs,
    connectsMs: after.filter((e) => e.data["event"] === "connect-attempt").map((e) => e.atMs),
    delaysMs: after.filter((e) => e.data["event"] === "reconnect-scheduled").map((e) => e.data["delayMs"] as number),
  };
}

describe(`scenarios/files/${file}: the pre-empted tab's reconnect spacing`, () => {
  it("2026.9: 0.8 s ×1.7 up to 15 s, 7 connects in the 60 s after the first mismatch (live B1: 7)", async () => {
    const { closeMs, connectsMs, delaysMs } = await tabOneAfterRotation(findProfile("2026.9")!);
    expect(delaysMs.slice(0, 9)).toEqual([800, 1360, 2312, 3930, 6682, 11359, 15000, 15000, 15000]);
    // Connect-to-connect gaps: the delay plus one refused round trip (the gateway's frames held 20 ms then).
    const gaps = connectsMs.slice(1, 9).map((t, i) => t - connectsMs[i]!);
    gaps.forEach((gap, i) => {
      expect(gap - delaysMs[i + 1]!).toBeGreaterThanOrEqual(0);
      expect(gap - delaysMs[i + 1]!).toBeLessThan(100);
    });
    // Live B1: first connect 0.74 s after the 4001 close; here the 0.8 s delay plus the held challenge.
    expect(connectsMs[0]! - closeMs).toBeGreaterThanOrEqual(800);
    expect(connectsMs[0]! - closeMs).toBeLessThan(900);
    const first = connectsMs[0]!;
    expect(connectsMs.filter((t) => t > first && t <= first + 60_000)).toHaveLength(7);
  });

  it("with the page's backoff set back to the other kinds' (1 s ×2 up to 30 s) the spacing is that one", async () => {
    const p = findProfile("2026.9")!;
    const doubling: Profile = { ...p, client: { ...p.client, controlUiBackoffInitialMs: 1_000, controlUiBackoffFactorPercent: 200, controlUiBackoffMaxMs: 30_000 } };
    const { delaysMs } = await tabOneAfterRotation(doubling);
    expect(delaysMs.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
