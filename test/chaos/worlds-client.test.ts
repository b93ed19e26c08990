// Client-side chaos worlds (src/chaos/worlds-client.ts): half the seeds draw Control UI tabs, a LAN tab over
// plain http, a backend dialling the gateway by name over ws://, late gateway frames and the unit's handshake
// timeout, on a stream of their own — the rest of each plan is what it was without them — and each episode
// kills the 2026.9 mutant whose path it takes by a wire difference.
import { describe, expect, it } from "vitest";
import { isKilled, killRate, mutantTargets } from "../../sim/chaos-kill-rate.ts";
import { clientWorldKinds, findPreset, generatePlan, planToRunSpec, type ChaosPlan, type ChaosStep } from "../../src/index.ts";

const light = findPreset("light")!;
const isClientWorld = (step: ChaosStep) => (clientWorldKinds as readonly string[]).includes(step.kind);

describe("client-world episodes", () => {
  const plans = Array.from({ length: 40 }, (_, i) => generatePlan(BigInt(424242 + i), light));

  it("come in about half the seeds and leave the rest of the plan as drawn without them", () => {
    const drawn = plans.filter((p) => p.steps.some((s) => isClientWorld(s.step)));
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn.length).toBeLessThan(30);
    for (const plan of plans) {
      const without = generatePlan(plan.seed, { ...light, clientWorlds: false });
      const { allowedOrigins, ...gateway } = plan.gateway;
      expect(gateway).toEqual(without.gateway);
      expect(plan.steps.filter((s) => !isClientWorld(s.step))).toEqual(without.steps);
      expect(plan.clients).toEqual(without.clients);
      const lanTab = plan.steps.some((s) => s.step.kind === "ui-tab" && s.step.on === "lan");
      expect(allowedOrigins, `seed ${plan.seed}`).toEqual(lanTab ? ["http://192.0.2.50:18789"] : undefined);
    }
  });

  it("say themselves in the step language: tabs with the config's token in the URL, the gateway by name, delay + reset", () => {
    const plan = plans.find((p) => p.steps.some((s) => s.step.kind === "ui-tab" && s.step.on === "lan"))!;
    const t = planToRunSpec(plan, light);
    if (!t.ok) throw new Error(t.message);
    const tabs = t.spec.steps.flatMap((s) => ("browserTab" in s ? [s.browserTab] : []));
    expect(tabs.some((b) => b.action === "open" && b.machine === "laptop" && b.url === "http://192.0.2.50:18789/#token={{configToken:gw}}")).toBe(true);
    expect(t.spec.steps.filter((s) => "machine" in s && s.machine.name === "laptop")).toHaveLength(1);
    const named = plans.flatMap((p) => p.steps).find((s) => s.step.kind === "named-ws-client" && !s.step.mdns);
    const slow = plans.find((p) => p.steps.some((s) => s.step.kind === "slow-challenge"))!;
    const spec = planToRunSpec(slow, light);
    if (!spec.ok) throw new Error(spec.message);
    const faults = spec.spec.steps.flatMap((s) => ("netFault" in s ? [s.netFault] : []));
    expect(faults.some((f) => f.delay !== undefined && f.delay.ms >= 2_500 && f.delay.ms <= 9_000)).toBe(true);
    if (named) {
      const owner = plans.find((p) => p.steps.includes(named))!;
      const ns = planToRunSpec(owner, light);
      if (!ns.ok) throw new Error(ns.message);
      expect(ns.spec.steps.some((s) => "client" in s && s.client.url === "ws://gw:18789" && s.client.passiveToken === "{{configToken:gw}}")).toBe(true);
    }
  });

  it("kill the client-side mutants of 2026.9 by a wire difference on the first seed that takes their path", { timeout: 180_000 }, async () => {
    const pathOf: Record<string, (plan: ChaosPlan) => boolean> = {
      "client.controlUiUrlToken=query": (p) => p.steps.some((s) => s.step.kind === "ui-tab" && s.step.on === "gateway-host" && s.step.urlToken === "fragment"),
      "client.controlUiTokenPerTab=false": (p) => p.steps.some((s) => s.step.kind === "ui-tab" && s.step.urlToken === "none"),
      "client.tokenPriority=passive-wins": (p) => p.steps.some((s) => s.step.kind === "ui-tab" && s.step.urlToken === "none"),
      "client.controlUiInsecureContextIdentity=false": (p) => p.steps.some((s) => s.step.kind === "ui-tab" && s.step.on === "lan"),
      // The plain name (no .local): refused by 2026.9's guard without the break-glass variable.
      "client.insecureWsGuard=false": (p) => p.steps.some((s) => s.step.kind === "named-ws-client" && !s.step.mdns),
      // The .local name: trusted by 2026.9 (lan-names), refused by 3.13 … 4.22's rule without the variable.
      "client.insecureWsAllows=env-private-or-name": (p) => p.steps.some((s) => s.step.kind === "named-ws-client" && s.step.mdns === true),
      "client.challengeTimeoutMs=2000": (p) => p.steps.some((s) => s.step.kind === "slow-challenge"),
      "gateway.handshakeTimeoutEnv=false": (p) => p.steps.some((s) => s.step.kind === "handshake-env"),
      // The raised handshake-env variant: frames stalled past 2026.9's 15 s challenge wait, with no shorter delay
      // of another episode still in force (the first delay rule added is the one a frame meets).
      "client.challengeTimeoutAction=connect-without-nonce": (p) => {
        const delays = p.steps.flatMap((s) => (s.step.kind === "slow-challenge" ? [{ atMs: s.atMs, ...s.step }] : []));
        return delays.some((d) => d.delayMs >= 16_000 && !delays.some((o) => o !== d && o.atMs <= d.atMs && o.atMs + o.forMs > d.atMs));
      },
    };
    for (const [name, takesPath] of Object.entries(pathOf)) {
      const target = mutantTargets().find((t) => t.name === name);
      expect(target, name).toBeDefined();
      let seed = 424242n;
      while (!takesPath(generatePlan(seed, light))) seed++;
      const [row] = await killRate({ targets: [target!], seedStart: seed, seedsMax: 1, preset: "light", workers: 1, shrink: false });
      expect(isKilled(row!), `${name} at seed ${seed}`).toBe(true);
    }
  });
});
