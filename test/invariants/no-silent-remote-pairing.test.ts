import { describe, expect, it } from "vitest";
import { noSilentRemotePairing } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

const device = "1".repeat(64);

describe("no-silent-remote-pairing", () => {
  it("flags a silent pairing of a non-local connection", () => {
    const t = new TraceBuilder();
    t.at(3000).open("c1", { local: false, from: "laptop" });
    t.connect("c1", { device: { id: device, nonce: "n" } });
    const pairing = t.pairingRequired({ deviceId: device, silent: true, connId: "c1", isLocal: false, reason: "scope-upgrade" });
    expect(t.run(noSilentRemotePairing())).toEqual([
      {
        kind: "correctness",
        invariant: "no-silent-remote-pairing",
        message: "device 11111111… was paired silently (scope-upgrade) over a non-local connection on c1 from host laptop; remote pairing needs an operator's approval",
        firstEventIndex: pairing.i,
        atMs: 3000,
        actor: "gateway",
      },
    ]);
  });

  it("holds for silent local pairing and for remote pairing that waits for approval", () => {
    const t = new TraceBuilder();
    t.open("c1");
    t.connect("c1", { device: { id: device, nonce: "n" } });
    t.pairingRequired({ deviceId: device, silent: true, connId: "c1", isLocal: true });
    t.open("c2", { local: false });
    t.connect("c2", { device: { id: device, nonce: "n" } });
    t.pairingRequired({ deviceId: device, silent: false, connId: "c2", isLocal: false });
    expect(t.run(noSilentRemotePairing())).toEqual([]);
  });

  it("without the gateway's verdict, reads locality from the upgrade request", () => {
    const t = new TraceBuilder();
    t.open("c1", { local: false });
    t.connect("c1", { device: { id: device, nonce: "n" } });
    const pairing = t.pairingRequired({ deviceId: device, silent: true });
    expect(t.run(noSilentRemotePairing()).map((f) => f.firstEventIndex)).toEqual([pairing.i]);
  });
});
