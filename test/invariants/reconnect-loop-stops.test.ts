import { describe, expect, it } from "vitest";
import { reconnectLoopStops } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

function pausedOnPairing(t: TraceBuilder): void {
  t.at(0).open("c1");
  t.challenge("c1", "n1");
  t.connect("c1", {}, { client: "tui" });
  t.connectError("tui", "PAIRING_REQUIRED", "pairing required");
  t.client("tui", "closed", { code: 1008, reason: "pairing required" });
  t.client("tui", "paused", { detailCode: "PAIRING_REQUIRED", why: "this device waits for pairing approval" });
}

describe("reconnect-loop-stops", () => {
  it("flags a paused client that opens a new connection, pointing at the conn.open", () => {
    const t = new TraceBuilder();
    pausedOnPairing(t);
    const open = t.at(2000).open("c2");
    t.challenge("c2", "n2");
    t.connect("c2", {}, { client: "tui" });
    t.at(6000).open("c3");
    t.connect("c3", {}, { client: "tui" });
    const findings = t.run(reconnectLoopStops());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      kind: "correctness",
      invariant: "reconnect-loop-stops",
      message: "client tui kept reconnecting (2 connect attempts) after it paused on PAIRING_REQUIRED at 0 ms, with no configuration change; the first offence came 2 s after the pause",
      firstEventIndex: open.i,
      atMs: 2000,
    });
  });

  it("holds when the client reconnects only after its credentials changed", () => {
    const t = new TraceBuilder();
    pausedOnPairing(t);
    t.at(5000).client("tui", "credentials-changed", { fields: ["explicitToken"] });
    t.client("tui", "resumed");
    t.open("c2");
    t.connect("c2", {}, { client: "tui" });
    t.at(5001).client("tui", "hello");
    expect(t.run(reconnectLoopStops())).toEqual([]);
  });

  it("does not blame a paused client for another client's connection on the same host", () => {
    const t = new TraceBuilder();
    pausedOnPairing(t);
    t.at(3000).open("c2");
    t.connect("c2", {}, { client: "cli" });
    t.clientSends("c2");
    expect(t.run(reconnectLoopStops())).toEqual([]);
  });

  it("flags a data frame sent on the paused client's connection", () => {
    const t = new TraceBuilder();
    pausedOnPairing(t);
    const sent = t.at(1500).clientSends("c1");
    const [finding] = t.run(reconnectLoopStops());
    expect(finding?.firstEventIndex).toBe(sent.i);
    expect(finding?.message).toContain("client tui kept sending after it paused on PAIRING_REQUIRED");
  });
});
