// Spec §2, §7.5, §7.6: waiting for the challenge, a challenge without a nonce, the connect request, hello-ok
// bookkeeping, the tick watchdog and stop().
import { describe, expect, it } from "vitest";
import { challenge, ClientHarness, helloRes } from "./harness.ts";

describe("connect.challenge", () => {
  it("no challenge within challengeTimeoutMs: close 1008 'connect challenge timeout', then reconnect", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    h.step({ kind: "ws-open" });
    expect(h.advance(1999).filter((o) => o.kind === "ws-close")).toEqual([]);
    const out = h.advance(1);
    expect(out).toContainEqual({ kind: "ws-close", code: 1008, reason: "connect challenge timeout" });
    expect(h.events("connect-error")).toEqual([{ code: null, message: "gateway connect challenge timeout", detailCode: null, details: undefined }]);
    expect(h.outputsOf("ws-send")).toEqual([]);
    h.step({ kind: "ws-close", code: 1008, reason: "connect challenge timeout" });
    expect(h.events("reconnect-scheduled")).toHaveLength(1);
  });

  it("the challenge timeout is clamped to 250…10000 ms", () => {
    const h = new ClientHarness({ switches: { ...new ClientHarness().state.config.switches, challengeTimeoutMs: 50 } });
    h.step({ kind: "start" });
    const out = h.step({ kind: "ws-open" });
    expect(out).toContainEqual({ kind: "timer-set", key: "challenge", delayMs: 250 });
  });

  for (const [what, nonce] of [["blank", "   "], ["absent", undefined], ["not a string", 42]] as const) {
    it(`a challenge whose nonce is ${what}: close 1008 'connect challenge missing nonce', no connect sent`, () => {
      const h = new ClientHarness({ passiveToken: "T" });
      h.step({ kind: "start" });
      h.step({ kind: "ws-open" });
      const out = h.step({ kind: "ws-message", text: challenge(nonce) });
      expect(out).toContainEqual({ kind: "ws-close", code: 1008, reason: "connect challenge missing nonce" });
      expect(h.events("connect-error")[0]?.message).toBe("gateway connect challenge missing nonce");
      expect(h.outputsOf("ws-send")).toEqual([]);
      expect(h.timers.has("challenge")).toBe(false);
    });
  }

  it("a second challenge on the same socket is ignored", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.connect();
    expect(h.step({ kind: "ws-message", text: challenge("again") })).toEqual([]);
    expect(h.outputsOf("ws-send")).toHaveLength(1);
  });
});

describe("the connect request", () => {
  it("asks for exactly the profile's protocol and trims the nonce it echoes", () => {
    for (const [profile, version] of [["2026.3", 3], ["2026.9", 4]] as const) {
      const h = new ClientHarness({ profile, passiveToken: "T", displayName: "box", instanceId: "i-1", deviceFamily: "server" });
      h.step({ kind: "start" });
      const req = h.openAndChallenge("  n-1  ");
      expect(req.method).toBe("connect");
      expect(req.params).toMatchObject({ minProtocol: version, maxProtocol: version, role: "operator" });
      expect(req.params.client).toEqual({ id: "gateway-client", version: "dev", platform: "linux", mode: "backend", displayName: "box", deviceFamily: "server", instanceId: "i-1" });
      expect(req.params.device?.nonce).toBe("n-1");
    }
  });

  it("request ids are UUIDs from the client's PRNG stream: same seed, same ids", () => {
    const ids = (seed: bigint) => new ClientHarness({ seed, passiveToken: "T" }).connect().id;
    expect(ids(5n)).toBe(ids(5n));
    expect(ids(5n)).not.toBe(ids(6n));
    expect(ids(5n)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("no answer within the request timeout: connect failed, close 1008", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.connect();
    const out = h.advance(30_000);
    expect(out).toContainEqual({ kind: "ws-close", code: 1008, reason: "connect failed" });
    expect(h.events("connect-error")[0]?.message).toBe("gateway request timeout for connect");
  });

  it("the gateway closing before it answers fails the connect and reconnects", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.connect();
    h.step({ kind: "ws-close", code: 1000, reason: "" });
    expect(h.events("connect-error")[0]?.message).toBe("gateway closed (1000): ");
    expect(h.events("reconnect-scheduled")).toHaveLength(1);
    expect(h.timers.size).toBe(1);
  });
});

describe("hello-ok", () => {
  it("stores the issued device token with the granted role and normalised scopes", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    const req = h.connect();
    h.hello(req, { deviceToken: "DT", role: "operator", scopes: ["operator.admin"], issuedAtMs: 1, method: "token" });
    expect(h.outputsOf("store-device-token")).toEqual([
      { kind: "store-device-token", deviceId: h.state.config.identity!.deviceId, role: "operator", token: "DT", scopes: ["operator.admin", "operator.read", "operator.write"] },
    ]);
    expect(h.events("hello")).toEqual([{ authMethod: "token", role: "operator", scopes: ["operator.admin"], deviceTokenIssued: true, protocol: 3, tickIntervalMs: 30_000 }]);
    expect(h.state.storedTokens["operator"]?.token).toBe("DT");
  });

  it("no auth in hello-ok: nothing stored; scopes default to []", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.hello(h.connect());
    expect(h.outputsOf("store-device-token")).toEqual([]);
    expect(h.events("hello")[0]).toMatchObject({ deviceTokenIssued: false, scopes: [], authMethod: null });
  });

  it("a device-less client stores nothing even when a token arrives", () => {
    const h = new ClientHarness({ identity: null, passiveToken: "T" });
    h.hello(h.connect(), { deviceToken: "DT", role: "operator", scopes: [] });
    expect(h.outputsOf("store-device-token")).toEqual([]);
  });

  it("calls made before hello are sent after it; answers become rpc-result events", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    h.step({ kind: "call", method: "status" });
    const req = h.openAndChallenge();
    const out = h.hello(req);
    const sent = out.filter((o) => o.kind === "ws-send").map((o) => JSON.parse((o as { text: string }).text));
    expect(sent.map((f) => f.method)).toEqual(["status"]);
    h.step({ kind: "ws-message", text: JSON.stringify({ type: "res", id: sent[0].id, ok: false, error: { code: "FORBIDDEN", message: "missing scope: operator.read" } }) });
    expect(h.events("rpc-result")).toEqual([{ id: sent[0].id, method: "status", ok: false, error: { code: "FORBIDDEN", message: "missing scope: operator.read", details: undefined } }]);
  });
});

describe("tick watchdog", () => {
  it("closes 4000 'tick timeout' once ticks stop for more than two intervals, then reconnects", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    const req = h.connect();
    h.step({ kind: "ws-message", text: helloRes(req.id, undefined, 1_000) });
    for (let i = 1; i <= 5; i++) {
      h.advance(1_000);
      h.step({ kind: "ws-message", text: JSON.stringify({ type: "event", event: "tick", payload: { ts: h.nowMs }, seq: i }) });
    }
    expect(h.events("tick-timeout")).toEqual([]);
    h.advance(2_000);
    expect(h.events("tick-timeout")).toEqual([]);
    const out = h.advance(1_000);
    expect(out).toContainEqual({ kind: "ws-close", code: 4000, reason: "tick timeout" });
    expect(h.events("tick-timeout")).toEqual([{ gapMs: 3_000, tickIntervalMs: 1_000 }]);
    h.step({ kind: "ws-close", code: 4000, reason: "tick timeout" });
    expect(h.events("reconnect-scheduled")).toEqual([{ delayMs: 1000, attempt: 1 }]);
  });

  it("watches at max(tickIntervalMs, tickWatchMinIntervalMs) and reports sequence gaps", () => {
    const h = new ClientHarness({ passiveToken: "T", tickWatchMinIntervalMs: 5_000 });
    const out = h.step({ kind: "ws-message", text: helloRes(h.connect().id, undefined, 1_000) });
    expect(out).toContainEqual({ kind: "timer-set", key: "tick-watch", delayMs: 5_000 });
    h.step({ kind: "ws-message", text: JSON.stringify({ type: "event", event: "tick", payload: { ts: 1 }, seq: 1 }) });
    h.step({ kind: "ws-message", text: JSON.stringify({ type: "event", event: "tick", payload: { ts: 2 }, seq: 4 }) });
    expect(h.events("gap")).toEqual([{ expected: 2, received: 4 }]);
  });
});

describe("stop()", () => {
  it("closes 1000, terminates after a 250 ms grace, never reconnects", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.hello(h.connect());
    const out = h.step({ kind: "stop" });
    expect(out).toContainEqual({ kind: "ws-close", code: 1000, reason: "" });
    expect(h.events("stopped")).toEqual([{ reason: "stop" }]);
    expect(h.advance(249).some((o) => o.kind === "ws-terminate")).toBe(false);
    expect(h.advance(1)).toContainEqual({ kind: "ws-terminate" });
    h.step({ kind: "ws-close", code: 1006, reason: "" });
    expect(h.events("closed")).toEqual([{ code: 1006, reason: "" }]);
    h.advance(60 * 60_000);
    expect(h.outputsOf("ws-connect")).toHaveLength(1);
    expect(h.events("reconnect-scheduled")).toEqual([]);
    expect(h.step({ kind: "start" })).toEqual([]);
  });

  it("no terminate when the socket closes within the grace", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.hello(h.connect());
    h.step({ kind: "stop" });
    h.step({ kind: "ws-close", code: 1000, reason: "" });
    h.advance(1_000);
    expect(h.outputsOf("ws-terminate")).toEqual([]);
  });

  it("stop while waiting to reconnect cancels the reconnect", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    h.step({ kind: "ws-error", message: "connect ECONNREFUSED" });
    const out = h.step({ kind: "stop" });
    expect(out).toContainEqual({ kind: "timer-cancel", key: "reconnect" });
    expect(out.some((o) => o.kind === "ws-close")).toBe(false);
    h.advance(60_000);
    expect(h.outputsOf("ws-connect")).toHaveLength(1);
  });

  it("a timer that was cancelled but still fires is ignored", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.step({ kind: "start" });
    h.step({ kind: "ws-error", message: "connect ECONNREFUSED" });
    h.step({ kind: "stop" });
    expect(h.step({ kind: "timer", key: "reconnect" })).toEqual([]);
  });
});
