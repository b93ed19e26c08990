// Client switches not already flipped elsewhere in test/clients: flipping each one flips what the client does.
import { describe, expect, it } from "vitest";
import { ClientHarness, switchesOf, testIdentity, tokenMismatchNoHint } from "./harness.ts";
import type { ClientSwitches } from "../../src/profiles/index.ts";

function harness(overrides: Partial<ClientSwitches>, options: ConstructorParameters<typeof ClientHarness>[0] = {}): ClientHarness {
  return new ClientHarness({ passiveToken: "T", ...options, switches: switchesOf("2026.3", overrides) });
}

describe("client switches flip behaviour", () => {
  it("backoffInitialMs / backoffMaxMs", () => {
    const delays = (o: Partial<ClientSwitches>) => {
      const h = harness(o);
      h.step({ kind: "start" });
      const out: number[] = [];
      for (let i = 0; i < 4; i++) {
        h.step({ kind: "ws-error", message: "ECONNREFUSED" });
        const d = h.events("reconnect-scheduled").at(-1)!.delayMs;
        out.push(d);
        h.advance(d);
      }
      return out;
    };
    expect(delays({})).toEqual([1000, 2000, 4000, 8000]);
    expect(delays({ backoffInitialMs: 500, backoffMaxMs: 1500 })).toEqual([500, 1000, 1500, 1500]);
  });

  it("fastRetryMs", () => {
    const retryDelay = (fastRetryMs: number) => {
      const h = harness({ fastRetryMs }, { storedTokens: { operator: { token: "D", scopes: ["operator.admin"] } }, explicitToken: "stale" });
      h.step({ kind: "start" });
      h.refuse(h.openAndChallenge(), { code: "INVALID_REQUEST", ...tokenMismatchNoHint, details: { ...tokenMismatchNoHint.details, canRetryWithDeviceToken: true } });
      h.step({ kind: "ws-close", code: 1008, reason: "unauthorized" });
      return h.events("reconnect-scheduled").at(-1)!.delayMs;
    };
    expect([retryDelay(250), retryDelay(100)]).toEqual([250, 100]);
  });

  it("signatureVersion", () => {
    const signedWith = (signatureVersion: ClientSwitches["signatureVersion"]) => {
      const h = harness({ signatureVersion }, { identity: testIdentity(3) });
      h.step({ kind: "start" });
      return h.openAndChallenge().params.device?.signature;
    };
    expect(signedWith("v3")).not.toBe(signedWith("v2"));
  });

  it("signedAtSource (PR #116679)", () => {
    const signedAt = (signedAtSource: ClientSwitches["signedAtSource"]) => {
      const h = harness({ signedAtSource }, { identity: testIdentity(3) });
      h.step({ kind: "start" });
      h.advance(7_000); // the challenge's ts stays T0 while the client's own clock moved on
      return h.openAndChallenge().params.device?.signedAt;
    };
    expect(signedAt("challenge-ts")).not.toBe(signedAt("client-clock"));
    expect(signedAt("client-clock")! - signedAt("challenge-ts")!).toBe(7_000);
  });

  it("protocolVersion", () => {
    const asked = (protocolVersion: number) => {
      const h = harness({ protocolVersion });
      h.step({ kind: "start" });
      return h.openAndChallenge().params.maxProtocol;
    };
    expect([asked(3), asked(4)]).toEqual([3, 4]);
  });

  it("insecureWsGuard", () => {
    const connects = (insecureWsGuard: boolean) => {
      const h = harness({ insecureWsGuard }, { url: "ws://203.0.113.7:18789" });
      h.step({ kind: "start" });
      return h.outputsOf("ws-connect").length;
    };
    expect([connects(false), connects(true)]).toEqual([1, 0]);
  });

  it("insecureWsAllows: the plaintext ws:// hosts each release lets through, with and without the break-glass variable", () => {
    const hosts = ["192.168.1.20", "gw.local", "gw.tail1234.ts.net", "gateway-host", "203.0.113.7"];
    const connects = (insecureWsAllows: ClientSwitches["insecureWsAllows"], allowInsecurePrivateWs: boolean) =>
      hosts.map((host) => {
        const h = harness({ insecureWsGuard: true, insecureWsAllows }, { url: `ws://${host}:18789`, allowInsecurePrivateWs });
        h.step({ kind: "start" });
        return h.outputsOf("ws-connect").length;
      });
    // 2.22: loopback only, whatever the environment.
    expect(connects("loopback", true)).toEqual([0, 0, 0, 0, 0]);
    // 3.2: the variable lets private IP literals through, no name.
    expect(connects("env-private-ip", true)).toEqual([1, 0, 0, 0, 0]);
    expect(connects("env-private-ip", false)).toEqual([0, 0, 0, 0, 0]);
    // 3.13 … 4.22: the variable lets private IP literals and any name through (a public IP literal stays refused).
    expect(connects("env-private-or-name", true)).toEqual([1, 1, 1, 1, 0]);
    expect(connects("env-private-or-name", false)).toEqual([0, 0, 0, 0, 0]);
    // 5.28 … 9.6: private IP literals and .local / .ts.net names always; any name with the variable.
    expect(connects("lan-names", false)).toEqual([1, 1, 1, 0, 0]);
    expect(connects("lan-names", true)).toEqual([1, 1, 1, 1, 0]);
  });

  it("controlUiTokenPerTab", () => {
    const storage = (controlUiTokenPerTab: boolean) => new ClientHarness({ kind: "control-ui", url: "ws://127.0.0.1:18789", identity: null, passiveToken: "T", switches: switchesOf("2026.3", { controlUiTokenPerTab }) }).state.tokenStorage;
    expect([storage(false), storage(true)]).toEqual(["localStorage", "sessionStorage"]);
  });

  it("tuiClientId", () => {
    const id = (tuiClientId: ClientSwitches["tuiClientId"]) => {
      const h = new ClientHarness({ kind: "tui", url: "ws://127.0.0.1:18789", identity: null, passiveToken: "T", switches: switchesOf("2026.3", { tuiClientId }) });
      h.step({ kind: "start" });
      return h.openAndChallenge().params.client;
    };
    expect(id("openclaw-tui")).toMatchObject({ id: "openclaw-tui", mode: "ui" });
    expect(id("gateway-client")).toMatchObject({ id: "gateway-client", mode: "ui", displayName: "openclaw-tui" });
  });

  it("tokenMismatchPause", () => {
    const paused = (tokenMismatchPause: ClientSwitches["tokenMismatchPause"]) => {
      const h = harness({ tokenMismatchPause });
      h.step({ kind: "start" });
      h.refuse(h.openAndChallenge(), { code: "INVALID_REQUEST", ...tokenMismatchNoHint });
      h.step({ kind: "ws-close", code: 1008, reason: "unauthorized" });
      return h.state.lifecycle;
    };
    expect([paused("after-retry-or-untrusted"), paused("unless-retry-pending")]).toEqual(["running", "paused"]);
  });

  it("honourRetryAfter", () => {
    const next = (honourRetryAfter: boolean) => {
      const h = harness({ honourRetryAfter });
      h.step({ kind: "start" });
      const req = h.openAndChallenge();
      const error = { code: "UNAVAILABLE", message: "gateway starting; retry shortly", details: { reason: "startup-sidecars" }, retryable: true, retryAfterMs: 500 };
      h.step({ kind: "ws-message", text: JSON.stringify({ type: "res", id: req.id, ok: false, error }) });
      h.step({ kind: "ws-close", code: 1013, reason: "gateway starting" });
      return [h.events("reconnect-scheduled").at(-1)!.delayMs, h.events("connect-error").length];
    };
    expect([next(false), next(true)]).toEqual([[1000, 1], [500, 0]]);
  });

  it("staleTokenSelfHeal", () => {
    const cleared = (staleTokenSelfHeal: boolean) => {
      const h = new ClientHarness({ identity: testIdentity(4), storedTokens: { operator: { token: "D", scopes: [] } }, switches: switchesOf("2026.3", { staleTokenSelfHeal }) });
      h.step({ kind: "start" });
      h.openAndChallenge();
      h.step({ kind: "ws-close", code: 1008, reason: "unauthorized: device token mismatch (rotate/reissue device token)" });
      return h.outputsOf("clear-device-token").length;
    };
    expect([cleared(false), cleared(true)]).toEqual([0, 1]);
  });
});
