// For each gateway switch of a profile: flipping it (everything else equal) flips an outcome a user would see.
import { describe, expect, it } from "vitest";
import { World, type Attempt, type GatewayConfigInput, type Outcome, type Profile } from "../../src/index.ts";
import type { GatewaySwitches } from "../../src/profiles/index.ts";
import { emptyPairingStore, type PairingStore } from "../../src/gateway/index.ts";
import { rotateDeviceToken } from "../../src/gateway/pairing-store.ts";
import { Prng } from "../../src/kernel/index.ts";
import { identityFromSeed } from "../../src/crypto/index.ts";
import { details, params, port, profile, runAttempts, seedHex, token } from "./harness.ts";

type A = Attempt & { from?: "local" | "remote" };
const me = seedHex(0x51);
const meId = identityFromSeed(Uint8Array.from(Buffer.from(me, "hex")));
const dev = (extra: Partial<NonNullable<Attempt["device"]>> = {}) => ({ identitySeed: me, payloadVersion: "v3" as const, ...extra });

function pairedStore(options: { scopes?: string[]; role?: string; platform?: string } = {}): PairingStore {
  const store = emptyPairingStore();
  const scopes = options.scopes ?? ["operator.admin", "operator.read", "operator.write"];
  const role = options.role ?? "operator";
  store.paired[meId.deviceId] = {
    deviceId: meId.deviceId, publicKey: meId.publicKeyBase64Url, role, roles: [role], scopes, approvedScopes: scopes,
    ...(options.platform ? { platform: options.platform } : {}),
    tokens: { [role]: { token: "dt-1", role, scopes, createdAtMs: 0 } }, createdAtMs: 0, approvedAtMs: 0,
  };
  return store;
}

function flip<K extends keyof GatewaySwitches>(base: string, key: K, values: [GatewaySwitches[K], GatewaySwitches[K]], run: (p: Profile) => Outcome[], fixed: Partial<GatewaySwitches> = {}): [Outcome[], Outcome[]] {
  return [run(profile(base, { gateway: { ...fixed, [key]: values[0] } as Partial<GatewaySwitches> })), run(profile(base, { gateway: { ...fixed, [key]: values[1] } as Partial<GatewaySwitches> }))];
}

/** 2026.3 with the S-Mar suite's scope rule: a device-less shared-token session keeps its scopes (the 2026.3.13
 *  release clears them), for the tests of other switches that call methods from such a session. */
const keepScopes: Partial<GatewaySwitches> = { scopeClearing: "preserve-allowed" };

const attempts = (attemptsList: A[], extra: { config?: GatewayConfigInput; store?: () => PairingStore; bind?: "loopback" } = {}) => (p: Profile) =>
  runAttempts({ profile: p, attempts: attemptsList, config: extra.config, store: extra.store?.(), identities: { me }, ...(extra.bind ? { bind: extra.bind } : {}) }).outcomes;
/** A gateway bound to loopback, as the recorded real gateways run: no Control UI origins seeded at start. */
const loopbackBound = { bind: "loopback" as const };
const code = (o: Outcome | undefined) => details(o!)["code"];
const last = (os: Outcome[]) => os.at(-1)!;

describe("gateway switches flip outcomes", () => {
  it("protocolVersion", () => {
    const [a, b] = flip("2026.3", "protocolVersion", [3, 4], attempts([{ name: "p3", connect: { params: params() } }]));
    expect([a[0]!.response?.ok, b[0]!.response?.error?.message]).toEqual([true, "protocol mismatch"]);
  });
  it("deviceLessSharedAuthAnyRole: a device-less node with the token (2026.2.17)", () => {
    const node = params({ role: "node", client: { id: "node-host", version: "1", platform: "linux", mode: "node" } });
    const [a, b] = flip("2026.2.14", "deviceLessSharedAuthAnyRole", [true, false], attempts([{ name: "node", connect: { params: node } }]));
    expect(a[0]!.response?.ok).toBe(true);
    expect(b[0]!.response?.error?.message).toBe("device identity required");
  });
  it("healthNeedsReadScope: a device-less operator whose scopes were cleared calls health (2026.2.17)", () => {
    const call = { name: "h", connect: { params: params() }, afterHello: [{ method: "health" }] };
    const [a, b] = flip("2026.2.14", "healthNeedsReadScope", [false, true], attempts([call]));
    expect(a[0]!.rpc?.map((r) => r.ok)).toEqual([true]);
    expect(b[0]!.rpc?.map((r) => [r.ok, r.error?.code])).toEqual([[false, "INVALID_REQUEST"]]);
  });
  it("deviceNonceSchemaOptional: a device proof without a nonce property (2026.2.17)", () => {
    const noNonce = { name: "nn", connect: { params: params() }, device: dev({ payloadVersion: "v1", nonce: "omit", signNonce: "" }) };
    const [a, b] = flip("2026.2.14", "deviceNonceSchemaOptional", [true, false], attempts([noNonce]));
    expect(a[0]!.response?.ok).toBe(true);
    expect(b[0]!.response?.error?.message).toMatch(/^invalid connect params: at \/device: must have required property 'nonce'/);
  });
  it("connectSchema", () => {
    const [a, b] = flip("2026.3", "connectSchema", ["mar", "feb"], attempts([{ name: "dt", connect: { params: params({ auth: { token, deviceToken: "x" } }) } }]));
    expect(a[0]!.response?.ok).toBe(true);
    expect(b[0]!.response?.error?.message).toMatch(/^invalid connect params: .*unexpected property 'deviceToken'/);
  });
  it("connectSchema: apr (2026.4.14) takes auth.bootstrapToken like late but refuses client.buildId", () => {
    const withBuild = attempts([{ name: "build", connect: { params: params({ client: { id: "test", version: "1", platform: "test", mode: "test", buildId: "b1" } }) } }]);
    const [a, b] = flip("2026.4", "connectSchema", ["apr", "late"], withBuild);
    expect([a[0]!.response?.error?.message, b[0]!.response?.ok]).toEqual(["invalid connect params: at /client: unexpected property 'buildId'", true]);
    const withBootstrap = attempts([{ name: "boot", connect: { params: params({ auth: { token, bootstrapToken: "x" } }) } }]);
    const [c, d] = flip("2026.4", "connectSchema", ["apr", "mar"], withBootstrap);
    expect(c[0]!.response?.error?.message ?? "").not.toMatch(/unexpected property 'bootstrapToken'/);
    expect(d[0]!.response?.error?.message).toMatch(/unexpected property 'bootstrapToken'/);
  });
  it("protocolMismatchDetails", () => {
    const [a, b] = flip("2026.3", "protocolMismatchDetails", ["expected-only", "coded"], attempts([{ name: "p9", connect: { params: params({}, 9) } }]));
    expect([code(a[0]), code(b[0])]).toEqual([undefined, "PROTOCOL_MISMATCH"]);
  });
  it("handshakeTimeoutMs", () => {
    const [a, b] = flip("2026.3", "handshakeTimeoutMs", [10_000, 15_000], attempts([{ name: "idle", waitMsMax: 30_000 }]));
    expect([a[0]!.close?.code, a[0]!.elapsedMs, b[0]!.elapsedMs]).toEqual([1000, 10_000, 15_000]);
  });
  it("tickIntervalMs", () => {
    const [a, b] = flip("2026.3", "tickIntervalMs", [30_000, 15_000], attempts([{ name: "hello", connect: { params: params() } }]));
    expect([(a[0]!.response?.helloOk?.policy as { tickIntervalMs: number }).tickIntervalMs, (b[0]!.response?.helloOk?.policy as { tickIntervalMs: number }).tickIntervalMs]).toEqual([30_000, 15_000]);
  });
  it("preauthPayloadBytesMax", () => {
    const [a, b] = flip("2026.3", "preauthPayloadBytesMax", [null, 64 * 1024], attempts([{ name: "big", connect: { params: params(), padToBytes: 70_000 } }]));
    expect([a[0]!.response?.ok, b[0]!.close]).toEqual([true, { code: 1009, reason: "preauth payload too large", by: "server" }]);
  });
  it("challengeCapabilities", () => {
    const [a, b] = flip("2026.3", "challengeCapabilities", [false, true], attempts([{ name: "c", waitMsMax: 10 }]));
    expect([a[0]!.challenge?.capabilities, b[0]!.challenge?.capabilities]).toEqual([undefined, []]);
  });
  it("detailCodes", () => {
    const [a, b] = flip("2026.3", "detailCodes", [false, true], attempts([{ name: "w", connect: { params: params({ auth: { token: "wrong" } }) } }]));
    expect([a[0]!.response?.error?.details, code(b[0])]).toEqual([undefined, "AUTH_TOKEN_MISMATCH"]);
  });
  it("recoveryHints", () => {
    const [a, b] = flip("2026.3", "recoveryHints", [false, true], attempts([{ name: "w", connect: { params: params({ auth: { token: "wrong" } }) } }]));
    expect([details(a[0]!)["recommendedNextStep"], details(b[0]!)["recommendedNextStep"]]).toEqual([undefined, "update_auth_credentials"]);
  });
  it("signatureSkewMs", () => {
    const [a, b] = flip("2026.3", "signatureSkewMs", [600_000, 120_000], attempts([{ name: "old", connect: { params: params() }, device: dev({ signedAtOffsetMs: -5 * 60_000 }) }]));
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "DEVICE_AUTH_SIGNATURE_EXPIRED"]);
  });
  it("nonceRequired", () => {
    // v1 (no nonce in the payload) as the S-Mar suite accepts it; the 2026.3.13 release tries v3 and v2 only.
    const v1 = attempts([{ name: "v1", connect: { params: params() }, device: dev({ payloadVersion: "v1", nonce: "blank", signNonce: "" }) }]);
    const [a, b] = flip("2026.3", "nonceRequired", ["remote-only", "always"], v1, { signatureVersions: ["v3", "v2", "v1"] });
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "DEVICE_AUTH_NONCE_REQUIRED"]);
  });
  it("signatureVersions", () => {
    const [a, b] = flip("2026.3", "signatureVersions", [["v3", "v2"], ["v3"]], attempts([{ name: "v2", connect: { params: params() }, device: dev({ payloadVersion: "v2" }) }]));
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "DEVICE_AUTH_SIGNATURE_INVALID"]);
  });
  it("signatureTokenSource", () => {
    const run = attempts([{ name: "dt-only", connect: { params: params({ auth: { deviceToken: "dt-1" } }) }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "signatureTokenSource", ["token-device-bootstrap", "token-only"], run);
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "DEVICE_AUTH_SIGNATURE_INVALID"]);
  });
  it("controlUiClassifier", () => {
    const run = attempts([{ name: "tui", connect: { params: params({ client: { id: "openclaw-tui", version: "1", platform: "linux", mode: "ui" } }) } }]);
    // 2026.3.31: its schema knows the openclaw-tui id (2026.3.13's does not).
    const [a, b] = flip("2026.3.31", "controlUiClassifier", ["control-ui-only", "operator-ui"], run);
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "CONTROL_UI_DEVICE_IDENTITY_REQUIRED"]);
  });
  it("originRule", () => {
    const run = attempts([{ name: "ui", headers: { host: "gw.example:18789", origin: "http://gw.example:18789" }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) }, device: dev() }]);
    const [a, b] = flip("2026.3", "originRule", ["feb", "late"], run);
    expect([code(a[0]), code(b[0])]).toEqual(["PAIRING_REQUIRED", "CONTROL_UI_ORIGIN_NOT_ALLOWED"]);
  });
  it("originCheckApplies", () => {
    const run = attempts([{ name: "cli-origin", headers: { host: "127.0.0.1:18789", origin: "https://evil.example" }, connect: { params: params() } }]);
    const [a, b] = flip("2026.3", "originCheckApplies", ["ui-only", "any-origin"], run);
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "CONTROL_UI_ORIGIN_NOT_ALLOWED"]);
  });
  it("allowInsecureAuthRemoteBypass (CVE-2026-32034)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token }, controlUi: { allowInsecureAuth: true, allowedOrigins: ["http://192.0.2.10:18789"] } };
    const run = attempts([{ name: "remote-ui", from: "remote", headers: { host: "192.0.2.10:18789", origin: "http://192.0.2.10:18789" }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) } }], { config });
    const [a, b] = flip("2026.3", "allowInsecureAuthRemoteBypass", [true, false], run);
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "CONTROL_UI_DEVICE_IDENTITY_REQUIRED"]);
  });
  it("trustedProxySkipsDeviceForAnyClient", () => {
    const config: GatewayConfigInput = { auth: { mode: "trusted-proxy", trustedProxy: { userHeader: "x-user" } }, trustedProxies: ["203.0.113.11"] };
    const run = attempts([{ name: "tp-cli", from: "remote", headers: { host: "gw.example", "x-user": "alice", "x-forwarded-for": "203.0.113.99" }, connect: { params: params({ auth: {} }) } }], { config });
    // With sharedAuthIncludesTrustedProxy (3.2 … 3.31 read and recorded) the login alone admits the device-less
    // client, whatever this switch says; held off here so the switch's own effect shows.
    const [a, b] = flip("2026.3", "trustedProxySkipsDeviceForAnyClient", [true, false], run, { sharedAuthIncludesTrustedProxy: false });
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "DEVICE_IDENTITY_REQUIRED"]);
  });
  it("deviceTokenFallbackReason", () => {
    const run = attempts([{ name: "wrong+device", connect: { params: params({ auth: { token: "stale" } }) }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "deviceTokenFallbackReason", ["explicit-only", "always-device-token-mismatch"], run);
    expect([code(a[0]), code(b[0])]).toEqual(["AUTH_TOKEN_MISMATCH", "AUTH_DEVICE_TOKEN_MISMATCH"]);
  });
  it("scopeClearing", () => {
    const run = attempts([{ name: "no-device", connect: { params: params() }, afterHello: [{ method: "status" }] }]);
    const [a, b] = flip("2026.3", "scopeClearing", ["preserve-allowed", "clear-without-device"], run);
    expect([a[0]!.rpc?.[0]?.ok, b[0]!.rpc?.[0]?.ok]).toEqual([true, false]);
  });
  it("deviceLessScopeKeepers", () => {
    const run = attempts([{ name: "backend", connect: { params: params({ client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" } }) }, afterHello: [{ method: "chat.send", params: { sessionKey: "main", message: "hi", idempotencyKey: "k1" } }] }]);
    const [a, b] = flip("2026.4", "deviceLessScopeKeepers", [[], ["cli", "gateway-client"]], run);
    expect([a[0]!.rpc?.[0]?.ok, b[0]!.rpc?.[0]?.ok]).toEqual([false, true]);
  });
  it("localClientRule", () => {
    const run = attempts([{ name: "foreign-host", headers: { host: "gateway.example" }, connect: { params: params() }, device: dev() }]);
    const [a, b] = flip("2026.3", "localClientRule", ["is-local", "loopback-peer"], run);
    expect([code(a[0]), b[0]!.response?.ok]).toEqual(["PAIRING_REQUIRED", true]);
  });
  it("localClientRule loopback-peer (2026.4.14): a device-less TUI with a loopback Origin and a foreign Host passes the origin check", () => {
    const tui = params({ client: { id: "openclaw-tui", version: "1", platform: "linux", mode: "ui" }, auth: {} });
    const run = attempts([{ name: "tui", headers: { host: "gateway.example", origin: "http://127.0.0.1:18789" }, connect: { params: tui } }], loopbackBound);
    const [a, b] = flip("2026.4", "localClientRule", ["loopback-peer", "is-local"], run);
    expect([code(a[0]), code(b[0])]).toEqual(["CONTROL_UI_DEVICE_IDENTITY_REQUIRED", "CONTROL_UI_ORIGIN_NOT_ALLOWED"]);
  });
  it("pairingAnswer", () => {
    const run = attempts([{ name: "remote", from: "remote", headers: { host: "gateway.example" }, connect: { params: params() }, device: dev() }]);
    const [a, b] = flip("2026.3", "pairingAnswer", ["plain", "late"], run);
    expect(a[0]!.response?.error?.message).toBe("pairing required");
    expect(b[0]!.response?.error?.message).toBe("pairing required: device is not approved yet");
    expect(b[0]!.close?.reason).toMatch(/^pairing required: device is not approved yet \(requestId: /);
    expect(details(b[0]!)["remediationHint"]).toBe("Approve this device from the pending pairing requests.");
  });
  it("uiPairingWaitHint", () => {
    const tui = { id: "openclaw-tui", version: "1", platform: "linux", mode: "ui" };
    const run = attempts([{ name: "remote-tui", from: "remote", headers: { host: "gateway.example" }, connect: { params: params({ client: tui }, 4) }, device: dev() }]);
    const [a, b] = flip("2026.9", "uiPairingWaitHint", [false, true], run);
    expect([details(a[0]!)["recommendedNextStep"], details(b[0]!)["recommendedNextStep"]]).toEqual([undefined, "wait_then_retry"]);
  });
  it("revokeRemovesRole", () => {
    const run = attempts([{ name: "revoke", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }, 4) }, afterHello: [{ method: "device.token.revoke", params: { deviceId: meId.deviceId, role: "operator" } }] }, { name: "shared-after", from: "remote", headers: { host: "gateway.example" }, connect: { params: params({}, 4) }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.9", "revokeRemovesRole", [false, true], run);
    expect([a[1]!.response?.ok, details(b[1]!)["reason"]]).toEqual([true, "role-upgrade"]);
  });
  it("revokedRoleStaysApproved: a local backend that skips pairing gets a new token for the revoked role, which is effective again", () => {
    const backend = { id: "gateway-client", version: "1", platform: "linux", mode: "backend" };
    const run = attempts([
      { name: "revoke", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }, 4) }, afterHello: [{ method: "device.token.revoke", params: { deviceId: meId.deviceId, role: "operator" } }] },
      { name: "backend", connect: { params: params({ client: backend, scopes: ["operator.read"] }, 4) }, device: dev() },
      { name: "shared-after", from: "remote", headers: { host: "gateway.example" }, connect: { params: params({ scopes: ["operator.read"] }, 4) }, device: dev() },
    ], { store: () => pairedStore() });
    const [a, b] = flip("2026.9", "revokedRoleStaysApproved", [false, true], run);
    const issued = (o: Outcome) => (o.response?.helloOk?.auth as { deviceToken?: string } | undefined)?.deviceToken !== undefined;
    expect([a[1]!.response?.ok, issued(a[1]!), details(a[2]!)["reason"]]).toEqual([true, false, "role-upgrade"]);
    expect([b[1]!.response?.ok, issued(b[1]!), b[2]!.response?.ok]).toEqual([true, true, true]);
  });
  it("allowInsecureAuthRetired", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token }, controlUi: { allowInsecureAuth: true } };
    const run = attempts([{ name: "ui", headers: { host: "127.0.0.1:18789", origin: "http://127.0.0.1" }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) } }], { config });
    const [a, b] = flip("2026.3", "allowInsecureAuthRetired", [false, true], run);
    expect([a[0]!.response?.ok, code(b[0])]).toEqual([true, "CONTROL_UI_DEVICE_IDENTITY_REQUIRED"]);
  });
  it("rateLimitedRetryAfter", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const run = attempts([{ name: "w", connect: { params: params({ auth: { token: "wrong" } }) } }, { name: "locked", connect: { params: params() } }], { config });
    const [a, b] = flip("2026.3", "rateLimitedRetryAfter", [false, true], run);
    expect([a[1]!.response?.error?.retryable, b[1]!.response?.error?.retryable]).toEqual([undefined, true]);
    expect(b[1]!.response?.error?.retryAfterMs).toBeGreaterThan(59_000);
  });
  it("preauthOversizeReason", () => {
    const run = attempts([{ name: "big", connect: { params: params(), padToBytes: 70_000 } }]);
    const [a, b] = flip("2026.3", "preauthOversizeReason", ["preauth payload too large", ""], run);
    expect([a[0]!.close?.reason, b[0]!.close?.reason, b[0]!.close?.code]).toEqual(["preauth payload too large", "", 1009]);
  });
  it("localBackendPairingSkip", () => {
    const run = attempts([{ name: "backend-device", connect: { params: params({ client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" } }) }, device: dev() }]);
    const [a, b] = flip("2026.3", "localBackendPairingSkip", ["never", "also-shared-secret"], run);
    const issued = (o: Outcome) => (o.response?.helloOk?.auth as { deviceToken?: string } | undefined)?.deviceToken !== undefined;
    expect([a[0]!.response?.ok, issued(a[0]!), b[0]!.response?.ok, issued(b[0]!)]).toEqual([true, true, true, false]);
  });
  it("localBackendPairingSkip shared-secret-only (2026.3.13): a local backend on the shared token skips pairing, so a role upgrade does not wait", () => {
    const asNode = params({ role: "node", scopes: [], client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" } });
    const run = attempts([{ name: "backend-node", connect: { params: asNode }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "localBackendPairingSkip", ["shared-secret-only", "device-token-or-none"], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.message, details(b[0]!)["reason"]]).toEqual([true, "pairing required", "role-upgrade"]);
  });
  it("deviceTokenNeedsApprovedRole (2026.3.13 off): a pairing-skipping local backend gets a token for a role it was never approved for", () => {
    const asNode = params({ role: "node", scopes: [], client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" } });
    const run = attempts([{ name: "backend-node", connect: { params: asNode }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "deviceTokenNeedsApprovedRole", [false, true], run);
    const auth = (o: Outcome) => o.response?.helloOk?.auth as { deviceToken?: string; role?: string } | undefined;
    expect([a[0]!.response?.ok, auth(a[0]!)?.role, a[0]!.response?.helloOk?.auth !== undefined]).toEqual([true, "node", true]);
    expect([b[0]!.response?.ok, auth(b[0]!)]).toEqual([true, undefined]);
  });
  it("roleScopePrefix (2026.3.13 off): a pairing-skipping local backend asking role node with operator.admin gets a node token carrying it", () => {
    const asNode = params({ role: "node", scopes: ["operator.admin"], client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" } });
    const run = attempts([{ name: "backend-node-admin", connect: { params: asNode }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "roleScopePrefix", [false, true], run);
    const auth = (o: Outcome) => o.response?.helloOk?.auth as { deviceToken?: string; role?: string; scopes?: string[] } | undefined;
    expect([a[0]!.response?.ok, auth(a[0]!)?.role, auth(a[0]!)?.scopes, typeof auth(a[0]!)?.deviceToken]).toEqual([true, "node", ["operator.admin"], "string"]);
    expect([b[0]!.response?.ok, auth(b[0]!)]).toEqual([true, undefined]);
  });
  it("emptyApprovalNoBaseline (2026.3.13): a scope-less node pairing is approved but gets no device token, and a token it holds is refused", () => {
    const node = params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } });
    const first = attempts([{ name: "node-first", connect: { params: node }, device: dev() }]);
    const [a, b] = flip("2026.3", "emptyApprovalNoBaseline", [true, false], first);
    const issued = (o: Outcome) => (o.response?.helloOk?.auth as { deviceToken?: string } | undefined)?.deviceToken !== undefined;
    expect([a[0]!.response?.ok, issued(a[0]!), b[0]!.response?.ok, issued(b[0]!)]).toEqual([true, false, true, true]);
    const held = attempts([{ name: "node-dt", connect: { params: { ...node, auth: { deviceToken: "dt-1" } } }, device: dev() }], { store: () => pairedStore({ role: "node", scopes: [] }) });
    const [c, d] = flip("2026.3", "emptyApprovalNoBaseline", [true, false], held);
    expect([details(c[0]!)["authReason"], d[0]!.response?.ok]).toEqual(["device_token_mismatch", true]);
  });
  it("scopeClearing clear-unless-control-ui (2026.3.13): an admitted device-less Control UI keeps its scopes, a cli loses them", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token }, controlUi: { allowInsecureAuth: true } };
    const h = { host: "127.0.0.1:18789", origin: "http://127.0.0.1:18789" };
    const ui = { name: "ui", headers: h, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) }, afterHello: [{ method: "status" }] };
    const cli = { name: "cli", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }) }, afterHello: [{ method: "status" }] };
    const run = attempts([ui, cli], { config });
    const [a, b] = flip("2026.3", "scopeClearing", ["clear-unless-control-ui", "clear-without-device"], run);
    expect([a[0]!.rpc?.[0]?.ok, a[1]!.rpc?.[0]?.ok, b[0]!.rpc?.[0]?.ok, b[1]!.rpc?.[0]?.ok]).toEqual([true, false, false, false]);
  });
  it("scopeClearing clear-without-shared-auth (2026.3.2): a device-less cli on the right shared token keeps its scopes", () => {
    const cli = { name: "cli", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }) }, afterHello: [{ method: "status" }] };
    const [a, b] = flip("2026.3.2", "scopeClearing", ["clear-without-shared-auth", "clear-unless-control-ui"], attempts([cli]));
    expect([a[0]!.rpc?.[0]?.ok, b[0]!.rpc?.[0]?.ok]).toEqual([true, false]);
  });
  it("proxyPeerWithoutClientIp (2026.3.2): a trusted-proxy peer naming no client is not local, so its loopback Origin is refused", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token }, trustedProxies: ["127.0.0.1"] };
    const ui = { name: "ui", headers: { host: "127.0.0.1:18789", origin: "http://127.0.0.1:18789" }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) } };
    const [a, b] = flip("2026.3.2", "proxyPeerWithoutClientIp", ["not-local", "peer-address"], attempts([ui], { config, ...loopbackBound }));
    expect(a[0]!.response?.error?.message?.startsWith("origin not allowed")).toBe(true);
    expect(b[0]!.response?.error?.message?.startsWith("origin not allowed") ?? false).toBe(false);
  });
  it("controlUiOriginSeed: a LAN-bound gateway admits the loopback origins it seeded at start, even from a client that is not local", () => {
    // 127.0.0.1 trusted as a proxy and no X-Forwarded-For: not local (proxyPeerWithoutClientIp not-local), so only
    // the allowlist can admit a loopback Origin. Bound beyond loopback, the release seeds http://127.0.0.1:<port>.
    const config: GatewayConfigInput = { auth: { mode: "token", token }, trustedProxies: ["127.0.0.1"] };
    const notLocal: Partial<GatewaySwitches> = { proxyPeerWithoutClientIp: "not-local" };
    const ui = (origin: string) => ({ name: "ui", headers: { host: "127.0.0.1:18789", origin }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) } });
    const refused = (o: Outcome) => o.response?.error?.message?.startsWith("origin not allowed") ?? false;
    for (const seeding of ["persist", "runtime"] as const) {
      const [off, on] = flip("2026.3", "controlUiOriginSeed", ["off", seeding], attempts([ui("http://127.0.0.1:18789"), ui("http://localhost:18789"), ui("http://127.0.0.1:9999")], { config }), notLocal);
      expect(off.map(refused)).toEqual([true, true, true]);
      expect(on.map(refused)).toEqual([false, false, true]);
    }
    // Bound to loopback, or with origins configured, nothing is seeded.
    expect(attempts([ui("http://127.0.0.1:18789")], { config, ...loopbackBound })(profile("2026.3", { gateway: { ...notLocal, controlUiOriginSeed: "persist" } })).map(refused)).toEqual([true]);
    const configured = { ...config, controlUi: { allowedOrigins: ["https://ui.example"] } };
    expect(attempts([ui("http://127.0.0.1:18789")], { config: configured })(profile("2026.3", { gateway: { ...notLocal, controlUiOriginSeed: "persist" } })).map(refused)).toEqual([true]);
  });
  it("detailCodeSet device (2026.3.2): a code per device-proof failure, but an origin refusal has no details", () => {
    const bad = { name: "bad", connect: { params: params() }, device: dev({ signScopes: ["operator.read"] }) };
    const ui = { name: "ui", headers: { host: "127.0.0.1:18789", origin: "https://evil.example" }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "web", mode: "webchat" } }) } };
    const [a, b] = flip("2026.3.2", "detailCodeSet", ["device", "full"], attempts([bad, ui]));
    expect([code(a[0]), a[1]!.response?.error?.message?.startsWith("origin not allowed"), a[1]!.response?.error?.details]).toEqual(["DEVICE_AUTH_SIGNATURE_INVALID", true, undefined]);
    expect([code(b[0]), code(b[1])]).toEqual(["DEVICE_AUTH_SIGNATURE_INVALID", "CONTROL_UI_ORIGIN_NOT_ALLOWED"]);
  });
  it("connectSchema feb-bootstrap-token (2026.3.13): auth.bootstrapToken known, openclaw-tui still unknown", () => {
    const boot = { name: "boot", connect: { params: params({ auth: { token, bootstrapToken: "x" } }) } };
    const tui = { name: "tui", connect: { params: params({ client: { id: "openclaw-tui", version: "1", platform: "linux", mode: "ui" } }) } };
    const [a, b] = flip("2026.3", "connectSchema", ["feb-bootstrap-token", "feb-device-token"], attempts([boot, tui]));
    expect([a[0]!.response?.ok, b[0]!.response?.error?.message]).toEqual([true, "invalid connect params: at /auth: unexpected property 'bootstrapToken'"]);
    expect(a[1]!.response?.error?.message).toMatch(/^invalid connect params: at \/client\/id: must be equal to constant/);
    expect(flip("2026.3", "connectSchema", ["feb-bootstrap-token", "mar"], attempts([tui]))[1][0]!.response?.ok).toBe(true);
  });
  it("workerClaimsClosed", () => {
    const run = attempts([{ name: "worker", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "worker" } }) } }]);
    const [a, b] = flip("2026.3", "workerClaimsClosed", [false, true], run);
    expect(a[0]!.response?.error?.message).toMatch(/^invalid connect params/);
    expect([b[0]!.response, b[0]!.close]).toEqual([null, { code: 1008, reason: "invalid-handshake", by: "server" }]);
  });
  it("chatSendNeedsSessionKey", () => {
    // Without a session key: the params check answers (every release), unless the session target check comes first (2026.9).
    const run = attempts([{ name: "send", connect: { params: params() }, afterHello: [{ method: "chat.send", params: { message: "hi", idempotencyKey: "k1" } }] }]);
    const [a, b] = flip("2026.3", "chatSendNeedsSessionKey", [false, true], run, keepScopes);
    expect([a[0]!.rpc?.[0]?.error?.message, b[0]!.rpc?.[0]?.error?.message]).toEqual(["invalid chat.send params: must have required property 'sessionKey'", "session mutation target is unavailable"]);
  });
  it("chat.send params are validated (read in the 2026.2.22 … 2026.4.14 dists): all three required fields", () => {
    const send = (p: Record<string, unknown>) => attempts([{ name: "send", connect: { params: params() }, afterHello: [{ method: "chat.send", params: p }] }])(profile("2026.3", { gateway: keepScopes }))[0]!.rpc?.[0];
    expect(send({ sessionKey: "main", message: "hi", idempotencyKey: "k1" })?.ok).toBe(true);
    expect(send({ sessionKey: "main", message: "hi" })?.error?.message).toBe("invalid chat.send params: must have required property 'idempotencyKey'");
  });
  it("untrustedProxyHeaders", () => {
    const run = attempts([{ name: "xff", headers: { host: "127.0.0.1:18789", "x-forwarded-for": "203.0.113.5" }, connect: { params: params() } }]);
    const [a, b] = flip("2026.3", "untrustedProxyHeaders", ["not-local", "refuse-403"], run);
    expect([a[0]!.response?.ok, b[0]!.upgradeRefused?.status]).toEqual([true, 403]);
  });
  it("tokenMissingCharged", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const run = attempts([{ name: "none", connect: { params: params({ auth: {} }) } }, { name: "right", connect: { params: params() } }], { config });
    const [a, b] = flip("2026.3", "tokenMissingCharged", [true, false], run);
    expect([code(a[1]), b[1]!.response?.ok]).toEqual(["AUTH_RATE_LIMITED", true]);
  });
  it("tokenMissingCharged off (2026.3.31): a token sent in password mode is answered password_missing without a limiter failure", () => {
    // The token is a secret sent, so under sharedLimiterOnSecretOnly (on for 2026.3.31) the shared check has the
    // limiter; no device identity, so no device-token fallback is charged either.
    const config: GatewayConfigInput = { auth: { mode: "password", password: token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
    const run = attempts([
      { name: "token-only", connect: { params: params({ client: cli, auth: { token } }) } },
      { name: "token-only-again", connect: { params: params({ client: cli, auth: { token } }) } },
    ], { config });
    const [a, b] = flip("2026.3.31", "tokenMissingCharged", [false, true], run);
    expect([code(a[1]), code(b[1])]).toEqual(["AUTH_PASSWORD_MISSING", "AUTH_RATE_LIMITED"]);
  });
  it("silentPairing: all-but-node-role-upgrade refuses a local role upgrade but not a scope upgrade", () => {
    const asNode = attempts([{ name: "as-node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev() }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    const [a, b] = flip("2026.3", "silentPairing", ["mar", "all-but-node-role-upgrade"], asNode);
    expect([a[0]!.response?.ok, details(b[0]!)["reason"]]).toEqual([true, "role-upgrade"]);
    const moreScopes = attempts([{ name: "admin", connect: { params: params() }, device: dev() }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    expect(moreScopes(profile("2026.3", { gateway: { silentPairing: "all-but-node-role-upgrade" } }))[0]!.response?.ok).toBe(true);
  });
  it("silentPairing: mar-release (2026.3.13/3.31 dists) keeps a local role upgrade waiting, the S-Mar suite's mar does not", () => {
    const run = attempts([{ name: "as-node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "silentPairing", ["mar", "mar-release"], run);
    expect([a[0]!.response?.ok, details(b[0]!)["reason"]]).toEqual([true, "role-upgrade"]);
  });
  it("impliedTokenScopes: a device token minted for operator.admin carries read and write too (2026.3.31+), or only admin", () => {
    const run = attempts([{ name: "admin", connect: { params: params({ scopes: ["operator.admin"] }) }, device: dev() }]);
    const [a, b] = flip("2026.3", "impliedTokenScopes", [false, true], run);
    expect([a[0]!.response?.helloOk?.auth, b[0]!.response?.helloOk?.auth].map((x) => (x as { scopes?: string[] } | undefined)?.scopes)).toEqual([
      ["operator.admin"],
      ["operator.admin", "operator.read", "operator.write"],
    ]);
  });
  it("silentPairing", () => {
    const run = attempts([{ name: "as-node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.3", "silentPairing", ["mar", "feb"], run);
    expect([a[0]!.response?.ok, details(b[0]!)["reason"]]).toEqual([true, "role-upgrade"]);
  });
  it("silentPairing under 2026.2.17: mar (read in the 2.12/2.17 dists) approves a local role upgrade, feb keeps it waiting", () => {
    const asNode = attempts([{ name: "as-node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev({ payloadVersion: "v2" }) }], { store: () => pairedStore() });
    const [a, b] = flip("2026.2.17", "silentPairing", ["mar", "feb"], asNode);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.message]).toEqual([true, "pairing required"]);
  });
  it("operatorScopeImplications: a device paired for admin asking read (2.17 compares sets: a scope upgrade)", () => {
    const remote = attempts([{ name: "read", from: "remote", headers: { host: "gw.example" }, connect: { params: params({ scopes: ["operator.read"] }) }, device: dev({ payloadVersion: "v2" }) }], { store: () => pairedStore({ scopes: ["operator.admin"] }) });
    const [a, b] = flip("2026.2.17", "operatorScopeImplications", [true, false], remote);
    expect([a[0]!.response?.ok, b[0]!.response?.ok, b[0]!.response?.error?.message]).toEqual([true, false, "pairing required"]);
    const local = attempts([{ name: "read", connect: { params: params({ scopes: ["operator.read"] }) }, device: dev({ payloadVersion: "v2" }) }], { store: () => pairedStore({ scopes: ["operator.admin"] }) });
    const scopes = (p: Profile) => (local(p)[0]!.response?.helloOk?.auth as { scopes?: string[] } | undefined)?.scopes;
    expect([scopes(profile("2026.2.17", { gateway: { operatorScopeImplications: true } })), scopes(profile("2026.2.17"))]).toEqual([["operator.admin"], ["operator.read"]]);
  });
  it("approvalTokenScopes: a silent scope-less role upgrade's token (2.17: no scopes; later: the approved ones)", () => {
    const asNode = attempts([{ name: "as-node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev({ payloadVersion: "v2" }) }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    const [a, b] = flip("2026.2.17", "approvalTokenScopes", ["requested", "requested-else-approved"], asNode);
    const scopes = (o: Outcome[]) => (o[0]!.response?.helloOk?.auth as { scopes?: string[] } | undefined)?.scopes;
    expect([scopes(a), scopes(b)]).toEqual([[], ["operator.read"]]);
  });
  it("controlUiInsecureMessage: a device-less Control UI refused (2.12/2.17 text, then 2.22's)", () => {
    const ui = { name: "ui", headers: { origin: `http://localhost:${port}` }, connect: { params: params({ client: { id: "openclaw-control-ui", version: "1", platform: "linux", mode: "webchat" }, scopes: ["operator.read"], auth: {} }) } };
    const [a, b] = flip("2026.2.17", "controlUiInsecureMessage", ["https-or-localhost", "device-identity"], attempts([ui]));
    expect([a[0]!.response?.error?.message, b[0]!.response?.error?.message]).toEqual([
      "control ui requires HTTPS or localhost (secure context)",
      "control ui requires device identity (use HTTPS or localhost secure context)",
    ]);
  });
  it("connectSchema feb-device-token (2026.2.22): auth.deviceToken accepted, openclaw-tui still unknown", () => {
    const dt = { name: "dt", connect: { params: params({ auth: { token, deviceToken: "x" } }) } };
    const tui = { name: "tui", connect: { params: params({ client: { id: "openclaw-tui", version: "1", platform: "linux", mode: "ui" } }) } };
    const [a, b] = flip("2026.2.22", "connectSchema", ["feb-device-token", "feb"], attempts([dt, tui]));
    expect([a[0]!.response?.ok, b[0]!.response?.error?.message]).toEqual([true, "invalid connect params: at /auth: unexpected property 'deviceToken'"]);
    expect(a[1]!.response?.error?.message).toMatch(/^invalid connect params: at \/client\/id: must be equal to constant/);
  });
  it("detailCodeSet: a bad device signature is DEVICE_AUTH_INVALID with a reason (2026.2.22) or its own code", () => {
    const bad = { name: "bad", connect: { params: params() }, device: dev({ payloadVersion: "v2", signScopes: ["operator.read"] }) };
    const [a, b] = flip("2026.2.22", "detailCodeSet", ["early", "full"], attempts([bad]));
    expect([details(a[0]!), code(b[0])]).toEqual([{ code: "DEVICE_AUTH_INVALID", reason: "device-signature" }, "DEVICE_AUTH_SIGNATURE_INVALID"]);
  });
  it("sharedAuthOperatorSkipsPairing (2026.2.22): a new remote device with the shared token gets in unpaired, with no device token", () => {
    const remote = attempts([{ name: "new", from: "remote", headers: { host: "gw.example" }, connect: { params: params() }, device: dev({ payloadVersion: "v2" }) }]);
    const [a, b] = flip("2026.2.22", "sharedAuthOperatorSkipsPairing", [true, false], remote);
    expect([a[0]!.response?.ok, (a[0]!.response?.helloOk?.auth as { deviceToken?: string } | undefined)?.deviceToken, b[0]!.response?.error?.message]).toEqual([true, undefined, "pairing required"]);
  });
  it("silentPairing not-paired-or-scope-upgrade (2026.2.22): a local scope upgrade is silent, a role upgrade waits", () => {
    const node = { name: "as-node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev({ payloadVersion: "v2" }) };
    const p = (v: GatewaySwitches["silentPairing"]) => profile("2026.2.22", { gateway: { silentPairing: v, sharedAuthOperatorSkipsPairing: false } });
    const run = attempts([node], { store: () => pairedStore() });
    expect([run(p("not-paired-or-scope-upgrade"))[0]!.response?.error?.message, run(p("mar"))[0]!.response?.ok]).toEqual(["pairing required", true]);
    const wider = attempts([{ name: "admin", connect: { params: params() }, device: dev({ payloadVersion: "v2" }) }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    expect([wider(p("not-paired-or-scope-upgrade"))[0]!.response?.ok, wider(p("feb"))[0]!.response?.error?.message]).toEqual([true, "pairing required"]);
  });
  it("silentPairing first-pairing-no-origin (2026.3.31): a local scope upgrade waits where 2026.3.13's rule approves it", () => {
    const wider = attempts([{ name: "admin", connect: { params: params() }, device: dev() }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    const [a, b] = flip("2026.3.31", "silentPairing", ["first-pairing-no-origin", "mar-release"], wider);
    expect([details(a[0]!)["reason"], b[0]!.response?.ok]).toEqual(["scope-upgrade", true]);
    const first = attempts([{ name: "first", connect: { params: params() }, device: dev() }]);
    expect(first(profile("2026.3.31"))[0]!.response?.ok).toBe(true);
  });
  it("deviceTokenScopeMismatchReason: a device token short of scopes (2026.9.6 scope_mismatch; before, device_token_mismatch)", () => {
    const ask = { name: "admin", connect: { params: params({ scopes: ["operator.admin"], auth: { deviceToken: "dt-1" } }) }, device: dev() };
    const run = attempts([ask], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    const [a, b] = flip("2026.3.31", "deviceTokenScopeMismatchReason", [false, true], run);
    expect([details(a[0]!)["authReason"], details(b[0]!)["authReason"]]).toEqual(["device_token_mismatch", "scope_mismatch"]);
  });
  it("pendingRequestPolicy", () => {
    const pending = (p: Profile) => {
      const r = runAttempts({ profile: p, identities: { me }, attempts: [
        { name: "read", from: "remote", headers: { host: "gw.example" }, connect: { params: params({ scopes: ["operator.read"] }) }, device: dev() },
        { name: "write", from: "remote", headers: { host: "gw.example" }, connect: { params: params({ scopes: ["operator.write"] }) }, device: dev() },
      ] });
      return Object.values(r.world.gateway("gateway").state.store.pending).map((q) => q.scopes);
    };
    const base = profile("2026.3");
    const with_ = (v: GatewaySwitches["pendingRequestPolicy"]) => pending({ ...base, gateway: { ...base.gateway, pendingRequestPolicy: v } });
    expect([with_("merge"), with_("replace"), with_("keep-existing"), with_("replace-on-growth")]).toEqual([[["operator.read", "operator.write"]], [["operator.write"]], [["operator.read"]], [["operator.read", "operator.write"]]]);
  });
  it("metadataPinning", () => {
    const run = attempts([{ name: "darwin", connect: { params: params({ client: { id: "test", version: "1", platform: "darwin", mode: "test" } }) }, device: dev() }], { store: () => pairedStore({ platform: "linux" }) });
    const [a, b] = flip("2026.4", "metadataPinning", [false, true], run);
    expect([a[0]!.response?.ok, details(b[0]!)["reason"]]).toEqual([true, "metadata-upgrade"]);
  });
  it("startupUnavailableMs", () => {
    const early = (p: Profile) => {
      const w = new World({ seed: 1n, profile: p });
      w.addHost({ name: "gw", kind: "lan" });
      w.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token } } });
      const h = w.attempt({ fromHost: "gw", url: `ws://127.0.0.1:${port}`, port, gatewayToken: token, attempt: { name: "early", connect: { params: params({}, p.gateway.protocolVersion) } } });
      w.runFor(10_000);
      return h.outcome!;
    };
    const base = profile("2026.9");
    const a = early({ ...base, gateway: { ...base.gateway, startupUnavailableMs: null } });
    const b = early(base);
    expect([a.response?.ok, b.response?.error?.code, b.close?.code, details(b)["reason"]]).toEqual([true, "UNAVAILABLE", 1013, "startup-sidecars"]);
  });
  it("preauthSocketsPerIpMax", () => {
    const idle: A[] = Array.from({ length: 33 }, (_, i) => ({ name: `idle-${i}`, waitMsMax: 50 }));
    const burst = (p: Profile) => {
      const w = new World({ seed: 1n, profile: p });
      w.addHost({ name: "gw", kind: "lan" });
      w.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token } } });
      w.runFor(5_000);
      const hs = idle.map((attempt) => w.attempt({ fromHost: "gw", url: `ws://127.0.0.1:${port}`, port, gatewayToken: token, attempt }));
      w.runFor(1_000);
      return hs.map((h) => h.outcome?.upgradeRefused?.status ?? null);
    };
    const base = profile("2026.9");
    expect(burst({ ...base, gateway: { ...base.gateway, preauthSocketsPerIpMax: null } }).filter((s) => s === 503)).toHaveLength(0);
    expect(burst(base).filter((s) => s === 503)).toHaveLength(1);
  });
  it("failedAuthDelay", () => {
    const run = attempts([{ name: "w1", connect: { params: params({ auth: { token: "wrong" } }) } }, { name: "w2", connect: { params: params({ auth: { token: "wrong" } }) } }, { name: "w3", connect: { params: params({ auth: { token: "wrong" } }) } }]);
    const [a, b] = flip("2026.3", "failedAuthDelay", [null, { baseMs: 250, capMs: 5_000, historyMax: 6, windowMs: 60_000 }], run);
    // Same seed, same latencies: the difference is the held answer, 250 · 2^(n−1) ms.
    expect(b.map((o, i) => o.elapsedMs - a[i]!.elapsedMs)).toEqual([250, 500, 1000]);
  });
  it("helloAuthAlways", () => {
    const [a, b] = flip("2026.3", "helloAuthAlways", [false, true], attempts([{ name: "nd", connect: { params: params() } }]), keepScopes);
    // 2026.3 has helloAuthMethod off: role and scopes without the method (2026.5–2026.8 send that).
    expect([a[0]!.response?.helloOk?.auth, b[0]!.response?.helloOk?.auth]).toEqual([undefined, { role: "operator", scopes: ["operator.admin"] }]);
  });
  it("helloAuthMethod", () => {
    const base = profile("2026.3", { gateway: { ...keepScopes, helloAuthAlways: true } });
    const run = attempts([{ name: "nd", connect: { params: params() } }]);
    const [a, b] = [run({ ...base, gateway: { ...base.gateway, helloAuthMethod: false } }), run({ ...base, gateway: { ...base.gateway, helloAuthMethod: true } })];
    expect([a[0]!.response?.helloOk?.auth, b[0]!.response?.helloOk?.auth]).toEqual([{ role: "operator", scopes: ["operator.admin"] }, { method: "token", role: "operator", scopes: ["operator.admin"] }]);
  });
  it("helloAuthTokenScopes: a device asking operator.read whose reused token holds admin (2026.7.1)", () => {
    const run = attempts([{ name: "read", connect: { params: params({ scopes: ["operator.read"] }, 4) }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.7", "helloAuthTokenScopes", [false, true], run);
    const scopes = (o: Outcome) => (o.response?.helloOk?.auth as { scopes?: string[] } | undefined)?.scopes;
    expect([scopes(a[0]!), scopes(b[0]!)]).toEqual([["operator.read"], ["operator.admin", "operator.read", "operator.write"]]);
  });
  it("approvalTokenKeepsHeldScopes: a device holding operator.pairing approved for operator.admin keeps pairing in its token (2026.7.1)", () => {
    const store = () => {
      const st = pairedStore({ scopes: ["operator.pairing"] });
      st.pending["req-admin"] = { requestId: "req-admin", deviceId: meId.deviceId, publicKey: meId.publicKeyBase64Url, role: "operator", roles: ["operator"], scopes: ["operator.admin"], ts: Number.MAX_SAFE_INTEGER }; // filed "later": never pruned as expired
      return st;
    };
    const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
    const run = attempts([
      { name: "approve", connect: { params: params({ client: cli, scopes: ["operator.admin", "operator.pairing"] }, 4) }, afterHello: [{ method: "device.pair.approve", params: { requestId: "req-admin" } }] },
      { name: "admin", connect: { params: params({ scopes: ["operator.admin"] }, 4) }, device: dev() },
    ], { store });
    const [a, b] = flip("2026.7", "approvalTokenKeepsHeldScopes", [false, true], run);
    const scopes = (o: Outcome) => (o.response?.helloOk?.auth as { scopes?: string[] } | undefined)?.scopes;
    expect([a[0]!.rpc, scopes(a[1]!), scopes(b[1]!)]).toEqual([[expect.objectContaining({ ok: true })], ["operator.admin", "operator.read", "operator.write"], ["operator.admin", "operator.pairing", "operator.read", "operator.write"]]);
  });
  it("approvalTokenPerRequestedRole: approving a request that asks node and operator mints both roles' tokens, each with its own scopes (2026.4.14 on)", () => {
    const store = () => {
      const st = emptyPairingStore();
      st.pending["req-both"] = { requestId: "req-both", deviceId: meId.deviceId, publicKey: meId.publicKeyBase64Url, role: "operator", roles: ["node", "operator"], scopes: ["operator.read"], ts: Number.MAX_SAFE_INTEGER }; // filed "later": never pruned as expired
      return st;
    };
    const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
    const approve = { name: "approve", connect: { params: params({ client: cli, scopes: ["operator.admin"] }, 4) }, afterHello: [{ method: "device.pair.approve", params: { requestId: "req-both" } }] };
    const tokensAfter = (p: Profile) => {
      const { outcomes, world } = runAttempts({ profile: p, attempts: [approve], store: store(), identities: { me } });
      expect(outcomes[0]!.rpc).toEqual([expect.objectContaining({ ok: true })]);
      const tokens = world.gateway("gateway").state.store.paired[meId.deviceId]?.tokens ?? {};
      return Object.fromEntries(Object.entries(tokens).map(([role, t]) => [role, t.scopes]));
    };
    const [off, on] = [false, true].map((v) => tokensAfter(profile("2026.9", { gateway: { approvalTokenPerRequestedRole: v } })));
    expect([off, on]).toEqual([{ operator: ["operator.read"] }, { node: [], operator: ["operator.read"] }]);
    // With the token roles counted (connectRolesFromTokens), the node then connects on the node token approval minted.
    const nodeConnect = { name: "node", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }, 4) }, device: dev() };
    const [a, b] = flip("2026.9", "approvalTokenPerRequestedRole", [false, true], attempts([approve, nodeConnect], { store }), { connectRolesFromTokens: true });
    expect([a[1]!.response?.error?.code, details(a[1]!)["reason"], b[1]!.response?.ok]).toEqual(["NOT_PAIRED", "role-upgrade", true]);
  });
  it("unattributedProxyLimiterKey: a loopback trusted proxy's device-token failures without X-Forwarded-For are limited (2026.7.1)", () => {
    const config: GatewayConfigInput = { auth: { mode: "trusted-proxy", trustedProxy: { userHeader: "x-user" }, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000 } }, trustedProxies: ["127.0.0.1"] };
    const wrong = (name: string): A => ({ name, connect: { params: params({ client: { id: "node-host", version: "1", platform: "linux", mode: "node" }, role: "node", scopes: [], auth: { deviceToken: "not-the-token" } }, 4) }, device: dev() });
    const run = attempts([wrong("w1"), wrong("w2")], { config, store: () => pairedStore({ role: "node", scopes: [] }) });
    const [a, b] = flip("2026.7", "unattributedProxyLimiterKey", [false, true], run);
    expect([details(a[1]!)["authReason"], details(b[0]!)["authReason"], details(b[1]!)["authReason"]]).toEqual(["device_token_mismatch", "device_token_mismatch", "rate_limited"]);
  });
  it("unattributedProxyLimiterKey: a password gateway's loopback trusted proxy, device-token failures without X-Forwarded-For (2026.3.2)", () => {
    const config: GatewayConfigInput = { auth: { mode: "password", password: "pw", rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000 } }, trustedProxies: ["127.0.0.1"] };
    const wrong = (name: string): A => ({ name, connect: { params: params({ auth: { deviceToken: "not-the-token" } }) }, device: dev() });
    const run = attempts([wrong("w1"), wrong("w2")], { config, store: () => pairedStore() });
    const [a, b] = flip("2026.3.2", "unattributedProxyLimiterKey", [false, true], run);
    expect([details(a[1]!)["authReason"], details(b[0]!)["authReason"], details(b[1]!)["authReason"]]).toEqual(["device_token_mismatch", "device_token_mismatch", "rate_limited"]);
  });
  it("limiterNeedsConfig: without gateway.auth.rateLimit a remote client's wrong tokens are never rate limited (2026.3.2)", () => {
    const wrong = (name: string): A => ({ name, from: "remote", connect: { params: params({ auth: { token: "wrong" } }) } });
    const run = attempts(Array.from({ length: 11 }, (_, i) => wrong(`w${i}`)));
    const [a, b] = flip("2026.3.2", "limiterNeedsConfig", [true, false], run);
    expect([details(last(a))["authReason"], details(b[9]!)["authReason"], details(last(b))["authReason"]]).toEqual(["token_mismatch", "token_mismatch", "rate_limited"]);
  });
  it("sharedLimiterOnSecretOnly: wrong tokens sent with a device identity are charged to the shared limiter (2026.4.22)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const wrongWithDevice = (name: string): A => ({ name, connect: { params: params({ auth: { token: "not-the-token" } }) }, device: dev() });
    const run = attempts([wrongWithDevice("d1"), wrongWithDevice("d2"), { name: "plain", connect: { params: params({ auth: { token: "not-the-token" } }) } }, { name: "none", connect: { params: params({ auth: {} }) }, device: dev() }], { config });
    const [a, b] = flip("2026.4.22", "sharedLimiterOnSecretOnly", [false, true], run);
    expect([details(a[2]!)["authReason"], details(b[2]!)["authReason"], details(b[3]!)["authReason"]]).toEqual(["token_mismatch", "rate_limited", "token_missing"]);
  });
  it("sharedChargeDeferred: a wrong token with a device identity is charged once its device-token fallback fails (2026.8)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const wrongWithDevice = (name: string): A => ({ name, connect: { params: params({ auth: { token: "not-the-token" } }, 4) }, device: dev() });
    const plain: A = { name: "plain", connect: { params: params({ auth: { token: "not-the-token" } }, 4) } };
    const run = attempts([wrongWithDevice("d1"), wrongWithDevice("d2"), plain], { config });
    const [a, b] = flip("2026.8", "sharedChargeDeferred", [false, true], run);
    expect([details(a[2]!)["authReason"], details(b[1]!)["authReason"], details(b[2]!)["authReason"]]).toEqual(["token_mismatch", "token_mismatch", "rate_limited"]);
  });
  it("sharedChargeDeferred: a wrong token whose device token passes is never charged (2026.8)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } };
    const run = attempts([
      { name: "device-token-ok", connect: { params: params({ auth: { token: "not-the-token", deviceToken: "dt-1" } }, 4) }, device: dev() },
      { name: "plain", connect: { params: params({ auth: { token: "not-the-token" } }, 4) } },
    ], { config, store: () => pairedStore() });
    // One failure would lock (maxAttempts 1): the held charge of the first connect must not be made.
    const out = run(profile("2026.8"));
    expect([out[0]!.response?.ok, details(out[1]!)["authReason"]]).toEqual([true, "token_mismatch"]);
  });
  it("limiterNeedsConfig: without gateway.auth.rateLimit a loopback trusted proxy's failures are not limited (2026.4.22)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token }, trustedProxies: ["127.0.0.1"] };
    const wrong = (name: string): A => ({ name, connect: { params: params({ client: { id: "node-host", version: "1", platform: "linux", mode: "node" }, role: "node", scopes: [], auth: { deviceToken: "not-the-token" } }) }, device: dev() });
    const run = attempts(Array.from({ length: 11 }, (_, i) => wrong(`w${i}`)), { config, store: () => pairedStore({ role: "node", scopes: [] }) });
    const [a, b] = flip("2026.4.22", "limiterNeedsConfig", [false, true], run);
    expect([details(a[9]!)["authReason"], details(a[10]!)["authReason"], details(b[10]!)["authReason"]]).toEqual(["device_token_mismatch", "rate_limited", "device_token_mismatch"]);
  });
  it("nodeRequiresDeviceToken: a device-bearing local backend asking role node on the shared token (2026.6.11 off)", () => {
    const run = attempts([{ name: "backend-node", connect: { params: params({ client: { id: "gateway-client", version: "1", platform: "linux", mode: "backend" }, role: "node", scopes: [] }, 4) }, device: dev() }]);
    const [a, b] = flip("2026.6", "nodeRequiresDeviceToken", [false, true], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.message]).toEqual([true, "authenticated node pairing identity unavailable"]);
  });
  it("connectSchema: jul (2026.7.1) is apr with enums: an unknown mode reads 'one of the allowed values'", () => {
    const run = attempts([{ name: "mode", connect: { params: params({ client: { id: "test", version: "1", platform: "test", mode: "bogus" } }, 4) } }]);
    const [a, b] = flip("2026.7", "connectSchema", ["apr", "jul"], run);
    expect(a[0]!.response?.error?.message).toBe("invalid connect params: at /client/mode: must be equal to constant; at /client/mode: must match a schema in anyOf");
    expect(b[0]!.response?.error?.message).toBe("invalid connect params: at /client/mode: must be equal to one of the allowed values");
    const withBuild = attempts([{ name: "build", connect: { params: params({ client: { id: "test", version: "1", platform: "test", mode: "test", buildId: "b1" } }, 4) } }]);
    const [c, d] = flip("2026.7", "connectSchema", ["late", "jul"], withBuild);
    expect([c[0]!.response?.ok, d[0]!.response?.error?.message]).toEqual([true, "invalid connect params: at /client: unexpected property 'buildId'"]);
  });
  it("silentPairing: all-but-node-role-or-scope-upgrade (2026.7.1) keeps a local scope upgrade waiting", () => {
    const run = attempts([{ name: "admin", connect: { params: params({}, 4) }, device: dev() }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    const [a, b] = flip("2026.7", "silentPairing", ["all-but-node-role-upgrade", "all-but-node-role-or-scope-upgrade"], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.code, details(b[0]!)["reason"]]).toEqual([true, "NOT_PAIRED", "scope-upgrade"]);
  });
  it("pairingChecksInSequence: a node device silently upgraded to operator is then asked about its scopes (2026.7.1)", () => {
    const run = attempts([{ name: "op", connect: { params: params({ scopes: ["operator.read"] }, 4) }, device: dev() }], { store: () => pairedStore({ role: "node", scopes: [] }) });
    const [a, b] = flip("2026.7", "pairingChecksInSequence", [false, true], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.code, details(b[0]!)["reason"]]).toEqual([true, "NOT_PAIRED", "scope-upgrade"]);
  });
  it("pairingChecksInSequence (2026.4.14 on): a node device paired with no scopes asking operator.admin locally is given the role, then refused scope-upgrade", () => {
    const run = attempts([{ name: "op-admin", connect: { params: params({ scopes: ["operator.admin"], client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }) }, device: dev() }], { store: () => pairedStore({ role: "node", scopes: [] }) });
    const [a, b] = flip("2026.4", "pairingChecksInSequence", [true, false], run);
    expect([a[0]!.response?.error?.code, details(a[0]!)["reason"], b[0]!.response?.ok]).toEqual(["NOT_PAIRED", "scope-upgrade", true]);
  });
  it("inlineApprovalCallerScopes: a silent role upgrade of a device whose operator token holds admin, asking read (2026.7.1)", () => {
    const store = () => {
      const st = pairedStore({ role: "node", scopes: ["operator.admin", "operator.read", "operator.write"] });
      st.paired[meId.deviceId]!.tokens["operator"] = { token: "dt-op", role: "operator", scopes: ["operator.admin"], createdAtMs: 0 };
      return st;
    };
    const run = attempts([{ name: "op-read", connect: { params: params({ scopes: ["operator.read"] }, 4) }, device: dev() }], { store });
    const [a, b] = flip("2026.7", "inlineApprovalCallerScopes", ["requested-and-approved", "requested"], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.code, details(b[0]!)["reason"]]).toEqual([true, "NOT_PAIRED", "role-upgrade"]);
  });
  it("approvalChecksHeldTokenScopes: a silent role upgrade asking read of a device whose operator token holds admin (2026.4.14 checks the request's scopes alone)", () => {
    const store = () => {
      const st = pairedStore({ role: "node", scopes: ["operator.admin", "operator.read", "operator.write"] });
      st.paired[meId.deviceId]!.tokens["operator"] = { token: "dt-op", role: "operator", scopes: ["operator.admin"], createdAtMs: 0 };
      return st;
    };
    const run = attempts([{ name: "op-read", connect: { params: params({ scopes: ["operator.read"] }) }, device: dev() }], { store });
    const [a, b] = flip("2026.4", "approvalChecksHeldTokenScopes", [false, true], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.code, details(b[0]!)["reason"]]).toEqual([true, "NOT_PAIRED", "role-upgrade"]);
  });
  it("approvalScopeChecks (2026.4.14): a node-host asking role node with operator.read on a device paired as operator is refused at the role upgrade, not approved and then refused at the scopes", () => {
    const node = params({ role: "node", scopes: ["operator.read"], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } });
    const run = attempts([{ name: "node-op-scope", connect: { params: node }, device: dev() }], { store: () => pairedStore() });
    const [a, b] = flip("2026.4", "approvalScopeChecks", [true, false], run);
    expect([a[0]!.response?.error?.code, details(a[0]!)["reason"], b[0]!.response?.error?.code, details(b[0]!)["reason"]]).toEqual(["NOT_PAIRED", "role-upgrade", "NOT_PAIRED", "scope-upgrade"]);
  });
  it("pairingSkipCoversPaired off (2026.7.1): a paired local backend skipping pairing is still checked for its upgrade", () => {
    const backend = { id: "gateway-client", version: "1", platform: "linux", mode: "backend" };
    const run = attempts([{ name: "backend-admin", connect: { params: params({ client: backend }, 4) }, device: dev() }], { store: () => pairedStore({ scopes: ["operator.read"] }) });
    const [a, b] = flip("2026.7", "pairingSkipCoversPaired", [true, false], run);
    expect([a[0]!.response?.ok, b[0]!.response?.error?.code, details(b[0]!)["reason"]]).toEqual([true, "NOT_PAIRED", "scope-upgrade"]);
  });
  it("localBackendPairingSkip: device-token-or-shared-secret (2026.4.14) admits an unpaired local backend on the shared token without a device token, but pairs it in mode none", () => {
    const backend = { id: "gateway-client", version: "1", platform: "linux", mode: "backend" };
    const issued = (o: Outcome) => (o.response?.helloOk?.auth as { deviceToken?: string } | undefined)?.deviceToken !== undefined;
    const onToken = attempts([{ name: "backend-read", connect: { params: params({ client: backend, scopes: ["operator.read"] }) }, device: dev() }]);
    const [a, b] = flip("2026.4", "localBackendPairingSkip", ["device-token-or-shared-secret", "device-token-or-none"], onToken);
    expect([a[0]!.response?.ok, issued(a[0]!), b[0]!.response?.ok, issued(b[0]!)]).toEqual([true, false, true, true]);
    const modeNone = attempts([{ name: "backend-none", connect: { params: params({ client: backend, scopes: ["operator.read"], auth: {} }) }, device: dev() }], { config: { auth: { mode: "none" } } });
    const [c, d] = flip("2026.4", "localBackendPairingSkip", ["device-token-or-shared-secret", "also-shared-secret"], modeNone);
    expect([c[0]!.response?.ok, issued(c[0]!), d[0]!.response?.ok, issued(d[0]!)]).toEqual([true, true, true, false]);
  });
  it("pendingRequestPolicy replace-merged (2026.4.14): a node asking no scopes after a node asking operator.admin inherits the refused scope and keeps waiting", () => {
    const node = (scopes: string[]) => params({ role: "node", scopes, client: { id: "node-host", version: "1", platform: "linux", mode: "node" } });
    const run = attempts([
      { name: "node-admin", connect: { params: node(["operator.admin"]) }, device: dev() },
      { name: "node-plain", connect: { params: node([]) }, device: dev() },
    ]);
    const [a, b] = flip("2026.4", "pendingRequestPolicy", ["replace-merged", "replace"], run);
    expect([details(a[0]!)["reason"], details(b[0]!)["reason"]]).toEqual(["not-paired", "not-paired"]);
    expect([a[1]!.response?.error?.code, details(a[1]!)["reason"], b[1]!.response?.ok]).toEqual(["NOT_PAIRED", "not-paired", true]);
  });
  it("pendingRequestPolicy replace-merged (2026.4.14) gives a subset re-request a new requestId, replace-on-growth (2026.9) keeps it; both keep the pending scopes and the id of a request asking the same", () => {
    const ask = (scopes: string[]) => ({ name: scopes.join("+"), from: "remote" as const, headers: { host: "gw.example" }, connect: { params: params({ scopes }) }, device: dev() });
    // Outcomes redact the requestId; the same seed replays the same ids, so the store after 1, 2 and 3 attempts tells.
    const steps = [ask(["operator.read", "operator.write"]), ask(["operator.read"]), ask(["operator.write", "operator.read"])];
    const pendingAfter = (p: Profile, n: number) => Object.values(runAttempts({ profile: p, identities: { me }, attempts: steps.slice(0, n) }).world.gateway("gateway").state.store.pending);
    const run = (p: Profile) => {
      const [one, two, three] = [1, 2, 3].map((n) => pendingAfter(p, n));
      return { newIdForSubset: two![0]!.requestId !== one![0]!.requestId, sameIdForSame: three![0]!.requestId === two![0]!.requestId, pending: three!.map((q) => q.scopes) };
    };
    const [a, b] = [run(profile("2026.4", { gateway: { pendingRequestPolicy: "replace-merged" } })), run(profile("2026.4", { gateway: { pendingRequestPolicy: "replace-on-growth" } }))];
    expect(a).toEqual({ newIdForSubset: true, sameIdForSame: true, pending: [["operator.read", "operator.write"]] });
    expect(b).toEqual({ newIdForSubset: false, sameIdForSame: true, pending: [["operator.read", "operator.write"]] });
  });
  it("approvalCallerScopesUnderPendingRole (2026.3.31): a local node-host asking role node with operator.admin is not approved silently (read and write, implied, are not in a node's caller scopes)", () => {
    const node = params({ role: "node", scopes: ["operator.admin"], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } });
    const [a, b] = flip("2026.3.31", "approvalCallerScopesUnderPendingRole", [true, false], attempts([{ name: "node-admin", connect: { params: node }, device: dev() }]));
    expect([a[0]!.response?.error?.code, details(a[0]!)["reason"], b[0]!.response?.ok]).toEqual(["NOT_PAIRED", "not-paired", true]);
  });
  // 2026.3.31: a node request refused (above), then an operator connect of the same device, then its node connect.
  const nodeThenOperator = attempts([
    { name: "node-admin", connect: { params: params({ role: "node", scopes: ["operator.admin"], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev() },
    { name: "cli-admin", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" } }) }, device: dev() },
    { name: "node-plain", connect: { params: params({ role: "node", scopes: [], client: { id: "node-host", version: "1", platform: "linux", mode: "node" } }) }, device: dev() },
  ]);
  it("pendingRequestPolicy replace-merged (2026.3.31): the operator re-request takes the operator role and is approved; merged into the node request it stays refused", () => {
    const [a, b] = flip("2026.3.31", "pendingRequestPolicy", ["replace-merged", "merge"], nodeThenOperator);
    expect([a[1]!.response?.ok, b[1]!.response?.error?.code, details(b[1]!)["reason"]]).toEqual([true, "NOT_PAIRED", "not-paired"]);
  });
  it("connectRolesFromTokens (2026.3.31): the node role recorded by that approval holds no token, so the node connect is a role upgrade", () => {
    const [a, b] = flip("2026.3.31", "connectRolesFromTokens", [true, false], nodeThenOperator);
    expect([a[1]!.response?.ok, b[1]!.response?.ok]).toEqual([true, true]);
    expect([a[2]!.response?.error?.code, details(a[2]!)["reason"], b[2]!.response?.ok]).toEqual(["NOT_PAIRED", "role-upgrade", true]);
  });
  it("devicePairRemove off (2026.2.12): device.pair.remove is no method; an admin gets unknown method, a pairing-only caller missing operator.admin", () => {
    const remove = (scopes: string[]) => ({ name: scopes.join("+"), connect: { params: params({ scopes }) }, afterHello: [{ method: "device.pair.remove", params: { deviceId: meId.deviceId } }] });
    const run = attempts([remove(["operator.pairing"]), remove(["operator.admin"])], { store: () => pairedStore() });
    const [a, b] = flip("2026.2.12", "devicePairRemove", [false, true], run);
    const answers = (os: Outcome[]) => os.map((o) => o.rpc?.map((r) => (r.ok ? "ok" : `${r.error?.code} ${r.error?.message}`))[0]);
    expect(answers(a)).toEqual(["INVALID_REQUEST missing scope: operator.admin", "INVALID_REQUEST unknown method: device.pair.remove"]);
    expect(answers(b)).toEqual(["ok", "INVALID_REQUEST unknown deviceId"]);
  });
  it("browserOriginLimiter", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000 } } };
    const h = { host: "127.0.0.1:18789", origin: "http://localhost:5173" };
    const run = attempts([{ name: "w", headers: h, connect: { params: params({ auth: { token: "wrong" } }) } }, { name: "r", headers: h, connect: { params: params() } }], { config });
    const [a, b] = flip("2026.3", "browserOriginLimiter", [false, true], run);
    expect([a[1]!.response?.ok, code(b[1])]).toEqual([true, "AUTH_RATE_LIMITED"]);
  });
  it("browserOriginLimiter also counts a remote Origin-bearing connect apart, under its address (seed-17 configs4 c0236)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000 } }, controlUi: { allowedOrigins: ["https://app.example"] } };
    const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
    const run = attempts([
      { name: "w", from: "remote", headers: { host: "gateway.example" }, connect: { params: params({ client: cli, auth: { token: "wrong" } }, 4) } },
      { name: "browser-w", from: "remote", headers: { host: "gateway.example", origin: "https://app.example" }, connect: { params: params({ client: cli, auth: { token: "wrong" } }, 4) } },
    ], { config });
    const [a, b] = flip("2026.9", "browserOriginLimiter", [false, true], run);
    expect([code(a[0]), code(a[1]), code(b[0]), code(b[1])]).toEqual(["AUTH_TOKEN_MISMATCH", "AUTH_RATE_LIMITED", "AUTH_TOKEN_MISMATCH", "AUTH_TOKEN_MISMATCH"]);
  });
  it("browserLimiterLoopbackKey: one key for every loopback Origin, or one per URL origin (3.31 seed-29 configs4 s1-2)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token, rateLimit: { maxAttempts: 1, windowMs: 60_000, lockoutMs: 60_000 } } };
    const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
    const at = (origin: string, auth: { token: string }) => ({ name: origin, headers: { host: "127.0.0.1:18789", origin }, connect: { params: params({ client: cli, auth }, 4) } });
    const run = attempts([
      at("http://localhost:5173", { token: "wrong" }),
      at("http://127.0.0.1:5173", { token }),
      at("http://LOCALHOST:5173/app", { token }),
    ], { config });
    const [a, b] = flip("2026.9", "browserLimiterLoopbackKey", ["shared", "url-origin"], run);
    expect(a.map(code)).toEqual(["AUTH_TOKEN_MISMATCH", "AUTH_RATE_LIMITED", "AUTH_RATE_LIMITED"]);
    // url-origin: 127.0.0.1 is another origin; an upper-case host with a path is localhost's. (An Origin that is no
    // URL, keyed by the stand-in, is refused by the origin check first, even with "*" allowed.)
    expect(b.map(code)).toEqual(["AUTH_TOKEN_MISMATCH", undefined, "AUTH_RATE_LIMITED"]);
  });
  it("originCheckApplies any-origin-unproxied: an Origin-bearing cli forwarded by a trusted proxy is not origin-checked (3.2 seed-107 trusted-proxy configuration)", () => {
    const config: GatewayConfigInput = { auth: { mode: "token", token }, trustedProxies: ["127.0.0.1"] };
    const cli = { id: "cli", version: "1", platform: "linux", mode: "cli" };
    const headers = (forwarded: boolean) => ({ host: "127.0.0.1:18789", origin: "https://evil.example", ...(forwarded ? { "x-forwarded-for": "203.0.113.7" } : {}) });
    const run = attempts([
      { name: "forwarded", headers: headers(true), connect: { params: params({ client: cli }, 3) } },
      { name: "direct", headers: headers(false), connect: { params: params({ client: cli }, 3) } },
    ], { config });
    const [a, b] = flip("2026.3.2", "originCheckApplies", ["any-origin", "any-origin-unproxied"], run);
    const refused = (o: Outcome) => (o.response?.error?.message ?? "").startsWith("origin not allowed");
    expect(a.map(refused)).toEqual([true, true]);
    // Without the proxy condition's exemption only the forwarded one passes the check (and is then let in).
    expect(b.map(refused)).toEqual([false, true]);
    expect(b[0]!.response?.ok).toBe(true);
  });
  it("localClientRule loopback-peer-any-forwarded: an X-Forwarded-User header alone makes a loopback peer non-local (7.1 seed-23 configs4 c0031)", () => {
    const tui = { id: "openclaw-tui", version: "1", platform: "linux", mode: "ui" };
    const headers = { host: "127.0.0.1:18789", origin: "http://127.0.0.1:18789", "x-forwarded-user": "alice@example.com" };
    const run = attempts([{ name: "tui", headers, connect: { params: params({ client: tui }, 4) }, device: dev() }], loopbackBound);
    const [a, b] = flip("2026.7", "localClientRule", ["loopback-peer", "loopback-peer-any-forwarded"], run);
    expect(code(a[0])).not.toBe("CONTROL_UI_ORIGIN_NOT_ALLOWED");
    expect(code(b[0])).toBe("CONTROL_UI_ORIGIN_NOT_ALLOWED");
  });
  it("unauthorizedFloodMax", () => {
    const calls = Array.from({ length: 4 }, () => ({ method: "status" }));
    const run = attempts([{ name: "flood", connect: { params: params({ scopes: [] }) }, afterHello: calls }]);
    const [a, b] = flip("2026.3", "unauthorizedFloodMax", [null, 3], run);
    expect([a[0]!.close?.by, b[0]!.close]).toEqual(["client", { code: 1008, reason: "repeated unauthorized calls", by: "server" }]);
  });
  it("missingScopeAnswer", () => {
    const run = attempts([{ name: "s", connect: { params: params({ scopes: [] }) }, afterHello: [{ method: "status" }] }]);
    const [a, b] = flip("2026.3", "missingScopeAnswer", ["invalid-request", "forbidden"], run);
    expect([a[0]!.rpc?.[0]?.error?.code, b[0]!.rpc?.[0]?.error?.code]).toEqual(["INVALID_REQUEST", "FORBIDDEN"]);
  });
  it("authMessageStyle", () => {
    const run = attempts([{ name: "w", connect: { params: params({ client: { id: "cli", version: "1", platform: "linux", mode: "cli" }, auth: { token: "wrong" } }) } }]);
    const [a, b] = flip("2026.3", "authMessageStyle", ["mid", "2026.9"], run);
    expect([a[0]!.response?.error?.message, b[0]!.response?.error?.message]).toEqual([
      "unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)",
      "unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)",
    ]);
  });
});

describe("gateway switches on live sessions", () => {
  /** A paired backend client holds a session; an admin attempt then calls `method`; returns the close codes and the admin's rpc. */
  function liveSession(p: Profile, admin: A, afterConnect?: (w: World) => void) {
    const w = new World({ seed: 3n, profile: p });
    w.addHost({ name: "gw", kind: "lan" });
    w.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token } }, store: pairedStore() });
    w.runFor(p.gateway.startupUnavailableMs ?? 0);
    w.addClient({ name: "svc", host: "gw", client: { kind: "backend", url: `ws://127.0.0.1:${port}`, identity: meId, passiveToken: token } });
    w.runFor(2_000);
    afterConnect?.(w);
    const h = w.attempt({ fromHost: "gw", url: `ws://127.0.0.1:${port}`, port, gatewayToken: token, identities: { me }, attempt: admin });
    w.runFor(2_000);
    const closes = w.trace.events.filter((e) => e.kind === "close" && e.data["code"] === 4001).map((e) => e.data["reason"]);
    return { closes, rpc: h.outcome?.rpc?.[0], world: w };
  }
  const adminCall = (method: string, extra: Record<string, unknown> = {}, scopes = ["operator.admin"]): A => ({
    name: `admin-${method}`,
    connect: { params: params({ scopes }) },
    afterHello: [{ method, params: { deviceId: meId.deviceId, role: "operator", ...extra } }],
  });
  const onProfile = (key: keyof GatewaySwitches, value: unknown) => {
    const base = profile("2026.3", { gateway: keepScopes });
    return { ...base, gateway: { ...base.gateway, [key]: value } } as Profile;
  };
  const clean = (a: A) => ({ ...a, connect: { params: params({ scopes: (a.connect as { params: { scopes: string[] } }).params.scopes }) } });

  it("revokeClosesSessions", () => {
    const call = clean(adminCall("device.token.revoke"));
    expect(liveSession(onProfile("revokeClosesSessions", false), call).closes).toEqual([]);
    expect(liveSession(onProfile("revokeClosesSessions", true), call).closes).toContain("device removed");
  });
  it("rotateClosesSessions", () => {
    const call = clean(adminCall("device.token.rotate"));
    expect(liveSession(onProfile("rotateClosesSessions", false), call).closes).toEqual([]);
    expect(liveSession(onProfile("rotateClosesSessions", true), call).closes).toContain("device removed");
  });
  it("sharedSecretRotationClosesSessions", () => {
    const run = (v: boolean) => {
      const base = profile("2026.3");
      const p = { ...base, gateway: { ...base.gateway, sharedSecretRotationClosesSessions: v } } as Profile;
      const w = new World({ seed: 3n, profile: p });
      w.addHost({ name: "gw", kind: "lan" });
      const g = w.addGateway({ name: "gateway", host: "gw", port, config: { auth: { mode: "token", token } } });
      w.addClient({ name: "tokenless-svc", host: "gw", client: { kind: "backend", url: `ws://127.0.0.1:${port}`, identity: null, passiveToken: token } });
      w.runFor(2_000);
      g.sharedSecretChanged("rotated", undefined);
      w.runFor(100);
      return w.trace.events.filter((e) => e.kind === "close" && e.data["code"] === 4001).map((e) => e.data["reason"]);
    };
    expect(run(false)).toEqual([]);
    expect(run(true)).toContain("gateway auth changed");
  });
  it("rotateBoundedByCaller", () => {
    const call = clean(adminCall("device.token.rotate", { scopes: ["operator.admin"] }, ["operator.pairing"]));
    expect(liveSession(onProfile("rotateBoundedByCaller", false), call).rpc?.ok).toBe(true);
    expect(liveSession(onProfile("rotateBoundedByCaller", true), call).rpc?.error?.message).toBe("device token rotation denied");
  });
  it("deviceOwnershipRule", () => {
    const call = clean(adminCall("device.token.rotate"));
    const keys = (v: boolean) => liveSession(onProfile("deviceOwnershipRule", v), call).rpc?.payloadKeys;
    expect(keys(false)).toContain("token");
    expect(keys(true)).toEqual(expect.arrayContaining(["tokenDelivery"]));
    expect(keys(true)).not.toContain("token");
  });
});

// 3.2 seed-107 restarts fixture, k4-token-rl3-strict c0076-op: a device paired with no scopes holds an admin token
// (here a read token); an operator rotates it without naming scopes (read in the 2.12 … 4.14 dists).
describe("rotateScopeBaseline: what a rotation's scopes must stay within", () => {
  const rotate = (baseline: GatewaySwitches["rotateScopeBaseline"], scopes?: string[]) => {
    const store = emptyPairingStore();
    const held = { token: "held", role: "operator", scopes: ["operator.read"], createdAtMs: 0 };
    store.paired["d1"] = { deviceId: "d1", publicKey: "k", role: "operator", roles: ["operator"], scopes: [], approvedScopes: [], tokens: { operator: held }, createdAtMs: 0, approvedAtMs: 0 };
    const minted = rotateDeviceToken(store, { deviceId: "d1", role: "operator", ...(scopes ? { scopes } : {}), nowMs: 1, prng: new Prng(1n, "rotate-test"), impliedScopes: false, scopeBaseline: baseline });
    return [minted?.scopes ?? "refused", store.paired["d1"]!.approvedScopes];
  };
  it("approved (3.13 and later): an empty approval refuses; approved-else-token (2.22, 3.2): the token's own scopes", () => {
    expect(rotate("approved")).toEqual(["refused", []]);
    expect(rotate("approved-else-token")).toEqual([["operator.read"], []]);
    expect(rotate("approved-else-token", ["operator.admin"])).toEqual(["refused", []]);
  });
  it("none (2.12, 2.17): any scopes, and asked ones become the record's baseline", () => {
    expect(rotate("none", ["operator.admin", "operator.pairing"])).toEqual([["operator.admin", "operator.pairing"], ["operator.admin", "operator.pairing"]]);
    expect(rotate("none")).toEqual([["operator.read"], []]);
  });
});
