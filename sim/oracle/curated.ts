// The curated connect attempts recorded against the real gateway: everything reachable from loopback with
// token auth (frame gate, schema, protocol, roles, shared token, Control UI origin, device identity proofs,
// silent pairing, device tokens, remote-Host pairing, failure delays), plus short suites for the extra gateway
// runs (insecure-auth config, a strict rate limiter). Data only; record.ts runs it.

import type { Attempt, DeviceSpec } from "./attempt.ts";
import { identityFromSeed, seedForName } from "./device-proof.ts";

/** A step of a recorded run: the attempt plus whether to run a successful shared-token connect before it
 *  (which resets the loopback failure delay, so the attempt's own delay is visible). Default true. */
export interface CuratedStep {
  readonly attempt: Attempt;
  readonly resetBefore?: boolean;
}

export interface CuratedRun {
  readonly name: string;
  readonly description: string;
  /** Config merged into the gateway's openclaw.json before start. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly steps: readonly CuratedStep[];
  /** Also measure the pre-auth socket budget with a burst of idle sockets. */
  readonly measurePreauthBudget?: boolean;
}

const IDENTITY_NAMES = [
  "alice", "bob", "carl", "dora", "eve", "frank", "gina", "hank", "ivan", "uma", "remy", "otto", "other", "lena",
] as const;
type IdentityName = (typeof IDENTITY_NAMES)[number];

export const IDENTITIES: Readonly<Record<IdentityName, string>> = Object.fromEntries(
  IDENTITY_NAMES.map((name) => [name, seedForName(name)]),
) as Record<IdentityName, string>;

const WRONG_TOKEN = "wrong-token-0123456789";
const CLI = { id: "cli", version: "2026.9.6", platform: "linux", mode: "cli" } as const;
const BACKEND = { id: "gateway-client", version: "2026.9.6", platform: "linux", mode: "backend" } as const;
const TUI = { id: "openclaw-tui", version: "2026.9.6", platform: "linux", mode: "ui" } as const;
const CONTROL_UI = { id: "openclaw-control-ui", version: "2026.9.6", platform: "Linux x86_64", mode: "webchat" } as const;
const WEBCHAT = { id: "webchat", version: "2026.9.6", platform: "linux", mode: "webchat" } as const;
const NODE_HOST = { id: "node-host", version: "2026.9.6", platform: "linux", mode: "node" } as const;
const PROBE = { id: "openclaw-probe", version: "2026.9.6", platform: "linux", mode: "probe" } as const;
const ADMIN = ["operator.admin"];
const READ = ["operator.read"];
const LOCAL_ORIGIN = "http://127.0.0.1:{{port}}";
const REMOTE_HOST = "gateway.example";
/** Harmless probes: status/health need a read scope, device.pair.list needs pairing, chat.abort needs write
 *  (called with empty params: with the scope it fails validation or no-ops, without it fails FORBIDDEN). */
const SCOPE_PROBES = [
  { method: "health" },
  { method: "status" },
  { method: "device.pair.list" },
  { method: "chat.abort", params: {} },
] as const;

function params(fields: {
  client?: object;
  role?: string;
  scopes?: readonly string[] | null;
  auth?: Record<string, string> | null;
  protocol?: readonly [number, number];
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  const [minProtocol, maxProtocol] = fields.protocol ?? [4, 4];
  return {
    minProtocol,
    maxProtocol,
    client: fields.client ?? CLI,
    ...(fields.role !== undefined ? { role: fields.role } : { role: "operator" }),
    ...(fields.scopes === null ? {} : { scopes: fields.scopes ?? ADMIN }),
    ...(fields.auth === null ? {} : { auth: fields.auth ?? { token: "{{gatewayToken}}" } }),
    ...(fields.extra ?? {}),
  };
}

function device(name: IdentityName, extra: Partial<DeviceSpec> = {}): DeviceSpec {
  return { identitySeed: IDENTITIES[name], payloadVersion: "v3", ...extra };
}

function a(attempt: Attempt): CuratedStep {
  return { attempt };
}

function noReset(attempt: Attempt): CuratedStep {
  return { attempt, resetBefore: false };
}

const frameGate: CuratedStep[] = [
  a({ name: "frame-non-json", probe: "first frame is not JSON", connect: { raw: "hello there" } }),
  a({ name: "frame-not-a-request", probe: "JSON that is not a request frame", connect: { raw: '{"type":"bogus","id":"x1"}' } }),
  a({ name: "frame-empty-id", probe: "request frame with empty id", connect: { raw: '{"type":"req","id":"","method":"connect","params":{}}' } }),
  a({ name: "frame-first-request-health", probe: "first request is not connect", connect: { raw: '{"type":"req","id":"h1","method":"health"}' } }),
  a({ name: "frame-size-65536", probe: "valid connect padded to exactly 64 KiB", connect: { params: params({}), padToBytes: 65536 } }),
  a({ name: "frame-size-65537", probe: "valid connect padded to 64 KiB + 1", connect: { params: params({}), padToBytes: 65537 } }),
  a({ name: "schema-unknown-client-id", probe: "client.id not in the enum", connect: { params: params({ client: { ...CLI, id: "bad-client" } }) } }),
  a({ name: "schema-extra-param", probe: "unknown property in connect params", connect: { params: params({ extra: { extra: true } }) } }),
  a({ name: "schema-extra-frame-property", probe: "unknown top-level property in the request frame", connect: { params: params({}), frameExtra: { extra: 1 } } }),
  a({ name: "schema-device-without-nonce", probe: "device object without nonce, right token", connect: { params: params({}) }, device: device("alice", { nonce: "omit" }) }),
  a({ name: "schema-device-extra-field", probe: "device object with an extra property", connect: { params: params({}) }, device: device("alice", { extraFields: { extra: 1 } }) }),
  a({ name: "schema-signed-at-string", probe: "device.signedAt is a string", connect: { params: params({}) }, device: device("alice", { extraFields: { signedAt: "bad" } }) }),
  a({ name: "protocol-3", probe: "min=max=3", connect: { params: params({ protocol: [3, 3] }) } }),
  a({ name: "protocol-5", probe: "min=max=5", connect: { params: params({ protocol: [5, 5] }) } }),
  a({ name: "protocol-3-to-5", probe: "range 3..5 includes 4", connect: { params: params({ protocol: [3, 5] }) } }),
  a({ name: "protocol-3-probe-client", probe: "openclaw-probe/probe with min=max=3", connect: { params: params({ client: PROBE, protocol: [3, 3] }) } }),
  a({ name: "role-bogus", probe: "role bogus, right token", connect: { params: params({ role: "bogus" }) } }),
  a({ name: "role-node-no-device", probe: "node-host/node, role node, right token, no device", connect: { params: params({ client: NODE_HOST, role: "node", scopes: [] }) } }),
];

const sharedToken: CuratedStep[] = [
  a({ name: "cli-token-no-device", probe: "cli/cli admin, right token, no device", connect: { params: params({}) }, afterHello: SCOPE_PROBES }),
  a({ name: "cli-wrong-token-no-device", probe: "cli/cli, wrong token, no device", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  a({ name: "cli-no-auth-no-device", probe: "cli/cli, no auth, no device", connect: { params: params({ auth: null }) } }),
  a({ name: "cli-empty-token-no-device", probe: "cli/cli, auth.token empty string, no device", connect: { params: params({ auth: { token: "" } }) } }),
  a({ name: "cli-password-in-token-mode", probe: "cli/cli, password instead of token, no device", connect: { params: params({ auth: { password: WRONG_TOKEN } }) } }),
  a({ name: "cli-read-no-device", probe: "cli/cli scopes [operator.read], right token, no device", connect: { params: params({ scopes: READ }) }, afterHello: SCOPE_PROBES }),
  a({ name: "cli-scopes-omitted-no-device", probe: "cli/cli without scopes, right token, no device", connect: { params: params({ scopes: null }) }, afterHello: SCOPE_PROBES }),
  a({ name: "backend-token-no-device", probe: "gateway-client/backend admin, right token, no device", connect: { params: params({ client: BACKEND }) }, afterHello: SCOPE_PROBES }),
  a({ name: "tui-token-no-device", probe: "openclaw-tui/ui admin, right token, no device", connect: { params: params({ client: TUI }) }, afterHello: SCOPE_PROBES }),
  a({ name: "test-client-token-no-device", probe: "test/test admin, right token, no device", connect: { params: params({ client: { id: "test", version: "1", platform: "linux", mode: "test" } }) }, afterHello: SCOPE_PROBES }),
  a({ name: "cli-remote-host-no-device", probe: "cli/cli admin, right token, Host gateway.example", headers: { host: REMOTE_HOST }, connect: { params: params({}) }, afterHello: SCOPE_PROBES }),
  a({ name: "cli-xff-no-device", probe: "cli/cli admin, right token, X-Forwarded-For from an untrusted peer", headers: { "x-forwarded-for": "203.0.113.9" }, connect: { params: params({}) }, afterHello: SCOPE_PROBES }),
  a({ name: "backend-remote-host-no-device", probe: "gateway-client/backend, right token, Host gateway.example", headers: { host: REMOTE_HOST }, connect: { params: params({ client: BACKEND }) }, afterHello: SCOPE_PROBES }),
];

const controlUi: CuratedStep[] = [
  a({ name: "control-ui-local-origin-no-device", probe: "Control UI, Origin http://127.0.0.1:<port>, right token, no device", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI }) } }),
  a({ name: "control-ui-no-origin-no-device", probe: "Control UI without Origin, right token, no device", connect: { params: params({ client: CONTROL_UI }) } }),
  a({ name: "control-ui-foreign-origin-no-device", probe: "Control UI, Origin https://evil.example, right token, no device", headers: { origin: "https://evil.example" }, connect: { params: params({ client: CONTROL_UI }) } }),
  a({ name: "control-ui-null-origin-no-device", probe: "Control UI, Origin null, right token, no device", headers: { origin: "null" }, connect: { params: params({ client: CONTROL_UI }) } }),
  a({ name: "webchat-local-origin-no-device", probe: "webchat/webchat, local Origin, right token, no device", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: WEBCHAT }) } }),
  a({ name: "control-ui-local-origin-device", probe: "Control UI, local Origin, right token, device v3 (silent pairing?)", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI }) }, device: device("uma"), afterHello: SCOPE_PROBES }),
  a({ name: "control-ui-local-origin-device-build-dev", probe: "Control UI, local Origin, client.buildId dev, right token, device", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: { ...CONTROL_UI, buildId: "dev" } }) }, device: device("uma"), afterHello: SCOPE_PROBES }),
  a({ name: "control-ui-localhost-origin-device", probe: "Control UI, Origin http://localhost:<port>, right token, device", headers: { origin: "http://localhost:{{port}}" }, connect: { params: params({ client: CONTROL_UI }) }, device: device("uma") }),
  a({ name: "control-ui-foreign-origin-device", probe: "Control UI, foreign Origin, right token, paired device", headers: { origin: "https://evil.example" }, connect: { params: params({ client: CONTROL_UI }) }, device: device("uma") }),
  a({ name: "control-ui-local-origin-wrong-token", probe: "Control UI, local Origin, wrong token, no device", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI, auth: { token: WRONG_TOKEN } }) } }),
  a({ name: "cli-foreign-origin-no-device", probe: "cli/cli with Origin https://evil.example, right token", headers: { origin: "https://evil.example" }, connect: { params: params({}) } }),
  a({ name: "cli-local-origin-no-device", probe: "cli/cli with local Origin, right token", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({}) }, afterHello: SCOPE_PROBES }),
];

const devicePairing: CuratedStep[] = [
  a({ name: "alice-v3-token-pair", probe: "new device v3, right token, admin (silent local pairing)", connect: { params: params({}) }, device: device("alice"), afterHello: SCOPE_PROBES }),
  a({ name: "alice-v3-token-again", probe: "same device again with the shared token (token kept or re-issued?)", connect: { params: params({}) }, device: device("alice") }),
  a({ name: "alice-device-token-only", probe: "auth.deviceToken only (issued to alice)", connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice"), afterHello: SCOPE_PROBES }),
  a({ name: "alice-device-token-in-token-field", probe: "alice's device token sent as auth.token (legacy fallback)", connect: { params: params({ auth: { token: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
  a({ name: "alice-wrong-token-plus-device-token", probe: "wrong auth.token + right auth.deviceToken", connect: { params: params({ auth: { token: WRONG_TOKEN, deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
  a({ name: "alice-right-token-wrong-device-token", probe: "right auth.token + wrong auth.deviceToken", connect: { params: params({ auth: { token: "{{gatewayToken}}", deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
  a({ name: "alice-wrong-device-token", probe: "auth.deviceToken wrong, no shared token", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
  a({ name: "alice-wrong-token", probe: "wrong auth.token with a paired device (canRetryWithDeviceToken?)", connect: { params: params({ auth: { token: WRONG_TOKEN } }) }, device: device("alice") }),
  a({ name: "alice-no-auth", probe: "paired device, no auth at all", connect: { params: params({ auth: null }) }, device: device("alice") }),
  a({ name: "alice-device-token-no-device", probe: "alice's device token without a device object", connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) } }),
  a({ name: "eve-no-auth", probe: "new (unpaired) device, no auth", connect: { params: params({ auth: null }) }, device: device("eve") }),
  a({ name: "eve-uses-alice-device-token", probe: "unpaired device presenting alice's device token", connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) }, device: device("eve") }),
  a({ name: "eve-wrong-token", probe: "unpaired device, wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) }, device: device("eve") }),
  a({ name: "bob-v2-token-pair", probe: "new device signing v2 (legacy), right token", connect: { params: params({}) }, device: device("bob", { payloadVersion: "v2" }), afterHello: [{ method: "status" }] }),
  a({ name: "carl-v1-token", probe: "new device signing v1, right token", connect: { params: params({}) }, device: device("carl", { payloadVersion: "v1" }) }),
  a({ name: "dora-read-pair", probe: "new device with scopes [operator.read], right token", connect: { params: params({ scopes: READ }) }, device: device("dora"), afterHello: SCOPE_PROBES }),
  a({ name: "dora-device-token-asks-admin", probe: "dora's read device token asking for operator.admin", connect: { params: params({ auth: { deviceToken: "{{deviceToken:dora}}" } }) }, device: device("dora") }),
  a({ name: "dora-token-asks-admin", probe: "dora with the shared token asking for operator.admin (scope upgrade)", connect: { params: params({}) }, device: device("dora"), afterHello: SCOPE_PROBES }),
  a({ name: "alice-scopes-empty", probe: "paired device, scopes []", connect: { params: params({ scopes: [] }) }, device: device("alice"), afterHello: SCOPE_PROBES }),
  a({ name: "alice-role-node", probe: "paired operator device asking role node (role upgrade)", connect: { params: params({ client: NODE_HOST, role: "node", scopes: [] }) }, device: device("alice") }),
  a({ name: "alice-node-device-token", probe: "alice's node-role device token, role node", connect: { params: params({ client: NODE_HOST, role: "node", scopes: [], auth: { deviceToken: "{{deviceToken:alice/node}}" } }) }, device: device("alice") }),
  a({ name: "ivan-node-pair", probe: "new device, role node, node-host/node, right token", connect: { params: params({ client: NODE_HOST, role: "node", scopes: [] }) }, device: device("ivan") }),
  a({ name: "backend-device-pair", probe: "gateway-client/backend with a new device, right token", connect: { params: params({ client: BACKEND }) }, device: device("lena"), afterHello: [{ method: "status" }] }),
  a({ name: "alice-pair-list", probe: "device.pair.list after the pairings above", connect: { params: params({}) }, device: device("alice"), afterHello: [{ method: "device.pair.list" }] }),
];

const deviceProof: CuratedStep[] = [
  a({ name: "proof-signature-other-nonce", probe: "device.nonce = challenge, signature over another nonce", connect: { params: params({}) }, device: device("alice", { signNonce: "11111111-2222-4333-8444-555555555555" }) }),
  a({ name: "proof-signed-at-minus-600s", probe: "signedAt 10 min in the past", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: -600_000 }) }),
  a({ name: "proof-signed-at-plus-600s", probe: "signedAt 10 min in the future", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: 600_000 }) }),
  a({ name: "proof-signed-at-minus-60s", probe: "signedAt 1 min in the past", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: -60_000 }) }),
  a({ name: "proof-signed-at-plus-60s", probe: "signedAt 1 min in the future", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: 60_000 }) }),
  a({ name: "proof-signed-at-minus-119s", probe: "signedAt 119 s in the past", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: -119_000 }) }),
  a({ name: "proof-signed-at-minus-121s", probe: "signedAt 121 s in the past", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: -121_000 }) }),
  a({ name: "proof-signed-at-plus-119s", probe: "signedAt 119 s in the future", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: 119_000 }) }),
  a({ name: "proof-signed-at-plus-121s", probe: "signedAt 121 s in the future", connect: { params: params({}) }, device: device("alice", { signedAtOffsetMs: 121_000 }) }),
  a({ name: "proof-blank-nonce", probe: "device.nonce is whitespace", connect: { params: params({}) }, device: device("alice", { nonce: "blank" }) }),
  a({ name: "proof-stale-nonce", probe: "device.nonce = the previous socket's challenge nonce (signed over it)", connect: { params: params({}) }, device: device("alice", { nonce: "stale" }) }),
  a({ name: "proof-invented-nonce", probe: "device.nonce = a UUID never issued (signed over it)", connect: { params: params({}) }, device: device("alice", { nonce: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee" }) }),
  a({ name: "proof-id-not-sha256-of-key", probe: "device.id = another 64-hex id", connect: { params: params({}) }, device: device("alice", { idOverride: "0".repeat(64) }) }),
  a({ name: "proof-id-not-hex", probe: "device.id = 'alice'", connect: { params: params({}) }, device: device("alice", { idOverride: "alice" }) }),
  a({ name: "proof-garbage-public-key", probe: "publicKey is not a key", connect: { params: params({}) }, device: device("alice", { publicKeyFormat: "garbage" }) }),
  a({ name: "proof-pem-public-key", probe: "new device presenting a PEM SPKI public key", connect: { params: params({}) }, device: device("frank", { publicKeyFormat: "pem" }), afterHello: [{ method: "status" }] }),
  a({ name: "proof-pem-then-base64url", probe: "the PEM device again with base64url key (same pairing?)", connect: { params: params({}) }, device: device("frank") }),
  a({ name: "proof-standard-base64-signature", probe: "new device, signature in standard base64 with padding", connect: { params: params({}) }, device: device("gina", { signatureFormat: "base64" }) }),
  a({ name: "proof-signed-by-other-key", probe: "alice's key presented, signature by another key", connect: { params: params({}) }, device: device("alice", { otherKeySeed: IDENTITIES.other }) }),
  a({ name: "proof-scopes-omitted-signed-admin", probe: "params without scopes, signature over [operator.admin]", connect: { params: params({ scopes: null }) }, device: device("hank", { signScopes: ADMIN }) }),
  a({ name: "proof-scopes-omitted-signed-empty", probe: "params without scopes, signature over []", connect: { params: params({ scopes: null }) }, device: device("hank"), afterHello: SCOPE_PROBES }),
  a({ name: "proof-sign-token-empty", probe: "auth.token sent but signature token field empty", connect: { params: params({}) }, device: device("alice", { signToken: "" }) }),
  a({ name: "proof-v2-signature-for-paired-v3-device", probe: "alice signing v2 instead of v3", connect: { params: params({}) }, device: device("alice", { payloadVersion: "v2" }) }),
  a({ name: "proof-signature-token-device-token", probe: "right shared token in auth.token, signature over the device token", connect: { params: params({ auth: { token: "{{gatewayToken}}", deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice", { signToken: "{{deviceToken:alice}}" }) }),
  a({ name: "proof-signature-token-device-token-ok", probe: "shared + device token, signature over the shared token", connect: { params: params({ auth: { token: "{{gatewayToken}}", deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
];

const remoteHost: CuratedStep[] = [
  a({ name: "remote-new-device-read", probe: "Host gateway.example, new device, scopes [operator.read], right token", headers: { host: REMOTE_HOST }, connect: { params: params({ scopes: READ }) }, device: device("remy") }),
  a({ name: "remote-new-device-admin", probe: "same device again asking admin (pending request merged?)", headers: { host: REMOTE_HOST }, connect: { params: params({}) }, device: device("remy") }),
  a({ name: "remote-pending-list", probe: "device.pair.list sees the pending request", connect: { params: params({}) }, device: device("alice"), afterHello: [{ method: "device.pair.list" }] }),
  a({ name: "remote-paired-device", probe: "Host gateway.example, already paired device, right token", headers: { host: REMOTE_HOST }, connect: { params: params({}) }, device: device("alice") }),
  a({ name: "remote-paired-device-token", probe: "Host gateway.example, paired device with its device token", headers: { host: REMOTE_HOST }, connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
  a({ name: "remote-new-device-no-nonce", probe: "Host gateway.example, blank nonce", headers: { host: REMOTE_HOST }, connect: { params: params({}) }, device: device("otto", { nonce: "blank" }) }),
];

const wrongTokenRun = Array.from({ length: 8 }, (_, i) =>
  noReset({ name: `delay-wrong-token-${i + 1}`, probe: `consecutive wrong shared token #${i + 1}`, connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
);

const delays: CuratedStep[] = [
  ...wrongTokenRun,
  a({ name: "delay-mixed-wrong-token-1", probe: "after reset: wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-mixed-wrong-device-token", probe: "then a wrong device token (shared history?)", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
  noReset({ name: "delay-mixed-wrong-token-2", probe: "then a wrong shared token again", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-mixed-token-missing", probe: "then an unpaired device without auth (token_missing)", connect: { params: params({ auth: null }) }, device: device("eve") }),
  noReset({ name: "delay-mixed-device-required", probe: "then no device, no auth (device identity required)", connect: { params: params({ auth: null }) } }),
  noReset({ name: "delay-mixed-wrong-token-3", probe: "then a wrong shared token (were the last two charged?)", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-mixed-signature-invalid-wrong-token", probe: "then a bad signature with a wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) }, device: device("alice", { otherKeySeed: IDENTITIES.other }) }),
  noReset({ name: "delay-mixed-wrong-token-4", probe: "then a wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-mixed-signature-invalid-right-token", probe: "then a bad signature with the right shared token (resets?)", connect: { params: params({}) }, device: device("alice", { otherKeySeed: IDENTITIES.other }) }),
  noReset({ name: "delay-mixed-wrong-token-5", probe: "then a wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-mixed-control-ui-right-token", probe: "then a device-less Control UI with the right token (rejected after auth)", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI }) } }),
  noReset({ name: "delay-mixed-wrong-token-6", probe: "then a wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-device-token-success", probe: "a device-token success (does it reset the delay?)", connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
  noReset({ name: "delay-after-device-token-success", probe: "wrong shared token after the device-token success", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-own-ip-127.0.0.2", probe: "wrong token from 127.0.0.2 right after failures from 127.0.0.1 (per-IP history?)", sourceAddress: "127.0.0.2", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  noReset({ name: "delay-own-ip-127.0.0.1", probe: "then wrong token from 127.0.0.1 again (its history continues?)", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
  a({ name: "delay-device-token-chain-1", probe: "after reset: wrong device token #1", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
  noReset({ name: "delay-device-token-chain-2", probe: "wrong device token #2", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
  noReset({ name: "delay-device-token-chain-3", probe: "wrong device token #3", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
  noReset({ name: "delay-device-token-chain-wrong-token", probe: "then a wrong shared token", connect: { params: params({ auth: { token: WRONG_TOKEN } }) } }),
];

const handshakeTimeout: CuratedStep[] = [
  a({ name: "handshake-timeout", probe: "open a socket and send nothing", waitMsMax: 25_000 }),
];

export const TOKEN_RUN: CuratedRun = {
  name: "token",
  description: "gateway.auth.mode token (from --auth token --token), default config otherwise",
  config: {},
  steps: [...frameGate, ...sharedToken, ...controlUi, ...devicePairing, ...deviceProof, ...remoteHost, ...delays, ...handshakeTimeout],
  measurePreauthBudget: true,
};

export const INSECURE_AUTH_RUN: CuratedRun = {
  name: "control-ui-allow-insecure-auth",
  description: "gateway.controlUi.allowInsecureAuth: true (retired key in 2026.9?)",
  config: { gateway: { controlUi: { allowInsecureAuth: true } } },
  steps: [
    a({ name: "insecure-control-ui-local-origin-no-device", probe: "Control UI, local Origin, right token, no device", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI }) }, afterHello: SCOPE_PROBES }),
    a({ name: "insecure-control-ui-localhost-origin-no-device", probe: "Control UI, Origin http://localhost:<port>, right token, no device", headers: { origin: "http://localhost:{{port}}" }, connect: { params: params({ client: CONTROL_UI }) } }),
    a({ name: "insecure-control-ui-foreign-origin-no-device", probe: "Control UI, foreign Origin, right token, no device", headers: { origin: "https://evil.example" }, connect: { params: params({ client: CONTROL_UI }) } }),
    a({ name: "insecure-control-ui-remote-host-no-device", probe: "Control UI, Host gateway.example + matching Origin, no device", headers: { host: REMOTE_HOST, origin: `http://${REMOTE_HOST}` }, connect: { params: params({ client: CONTROL_UI }) } }),
    a({ name: "insecure-tui-no-device", probe: "openclaw-tui/ui, right token, no device", connect: { params: params({ client: TUI }) } }),
    a({ name: "insecure-cli-no-device", probe: "cli/cli, right token, no device (control)", connect: { params: params({}) }, afterHello: [{ method: "status" }] }),
  ],
};

const limiterParams = params({ auth: { token: WRONG_TOKEN } });

export const RATE_LIMIT_RUN: CuratedRun = {
  name: "strict-rate-limit",
  description: "gateway.auth.rateLimit { maxAttempts: 2, windowMs: 60000, lockoutMs: 60000, exemptLoopback: false }",
  config: { gateway: { auth: { rateLimit: { maxAttempts: 2, windowMs: 60_000, lockoutMs: 60_000, exemptLoopback: false } } } },
  steps: [
    noReset({ name: "limit-pair-alice", probe: "pair alice first (right token)", connect: { params: params({}) }, device: device("alice") }),
    noReset({ name: "limit-wrong-token-1", probe: "wrong shared token #1", connect: { params: limiterParams } }),
    noReset({ name: "limit-wrong-token-2", probe: "wrong shared token #2 (reaches maxAttempts)", connect: { params: limiterParams } }),
    noReset({ name: "limit-wrong-token-3", probe: "wrong shared token #3 (locked?)", connect: { params: limiterParams } }),
    noReset({ name: "limit-right-token-while-locked", probe: "right shared token while locked", connect: { params: params({}) } }),
    noReset({ name: "limit-device-token-while-shared-locked", probe: "alice's device token while the shared-secret bucket is locked", connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
    noReset({ name: "limit-right-token-with-device-while-locked", probe: "right shared token + alice device while locked", connect: { params: params({}) }, device: device("alice") }),
    noReset({ name: "limit-wrong-device-token-1", probe: "wrong device token #1", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
    noReset({ name: "limit-wrong-device-token-2", probe: "wrong device token #2", connect: { params: params({ auth: { deviceToken: "not-a-valid-device-token" } }) }, device: device("alice") }),
    noReset({ name: "limit-right-device-token-after", probe: "right device token after two device-token failures", connect: { params: params({ auth: { deviceToken: "{{deviceToken:alice}}" } }) }, device: device("alice") }),
    noReset({ name: "limit-ip2-token-missing-1", probe: "127.0.0.2: unpaired device, no auth (token_missing) #1", sourceAddress: "127.0.0.2", connect: { params: params({ auth: null }) }, device: device("eve") }),
    noReset({ name: "limit-ip2-token-missing-2", probe: "127.0.0.2: token_missing #2", sourceAddress: "127.0.0.2", connect: { params: params({ auth: null }) }, device: device("eve") }),
    noReset({ name: "limit-ip2-right-token", probe: "127.0.0.2: right token (locked if token_missing is charged)", sourceAddress: "127.0.0.2", connect: { params: params({}) } }),
    noReset({ name: "limit-ip3-device-required-1", probe: "127.0.0.3: no device, no auth #1", sourceAddress: "127.0.0.3", connect: { params: params({ auth: null }) } }),
    noReset({ name: "limit-ip3-device-required-2", probe: "127.0.0.3: no device, no auth #2", sourceAddress: "127.0.0.3", connect: { params: params({ auth: null }) } }),
    noReset({ name: "limit-ip3-right-token", probe: "127.0.0.3: right token", sourceAddress: "127.0.0.3", connect: { params: params({}) } }),
    noReset({ name: "limit-ip4-bad-signature-1", probe: "127.0.0.4: right token, bad signature #1", sourceAddress: "127.0.0.4", connect: { params: params({}) }, device: device("alice", { otherKeySeed: IDENTITIES.other }) }),
    noReset({ name: "limit-ip4-bad-signature-2", probe: "127.0.0.4: right token, bad signature #2", sourceAddress: "127.0.0.4", connect: { params: params({}) }, device: device("alice", { otherKeySeed: IDENTITIES.other }) }),
    noReset({ name: "limit-ip4-right-token", probe: "127.0.0.4: right token", sourceAddress: "127.0.0.4", connect: { params: params({}) } }),
    noReset({ name: "limit-ip5-origin-wrong-1", probe: "127.0.0.5: Control UI local Origin, wrong token #1 (browser limiter)", sourceAddress: "127.0.0.5", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI, auth: { token: WRONG_TOKEN } }) }, device: device("uma") }),
    noReset({ name: "limit-ip5-origin-wrong-2", probe: "127.0.0.5: same #2", sourceAddress: "127.0.0.5", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI, auth: { token: WRONG_TOKEN } }) }, device: device("uma") }),
    noReset({ name: "limit-ip5-origin-wrong-3", probe: "127.0.0.5: same #3", sourceAddress: "127.0.0.5", headers: { origin: LOCAL_ORIGIN }, connect: { params: params({ client: CONTROL_UI, auth: { token: WRONG_TOKEN } }) }, device: device("uma") }),
    noReset({ name: "limit-ip5-no-origin-right-token", probe: "127.0.0.5: cli without Origin, right token (separate from the origin bucket?)", sourceAddress: "127.0.0.5", connect: { params: params({}) } }),
  ],
};

const REMY_ID = identityFromSeed(IDENTITIES.remy).deviceId;
const ADMIN_CLI = (name: string, probe: string, afterHello: Attempt["afterHello"]): CuratedStep =>
  noReset({ name, probe, connect: { params: params({}) }, afterHello });

export const MANUAL_PAIRING_RUN: CuratedRun = {
  name: "manual-pairing",
  description: "gateway.nodes.pairing.autoApproveLocal: false (no silent local pairing)",
  config: { gateway: { nodes: { pairing: { autoApproveLocal: false } } } },
  steps: [
    ADMIN_CLI("manual-list-empty", "device-less admin cli lists devices", [{ method: "device.pair.list" }]),
    noReset({ name: "manual-remy-read", probe: "new device, scopes [operator.read], right token", connect: { params: params({ scopes: READ }) }, device: device("remy") }),
    noReset({ name: "manual-remy-admin", probe: "same device asking admin while pending (merge or replace?)", connect: { params: params({}) }, device: device("remy") }),
    noReset({ name: "manual-remy-read-again", probe: "same device asking read again", connect: { params: params({ scopes: READ }) }, device: device("remy") }),
    ADMIN_CLI("manual-list-pending", "the pending request as listed", [{ method: "device.pair.list" }]),
    ADMIN_CLI("manual-approve", "approve the latest request id", [{ method: "device.pair.approve", params: { requestId: "{{lastRequestId}}" } }, { method: "device.pair.list" }]),
    noReset({ name: "manual-remy-read-after-approve", probe: "approved device, scopes read, right token", connect: { params: params({ scopes: READ }) }, device: device("remy"), afterHello: SCOPE_PROBES }),
    noReset({ name: "manual-remy-admin-after-approve", probe: "approved device asking admin", connect: { params: params({}) }, device: device("remy") }),
    noReset({ name: "manual-remy-device-token", probe: "approved device with its device token only", connect: { params: params({ scopes: READ, auth: { deviceToken: "{{deviceToken:remy}}" } }) }, device: device("remy") }),
    noReset({ name: "manual-remy-role-node", probe: "approved operator device asking role node", connect: { params: params({ client: NODE_HOST, role: "node", scopes: [] }) }, device: device("remy") }),
    ADMIN_CLI("manual-reject", "reject the latest request id", [{ method: "device.pair.reject", params: { requestId: "{{lastRequestId}}" } }, { method: "device.pair.list" }]),
    ADMIN_CLI("manual-revoke", "revoke remy's operator token", [{ method: "device.token.revoke", params: { deviceId: REMY_ID, role: "operator" } }]),
    noReset({ name: "manual-remy-revoked-device-token", probe: "the revoked device token", connect: { params: params({ scopes: READ, auth: { deviceToken: "{{deviceToken:remy}}" } }) }, device: device("remy") }),
    noReset({ name: "manual-remy-token-after-revoke", probe: "shared token after revoke (new device token?)", connect: { params: params({ scopes: READ }) }, device: device("remy") }),
    ADMIN_CLI("manual-remove", "remove remy", [{ method: "device.pair.remove", params: { deviceId: REMY_ID } }]),
    noReset({ name: "manual-remy-after-remove", probe: "removed device with the shared token", connect: { params: params({ scopes: READ }) }, device: device("remy") }),
    noReset({ name: "manual-remy-old-device-token-after-remove", probe: "removed device with its last device token", connect: { params: params({ scopes: READ, auth: { deviceToken: "{{deviceToken:remy}}" } }) }, device: device("remy") }),
    noReset({ name: "manual-backend-new-device", probe: "gateway-client/backend with a new device, right token", connect: { params: params({ client: BACKEND }) }, device: device("lena") }),
    noReset({ name: "manual-control-ui-new-device", probe: "Control UI, localhost Origin, new device, right token", headers: { origin: "http://localhost:{{port}}" }, connect: { params: params({ client: CONTROL_UI }) }, device: device("uma") }),
    noReset({ name: "manual-node-new-device", probe: "node-host/node role node, new device, right token", connect: { params: params({ client: NODE_HOST, role: "node", scopes: [] }) }, device: device("ivan") }),
    noReset({ name: "manual-remote-host-new-device", probe: "Host gateway.example, new device, right token", headers: { host: REMOTE_HOST }, connect: { params: params({}) }, device: device("otto") }),
    ADMIN_CLI("manual-list-end", "pending requests at the end", [{ method: "device.pair.list" }]),
  ],
};

export const ALL_RUNS: readonly CuratedRun[] = [TOKEN_RUN, INSECURE_AUTH_RUN, RATE_LIMIT_RUN, MANUAL_PAIRING_RUN];
