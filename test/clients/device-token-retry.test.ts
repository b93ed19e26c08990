// Seed 000 and spec §7.3: on AUTH_TOKEN_MISMATCH a trusted client makes exactly one fast retry with its
// stored device token, then stops reconnecting; an untrusted endpoint gets no retry at all.
import { describe, expect, it } from "vitest";
import { ClientHarness, tokenMismatch, tokenMismatchNoHint } from "./harness.ts";

const STORED = { operator: { token: "STORED", scopes: ["operator.read", "operator.write"] } };

function mismatchClient(url: string, extra: Record<string, unknown> = {}) {
  return new ClientHarness({ url, explicitToken: "STALE", storedTokens: STORED, ...extra });
}

describe("one bounded device-token retry (§7.3, seed 000)", () => {
  it("loopback: one retry at ≤ 250 ms with the stored token as auth.deviceToken, then pause", () => {
    const h = mismatchClient("ws://127.0.0.1:18789");
    const first = h.connect();
    expect(first.params.auth).toEqual({ token: "STALE" });
    const out = h.refuse(first, tokenMismatch);
    expect(out).toContainEqual({ kind: "ws-close", code: 1008, reason: "connect failed" });
    const scheduled = h.events("reconnect-scheduled");
    expect(scheduled).toEqual([{ delayMs: 250, attempt: 1 }]);

    const retry = h.nextAttempt();
    expect(retry.params.auth).toEqual({ token: "STALE", deviceToken: "STORED" });
    expect(retry.params.scopes).toEqual(["operator.read", "operator.write"]);
    expect(h.events("connect-attempt")[1]).toMatchObject({ deviceTokenRetry: true, tokenSource: "explicit", deviceToken: "stored" });

    h.refuse(retry, tokenMismatchNoHint);
    expect(h.events("paused")).toEqual([{ detailCode: "AUTH_TOKEN_MISMATCH", why: "token mismatch persists after the one device-token retry" }]);
    expect(h.state.lifecycle).toBe("paused");
    expect(h.timers.has("reconnect")).toBe(false);
    h.advance(10 * 60_000);
    expect(h.outputsOf("ws-connect")).toHaveLength(2);
  });

  it("the retry is granted even when the gateway's hint says so only by recommendedNextStep or only by code", () => {
    for (const details of [{ recommendedNextStep: "retry_with_device_token" }, { code: "AUTH_TOKEN_MISMATCH" }]) {
      const h = mismatchClient("ws://localhost:18789");
      h.refuse(h.connect(), { message: "unauthorized", details });
      expect(h.events("reconnect-scheduled")[0]?.delayMs).toBe(250);
      expect(h.nextAttempt().params.auth?.deviceToken).toBe("STORED");
    }
  });

  it("a successful retry restores the budget: a later mismatch gets one more retry", () => {
    const h = mismatchClient("ws://127.0.0.1:18789");
    h.refuse(h.connect(), tokenMismatch);
    const retry = h.nextAttempt();
    h.hello(retry, { deviceToken: "STORED", role: "operator", scopes: ["operator.read"] });
    expect(h.state.deviceTokenRetryBudgetUsed).toBe(false);
    h.step({ kind: "ws-close", code: 1012, reason: "service restart" });
    const again = h.nextAttempt();
    expect(again.params.auth).toEqual({ token: "STALE" });
    h.refuse(again, tokenMismatch);
    expect(h.nextAttempt().params.auth).toEqual({ token: "STALE", deviceToken: "STORED" });
  });

  it("wss:// with a pinned TLS fingerprint is trusted", () => {
    const h = mismatchClient("wss://gateway.example:443", { tlsFingerprint: "AA:BB" });
    h.refuse(h.connect(), tokenMismatch);
    expect(h.nextAttempt().params.auth?.deviceToken).toBe("STORED");
  });

  for (const [what, url] of [
    ["wss:// without a fingerprint", "wss://gateway.example:443"],
    ["a LAN ws:// address", "ws://192.168.1.20:18789"],
  ] as const) {
    it(`untrusted endpoint (${what}): no retry, pause at once`, () => {
      const h = mismatchClient(url);
      h.refuse(h.connect(), tokenMismatch);
      expect(h.events("reconnect-scheduled")).toEqual([]);
      expect(h.events("paused")).toEqual([{ detailCode: "AUTH_TOKEN_MISMATCH", why: "token mismatch on an untrusted endpoint: no device-token retry" }]);
      expect(h.outputsOf("ws-connect")).toHaveLength(1);
    });
  }

  it("no retry without a stored token, or when the failed attempt already used the stored token", () => {
    const none = new ClientHarness({ explicitToken: "STALE" });
    none.refuse(none.connect(), tokenMismatch);
    expect(none.events("paused")).toHaveLength(0);
    expect(none.state.deviceTokenRetryBudgetUsed).toBe(false);
    expect(none.events("reconnect-scheduled")[0]?.delayMs).toBe(1000);

    const storedOnly = new ClientHarness({ storedTokens: STORED });
    storedOnly.refuse(storedOnly.connect(), tokenMismatch);
    expect(storedOnly.state.deviceTokenRetryBudgetUsed).toBe(false);
  });

  it("profiles without the switch never retry (2026.2.22)", () => {
    const h = new ClientHarness({ profile: "2026.2.22", explicitToken: "STALE", storedTokens: STORED });
    h.refuse(h.connect(), tokenMismatch);
    expect(h.events("reconnect-scheduled")[0]?.delayMs).toBe(1000);
    expect(h.nextAttempt().params.auth).toEqual({ token: "STALE" });
  });

  it("stop() forgets the budget", () => {
    const h = mismatchClient("ws://127.0.0.1:18789");
    h.refuse(h.connect(), tokenMismatch);
    expect(h.state.pendingDeviceTokenRetry).toBe(true);
    h.step({ kind: "stop" });
    expect(h.state.pendingDeviceTokenRetry).toBe(false);
    expect(h.state.deviceTokenRetryBudgetUsed).toBe(false);
  });
});
