// An equivalence claim of src/chaos/mutants.ts, shown on the wire: a device-only client (no shared token, a stored
// device token) whose token the operator rotates reconnects with the stale token and is refused
// AUTH_DEVICE_TOKEN_MISMATCH. Under 2026.9 the client clears the token and pauses on that answer, so turning the
// §7.4 stale-token self-heal off changes no frame; with the 2026.9 pause also off, the self-heal is what stops the
// client resending the stale token (the claim rests on the pause, not on a dead switch).
import { describe, expect, it } from "vitest";
import { wireDigest } from "../../sim/chaos-run.ts";
import { equivalentMutants, findProfile, parseRunSpec, runScenario, specScenario, type Profile } from "../../src/index.ts";
import { params, runAttempts, seedHex, token } from "../gateway/harness.ts";
import { approveDevicePairing, approvalTokenOptions, emptyPairingStore, type PairingStore } from "../../src/gateway/pairing-store.ts";
import { Prng } from "../../src/kernel/index.ts";

const yaml = `
name: stale-device-only-client
gateway: { auth: { mode: token, token: t0k3n } }
identities: [laptop]
steps:
  - client: { name: svc, kind: backend, from: lan, identity: laptop, passiveToken: "{{gatewayToken}}" }
  - wait: 3000
  - operator: { action: approve-pending, identity: laptop }
  - start: svc
  - wait: 5000
  - credentials: { client: svc, passiveToken: null }
  - wait: 1000
  - operator: { action: rotate-device-token, identity: laptop }
  - wait: 30000
`;

const parent = findProfile("2026.9")!;

async function digest(client: Partial<Profile["client"]>, text = yaml): Promise<{ wire: string; staleAttempts: number }> {
  const profile: Profile = { ...parent, client: { ...parent.client, ...client } };
  const spec = parseRunSpec(text, "x.yaml", profile);
  if (!spec.ok) throw new Error(spec.message);
  const result = await runScenario(specScenario(spec.spec), { seed: 1n, profile });
  const staleAttempts = result.events.filter((e) => e.actor === "svc" && e.kind === "client" && e.data["detailCode"] === "AUTH_DEVICE_TOKEN_MISMATCH" && e.data["code"] === "INVALID_REQUEST").length;
  return { wire: wireDigest(result.events), staleAttempts };
}

describe("client.staleTokenSelfHeal under 2026.9", () => {
  it("changes no frame, because the pause on AUTH_DEVICE_TOKEN_MISMATCH clears the token first", async () => {
    expect(equivalentMutants["client.staleTokenSelfHeal"]).toContain("pauseOnDeviceTokenMismatch");
    const released = await digest({});
    const mutant = await digest({ staleTokenSelfHeal: false });
    expect(released.staleAttempts).toBe(1);
    expect(mutant).toEqual(released);
  });

  it("is what stops the stale token being resent once that pause is off", async () => {
    const selfHeal = await digest({ pauseOnDeviceTokenMismatch: false });
    const neither = await digest({ pauseOnDeviceTokenMismatch: false, staleTokenSelfHeal: false });
    expect(selfHeal.staleAttempts).toBe(1);
    expect(neither.staleAttempts).toBeGreaterThan(2);
    expect(neither.wire).not.toBe(selfHeal.wire);
  });
});

// client.staleTokenSelfHealWithShared widens the same self-heal to clients given a shared secret; the pause still
// clears the token first. With a wrong shared token the 2026.9 client sends it and is answered AUTH_TOKEN_MISMATCH
// (no device-token close at all); without one it is the run above.
describe("client.staleTokenSelfHealWithShared under 2026.9", () => {
  it("changes no frame, with a shared token given or not", async () => {
    expect(equivalentMutants["client.staleTokenSelfHealWithShared"]).toContain("pauseOnDeviceTokenMismatch");
    expect(parent.client.pauseOnDeviceTokenMismatch).toBe(true);
    for (const passiveToken of ["null", '"wr0ng"']) {
      const text = yaml.replace("passiveToken: null", `passiveToken: ${passiveToken}`);
      expect(await digest({ staleTokenSelfHealWithShared: true }, text)).toEqual(await digest({}, text));
    }
  });
});

// gateway.approvalCallerScopesUnderPendingRole: the 2026.3.31 approval check is read at both places an approval is
// judged (the inline approval of a silent pairing in pairing-flow.ts, device.pair.approve in methods.ts), each time
// only when approvalScopeChecks is off; 2026.9 has it on, so the mutant is listed as equivalent. The runs below
// reach both places: a local node-host asking role node with operator.admin (silent, approved inline or not), a
// remote one (pending), and an admin approving that remote request.
describe("gateway.approvalCallerScopesUnderPendingRole under 2026.9", () => {
  const node = { id: "node-host", version: "1", platform: "linux", mode: "node" };
  const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
  const nodeAdmin = params({ role: "node", scopes: ["operator.admin"], client: node }, 4);
  const approve = { method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } };
  const run = (gateway: Profile["gateway"]) =>
    runAttempts({
      profile: { ...parent, gateway },
      attempts: [
        { name: "node-admin-local", connect: { params: nodeAdmin }, device: { identitySeed: seedHex(0x61), payloadVersion: "v3" } },
        { name: "node-admin-remote", from: "remote", headers: { host: "gw.example" }, connect: { params: nodeAdmin }, device: { identitySeed: seedHex(0x62), payloadVersion: "v3" } },
        { name: "approver", connect: { params: params({ client: cli, scopes: ["operator.admin", "operator.pairing"] }, 4) }, device: { identitySeed: seedHex(0x63), payloadVersion: "v3" }, afterHello: [approve] },
      ],
    }).outcomes.map((o) => ({ ok: o.response?.ok, error: o.response?.error, rpc: o.rpc, close: o.close }));

  it("is listed as equivalent because 2026.9 has approvalScopeChecks on", () => {
    expect(equivalentMutants["gateway.approvalCallerScopesUnderPendingRole"]).toContain("approvalScopeChecks");
    // The premise: if 2026.9 ever turns approvalScopeChecks off, the claim (and this test) must be revisited.
    expect(parent.gateway.approvalScopeChecks).toBe(true);
    expect(parent.gateway.approvalCallerScopesUnderPendingRole).toBe(false);
  });

  it("changes no outcome of the inline approval nor of device.pair.approve", () => {
    const released = run(parent.gateway);
    const mutant = run({ ...parent.gateway, approvalCallerScopesUnderPendingRole: true });
    expect(released[2]!.ok).toBe(true);
    expect(released[2]!.rpc).toHaveLength(1);
    expect(mutant).toEqual(released);
  });

  it("would change both with approvalScopeChecks off (the claim rests on that switch, not on a dead one)", () => {
    const off = { ...parent.gateway, approvalScopeChecks: false };
    const without = run({ ...off, approvalCallerScopesUnderPendingRole: false });
    const withCheck = run({ ...off, approvalCallerScopesUnderPendingRole: true });
    // Inline: approved silently without the check (the node session is then refused for want of a node token),
    // held pending with it.
    const pairingReason = (o: (typeof without)[number]) => (o.error?.details as { reason?: string } | undefined)?.reason;
    expect([pairingReason(without[0]!), pairingReason(withCheck[0]!)]).toEqual([undefined, "not-paired"]);
    expect(without[0]!.error?.message).not.toContain("pairing required");
    // device.pair.approve of the remote request: granted without the check, refused with it (missing operator.read).
    expect(without[2]!.rpc?.[0]?.ok).toBe(true);
    expect(withCheck[2]!.rpc?.[0]?.ok).toBe(false);
  });
});

// gateway.tokenMissingCharged: the shared check charges a missing secret only when it is handed the limiter, and
// with sharedChargeDeferred (2026.9) it is handed the limiter only when a secret is sent. Three connects without a
// secret, then the right token, against a strict 2-attempt limiter that does not exempt loopback.
describe("gateway.tokenMissingCharged under 2026.9", () => {
  const config = { auth: { mode: "token" as const, token, rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 300_000, exemptLoopback: false } } };
  const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
  // A device identity, or 2026.9 refuses the secret-less connects for want of one before any secret check.
  const device = { identitySeed: seedHex(0x71), payloadVersion: "v3" as const };
  const run = (gateway: Profile["gateway"]) =>
    runAttempts({
      profile: { ...parent, gateway },
      config,
      attempts: [1, 2, 3].map((i) => ({ name: `none-${i}`, connect: { params: params({ client: cli, auth: {} }, 4) }, device })).concat([{ name: "right", connect: { params: params({ client: cli }, 4) }, device }]),
    }).outcomes.map((o) => ({ ok: o.response?.ok, reason: (o.response?.error?.details as { authReason?: string } | undefined)?.authReason }));

  it("is listed as equivalent because 2026.9 defers the shared charge (limiter only with a secret sent)", () => {
    expect(equivalentMutants["gateway.tokenMissingCharged"]).toContain("sharedChargeDeferred");
    expect([parent.gateway.sharedChargeDeferred, parent.gateway.tokenMissingCharged]).toEqual([true, false]);
    const released = run(parent.gateway);
    expect(released.map((o) => o.reason ?? o.ok)).toEqual(["token_missing", "token_missing", "token_missing", true]);
    expect(run({ ...parent.gateway, tokenMissingCharged: true })).toEqual(released);
  });

  it("would lock the right token out with the limiter handed over for every connect (the claim rests on that)", () => {
    const eager = { ...parent.gateway, sharedChargeDeferred: false, sharedLimiterOnSecretOnly: false };
    expect(run({ ...eager, tokenMissingCharged: false }).at(-1)).toEqual({ ok: true, reason: undefined });
    expect(run({ ...eager, tokenMissingCharged: true }).at(-1)?.reason).toBe("rate_limited");
  });
});

// gateway.approvalTokenScopes is read only on approveDevicePairing's single-role path; 2026.9 mints a token for every
// requested role (approvalTokenPerRequestedRole) through roleTokenScopes instead. A device paired for operator.read
// whose new request asks no scopes: the single-role path gives its token the request's [] or the approved scopes,
// as the switch says; the per-role path gives the held token's whatever the switch.
describe("gateway.approvalTokenScopes under 2026.9", () => {
  function approve(gateway: Profile["gateway"]): string[] {
    const store: PairingStore = emptyPairingStore();
    store.paired["d1"] = { deviceId: "d1", publicKey: "k", role: "operator", roles: ["operator"], scopes: ["operator.read"], approvedScopes: ["operator.read"], tokens: { operator: { token: "t1", role: "operator", scopes: ["operator.read"], createdAtMs: 0 } }, createdAtMs: 0, approvedAtMs: 0 };
    store.pending["r1"] = { requestId: "r1", deviceId: "d1", publicKey: "k", role: "operator", roles: ["operator"], scopes: [], ts: 0 };
    return approveDevicePairing(store, "r1", 1, new Prng(1n, "approval-test"), approvalTokenOptions(gateway))!.tokens["operator"]!.scopes;
  }

  it("is listed as equivalent because 2026.9 mints per requested role", () => {
    expect(equivalentMutants["gateway.approvalTokenScopes"]).toContain("approvalTokenPerRequestedRole");
    expect(parent.gateway.approvalTokenPerRequestedRole).toBe(true);
    expect(approve({ ...parent.gateway, approvalTokenScopes: "requested" })).toEqual(approve(parent.gateway));
    expect(approve(parent.gateway)).toEqual(["operator.read"]);
  });

  it("decides the token's scopes on the single-role path (the claim rests on the per-role minting)", () => {
    const single = { ...parent.gateway, approvalTokenPerRequestedRole: false, approvalTokenKeepsHeldScopes: false };
    expect([approve({ ...single, approvalTokenScopes: "requested" }), approve({ ...single, approvalTokenScopes: "requested-else-approved" })]).toEqual([[], ["operator.read"]]);
  });
});

describe("gateway.scopeKeepersNeedSharedSecret under 2026.9", () => {
  const trustedProxy = { auth: { mode: "trusted-proxy" as const, trustedProxy: { userHeader: "x-forwarded-user", allowLoopback: true } }, trustedProxies: ["127.0.0.1"] };
  const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
  const answer = (gateway: Partial<Profile["gateway"]>, forwardedFor: string): unknown => {
    const profile: Profile = { ...parent, gateway: { ...parent.gateway, ...gateway } };
    const attempt = { name: "cli", headers: { "x-forwarded-for": forwardedFor, "x-forwarded-user": "alice" }, connect: { params: params({ client: cli, auth: undefined }, 4) } };
    const o = runAttempts({ profile, attempts: [attempt], config: trustedProxy }).outcomes[0]!;
    return [o.upgradeRefused?.status ?? null, o.response?.ok ?? null, (o.response?.helloOk?.auth as { scopes?: string[] } | undefined)?.scopes ?? null];
  };

  it("is listed as equivalent", () => {
    expect(equivalentMutants["gateway.scopeKeepersNeedSharedSecret"]).toContain("local client");
  });

  it("changes no answer to a device-less cli behind the trusted proxy: forwarded from elsewhere it is no local client, from loopback it is refused", () => {
    for (const from of ["203.0.113.7", "127.0.0.1"]) expect(answer({ scopeKeepersNeedSharedSecret: false }, from)).toEqual(answer({ scopeKeepersNeedSharedSecret: true }, from));
    expect(answer({}, "203.0.113.7")).toEqual([null, true, []]);
    expect(answer({}, "127.0.0.1")).toEqual([403, null, null]);
  });

  it("would change the answer where a connect forwarded from loopback were admitted and counted local (the claim rests on those rules)", () => {
    const lenient = { unattributableProxyRefused: false, localClientRule: "is-local" as const };
    expect(answer({ ...lenient, scopeKeepersNeedSharedSecret: false }, "127.0.0.1")).not.toEqual(answer({ ...lenient, scopeKeepersNeedSharedSecret: true }, "127.0.0.1"));
  });
});
