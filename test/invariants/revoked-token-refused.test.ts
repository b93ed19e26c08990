import { describe, expect, it } from "vitest";
import { revokedTokenRefused } from "../../src/invariants/index.ts";
import { TraceBuilder } from "./trace-builder.ts";

const device = "f".repeat(64);

/** An admin session (admin) and the device's session on c1, which was issued token tok-old. */
function pairedDevice(t: TraceBuilder): void {
  t.at(0).open("admin");
  t.connect("admin", { auth: { token: "shared" } });
  t.hello("admin", { deviceId: null, scopes: ["operator.admin"] });
  t.open("c1");
  t.connect("c1", { auth: { token: "shared" }, device: { id: device, nonce: null } });
  t.hello("c1", { deviceId: device, deviceToken: "tok-old-0001" });
}

describe("revoked-token-refused", () => {
  it("flags a session opened with a revoked device token", () => {
    const t = new TraceBuilder();
    pairedDevice(t);
    t.at(5000).rpc("admin", "device.token.revoke", { deviceId: device, role: "operator" });
    t.at(9000).open("c2");
    t.connect("c2", { auth: { deviceToken: "tok-old-0001" }, device: { id: device, nonce: null } });
    const hello = t.hello("c2", { deviceId: device, method: "device-token" });
    expect(t.run(revokedTokenRefused())).toEqual([
      {
        kind: "correctness",
        invariant: "revoked-token-refused",
        message: "the session on c2 (device ffffffff…, role operator) was opened with device token tok-old-…, which device.token.revoke invalidated at 5 s",
        firstEventIndex: hello.i,
        atMs: 9000,
        actor: "gateway",
      },
    ]);
  });

  it("holds when the old token is refused and the device reconnects with its new token", () => {
    const t = new TraceBuilder();
    pairedDevice(t);
    t.at(5000).rpc("admin", "device.token.rotate", { deviceId: device, role: "operator" }, { ok: true, payload: { token: "tok-new-0002" } });
    t.open("c2");
    t.connect("c2", { auth: { deviceToken: "tok-old-0001" }, device: { id: device, nonce: null } });
    t.gateway("connect.unauthorized", { connId: "c2", reason: "device_token_mismatch" });
    t.open("c3");
    t.connect("c3", { auth: { deviceToken: "tok-new-0002" }, device: { id: device, nonce: null } });
    t.hello("c3", { deviceId: device, method: "device-token" });
    expect(t.run(revokedTokenRefused())).toEqual([]);
  });

  it("with closeLiveSessions, flags a live session that outlives the revoke, pointing at the revoke", () => {
    const t = new TraceBuilder();
    pairedDevice(t);
    const revoke = t.at(5000).rpc("admin", "device.token.revoke", { deviceId: device });
    t.at(12_000).client("tui", "tick");
    expect(t.run(revokedTokenRefused())).toEqual([]);
    const strict = t.run(revokedTokenRefused({ closeLiveSessions: true, closeWithinMs: 2000 }));
    expect(strict.map((f) => [f.firstEventIndex, f.message])).toEqual([
      [revoke.i, "the live operator session of device ffffffff… on c1 stayed open more than 2 s after device.token.revoke at 5 s (limit 2 s)"],
    ]);
  });

  it("with closeLiveSessions, holds when the gateway closes the session at once (operator event form)", () => {
    const t = new TraceBuilder();
    pairedDevice(t);
    t.at(5000).operator("revoke-device-token", { deviceId: device, role: "operator" });
    t.gatewayCloses("c1", 4001, "device removed");
    t.at(20_000).client("tui", "tick");
    expect(t.run(revokedTokenRefused({ closeLiveSessions: true }))).toEqual([]);
  });
});
