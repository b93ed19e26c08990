// Chaos: plans are a function of the seed, replay paths round-trip, shrinking finds a 1-minimal failing plan,
// and healthy profiles survive the fault presets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chaosScenario,
  findPreset,
  findProfile,
  formatReplayPath,
  fullSelection,
  generatePlan,
  parseReplayPath,
  runScenario,
  selectPlan,
  shrink,
  type Finding,
  type PlanSelection,
  type Profile,
} from "../../src/index.ts";

const light = findPreset("light")!;
const heavy = findPreset("heavy")!;

async function runSelection(seed: bigint, profile: Profile, selection?: PlanSelection) {
  const plan = generatePlan(seed, light);
  const chosen = selection ?? fullSelection(plan);
  return runScenario(chaosScenario(selectPlan(plan, chosen), chosen, light), { seed, profile });
}

describe("chaos plans", () => {
  it("are a pure function of seed and preset", () => {
    expect(generatePlan(7n, heavy)).toEqual(generatePlan(7n, heavy));
    const shapes = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(generatePlan(BigInt(i), heavy).steps.map((e) => e.step.kind))));
    expect(shapes.size).toBeGreaterThan(10);
  });

  it("replay paths round-trip and reject garbage", () => {
    fc.assert(fc.property(fc.array(fc.nat(50)), fc.array(fc.nat(50)), (clients, steps) => {
      expect(parseReplayPath(formatReplayPath({ clients, steps }))).toEqual({ clients, steps });
    }));
    const retimed = { clients: [1], steps: [0, 3], retimed: [{ index: 3, atMs: 1000 }] };
    expect(formatReplayPath(retimed)).toBe("c1-e0.3@1000");
    expect(parseReplayPath("c1-e0.3@1000")).toEqual(retimed);
    for (const bad of ["", "c1", "x1-e2", "c1.-e2", "c-1-e"]) expect(parseReplayPath(bad), bad).toBeUndefined();
  });

  it("the shrinker keeps only what the failure needs", async () => {
    // A fake system: the failure needs client 2 and episode 1 together.
    const probe = async (s: PlanSelection): Promise<Finding[]> =>
      s.clients.includes(2) && s.steps.includes(1) ? [{ kind: "liveness", invariant: "converges", message: "x" }] : [];
    const start = { clients: [0, 1, 2, 3], steps: [0, 1, 2] };
    const result = await shrink(start, await probe(start), probe);
    expect(result.selection).toEqual({ clients: [2], steps: [1] });
  });
});

describe("chaos runs", () => {
  it("healthy profiles converge after every preset's faults (a few seeds)", async () => {
    for (const profile of ["2026.3", "2026.9"]) {
      for (const seed of [1n, 2n, 3n]) {
        const result = await runSelection(seed, findProfile(profile)!);
        expect(result.findings, `${profile} seed ${seed}`).toEqual([]);
      }
    }
  });

  it("shrinks a real failure to the one client that causes it, and the replay path reproduces it", async () => {
    // A 2026.9 gateway with a Control UI that does not send its build id: that client can never connect.
    const base = findProfile("2026.9")!;
    const broken: Profile = { ...base, client: { ...base.client, controlUiSendsBuildId: false } };
    let seed = 1n;
    while (!generatePlan(seed, light).clients.some((c) => c.kind === "control-ui" && c.on === "gateway-host") || generatePlan(seed, light).clients.length < 3) seed++;
    const first = await runSelection(seed, broken);
    expect(first.verdict).toBe("fail");
    const plan = generatePlan(seed, light);
    const result = await shrink(fullSelection(plan), first.findings, async (s) => (await runSelection(seed, broken, s)).findings);
    expect(result.selection.steps).toEqual([]);
    expect(result.selection.clients).toHaveLength(1);
    expect(plan.clients[result.selection.clients[0]!]!.kind).toBe("control-ui");
    const again = await runSelection(seed, broken, result.selection);
    const twice = await runSelection(seed, broken, result.selection);
    expect(again.findings.map((f) => f.invariant)).toEqual(["converges"]);
    expect(twice.traceHash).toBe(again.traceHash);
  });
});
