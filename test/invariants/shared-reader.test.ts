// Invariants built by the scenario runner share one trace reading: each event is read once and every reader
// gets what a private reader would have made of it. A shared reader fed out of step fails loudly.
import { describe, expect, it } from "vitest";
import { chaosScenario, findPreset, findProfile, fullSelection, generatePlan, runScenario, selectPlan } from "../../src/index.ts";
import { withSharedTraceReaders } from "../../src/invariants/index.ts";
import { TraceReader } from "../../src/invariants/trace-reader.ts";

async function chaosEvents() {
  const preset = findPreset("heavy")!;
  const plan = generatePlan(3n, preset);
  const sel = fullSelection(plan);
  return (await runScenario(chaosScenario(selectPlan(plan, sel), sel, preset), { seed: 3n, profile: findProfile("2026.9")! })).events;
}

/** Observations with their connection records flattened to plain data (the records are mutable, so compare at once). */
const snapshot = (observations: readonly unknown[]) => JSON.stringify(observations, (key, value) => (key === "event" || key === "openEvent" ? undefined : value instanceof Map ? [...value] : value));

describe("shared trace readers", () => {
  it("give each reader what a private reader makes of the same events", async () => {
    const events = await chaosEvents();
    const [a, b] = withSharedTraceReaders(() => [new TraceReader(), new TraceReader()]);
    const own = new TraceReader();
    let observed = 0;
    for (const event of events) {
      const ownObservations = own.read(event);
      const mine = snapshot(ownObservations);
      expect(snapshot(a!.read(event))).toBe(mine);
      expect(snapshot(b!.read(event))).toBe(mine);
      observed += ownObservations.length;
    }
    expect(observed).toBeGreaterThan(100);
    expect(a!.liveConns().map((c) => c.connId)).toEqual(own.liveConns().map((c) => c.connId));
  });

  it("refuse a reader that skips an event the others read", async () => {
    const events = await chaosEvents();
    const [a, b] = withSharedTraceReaders(() => [new TraceReader(), new TraceReader()]);
    a!.read(events[0]!);
    a!.read(events[1]!);
    expect(() => b!.read(events[1]!)).toThrow(/same events in the same order/);
  });
});
