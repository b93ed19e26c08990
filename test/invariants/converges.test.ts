import { describe, expect, it } from "vitest";
import { converges } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

describe("converges", () => {
  it("flags a client with no hello within the bound after the marker, pointing at the marker", () => {
    const t = new TraceBuilder();
    t.at(1000).client("cli", "connect-attempt");
    t.client("tui", "connect-attempt");
    const marker = t.at(10_000).note("token fixed", { converge: true });
    t.at(12_000).client("cli", "hello");
    t.at(11_000).connectError("tui", "PAIRING_REQUIRED", "pairing required");
    t.at(80_000).client("cli", "tick-timeout");
    const findings = t.run(converges({ convergeWithinMs: 30_000 }));
    expect(findings).toEqual([
      {
        kind: "liveness",
        invariant: "converges",
        message: 'client tui did not reach hello within 30 s after note "token fixed" at 10 s; its last event: connect-error PAIRING_REQUIRED at 11 s',
        firstEventIndex: marker.i,
        atMs: 10_000,
        actor: "scenario",
        // Where the bound ran out (marker + 30 s) and whose: the report puts its note there.
        brokeAtMs: 40_000,
        client: "tui",
      },
    ]);
  });

  it("holds when every client reaches hello in time, or stays connected across the marker", () => {
    const t = new TraceBuilder();
    t.at(1000).client("cli", "hello");
    t.client("tui", "connect-error", { detailCode: "PAIRING_REQUIRED" });
    t.at(10_000).operator("approve-pending", { deviceId: "d1" });
    t.at(25_000).client("tui", "hello");
    t.at(90_000).client("cli", "tick");
    expect(t.run(converges())).toEqual([]);
  });

  it("a client that loses its session after the marker must get a new one", () => {
    const t = new TraceBuilder();
    t.at(1000).client("tui", "hello");
    const marker = t.at(10_000).operator("rotate-device-token", { deviceId: "d1" });
    t.at(10_001).client("tui", "closed", { code: 4001, reason: "device removed" });
    const [finding] = t.run(converges(), 100_000);
    expect(finding?.firstEventIndex).toBe(marker.i);
    expect(finding?.message).toBe("client tui did not reach hello within 60 s after operator action rotate-device-token at 10 s; its last event: closed device removed at 10.001 s");
  });

  it("names clients that never showed up, says when the run was too short, and ignores stopped clients", () => {
    const t = new TraceBuilder();
    t.at(500).client("cli", "hello");
    t.at(600).client("cli", "stopped", { reason: "stop" });
    t.at(1000).note("go", { converge: true });
    t.at(5000).client("tui", "connect-attempt");
    const findings = t.run(converges({ clients: ["tui", "node"] }), 20_000);
    expect(findings.map((f) => f.message)).toEqual([
      'client tui did not reach hello within 60 s after note "go" at 1 s (the run ended 19 s after it); its last event: connect-attempt at 5 s',
      'client node did not reach hello within 60 s after note "go" at 1 s (the run ended 19 s after it); it never showed up',
    ]);
  });
});
