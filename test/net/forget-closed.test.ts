// The network forgets inert connections (both ends reported, no timer, nothing on the wire): nothing observable
// may change. Chaos seeds with faults (drops, holds, resets, reset-all) run once sweeping the table on every
// connect and once never sweeping: the traces must be the same.
import { describe, expect, it } from "vitest";
import { chaosScenario, findPreset, findProfile, fullSelection, generatePlan, runScenario, selectPlan } from "../../src/index.ts";
import { World } from "../../src/index.ts";

describe("forgetting closed connections", () => {
  it("leaves every trace as it was (heavy chaos seeds, swept on every connect vs never)", async () => {
    const preset = findPreset("heavy")!;
    const profile = findProfile("2026.9")!;
    let swept = 0;
    for (let seed = 1n; seed <= 12n; seed++) {
      const plan = generatePlan(seed, preset);
      const sel = fullSelection(plan);
      const scenario = chaosScenario(selectPlan(plan, sel), sel, preset);
      const never = await runScenario(scenario, { seed, profile, connectionsSweepMin: Number.POSITIVE_INFINITY });
      const always = await runScenario(scenario, { seed, profile, connectionsSweepMin: 1 });
      expect(always.traceHash, `seed ${seed}`).toBe(never.traceHash);
      swept += never.stats.connects;
    }
    expect(swept).toBeGreaterThan(100);
  });

  it("holds only what is not yet inert, and a reset of a forgotten connection is recorded and changes nothing", () => {
    const world = new World({ seed: 7n, profile: findProfile("2026.9")!, connectionsSweepMin: 1 });
    world.addHost({ name: "gw", kind: "lan" });
    world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
    for (let i = 0; i < 20; i++) world.addClient({ name: `c${i}`, host: "gw", user: `u${i}`, client: { kind: "backend", url: "ws://127.0.0.1:18789", identity: null, passiveToken: "bad" } });
    world.runFor(60_000);
    const ids = world.network.connectionIds();
    expect(ids.length).toBeGreaterThan(40);
    // Refused clients retry: most of their connections are over and forgotten by now.
    expect(world.network.heldConnections).toBeLessThan(ids.length / 2);
    const forgotten = ids.find((id) => world.network.connection(id) === undefined)!;
    const before = world.trace.length;
    world.network.reset(forgotten);
    expect(world.trace.events.slice(before).map((e) => e.kind)).toEqual(["fault"]);
    expect(() => world.network.reset("c999999")).toThrow(/unknown connection/);
  });
});
