// Setup-code bootstrap tokens: the store's rules (TTL, first-device binding, profile bounds, redemption) and the
// gateway's use of them in connect (method bootstrap-token, AUTH_BOOTSTRAP_TOKEN_INVALID, the hello-ok hand-off,
// consumption, the limiter scope), plus each of the four profile switches flipping an outcome.
import { describe, expect, it } from "vitest";
import type { Attempt, Outcome, World } from "../../src/index.ts";
import { Prng } from "../../src/kernel/index.ts";
import {
  bootstrapTokenTtlMs,
  emptyBootstrapStore,
  issueBootstrapToken,
  setupBootstrapProfile,
  type BootstrapStore,
} from "../../src/gateway/index.ts";
import { boundBootstrapProfile, redeemBootstrapToken, verifyBootstrapToken } from "../../src/gateway/bootstrap-tokens.ts";
import type { GatewaySwitches } from "../../src/profiles/index.ts";
import { details, profile, runAttempts, seedHex } from "./harness.ts";

const handoff4 = ["operator.approvals", "operator.read", "operator.talk.secrets", "operator.write"];
const prng = () => new Prng(7n, "test");

describe("bootstrap token store", () => {
  const fresh = (nowMs = 1_000) => {
    const store = emptyBootstrapStore();
    const { token, expiresAtMs } = issueBootstrapToken(store, { profile: setupBootstrapProfile(handoff4), nowMs, prng: prng() });
    return { store, token, expiresAtMs };
  };
  const node = { deviceId: "d1", publicKey: "k1", role: "node", scopes: [] as string[] };

  it("expires ten minutes after issue", () => {
    const { store, token, expiresAtMs } = fresh();
    expect(expiresAtMs).toBe(1_000 + bootstrapTokenTtlMs);
    expect(verifyBootstrapToken(store, { ...node, token, nowMs: 1_000 + bootstrapTokenTtlMs }).ok).toBe(true);
    const late = fresh();
    expect(verifyBootstrapToken(late.store, { ...node, token: late.token, nowMs: 1_001 + bootstrapTokenTtlMs })).toEqual({ ok: false, reason: "bootstrap_token_invalid" });
  });

  it("binds to the first device that verifies; another device or key is refused", () => {
    const { store, token } = fresh();
    expect(verifyBootstrapToken(store, { ...node, token, nowMs: 2_000 }).ok).toBe(true);
    expect(verifyBootstrapToken(store, { ...node, deviceId: "d2", token, nowMs: 2_001 }).ok).toBe(false);
    expect(verifyBootstrapToken(store, { ...node, publicKey: "k2", token, nowMs: 2_002 }).ok).toBe(false);
    expect(verifyBootstrapToken(store, { ...node, token, nowMs: 2_003 }).ok).toBe(true);
    expect(boundBootstrapProfile(store, { token, deviceId: "d1", publicKey: "k1", nowMs: 2_004 })?.roles).toEqual(["node", "operator"]);
    expect(boundBootstrapProfile(store, { token, deviceId: "d2", publicKey: "k1", nowMs: 2_004 })).toBeNull();
  });

  it("refuses a role or scope outside the profile", () => {
    const { store, token } = fresh();
    expect(verifyBootstrapToken(store, { ...node, role: "operator", scopes: ["operator.admin"], token, nowMs: 2_000 }).ok).toBe(false);
    expect(verifyBootstrapToken(store, { ...node, role: "admin", token, nowMs: 2_000 }).ok).toBe(false);
    expect(verifyBootstrapToken(store, { ...node, role: "operator", scopes: ["operator.read", "operator.write"], token, nowMs: 2_000 }).ok).toBe(true);
  });

  it("is fully redeemed once every profile role used it with the profile's operator scopes", () => {
    const { store, token } = fresh();
    expect(redeemBootstrapToken(store, { token, role: "node", scopes: [], nowMs: 2_000 })).toBe(false);
    expect(redeemBootstrapToken(store, { token, role: "operator", scopes: ["operator.read"], nowMs: 2_001 })).toBe(false);
    expect(redeemBootstrapToken(store, { token, role: "operator", scopes: handoff4, nowMs: 2_002 })).toBe(true);
  });
});

// ---- the gateway -------------------------------------------------------------------------------------------

const phone = seedHex(0x61);
const thief = seedHex(0x62);
const boot = "BOOT-TOKEN-1";
type A = Attempt & { from?: "local" | "remote" };

function nodeParams(protocol: number, auth: Record<string, string>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { minProtocol: protocol, maxProtocol: protocol, client: { id: "node-host", version: "1", platform: "linux", mode: "node" }, role: "node", scopes: [], auth, ...extra };
}

function bootAttempt(name: string, identity: string, protocol: number, extra: Record<string, unknown> = {}): A {
  return { name, from: "remote", connect: { params: nodeParams(protocol, { bootstrapToken: boot }, extra) }, device: { identitySeed: identity, payloadVersion: "v3" } };
}

/** Writes a setup-code token into the gateway host's bootstrap file, as `openclaw qr` would. */
function withToken(scopes: readonly string[], keep?: (file: BootstrapStore) => void) {
  return (world: World) => {
    const file = world.gateways.get("gateway")!.bootstrapFile;
    file.tokens[boot] = { token: boot, issuedAtMs: world.clockOf("gw").nowMs(), profile: setupBootstrapProfile(scopes), redeemed: { roles: [], scopes: [] } };
    keep?.(file);
  };
}

function run(base: string, attempts: A[], overrides: Partial<GatewaySwitches> = {}, config?: object): { outcomes: Outcome[]; file: BootstrapStore } {
  const p = profile(base, { gateway: overrides });
  let file: BootstrapStore = emptyBootstrapStore();
  const { outcomes } = runAttempts({
    profile: p,
    attempts,
    identities: { phone, thief },
    ...(config ? { config: config as never } : {}),
    beforeAttempts: withToken(p.gateway.bootstrapHandoffScopes, (f) => (file = f)),
  });
  return { outcomes, file };
}

const helloAuth = (o: Outcome) => (o.response?.helloOk?.auth ?? {}) as Record<string, unknown>;

describe("bootstrap tokens in connect", () => {
  it("2026.4: a first node connect pairs silently, hands the operator token over in hello-ok and consumes the token", () => {
    const { outcomes, file } = run("2026.4", [bootAttempt("first", phone, 3), bootAttempt("again", phone, 3)]);
    const auth = helloAuth(outcomes[0]!);
    expect([outcomes[0]!.response?.ok, auth["role"], auth["scopes"]]).toEqual([true, "node", []]);
    const handed = auth["deviceTokens"] as { role: string; scopes: string[] }[];
    expect(handed.map((t) => [t.role, t.scopes])).toEqual([["operator", handoff4]]);
    expect(file.tokens[boot]).toBeUndefined();
    expect(details(outcomes[1]!)["code"]).toBe("AUTH_BOOTSTRAP_TOKEN_INVALID");
    expect(outcomes[1]!.response?.error?.message).toBe("unauthorized: bootstrap token invalid or expired (scan a fresh setup code)");
    expect(details(outcomes[1]!)["recommendedNextStep"]).toBe("review_auth_configuration");
  });

  it("2026.9: the first node connect waits for approval (told to retry); a second device is refused with the 2026.9 text", () => {
    const { outcomes, file } = run("2026.9", [bootAttempt("first", phone, 4), bootAttempt("thief", thief, 4)]);
    expect(details(outcomes[0]!)).toMatchObject({ code: "PAIRING_REQUIRED", recommendedNextStep: "wait_then_retry", retryable: true, pauseReconnect: false });
    expect(file.tokens[boot]?.deviceId).toBeDefined();
    expect(details(outcomes[1]!)["code"]).toBe("AUTH_BOOTSTRAP_TOKEN_INVALID");
    expect(outcomes[1]!.response?.error?.message).toMatch(/^unauthorized: setup code invalid, expired, revoked, or already used/);
  });

  it("a valid bootstrap token wins over a valid shared token (method bootstrap-token)", () => {
    const { outcomes } = run("2026.4", [bootAttempt("both", phone, 3, { auth: { token: "secret", bootstrapToken: boot } })]);
    expect(outcomes[0]!.response?.ok).toBe(true);
    expect(helloAuth(outcomes[0]!)["deviceTokens"]).toBeDefined();
  });

  it("without a device identity the token is not looked at: a device-less node is refused for the missing device", () => {
    const { outcomes, file } = run("2026.4", [{ name: "bare", from: "remote", connect: { params: nodeParams(3, { bootstrapToken: boot }) } }]);
    expect(details(outcomes[0]!)["code"]).toBe("DEVICE_IDENTITY_REQUIRED");
    expect(file.tokens[boot]?.deviceId).toBeUndefined();
  });

  it("releases without bootstrap tokens refuse the field (closed auth object)", () => {
    // 2026.2.22 (auth {token, deviceToken, password}); 2026.3 follows openclaw@2026.3.13, whose schema has the field.
    const { outcomes } = run("2026.2.22", [bootAttempt("first", phone, 3)]);
    expect(outcomes[0]!.response?.error?.message).toMatch(/^invalid connect params: .*unexpected property 'bootstrapToken'/);
  });
});

describe("bootstrap switches flip outcomes", () => {
  it("setupCodeCredential: without bootstrap tokens the gateway ignores the field and the connect has no credential", () => {
    const on = run("2026.4", [bootAttempt("first", phone, 3)]).outcomes[0]!;
    const off = run("2026.4", [bootAttempt("first", phone, 3)], { setupCodeCredential: "gateway-secret" }).outcomes[0]!;
    expect([on.response?.ok, details(off)["authReason"]]).toEqual([true, "token_missing"]);
  });

  it("bootstrapHandoffScopes: operator.questions is inside the 2026.9 profile only", () => {
    const ask = [bootAttempt("op", phone, 3, { role: "operator", scopes: ["operator.questions"] })];
    const with5 = run("2026.4", ask, { bootstrapHandoffScopes: [...handoff4, "operator.questions"] }).outcomes[0]!;
    const with4 = run("2026.4", ask).outcomes[0]!;
    expect([details(with5)["code"], details(with4)["code"]]).toEqual(["PAIRING_REQUIRED", "AUTH_BOOTSTRAP_TOKEN_INVALID"]);
  });

  it("bootstrapLimiter: a refused token is charged to the bootstrap-token scope and then locked out", () => {
    const config = { auth: { mode: "token", token: "secret", rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const two = [bootAttempt("a", thief, 4, { auth: { bootstrapToken: "wrong" } }), bootAttempt("b", thief, 4, { auth: { bootstrapToken: "wrong" } })];
    const limited = run("2026.9", two, {}, config).outcomes.map((o) => details(o)["authReason"]);
    const unlimited = run("2026.9", two, { bootstrapLimiter: false }, config).outcomes.map((o) => details(o)["authReason"]);
    expect(limited).toEqual(["bootstrap_token_invalid", "rate_limited"]);
    expect(unlimited).toEqual(["bootstrap_token_invalid", "bootstrap_token_invalid"]);
  });

  it("bootstrapSilentPairing: 2026.4's rule pairs any first node silently, 2026.9's only a matching profile", () => {
    const late = run("2026.9", [bootAttempt("first", phone, 4)]).outcomes[0]!;
    const early = run("2026.9", [bootAttempt("first", phone, 4)], { bootstrapSilentPairing: "node-first-pairing" }).outcomes[0]!;
    expect([details(late)["code"], early.response?.ok]).toEqual(["PAIRING_REQUIRED", true]);
  });
});
