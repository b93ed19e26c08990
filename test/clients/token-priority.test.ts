// Seed 004 and spec §7.2: which token lands in auth.token / auth.deviceToken for every combination of
// explicit (--token), stored device token and passive (config/env) token, under each release's rule.
import { describe, expect, it } from "vitest";
import { buildSignaturePayload, verifyDeviceSignature } from "../../src/crypto/index.ts";
import type { ClientSwitches } from "../../src/profiles/index.ts";
import { ClientHarness, switchesOf, testIdentity } from "./harness.ts";

type Priority = ClientSwitches["tokenPriority"];
type Row = { e: boolean; s: boolean; p: boolean; token: Record<Priority, string | null>; deviceToken: string | null };

const E = "EXPLICIT-TOKEN";
const S = "STORED-DEVICE-TOKEN";
const P = "PASSIVE-TOKEN";

// deviceToken: what resolved-late puts in auth.deviceToken (the older rules never send that field).
const table: Row[] = [
  { e: false, s: false, p: false, token: { "stored-first-self-heal": null, "passive-wins": null, "explicit-stored-passive": null, "resolved-late": null }, deviceToken: null },
  { e: true, s: false, p: false, token: { "stored-first-self-heal": E, "passive-wins": E, "explicit-stored-passive": E, "resolved-late": E }, deviceToken: null },
  { e: false, s: true, p: false, token: { "stored-first-self-heal": S, "passive-wins": S, "explicit-stored-passive": S, "resolved-late": S }, deviceToken: S },
  { e: false, s: false, p: true, token: { "stored-first-self-heal": P, "passive-wins": P, "explicit-stored-passive": P, "resolved-late": P }, deviceToken: null },
  { e: true, s: true, p: false, token: { "stored-first-self-heal": S, "passive-wins": E, "explicit-stored-passive": E, "resolved-late": E }, deviceToken: null },
  { e: true, s: false, p: true, token: { "stored-first-self-heal": E, "passive-wins": E, "explicit-stored-passive": E, "resolved-late": E }, deviceToken: null },
  // The seed-004 regression row: 2.14 sends the passive token although a paired device token is stored.
  { e: false, s: true, p: true, token: { "stored-first-self-heal": S, "passive-wins": P, "explicit-stored-passive": S, "resolved-late": P }, deviceToken: null },
  { e: true, s: true, p: true, token: { "stored-first-self-heal": S, "passive-wins": E, "explicit-stored-passive": E, "resolved-late": E }, deviceToken: null },
];

const priorities: Priority[] = ["stored-first-self-heal", "passive-wins", "explicit-stored-passive", "resolved-late"];
const label = (r: Row) => `${r.e ? "explicit" : "-"} / ${r.s ? "stored" : "-"} / ${r.p ? "passive" : "-"}`;

describe("token priority table (seed 004, §7.2)", () => {
  for (const priority of priorities) {
    for (const row of table) {
      it(`${priority}: ${label(row)} → auth.token ${row.token[priority] ?? "none"}`, () => {
        const h = new ClientHarness({
          switches: switchesOf("2026.3", { tokenPriority: priority }),
          explicitToken: row.e ? E : undefined,
          passiveToken: row.p ? P : undefined,
          storedTokens: row.s ? { operator: { token: S, scopes: ["operator.read"] } } : undefined,
        });
        const req = h.connect();
        expect(req.params.auth?.token ?? null).toBe(row.token[priority]);
        const expectedDevice = priority === "resolved-late" ? row.deviceToken : null;
        expect(req.params.auth?.deviceToken ?? null).toBe(expectedDevice);
        if (row.token[priority] === null) expect(req.params.auth).toBeUndefined();
        const attempt = h.events("connect-attempt")[0]!;
        const source = row.token[priority] === E ? "explicit" : row.token[priority] === S ? "stored" : row.token[priority] === P ? "passive" : null;
        expect(attempt.tokenSource).toBe(source);
      });
    }
  }

  it("late: reconnecting with the stored device token asks for the stored scopes", () => {
    const h = new ClientHarness({ storedTokens: { operator: { token: S, scopes: ["operator.read"] } } });
    expect(h.connect().params.scopes).toEqual(["operator.read"]);
  });

  it("the legacy rules ask for the configured scopes even with the stored token", () => {
    const h = new ClientHarness({ profile: "2026.2.13", scopes: ["operator.admin"], storedTokens: { operator: { token: S, scopes: ["operator.read"] } } });
    const req = h.connect();
    expect(req.params.auth).toEqual({ token: S });
    expect(req.params.scopes).toEqual(["operator.admin"]);
  });

  it("an explicit deviceToken option goes in both slots under resolved-late", () => {
    const h = new ClientHarness({ deviceToken: "OPTION", storedTokens: { operator: { token: S, scopes: [] } } });
    expect(h.connect().params.auth).toEqual({ token: "OPTION", deviceToken: "OPTION" });
  });

  it("a password is always forwarded; with a password the stored token is not resolved (late)", () => {
    const h = new ClientHarness({ password: "pw", storedTokens: { operator: { token: S, scopes: [] } } });
    expect(h.connect().params.auth).toEqual({ password: "pw" });
  });

  it("a device-less client never uses stored tokens", () => {
    const h = new ClientHarness({ identity: null, passiveToken: P, storedTokens: { operator: { token: S, scopes: [] } }, switches: switchesOf("2026.2.13") });
    const req = h.connect();
    expect(req.params.auth).toEqual({ token: P });
    expect(req.params.device).toBeUndefined();
  });

  it("entries of a device-auth file that belongs to another device are ignored", () => {
    const h = new ClientHarness({ storedTokens: { operator: { token: S, scopes: [] } }, storedTokensDeviceId: testIdentity(9).deviceId });
    expect(h.connect().params.auth).toBeUndefined();
  });

  it("signs the token it sends (auth.token ?? auth.bootstrapToken) over the challenge nonce", () => {
    for (const [profile, version] of [["2026.2.13", "v2"], ["2026.3", "v3"]] as const) {
      const identity = testIdentity(3);
      const h = new ClientHarness({ profile, identity, passiveToken: P, platform: "Linux", deviceFamily: "Desktop" });
      h.step({ kind: "start" });
      const req = h.openAndChallenge("the-nonce");
      const d = req.params.device!;
      expect(d).toMatchObject({ id: identity.deviceId, publicKey: identity.publicKeyBase64Url, signedAt: h.nowMs, nonce: "the-nonce" });
      const payload = buildSignaturePayload(version, {
        deviceId: identity.deviceId,
        clientId: "gateway-client",
        clientMode: "backend",
        role: "operator",
        scopes: req.params.scopes!,
        signedAtMs: h.nowMs,
        token: P,
        nonce: "the-nonce",
        platform: "Linux",
        deviceFamily: "Desktop",
      });
      expect(verifyDeviceSignature(d.publicKey, payload, d.signature)).toBe(true);
      const wrongToken = buildSignaturePayload(version, { deviceId: identity.deviceId, clientId: "gateway-client", clientMode: "backend", role: "operator", scopes: req.params.scopes!, signedAtMs: h.nowMs, token: "", nonce: "the-nonce", platform: "Linux", deviceFamily: "Desktop" });
      expect(verifyDeviceSignature(d.publicKey, wrongToken, d.signature)).toBe(false);
    }
  });

  it("resolved-late sends a bootstrap token only when no shared or device token resolved", () => {
    const only = new ClientHarness({ bootstrapToken: "BOOT" }).connect();
    expect(only.params.auth).toEqual({ bootstrapToken: "BOOT" });
    const withStored = new ClientHarness({ bootstrapToken: "BOOT", storedTokens: { operator: { token: S, scopes: [] } } }).connect();
    expect(withStored.params.auth).toEqual({ token: S, deviceToken: S });
  });
});
