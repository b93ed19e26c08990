// Spec §8 and §7.6: what each client kind announces, the browser's Origin and device-less mode, the
// insecure-ws guard, and the CLI's one-shot call.
import { describe, expect, it } from "vitest";
import { ClientHarness, testIdentity } from "./harness.ts";
import type { ClientKind } from "../../src/clients/index.ts";

const ADMIN5 = ["operator.admin", "operator.read", "operator.write", "operator.approvals", "operator.pairing"];

const expected: Record<ClientKind, { id: string; mode: string; role: string; scopes: string[]; commands?: string[] }> = {
  cli: { id: "cli", mode: "cli", role: "operator", scopes: ADMIN5 },
  // The default profile 2026.3 follows openclaw@2026.3.13, before PR #55730: its TUI connects as gateway-client/ui.
  tui: { id: "gateway-client", mode: "ui", role: "operator", scopes: ["operator.admin"] },
  // openclaw@2026.3.13's page asks admin, approvals and pairing (controlUiScopes; five from 2026.3.31).
  "control-ui": { id: "openclaw-control-ui", mode: "webchat", role: "operator", scopes: ["operator.admin", "operator.approvals", "operator.pairing"] },
  node: { id: "node-host", mode: "node", role: "node", scopes: [], commands: ["system.run"] },
  backend: { id: "gateway-client", mode: "backend", role: "operator", scopes: ["operator.admin"] },
};

describe("client kinds (§8)", () => {
  for (const [kind, e] of Object.entries(expected) as [ClientKind, (typeof expected)[ClientKind]][]) {
    it(`${kind}: ${e.id}/${e.mode}, role ${e.role}`, () => {
      const h = new ClientHarness({ kind, passiveToken: "T" });
      const req = h.connect();
      expect(req.params.client).toMatchObject({ id: e.id, mode: e.mode });
      expect(req.params.role).toBe(e.role);
      expect(req.params.scopes).toEqual(e.scopes);
      expect(req.params.commands).toEqual(e.commands);
    });
  }

  it("only the Control UI sends an Origin (the page origin of the gateway URL by default) and keeps its token per tab", () => {
    const ui = new ClientHarness({ kind: "control-ui", url: "wss://gw.example:8443" });
    expect(ui.step({ kind: "start" })).toContainEqual({ kind: "ws-connect", url: "wss://gw.example:8443", headers: { host: "gw.example:8443", origin: "https://gw.example:8443" } });
    expect(ui.state.tokenStorage).toBe("sessionStorage");
    const custom = new ClientHarness({ kind: "control-ui", origin: "http://evil.example" });
    expect(custom.step({ kind: "start" })[0]).toMatchObject({ headers: { origin: "http://evil.example" } });
    const older = new ClientHarness({ kind: "control-ui", profile: "2026.2.13" });
    expect(older.state.tokenStorage).toBe("localStorage");
    const cli = new ClientHarness({ kind: "cli" });
    expect(cli.step({ kind: "start" })).toContainEqual({ kind: "ws-connect", url: "ws://127.0.0.1:18789", headers: { host: "127.0.0.1:18789" } });
    expect(cli.state.tokenStorage).toBeNull();
  });

  it("a device-less browser (plain HTTP on a LAN) sends no device", () => {
    const h = new ClientHarness({ kind: "control-ui", url: "ws://192.168.1.20:18789", identity: null, explicitToken: "T" });
    const req = h.connect();
    expect(req.params.device).toBeUndefined();
    expect(req.params.auth).toEqual({ token: "T" });
  });

  it("the browser closes its own handshake failures with 4008 (close(1008) is not allowed in a browser)", () => {
    const h = new ClientHarness({ kind: "control-ui", passiveToken: "T" });
    const out = h.refuse(h.connect(), { message: "unauthorized" });
    expect(out).toContainEqual({ kind: "ws-close", code: 4008, reason: "connect failed" });
  });

  it("each identity signs as its own device", () => {
    const a = new ClientHarness({ identity: testIdentity(1), passiveToken: "T" }).connect();
    const b = new ClientHarness({ identity: testIdentity(2), passiveToken: "T" }).connect();
    expect(a.params.device?.id).not.toBe(b.params.device?.id);
  });
});

describe("insecure-ws guard (§7.6)", () => {
  it("refuses plaintext ws:// to a public host: no socket is opened", () => {
    const h = new ClientHarness({ kind: "tui", url: "ws://203.0.113.5:18789", passiveToken: "T" });
    const out = h.step({ kind: "start" });
    expect(out.some((o) => o.kind === "ws-connect")).toBe(false);
    expect(h.events("refused")[0]?.reason).toBe("insecure-ws");
    expect(h.state.lifecycle).toBe("refused");
  });

  it("lets loopback, wss:// and (by default) private ws:// through; private is refused without the break-glass", () => {
    for (const url of ["ws://127.0.0.1:1", "ws://localhost:1", "wss://203.0.113.5:1", "ws://192.168.1.5:1", "ws://198.51.100.7:1"]) {
      expect(new ClientHarness({ url }).step({ kind: "start" }).some((o) => o.kind === "ws-connect")).toBe(true);
    }
    const strict = new ClientHarness({ url: "ws://192.168.1.5:1", allowInsecurePrivateWs: false });
    expect(strict.step({ kind: "start" }).some((o) => o.kind === "ws-connect")).toBe(false);
  });

  it("is off in early profiles and never applies to the browser", () => {
    expect(new ClientHarness({ profile: "2026.2.13", url: "ws://203.0.113.5:1" }).step({ kind: "start" })[0]?.kind).toBe("ws-connect");
    expect(new ClientHarness({ kind: "control-ui", url: "ws://203.0.113.5:1" }).step({ kind: "start" })[0]?.kind).toBe("ws-connect");
  });

  it("a TLS fingerprint needs wss://", () => {
    const h = new ClientHarness({ url: "ws://127.0.0.1:1", tlsFingerprint: "AA" });
    h.step({ kind: "start" });
    expect(h.events("refused")).toEqual([{ reason: "tls-fingerprint-requires-wss", message: "gateway tls fingerprint requires wss:// gateway url" }]);
  });
});

describe("CLI one-shot", () => {
  const oneShot = { method: "status", params: { deep: true } };

  it("connects, calls once, closes 1000 and stops", () => {
    const h = new ClientHarness({ kind: "cli", explicitToken: "T", oneShot });
    const out = h.hello(h.connect());
    const call = out.filter((o) => o.kind === "ws-send").map((o) => JSON.parse((o as { text: string }).text))[0];
    expect(call).toMatchObject({ type: "req", method: "status", params: { deep: true } });
    const end = h.step({ kind: "ws-message", text: JSON.stringify({ type: "res", id: call.id, ok: true, payload: { ok: 1 } }) });
    expect(h.events("rpc-result")).toEqual([{ id: call.id, method: "status", ok: true, payload: { ok: 1 } }]);
    expect(end).toContainEqual({ kind: "ws-close", code: 1000, reason: "" });
    expect(h.events("stopped")).toEqual([{ reason: "one-shot-complete" }]);
    h.step({ kind: "ws-close", code: 1000, reason: "" });
    expect(h.events("reconnect-scheduled")).toEqual([]);
  });

  it("a refused connect ends the call with the close as its error, without reconnecting or retrying", () => {
    const h = new ClientHarness({ kind: "cli", explicitToken: "WRONG", oneShot, storedTokens: { operator: { token: "S", scopes: [] } } });
    h.refuse(h.connect(), { message: "unauthorized: gateway token mismatch", details: { code: "AUTH_TOKEN_MISMATCH", canRetryWithDeviceToken: true } });
    expect(h.events("rpc-result")).toEqual([{ id: "", method: "status", ok: false, error: { code: null, message: "gateway closed (1008): unauthorized: gateway token mismatch" } }]);
    expect(h.events("stopped")).toEqual([{ reason: "one-shot-failed" }]);
    h.advance(60_000);
    expect(h.outputsOf("ws-connect")).toHaveLength(1);
  });

  it("gives up after its overall timeout", () => {
    const h = new ClientHarness({ kind: "cli", explicitToken: "T", oneShot: { method: "health", timeoutMs: 5_000 } });
    h.step({ kind: "start" });
    h.step({ kind: "ws-open" });
    h.advance(2_000);
    h.step({ kind: "ws-close", code: 1008, reason: "connect challenge timeout" });
    expect(h.events("rpc-result")[0]?.error?.message).toBe("gateway closed (1008): connect challenge timeout");
    expect(h.events("stopped")).toHaveLength(1);

    const slow = new ClientHarness({ kind: "cli", explicitToken: "T", oneShot: { method: "health", timeoutMs: 5_000 } });
    slow.step({ kind: "start" });
    slow.advance(5_000);
    expect(slow.events("rpc-result")[0]?.error?.message).toBe("gateway timeout after 5000ms");
    expect(slow.outputsOf("ws-close")).toEqual([{ kind: "ws-close", code: 1000, reason: "" }]);
  });
});
