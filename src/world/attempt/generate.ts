// Seeded generator of connect attempts: a fast-check arbitrary over valid and broken connect params, every
// device-signing option, credentials (right/wrong/missing/password/device token), Host/Origin headers and
// after-hello calls. A small identity pool makes pairing state build up the same way on both sides. The
// conformance run (sim/conformance) replays its sequences against a real gateway and the model; chaos draws
// probe attempts from the same arbitrary (src/chaos/probes.ts). Pure: the same seed gives the same attempts.
import { createHash } from "node:crypto";
import fc from "fast-check";

import type { Attempt, DeviceSpec, RpcCall } from "./attempt.ts";

/** A fixed Ed25519 seed per name (the oracle's identity naming, so recorded fixtures keep their devices). */
export function seedForName(name: string): string {
  return createHash("sha256").update(`clawsim-oracle-identity:${name}`).digest("hex");
}

/** The identity pool (name → Ed25519 seed hex); small so earlier attempts pair devices later ones reuse. */
export const poolNames = ["ann", "ben", "cat", "dan"] as const;
export type PoolName = (typeof poolNames)[number];
export const conformanceIdentities: Readonly<Record<PoolName, string>> = Object.fromEntries(
  poolNames.map((name) => [name, seedForName(`conformance-${name}`)]),
) as Record<PoolName, string>;
/** Signs while another identity's public key is presented. */
export const otherKeySeed = seedForName("conformance-other");

export const wrongToken = "conformance-wrong-token-0123456789";
export const wrongDeviceToken = "conformance-not-a-device-token";
export const foreignHost = "gateway.example";
export const localOrigin = "http://127.0.0.1:{{port}}";
export const localhostOrigin = "http://localhost:{{port}}";
export const foreignOrigin = "https://evil.example";

/** 2026.9's client ids and modes (the connect schema's enums), plus one value outside each enum. */
export const clientIds = [
  "webchat-ui", "openclaw-control-ui", "openclaw-tui", "webchat", "cli", "gateway-client", "openclaw-macos", "openclaw-ios",
  "openclaw-android", "node-host", "test", "fingerprint", "openclaw-probe", "openclaw-browser-copilot", "openclaw-linux",
  "openclaw-watchos", "openclaw-worker",
] as const;
export const clientModes = ["webchat", "cli", "ui", "backend", "node", "probe", "test", "worker"] as const;
export const bogusClientId = "bogus-client";
export const bogusMode = "bogus-mode";
const typicalClients: readonly (readonly [string, string])[] = [
  ["cli", "cli"], ["openclaw-tui", "ui"], ["openclaw-control-ui", "webchat"], ["webchat", "webchat"],
  ["gateway-client", "backend"], ["node-host", "node"], ["openclaw-probe", "probe"], ["test", "test"],
];
export const allScopes = ["operator.admin", "operator.read", "operator.write", "operator.pairing", "operator.approvals", "bogus.scope"] as const;

/** After-hello calls: read-only, or refused before anything runs (chat.send with empty params fails validation). */
export const afterHelloCalls: readonly RpcCall[] = [{ method: "health" }, { method: "status" }, { method: "chat.send", params: {} }, { method: "device.pair.list" }];

export type Credential =
  | { readonly kind: "token" | "wrong-token" | "none" | "empty-auth" | "empty-token" | "password" | "wrong-device-token" | "right-token+wrong-device-token" }
  | { readonly kind: "device-token" | "token+device-token" | "wrong-token+device-token" | "device-token-as-token"; readonly name: PoolName; readonly role: "operator" | "node" };

export const signedAtOffsetsMs = [0, -60_000, 60_000, -119_000, 119_000, -121_000, 121_000, -600_000, 600_000] as const;

/** Everything drawn for one attempt, before it becomes an Attempt. */
export interface AttemptChoice {
  readonly client: { readonly id: string; readonly mode: string; readonly buildId?: string };
  readonly role: "operator" | "node" | "bogus" | "omit";
  readonly scopes: readonly string[] | "omit";
  readonly protocol: readonly [number, number];
  readonly extraParam: boolean;
  readonly missing: "none" | "client" | "client.version" | "minProtocol" | "client.platform";
  readonly credential: Credential;
  readonly device: DeviceSpec | null;
  readonly host: "none" | "local" | "foreign";
  readonly origin: "none" | "local" | "localhost" | "foreign" | "null";
  readonly afterHello: readonly RpcCall[];
}

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const c = <T>(weight: number, value: T) => w(weight, fc.constant(value));
const pool = fc.constantFrom(...poolNames);

const clientArb = fc.oneof(
  w(12, fc.constantFrom(...typicalClients).map(([id, mode]) => ({ id, mode }))),
  w(2, fc.record({ id: fc.constantFrom(...clientIds), mode: fc.constantFrom(...clientModes) })),
  c(1, { id: bogusClientId, mode: "cli" }),
  c(1, { id: "cli", mode: bogusMode }),
);
const buildIdArb = fc.oneof(c(6, undefined), c(2, "dev"), c(1, "stale-build-id"));

const scopesArb = fc.oneof(
  c(2, "omit" as const),
  c(1, [] as string[]),
  c(5, ["operator.admin"]),
  c(3, ["operator.read"]),
  w(3, fc.subarray([...allScopes], { minLength: 1 })),
);

const credentialArb: fc.Arbitrary<Credential> = fc.oneof(
  c(10, { kind: "token" as const }),
  c(3, { kind: "wrong-token" as const }),
  c(2, { kind: "none" as const }),
  c(1, { kind: "empty-auth" as const }),
  c(1, { kind: "empty-token" as const }),
  c(1, { kind: "password" as const }),
  c(1, { kind: "wrong-device-token" as const }),
  c(1, { kind: "right-token+wrong-device-token" as const }),
  w(6, fc.record({ kind: fc.constantFrom("device-token" as const, "token+device-token" as const, "wrong-token+device-token" as const, "device-token-as-token" as const), name: pool, role: fc.oneof(c(5, "operator" as const), c(1, "node" as const)) })),
);

const deviceArb: fc.Arbitrary<DeviceSpec> = fc
  .record({
    name: pool,
    payloadVersion: fc.oneof(c(10, "v3" as const), c(1, "v2" as const), c(1, "v1" as const)),
    signedAtOffsetMs: fc.oneof(c(14, 0), w(3, fc.constantFrom(...signedAtOffsetsMs.slice(1)))),
    nonce: fc.oneof(c(20, "challenge"), c(1, "blank"), c(1, "stale"), c(1, "omit")),
    otherKey: fc.oneof(c(20, false), c(1, true)),
    idOverride: fc.oneof(c(30, undefined), c(1, "0".repeat(64)), c(1, "not-a-hex-device-id")),
    publicKeyFormat: fc.oneof(c(20, "base64url" as const), c(1, "pem" as const), c(1, "garbage" as const)),
    signatureFormat: fc.oneof(c(20, "base64url" as const), c(1, "base64" as const)),
  })
  .map((d) => ({
    identitySeed: conformanceIdentities[d.name],
    payloadVersion: d.payloadVersion,
    ...(d.signedAtOffsetMs !== 0 ? { signedAtOffsetMs: d.signedAtOffsetMs } : {}),
    ...(d.nonce !== "challenge" ? { nonce: d.nonce } : {}),
    ...(d.otherKey ? { otherKeySeed } : {}),
    ...(d.idOverride !== undefined ? { idOverride: d.idOverride } : {}),
    ...(d.publicKeyFormat !== "base64url" ? { publicKeyFormat: d.publicKeyFormat } : {}),
    ...(d.signatureFormat !== "base64url" ? { signatureFormat: d.signatureFormat } : {}),
  }));

/** Any value for every field, broken ones included: most of these attempts fail somewhere. */
const anyChoiceArb: fc.Arbitrary<AttemptChoice> = fc.record({
  client: fc.tuple(clientArb, buildIdArb).map(([client, buildId]) => (buildId === undefined ? client : { ...client, buildId })),
  role: fc.oneof(c(12, "operator" as const), c(4, "node" as const), c(1, "bogus" as const), c(2, "omit" as const)),
  scopes: scopesArb,
  protocol: fc.oneof(c(16, [4, 4] as const), c(1, [3, 3] as const), c(1, [5, 5] as const), c(1, [3, 5] as const)),
  extraParam: fc.oneof(c(20, false), c(1, true)),
  missing: fc.oneof(c(40, "none" as const), c(1, "client" as const), c(1, "client.version" as const), c(1, "minProtocol" as const), c(1, "client.platform" as const)),
  credential: credentialArb,
  device: fc.oneof(c(3, null), w(7, deviceArb)),
  host: fc.oneof(c(12, "none" as const), c(1, "local" as const), c(2, "foreign" as const)),
  origin: fc.oneof(c(12, "none" as const), c(3, "local" as const), c(1, "localhost" as const), c(1, "foreign" as const), c(1, "null" as const)),
  afterHello: fc.oneof(c(1, [] as RpcCall[]), w(1, fc.subarray([...afterHelloCalls], { minLength: 1 }))),
});

const cleanClients: readonly (readonly [string, string, "operator" | "node"])[] = [
  ["cli", "cli", "operator"], ["cli", "cli", "operator"], ["gateway-client", "backend", "operator"], ["openclaw-tui", "ui", "operator"],
  ["node-host", "node", "node"], ["openclaw-macos", "node", "node"], ["test", "test", "operator"],
];

/** A well-formed attempt a gateway should accept (fresh devices pair silently on loopback): builds pairing state. */
export const cleanChoiceArb: fc.Arbitrary<AttemptChoice> = fc
  .record({
    client: fc.constantFrom(...cleanClients),
    scopes: fc.oneof(c(4, ["operator.admin"]), c(2, ["operator.read"]), c(1, "omit" as const), w(1, fc.subarray(["operator.read", "operator.write", "operator.pairing"], { minLength: 1 }))),
    device: fc.oneof(c(1, null), w(4, fc.record({ name: pool, payloadVersion: fc.oneof(c(8, "v3" as const), c(1, "v2" as const)) }))),
    credential: fc.oneof(c(3, "token" as const), c(2, "device-token" as const), c(1, "token+device-token" as const)),
    afterHello: fc.oneof(c(1, [] as RpcCall[]), w(1, fc.subarray([...afterHelloCalls], { minLength: 1 }))),
  })
  .map(({ client: [id, mode, role], scopes, device, credential, afterHello }) => ({
    client: { id, mode },
    role,
    scopes: role === "node" ? [] : scopes,
    protocol: [4, 4] as const,
    extraParam: false,
    missing: "none" as const,
    credential: device === null || credential === "token" ? { kind: "token" as const } : { kind: credential, name: device.name, role },
    device: device === null ? null : { identitySeed: conformanceIdentities[device.name], payloadVersion: device.payloadVersion },
    host: "none" as const,
    origin: "none" as const,
    afterHello,
  }));

/** Half clean attempts (state builds up), half anything (every broken option gets exercised). */
export const attemptChoiceArb: fc.Arbitrary<AttemptChoice> = fc.oneof(w(1, cleanChoiceArb), w(1, anyChoiceArb));

function authOf(credential: Credential): Record<string, string> | undefined {
  const tokenOf = (name: string, role: string) => `{{deviceToken:${name}${role === "node" ? "/node" : ""}}}`;
  switch (credential.kind) {
    case "token":
      return { token: "{{gatewayToken}}" };
    case "wrong-token":
      return { token: wrongToken };
    case "none":
      return undefined;
    case "empty-auth":
      return {};
    case "empty-token":
      return { token: "" };
    case "password":
      return { password: wrongToken };
    case "wrong-device-token":
      return { deviceToken: wrongDeviceToken };
    case "right-token+wrong-device-token":
      return { token: "{{gatewayToken}}", deviceToken: wrongDeviceToken };
    case "device-token":
      return { deviceToken: tokenOf(credential.name, credential.role) };
    case "token+device-token":
      return { token: "{{gatewayToken}}", deviceToken: tokenOf(credential.name, credential.role) };
    case "wrong-token+device-token":
      return { token: wrongToken, deviceToken: tokenOf(credential.name, credential.role) };
    case "device-token-as-token":
      return { token: tokenOf(credential.name, credential.role) };
  }
}

function paramsOf(choice: AttemptChoice): Record<string, unknown> {
  const client: Record<string, unknown> = { id: choice.client.id, version: "2026.9.6", platform: "linux", mode: choice.client.mode };
  if (choice.client.buildId !== undefined) client["buildId"] = choice.client.buildId;
  const auth = authOf(choice.credential);
  const params: Record<string, unknown> = {
    minProtocol: choice.protocol[0],
    maxProtocol: choice.protocol[1],
    client,
    ...(choice.role === "omit" ? {} : { role: choice.role }),
    ...(choice.scopes === "omit" ? {} : { scopes: [...choice.scopes] }),
    ...(auth === undefined ? {} : { auth }),
    ...(choice.extraParam ? { extra: true } : {}),
  };
  if (choice.missing === "client") delete params["client"];
  if (choice.missing === "minProtocol") delete params["minProtocol"];
  if (choice.missing === "client.version") delete client["version"];
  if (choice.missing === "client.platform") delete client["platform"];
  return params;
}

function headersOf(choice: AttemptChoice): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  if (choice.host === "local") headers["host"] = "localhost:{{port}}";
  if (choice.host === "foreign") headers["host"] = foreignHost;
  const origins = { none: undefined, local: localOrigin, localhost: localhostOrigin, foreign: foreignOrigin, null: "null" } as const;
  const origin = origins[choice.origin];
  if (origin !== undefined) headers["origin"] = origin;
  return Object.keys(headers).length > 0 ? headers : undefined;
}

/** The Attempt a choice describes. */
export function attemptOf(name: string, choice: AttemptChoice): Attempt {
  const headers = headersOf(choice);
  return {
    name,
    ...(headers !== undefined ? { headers } : {}),
    connect: { params: paramsOf(choice) },
    ...(choice.device !== null ? { device: choice.device } : {}),
    ...(choice.afterHello.length > 0 ? { afterHello: choice.afterHello } : {}),
  };
}

/** fast-check takes a 32-bit seed; fold the CLI's 64-bit seed into one. */
export function fastCheckSeed(seed: bigint): number {
  return Number(BigInt.asIntN(32, seed ^ (seed >> 32n)));
}

/** The arbitrary of attempt sequences of exactly `count` attempts, named c0001, c0002, ... */
export function attemptSequenceArb(count: number): fc.Arbitrary<Attempt[]> {
  const digits = Math.max(4, String(count).length);
  return fc
    .array(attemptChoiceArb, { minLength: count, maxLength: count })
    .map((choices) => choices.map((choice, index) => attemptOf(`c${String(index + 1).padStart(digits, "0")}`, choice)));
}

/** The sequence for a seed: the same seed and count always give the same attempts. */
export function generateAttempts(seed: bigint, count: number): Attempt[] {
  const [sequence] = fc.sample(attemptSequenceArb(count), { seed: fastCheckSeed(seed), numRuns: 1 });
  if (sequence === undefined) throw new Error("fast-check produced no sample");
  return sequence;
}
