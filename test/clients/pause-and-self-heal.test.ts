// Spec §7.4 / §7.5 and seed 004: which failures stop the reconnect loop, which keep it going, and when the
// client drops its stored device token by itself.
import { describe, expect, it } from "vitest";
import { ClientHarness, deviceTokenMismatch, switchesOf, tokenMismatch } from "./harness.ts";

/** PR #17336's order (explicit > stored > passive, self-heal restored): proposed, never shipped; on 2.22's client. */
const proposedFix = switchesOf("2026.2.22", { tokenPriority: "explicit-stored-passive" });

const pauseCodes = [
  "AUTH_TOKEN_MISSING",
  "AUTH_BOOTSTRAP_TOKEN_INVALID",
  "AUTH_PASSWORD_MISSING",
  "AUTH_PASSWORD_MISMATCH",
  "AUTH_RATE_LIMITED",
  "PAIRING_REQUIRED",
  "CONTROL_UI_DEVICE_IDENTITY_REQUIRED",
  "DEVICE_IDENTITY_REQUIRED",
];

describe("pause rules (§7.5)", () => {
  for (const code of pauseCodes) {
    it(`${code} pauses: no reconnect is scheduled`, () => {
      const h = new ClientHarness({ passiveToken: "T" });
      h.refuse(h.connect(), { code: code === "PAIRING_REQUIRED" || code === "DEVICE_IDENTITY_REQUIRED" ? "NOT_PAIRED" : "INVALID_REQUEST", message: "refused", details: { code } });
      expect(h.events("paused")).toHaveLength(1);
      expect(h.events("paused")[0]?.detailCode).toBe(code);
      expect(h.events("reconnect-scheduled")).toEqual([]);
      expect(h.events("closed")).toHaveLength(1);
      h.advance(60 * 60_000);
      expect(h.outputsOf("ws-connect")).toHaveLength(1);
    });
  }

  for (const code of ["DEVICE_AUTH_SIGNATURE_INVALID", "DEVICE_AUTH_NONCE_MISMATCH", "PROTOCOL_MISMATCH", "CONTROL_UI_ORIGIN_NOT_ALLOWED"]) {
    it(`${code} keeps reconnecting`, () => {
      const h = new ClientHarness({ passiveToken: "T" });
      h.refuse(h.connect(), { message: "refused", details: { code } });
      expect(h.events("paused")).toEqual([]);
      expect(h.events("reconnect-scheduled")).toEqual([{ delayMs: 1000, attempt: 1 }]);
    });
  }

  it("a failure without details keeps reconnecting", () => {
    const h = new ClientHarness({ passiveToken: "T" });
    h.refuse(h.connect(), { message: "unauthorized" });
    expect(h.events("reconnect-scheduled")).toHaveLength(1);
  });

  it("AUTH_DEVICE_TOKEN_MISMATCH keeps reconnecting (2026.3) and keeps the stored token while a shared token is set", () => {
    const h = new ClientHarness({ passiveToken: "T", deviceToken: "BAD", storedTokens: { operator: { token: "S", scopes: [] } } });
    const req = h.connect();
    expect(req.params.auth).toEqual({ token: "T", deviceToken: "BAD" });
    h.refuse(req, deviceTokenMismatch);
    expect(h.events("paused")).toEqual([]);
    expect(h.events("reconnect-scheduled")).toHaveLength(1);
    expect(h.outputsOf("clear-device-token")).toEqual([]);
    for (let i = 0; i < 4; i++) h.refuse(h.nextAttempt(), deviceTokenMismatch);
    expect(h.outputsOf("ws-connect")).toHaveLength(5);
  });

  it("AUTH_DEVICE_TOKEN_MISMATCH pauses at once and clears the stored token with pauseOnDeviceTokenMismatch (2026.9)", () => {
    const h = new ClientHarness({ profile: "2026.9", storedTokens: { operator: { token: "S", scopes: [] } } });
    const req = h.connect();
    expect(req.params.auth).toEqual({ token: "S", deviceToken: "S" });
    h.refuse(req, deviceTokenMismatch);
    expect(h.outputsOf("clear-device-token")).toEqual([{ kind: "clear-device-token", deviceId: h.state.config.identity!.deviceId, role: "operator" }]);
    expect(h.events("paused")[0]?.detailCode).toBe("AUTH_DEVICE_TOKEN_MISMATCH");
    expect(h.events("reconnect-scheduled")).toEqual([]);
  });

  it("without pauseOnDetailCodes (2026.2.13) even PAIRING_REQUIRED reconnects forever", () => {
    const h = new ClientHarness({ profile: "2026.2.13", passiveToken: "T" });
    h.refuse(h.connect(), { code: "NOT_PAIRED", message: "pairing required", details: { code: "PAIRING_REQUIRED" } });
    h.refuse(h.nextAttempt(), { code: "NOT_PAIRED", message: "pairing required", details: { code: "PAIRING_REQUIRED" } });
    expect(h.events("paused")).toEqual([]);
    expect(h.events("reconnect-scheduled").map((r) => r.delayMs)).toEqual([1000, 2000]);
  });

  it("credentials-changed resumes a paused client with the new token and a fresh budget", () => {
    const h = new ClientHarness({ url: "wss://gw.example", explicitToken: "OLD" });
    h.refuse(h.connect(), tokenMismatch);
    expect(h.state.lifecycle).toBe("paused");
    const out = h.step({ kind: "credentials-changed", explicitToken: "NEW" });
    expect(out.some((o) => o.kind === "ws-connect")).toBe(true);
    expect(h.events("resumed")).toHaveLength(1);
    expect(h.openAndChallenge().params.auth).toEqual({ token: "NEW" });
  });

  it("credentials-changed on a running client changes the next attempt only; null removes a credential", () => {
    const h = new ClientHarness({ passiveToken: "OLD", password: "pw" });
    h.refuse(h.connect(), { message: "unauthorized" });
    expect(h.step({ kind: "credentials-changed", passiveToken: "NEW", password: null })).toEqual([]);
    expect(h.nextAttempt().params.auth).toEqual({ token: "NEW" });
  });
});

describe("stale-token self-heal (§7.4)", () => {
  const stored = { operator: { token: "S", scopes: ["operator.admin"] } };

  it("a 1008 'device token mismatch' close with no shared credential clears the stored token", () => {
    const h = new ClientHarness({ storedTokens: stored });
    h.refuse(h.connect(), deviceTokenMismatch);
    expect(h.outputsOf("clear-device-token")).toHaveLength(1);
    expect(h.nextAttempt().params.auth).toBeUndefined();
  });

  it("is skipped when a shared token or password is configured, or the close is another code", () => {
    for (const extra of [{ passiveToken: "T" }, { password: "pw" }]) {
      const h = new ClientHarness({ storedTokens: stored, ...extra });
      h.refuse(h.connect(), deviceTokenMismatch);
      expect(h.outputsOf("clear-device-token")).toEqual([]);
    }
    const h = new ClientHarness({ storedTokens: stored });
    h.connect();
    h.step({ kind: "ws-close", code: 4001, reason: "device token mismatch" });
    expect(h.outputsOf("clear-device-token")).toEqual([]);
  });

  it("is off in 2026.2.14", () => {
    const h = new ClientHarness({ profile: "2026.2.14", storedTokens: stored });
    h.refuse(h.connect(), { message: deviceTokenMismatch.message });
    expect(h.outputsOf("clear-device-token")).toEqual([]);
  });
});

describe("seed 004: stored token + stale passive token", () => {
  const stored = { operator: { token: "PAIRED", scopes: ["operator.admin"] } };
  const mismatch = { message: "unauthorized: device token mismatch (rotate/reissue device token)" };

  it("≤ 2.13: the stored token goes first; a failed connect clears it so the next attempt uses the shared token", () => {
    const h = new ClientHarness({ profile: "2026.2.13", passiveToken: "CONFIG", storedTokens: stored });
    const first = h.connect();
    expect(first.params.auth).toEqual({ token: "PAIRED" });
    h.refuse(first, { message: "unauthorized" });
    expect(h.outputsOf("clear-device-token")).toHaveLength(1);
    expect(h.nextAttempt().params.auth).toEqual({ token: "CONFIG" });
  });

  it("2.14 regression: the passive token wins and nothing heals — the same wrong token every attempt", () => {
    const h = new ClientHarness({ profile: "2026.2.14", passiveToken: "STALE-ENV", storedTokens: stored });
    const sent: (string | undefined)[] = [];
    let req = h.connect();
    for (let i = 0; i < 6; i++) {
      sent.push(req.params.auth?.token);
      h.refuse(req, mismatch);
      req = h.nextAttempt();
    }
    expect(new Set(sent)).toEqual(new Set(["STALE-ENV"]));
    expect(h.outputsOf("clear-device-token")).toEqual([]);
    expect(h.events("paused")).toEqual([]);
  });

  it("proposed fix (#17336, never shipped): stored beats passive; explicit beats stored and a failing explicit token leaves the stored one alone", () => {
    const passive = new ClientHarness({ switches: proposedFix, passiveToken: "STALE-ENV", storedTokens: stored });
    expect(passive.connect().params.auth).toEqual({ token: "PAIRED" });

    const explicit = new ClientHarness({ switches: proposedFix, explicitToken: "CLI", passiveToken: "STALE-ENV", storedTokens: stored });
    const req = explicit.connect();
    expect(req.params.auth).toEqual({ token: "CLI" });
    explicit.refuse(req, { message: "unauthorized" });
    expect(explicit.outputsOf("clear-device-token")).toEqual([]);
  });

  it("proposed fix (#17336, never shipped): a failing stored token is cleared when a passive token can take over", () => {
    const h = new ClientHarness({ switches: proposedFix, passiveToken: "CONFIG", storedTokens: stored });
    h.refuse(h.connect(), mismatch);
    expect(h.outputsOf("clear-device-token")).toHaveLength(1);
    expect(h.nextAttempt().params.auth).toEqual({ token: "CONFIG" });
  });
});
