// Chaos probes (src/chaos/probes.ts): one-shot connects drawn with fast-check from the conformance generator,
// with chaos's own twists. Drawn from the seed alone; added on a stream of their own, so the rest of a plan is
// what it was; written in the step language as background `connect` steps with the config's token; and the
// wire difference they make is what kills answer-shape mutants no long-lived client reaches.
import { describe, expect, it } from "vitest";
import { isKilled, killRate, mutantTargets } from "../../sim/chaos-kill-rate.ts";
import { Prng, findPreset, generatePlan, planToRunSpec, type ChaosStep } from "../../src/index.ts";
import { drawProbes, probeIdentities, probeTwists } from "../../src/chaos/probes.ts";

const light = findPreset("light")!;

describe("chaos probes", () => {
  it("are the same for the same seed and differ between seeds", () => {
    const a = drawProbes(new Prng(7n, "t"), 12);
    expect(drawProbes(new Prng(7n, "t"), 12)).toEqual(a);
    expect(drawProbes(new Prng(8n, "t"), 12)).not.toEqual(a);
    expect(a.map((p) => p.attempt.name)).toEqual(Array.from({ length: 12 }, (_, i) => `probe-${i}`));
  });

  it("sign only with the probe identities, speak the release's protocol, and reach every twist and shape", () => {
    const probes = drawProbes(new Prng(1n, "t"), 600);
    const twistsSeen = new Set<string>();
    let idle = 0;
    let oversized = 0;
    let bursts = 0;
    for (const { attempt, copies } of probes) {
      if (copies !== undefined) bursts++;
      if (attempt.device) expect(Object.keys(probeIdentities)).toContain(attempt.device.identity);
      if (attempt.connect === undefined) idle++;
      const connect = attempt.connect && "params" in attempt.connect ? attempt.connect : undefined;
      if (connect?.padToBytes !== undefined) oversized++;
      expect(connect?.params["minProtocol"]).not.toBe(4);
      const calls = (attempt.afterHello ?? []).map((c) => c.method);
      if (calls.includes("config.get")) twistsSeen.add("config-get");
      if (calls.includes("device.token.rotate")) twistsSeen.add("rotate-other");
      if (calls.includes("device.pair.approve")) twistsSeen.add("approve-last");
      if (calls.includes("node.list")) twistsSeen.add("node-calls");
      if (calls.filter((m) => m === "device.pair.approve").length === 12) twistsSeen.add("unauthorized-calls");
      if (attempt.afterHello?.some((c) => c.method === "chat.send" && (c.params as { message?: string }).message === "chaos probe")) twistsSeen.add("sessionless-chat");
      if (attempt.headers?.["x-forwarded-user"] !== undefined) twistsSeen.add("forwarded-user");
      else if (attempt.headers?.["x-forwarded-for"] !== undefined) twistsSeen.add("forwarded-for");
      if ((connect?.params["auth"] as { password?: string } | undefined)?.password === "{{gatewayToken}}") twistsSeen.add("secret-as-password");
    }
    expect([...twistsSeen].sort()).toEqual(probeTwists.filter((t) => t !== "none").sort());
    expect(idle).toBeGreaterThan(0);
    expect(oversized).toBeGreaterThan(0);
    expect(bursts).toBeGreaterThan(0);
  });

  it("leave the rest of the plan as it was drawn and translate to background connects with the config's token", () => {
    // Find a seed whose swarm enables probes, and one whose swarm does not (without the gateway-world draw, whose
    // targeted probes are tested in worlds-gateway.test.ts).
    const plans = Array.from({ length: 20 }, (_, i) => generatePlan(BigInt(100 + i), light, { gatewayWorld: false }));
    const withProbes = plans.find((p) => p.swarm.probe > 0)!;
    const without = plans.find((p) => p.swarm.probe === 0)!;
    expect(without.steps.some((s) => s.step.kind === "probe")).toBe(false);
    const probeSteps = withProbes.steps.filter((s) => s.step.kind === "probe");
    expect(probeSteps).toHaveLength(withProbes.swarm.probe * light.probesPerWeight);
    const translated = planToRunSpec(withProbes, light);
    if (!translated.ok) throw new Error(translated.message);
    const connects = translated.spec.steps.flatMap((s) => ("connect" in s ? [s.connect] : []));
    expect(connects).toHaveLength(probeSteps.length);
    for (const c of connects) {
      expect(c.background).toBe(true);
      expect(c.token).toBe("{{configToken:gw}}");
      expect(["gw", "prober"]).toContain(c.host);
    }
    const identities = translated.spec.identities as Record<string, string>;
    for (const name of Object.keys(probeIdentities)) expect(identities[name]).toBeDefined();
    // The timeline without its probes is the one drawn with probes switched off: same steps at the same times.
    const rest = (steps: readonly { atMs: number; step: ChaosStep }[]) => steps.filter((s) => s.step.kind !== "probe");
    const noProbes = generatePlan(withProbes.seed, { ...light, probesPerWeight: 0 }, { gatewayWorld: false });
    expect(rest(withProbes.steps)).toEqual(noProbes.steps);
    expect(withProbes.clients).toEqual(noProbes.clients);
  });

  it("kill answer-shape mutants of 2026.9 by a wire difference within a few seeds", { timeout: 120_000 }, async () => {
    const names = ["gateway.chatSendNeedsSessionKey=false", "gateway.missingScopeAnswer=invalid-request"];
    const targets = mutantTargets().filter((t) => names.includes(t.name));
    expect(targets).toHaveLength(names.length);
    const rows = await killRate({ targets, seedStart: 424242n, seedsMax: 10, preset: "light", workers: 1, shrink: false });
    for (const row of rows) expect(isKilled(row), row.target.name).toBe(true);
  });
});
