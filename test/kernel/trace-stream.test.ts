// A trace streamed to disk past a threshold hashes exactly as the same trace kept in memory, and the streamed
// lines plus the in-memory tail are the in-memory trace's canonical text, event for event.
import { describe, expect, it } from "vitest";
import { crypto, findProfile, traceSpillBatchEvents, World, type TraceSpill } from "../../src/index.ts";

function busyWorld(spill?: TraceSpill): World {
  const world = new World({ seed: 11n, profile: findProfile("2026.9")!, traceSpill: spill, budgets: { stepsMax: 10_000_000 } });
  world.addHost({ name: "gw", kind: "lan" });
  world.addGateway({ name: "gateway", host: "gw", port: 18789, config: { auth: { mode: "token", token: "t" } } });
  for (let i = 0; i < 60; i++) {
    const identity = i % 3 === 0 ? crypto.identityFromSeed(new Uint8Array(32).fill(i + 1)) : null;
    world.addClient({ name: `c${i}`, host: "gw", user: `u${i}`, client: { kind: i % 2 === 0 ? "cli" : "backend", url: "ws://127.0.0.1:18789", identity, passiveToken: "t" } });
  }
  world.runFor(20_000);
  world.gateway("gateway").restart(undefined, 2_000);
  world.runFor(40_000);
  return world;
}

describe("trace streaming", () => {
  it("streamed and in-memory traces of the same run hash the same, and the lines are the canonical events", () => {
    const inMemory = busyWorld();
    const chunks: string[] = [];
    const streamed = busyWorld({ keepEventsMax: traceSpillBatchEvents, write: (lines) => chunks.push(lines) });
    expect(inMemory.trace.length).toBeGreaterThan(4 * traceSpillBatchEvents);
    expect(streamed.trace.streamed).toBeGreaterThan(0);
    expect(streamed.trace.events.length).toBeLessThan(2 * traceSpillBatchEvents);
    expect(streamed.trace.length).toBe(inMemory.trace.length);
    expect(streamed.trace.hash()).toBe(inMemory.trace.hash());
    streamed.trace.flush();
    expect(streamed.trace.hash()).toBe(inMemory.trace.hash());
    expect(chunks.join("")).toBe(`${inMemory.trace.canonical()}\n`);
  });

  it("a spill smaller than one batch is refused", () => {
    expect(() => new World({ seed: 1n, profile: findProfile("2026.9")!, traceSpill: { keepEventsMax: 10, write: () => {} } })).toThrow(/keeps at least/);
  });
});
